"""French rules the catalog applies: which plural form, how a count is written.

The same three rules are written in ``docs/assets/javascripts/core/words.js``
(the only place the browser has them); tests/words/test_words.py runs both on
the same cases.
"""

from __future__ import annotations

from decimal import Decimal

# A no-break space between digit groups, as the calculators write amounts.
GROUP = "\u00a0"


def plural_form(n) -> str:
    """``"one"`` for 0, 1 and anything under 2 (« 1,5 heure »), else ``"other"``."""
    return "one" if abs(Decimal(str(n))) < 2 else "other"


def count_text(n) -> str:
    """A count in French: ``10000`` → « 10 000 », ``1.5`` → « 1,5 »."""
    text = format(Decimal(str(n)).normalize(), "f") if not isinstance(n, int) else str(n)
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, _, fraction = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + GROUP.join(groups) + ("," + fraction if fraction else "")
