// core/words.js: the catalog's French rules, the same cases as tests/words/test_words.py.
import { test } from "node:test";
import assert from "node:assert/strict";
import { t, joinList, countText, pluralForm, setWords, words } from "../../docs/assets/javascripts/core/words.js";

test("the catalog the build writes is loaded", () => {
  assert.equal(typeof words()["common.and"], "string");
});

test("plural forms: singular under 2", () => {
  assert.deepEqual([0, 1, 1.5, 2, 10].map(pluralForm), ["one", "one", "one", "other", "other"]);
});

test("counts with French digit groups", () => {
  assert.equal(countText(10000), "10\u00a0000");
  assert.equal(countText(1.5), "1,5");
  assert.equal(countText(-1234567), "-1\u00a0234\u00a0567");
});

test("t fills placeholders and picks the plural", () => {
  const saved = words();
  setWords({ ...saved, "x.dims": { one: "{n} dimension", other: "{n} dimensions" }, "x.hello": "Bonjour {name}" });
  try {
    assert.equal(t("x.dims", { n: 1 }), "1 dimension");
    assert.equal(t("x.dims", { n: 20000 }), "20\u00a0000 dimensions");
    assert.equal(t("x.hello", { name: "Liège" }), "Bonjour Liège");
  } finally {
    setWords(saved);
  }
});

test("lists end with et", () => {
  assert.equal(joinList(["A"]), "A");
  assert.equal(joinList(["A", "B", "C"]), "A, B et C");
  assert.equal(joinList(["A", "B"], true), "\u00ab A \u00bb et \u00ab B \u00bb");
});
