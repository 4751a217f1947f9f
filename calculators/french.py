"""French plurals for the words a user types (a unit: « kilomètre », « heure de location »).

``count_noun(count, "kilomètre", locale)`` gives « 20 000 kilomètres »: the
number written in French (``calculators.money.format_number``) and the noun
in the plural from 2 on (French takes the singular for 0 and 1, « 1,5 heure »
included). ``noun_plural`` follows the grammar's regular rules and their
usual exceptions; a symbol (« km », « kWh », « m² ») never takes an « s ».
In a phrase, the words before a preposition agree (« pied linéaire » →
« pieds linéaires »), those after it do not (« heure de location » →
« heures de location »).
"""

from __future__ import annotations

import re
from decimal import Decimal

from calculators.money import format_number

# Regular: + s. The exceptions below are the grammar books' lists.
_AU_EU_S = {"landau", "sarrau", "bleu", "pneu", "émeu"}
_OU_X = {"bijou", "caillou", "chou", "genou", "hibou", "joujou", "pou"}
_AL_S = {"bal", "carnaval", "chacal", "festival", "récital", "régal", "cal", "banal", "fatal", "final", "natal", "naval"}
_AIL_AUX = {"bail": "baux", "corail": "coraux", "émail": "émaux", "soupirail": "soupiraux", "travail": "travaux",
            "vantail": "vantaux", "vitrail": "vitraux"}
_IRREGULAR = {"œil": "yeux", "ciel": "cieux", "aïeul": "aïeux", "lieu": "lieux"}
# Words after which the rest of a phrase does not agree with the count.
_PREPOSITIONS = {"de", "du", "des", "d", "à", "au", "aux", "en", "par", "pour", "sur", "sans", "avec", "sous"}
_VOWELS = set("aeiouyàâäéèêëîïôöùûüœæ")


def _is_symbol(word: str) -> bool:
    """« km », « h », « kWh », « m² », « L », « CO2 »: units written as symbols stay as they are."""
    letters = [c for c in word if c.isalpha()]
    return (
        (len(letters) <= 2 and word.lower() != "an")
        or any(c.isdigit() or c in "²³/." for c in word)
        or any(c.isupper() for c in word[1:])
        or not any(c.lower() in _VOWELS for c in letters)
    )


def word_plural(word: str) -> str:
    """One French word in the plural (« cheval » → « chevaux », « heure » → « heures »)."""
    lower = word.lower()
    if not word or _is_symbol(word) or lower[-1] in "sxz":
        return word
    if lower in _IRREGULAR:
        plural = _IRREGULAR[lower]
        return plural[0].upper() + plural[1:] if word[0].isupper() else plural
    if lower in _AIL_AUX:
        return word[: -len("ail")] + "aux"
    if lower.endswith(("au", "eu")):
        return word + ("s" if lower in _AU_EU_S else "x")
    if lower.endswith("ou"):
        return word + ("x" if lower in _OU_X else "s")
    if lower.endswith("al") and lower not in _AL_S:
        return word[:-2] + "aux"
    return word + "s"


_TOKEN = re.compile(r"(\s+|['’-])")


def noun_plural(phrase: str) -> str:
    """A noun phrase typed in the singular, in the plural: every word up to the
    first preposition agrees (« pied linéaire raboté » → « pieds linéaires rabotés »)."""
    out = []
    agreeing = True
    for token in _TOKEN.split(phrase):
        if not token or _TOKEN.fullmatch(token):
            out.append(token)
            continue
        if token.lower() in _PREPOSITIONS or (out and out[-1] in ("'", "’")):
            agreeing = False
        out.append(word_plural(token) if agreeing else token)
    return "".join(out)


def plural(count, singular: str, plural_form: str) -> str:
    """French: 0 and 1 take the singular (« 1 partenaire », « 0 utilisation »)."""
    return singular if abs(count) < 2 else plural_form


def count_noun(count: Decimal | int, singular: str, locale: str = "fr_CA", decimals: int | None = None) -> str:
    """« 20 000 kilomètres », « 1 heure », « 0,5 heure »: the number, then the noun,
    plural from 2 on. ``decimals``: the places shown (default: as many as the number has, at most 4)."""
    count = Decimal(count)
    if decimals is None:
        exponent = count.normalize().as_tuple().exponent
        decimals = min(max(0, -exponent), 4) if isinstance(exponent, int) else 0
    noun = noun_plural(singular) if abs(count) >= 2 else singular
    return f"{format_number(count, locale, decimals)}\u00a0{noun}" if noun else format_number(count, locale, decimals)
