// Node unit tests for the pure rules of partners.js, registry.js and
// grid-files.js's uniqueName. Run: node --test tests/js/
// Expected values are worked out by hand in the comments.
import { test } from "node:test";
import assert from "node:assert/strict";

import "./python-rules.mjs";

import { columnsFor, compareRows, inventoryPairings, makePartner, readPartners, dossierMarkdown } from "../../docs/assets/javascripts/partners.js";
import { describeTally, kindOfKey, tally } from "../../docs/assets/javascripts/registry.js";
import { uniqueName } from "../../docs/assets/javascripts/grid-files.js";

const INVENTORY = {
  id: "inventaire",
  version: 1,
  title: "Inventaire",
  sections: [
    { id: "locaux", title: "Locaux", questions: [
      { id: "locaux_offre", kind: "text", label: "Offre" },
      { id: "locaux_besoin", kind: "text", label: "Besoin" },
    ] },
    { id: "transport", title: "Transport", questions: [
      { id: "transport_offre", kind: "text", label: "Offre" },
      { id: "transport_besoin", kind: "text", label: "Besoin" },
    ] },
    { id: "notes", title: "Notes", questions: [{ id: "notes_libres", kind: "text", label: "Notes" }] },
  ],
};

test("uniqueName: a taken name gets (2), then (3); case and spaces aside", () => {
  assert.equal(uniqueName("Atelier", []), "Atelier");
  assert.equal(uniqueName("Atelier", ["atelier "]), "Atelier (2)");
  assert.equal(uniqueName("Atelier", ["ATELIER", "atelier (2)"]), "Atelier (3)");
});

test("registry: each key's kind, counted in a fixed order and named in French", () => {
  const prefix = "mutuus:/:";
  const keys = [
    "mutuus:/:impulsion:v1", "mutuus:/:portrait:v1", "mutuus:/:organisation", "mutuus:/:grille:v1",
    "mutuus:/:calculator:split", "mutuus:/:agreement:van", "mutuus:/:board:filters",
    "mutuus:/:portrait:v1:damaged:2026-11-20T00:00:00Z", "mutuus:/:partners:v1", "mutuus:/:strange",
    "mutuus:/autre/:impulsion:v1", // another site root: not counted
  ];
  assert.equal(kindOfKey("calculator:usage-cost"), "calculator");
  assert.equal(kindOfKey("impulsion:v12"), "questionnaire");
  const t = tally(keys, prefix);
  assert.deepEqual(t.map((x) => [x.kind, x.count]), [
    ["questionnaire", 2], ["organisation", 1], ["partners", 1], ["grid", 1], ["calculator", 1],
    ["agreement", 1], ["board", 1], ["damaged", 1], ["other", 1],
  ]);
  assert.equal(describeTally([{ kind: "questionnaire", count: 2 }, { kind: "calculator", count: 1 }]),
    "2 questionnaires et 1 résultat de calculateur");
  assert.equal(describeTally([]), "");
});

test("makePartner: named by the file's organisation, renamed on a clash with yours", () => {
  const data = { organisation: "atelier du plateau", exported_at: "2026-11-22T10:00:00Z",
    questionnaires: [{ definition: INVENTORY, organisation: "atelier du plateau", answers: { locaux_offre: { value: "Salle" }, inconnue: { value: "x" } } }] };
  const p = makePartner(data, { ownName: "Atelier du Plateau", partners: [], id: "p-1", now: new Date("2026-11-23T00:00:00Z") });
  assert.equal(p.name, "atelier du plateau (2)");
  assert.equal(p.file_name, "atelier du plateau");
  assert.deepEqual(p.questionnaires, { inventaire: { version: 1, answers: { locaux_offre: { value: "Salle" } } } });
  assert.equal(p.imported_at, "2026-11-23T00:00:00.000Z");
  const unnamed = makePartner({ organisation: "", exported_at: "", questionnaires: [] }, { id: "p-2" });
  assert.equal(unnamed.name, "Partenaire sans nom");
  // A stored list is read back; an entry without id or name is left out.
  assert.deepEqual(readPartners({ partners: [p, { name: "x" }] }, { inventaire: INVENTORY }).map((x) => x.name), ["atelier du plateau (2)"]);
});

test("inventoryPairings: what one offers where another needs, by category, in order", () => {
  const own = { name: "A", answers: { locaux_offre: { value: "Salle" }, transport_besoin: { value: "Camion" } } };
  const partners = [
    { id: "p1", name: "B", questionnaires: { inventaire: { version: 1, answers: { locaux_besoin: { value: "Bureau" }, transport_offre: { value: "Minibus" } } } } },
    { id: "p2", name: "C", questionnaires: { inventaire: { version: 1, answers: { locaux_besoin: { value: "Entrepôt" } } } } },
    { id: "p3", name: "D", questionnaires: {} }, // nothing for this questionnaire: no column
  ];
  const columns = columnsFor(INVENTORY, own, partners);
  assert.deepEqual(columns.map((c) => c.name), ["A", "B", "C"]);
  // Locaux: A offers; B and C need -> A->B, A->C. Transport: B offers, A needs -> B->A.
  assert.deepEqual(inventoryPairings(INVENTORY, columns).map((p) => `${p.category}: ${p.offerer}->${p.needer}`), [
    "Locaux: A->B", "Locaux: A->C", "Transport: B->A",
  ]);
  const rows = compareRows(INVENTORY, columns);
  assert.equal(rows.length, 5);
  assert.deepEqual(rows[0].cells.map((c) => c.text), ["Salle", "", ""]);
});

test("dossierMarkdown: escapes names, lists partners and pairings", () => {
  const own = { name: "A <b>", answers: { inventaire: { locaux_offre: { value: "Salle" } } } };
  const partners = [{ id: "p1", name: "B (2)", questionnaires: { inventaire: { version: 1, answers: { locaux_besoin: { value: "Bureau" } } } } }];
  const text = dossierMarkdown([INVENTORY], own, partners, new Date("2026-11-23T12:00:00Z"));
  assert.match(text, /^# Dossier Mutuus\n/);
  assert.ok(text.includes("- Organisation : A \\<b\\>"));
  assert.ok(text.includes("- Partenaires : B \\(2\\)"));
  assert.ok(text.includes("- Locaux : A \\<b\\> offre « Salle » ; B \\(2\\) cherche « Bureau »"));
});
