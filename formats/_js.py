"""JavaScript's reading of JSON values, so Python refuses exactly what the page refuses.

The pages parse files with ``JSON.parse`` and check them with JavaScript's
rules: every number is a double, a string's length is counted in UTF-16 code
units, ``trim`` and ``\\s`` know their own set of spaces, and an object's
integer-like keys come first. These helpers give Python the same answers.
"""

from __future__ import annotations

import json
import math
import re

# ECMAScript's WhiteSpace and LineTerminator: what trim() and \s remove.
JS_SPACES = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
JS_SPACE_RUN = re.compile(f"[{re.escape(JS_SPACES)}]+")
_MAX_SAFE = 2**53
_ARRAY_INDEX = re.compile(r"0|[1-9][0-9]*")


class NotJSON(ValueError):
    """The text is not JSON that ``JSON.parse`` reads."""


def _integer(text: str):
    # JSON.parse reads every number as a double: an integer beyond 2**53
    # loses its precision, or becomes Infinity, as in the page.
    value = int(text) if len(text) <= 17 else float(text)
    return value if abs(value) <= _MAX_SAFE else float(text)


def _refuse_constant(name: str):
    raise NotJSON(name)  # NaN, Infinity: Python's json accepts them, JSON.parse does not


def parse_json(text: str):
    """``JSON.parse(text)``; raises ``NotJSON`` where it throws."""
    try:
        return json.loads(text, parse_int=_integer, parse_float=float, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as error:  # RecursionError: nested deeper than Python goes
        raise NotJSON(str(error)) from None


def decode_file(data: bytes) -> str:
    """A file's bytes as ``file.text()`` gives them: UTF-8, a leading BOM
    dropped, bytes that are not UTF-8 replaced by U+FFFD."""
    text = data.decode("utf-8", "replace")
    return text[1:] if text.startswith("\ufeff") else text


def strip_bom(text: str) -> str:
    """``text.replace(/^\\uFEFF/, "")``."""
    return text[1:] if text.startswith("\ufeff") else text


def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_integer(value) -> bool:
    """``Number.isInteger(value)``."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value) and value.is_integer()


def number_text(value) -> str:
    """``String(value)`` for an integer-valued number: 2, not 2.0; 1e+21 beyond."""
    value = float(value)
    return str(int(value)) if abs(value) < 1e21 else repr(value)  # 1e+21, as JavaScript writes it


def js_len(text: str) -> int:
    """``text.length``: characters beyond U+FFFF count twice."""
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def js_slice(text: str, start: int, end: int) -> str:
    """``text.slice(start, end)`` in UTF-16 code units (a pair may be cut, as in the page)."""
    if js_len(text) == len(text):
        return text[start:end]
    units = text.encode("utf-16-le", "surrogatepass")
    return units[2 * start : 2 * end].decode("utf-16-le", "surrogatepass")


def js_trim(text: str) -> str:
    """``text.trim()``."""
    return text.strip(JS_SPACES)


def js_keys(mapping: dict) -> list[str]:
    """``Object.keys(mapping)``: array-index keys first, by number, then the others in order."""
    indices = [k for k in mapping if _ARRAY_INDEX.fullmatch(k) and int(k) < 2**32 - 1]
    if not indices:
        return list(mapping)
    taken = set(indices)
    return sorted(indices, key=int) + [k for k in mapping if k not in taken]
