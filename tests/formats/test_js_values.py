"""formats._js: JSON values read as JavaScript reads them (worked out from the ECMAScript rules)."""

from __future__ import annotations

import pytest

from formats._js import NotJSON, is_integer, js_keys, js_len, js_slice, js_trim, number_text, parse_json

EMOJI = "\U0001F600"


def test_lengths_and_slices_count_utf16_code_units():
    assert js_len("abc") == 3
    assert js_len(f"a{EMOJI}") == 3  # "a".length 1 + "😀".length 2
    assert js_slice(f"ab{EMOJI}c", 0, 4) == f"ab{EMOJI}"
    assert js_slice(f"ab{EMOJI}c", 0, 3) == "ab\ud83d"  # the pair cut, as "…".slice(0, 3) cuts it


def test_trim_knows_javascripts_spaces():
    assert js_trim("\ufeff\u00a0 Atelier\u3000\n") == "Atelier"
    assert js_trim("\x1cAtelier\x85") == "\x1cAtelier\x85"  # spaces for Python, not for JavaScript


def test_keys_put_array_indices_first():
    assert js_keys({"b": 0, "12": 0, "3": 0, "a": 0, "03": 0, "-1": 0}) == ["3", "12", "b", "a", "03", "-1"]
    assert js_keys({"4294967295": 0, "1": 0}) == ["1", "4294967295"]  # 2**32 - 1 is not an index


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1", 1),
        ("1.0", 1.0),
        ("9007199254740993", 9007199254740992.0),  # beyond 2**53: the double JavaScript reads
        ("1" + "0" * 400, float("inf")),
        ("1e400", float("inf")),
    ],
)
def test_numbers_are_doubles(text, value):
    assert parse_json(text) == value


@pytest.mark.parametrize("text", ["NaN", "Infinity", "-Infinity", "{'a': 1}", "[1,]", "", "\u00a0{}"])
def test_what_json_parse_refuses(text):
    with pytest.raises(NotJSON):
        parse_json(text)


def test_integers_as_number_is_integer_sees_them():
    assert [is_integer(v) for v in (1, 1.0, 2**60, 1.5, True, float("inf"), "1", None)] == [True, True, True, False, False, False, False, False]
    assert [number_text(v) for v in (3, 3.0, 99, 1e21, 1.5e25)] == ["3", "3", "99", "1e+21", "1.5e+25"]
