"""words/: the catalog, its French rules, and French left in the browser's modules."""

from __future__ import annotations

import pytest

from words import catalog, count_text, join_list, js_catalog, plural_form, t


def test_plural_forms():
    assert [plural_form(n) for n in (0, 1, 1.5, 2, 10)] == ["one", "one", "one", "other", "other"]


def test_counts():
    assert count_text(10000) == "10\u00a0000"
    assert count_text(1.5) == "1,5"
    assert count_text(-1234567) == "-1\u00a0234\u00a0567"


def test_lists():
    assert join_list(["A"]) == "A"
    assert join_list(["A", "B", "C"]) == "A, B et C"
    assert join_list(["A", "B"], quoted=True) == "« A » et « B »"


def test_t_fills_and_refuses_what_is_missing():
    assert t("common.and") == "et"
    with pytest.raises(KeyError):
        t("common.absent")


def test_every_entry_is_a_sentence_or_plural_pair():
    for key, value in catalog().items():
        assert "." in key
        assert isinstance(value, str) or set(value) == {"one", "other"}, key


def test_js_catalog_is_the_same_objects():
    assert js_catalog().startswith("// Generated")
    assert '"common.and":"et"' in js_catalog()
