"""How an entry of the register is shown: label, link, date (standard library only).

An entry, as ``law.register`` returns it::

    {"id", "territory", "text", "article", "url", "says",
     "checked": "YYYY-MM-DD", "confirmed": bool}
"""

from __future__ import annotations

import re

# The jurisdiction of an entry, and the countries of the guide where it applies.
JURISDICTIONS = {
    "QC": ("Québec", ("QC",)),
    "FR": ("France", ("FR",)),
    "BE": ("Belgique", ("BE",)),
    "EU": ("Union européenne", ("FR", "BE")),
    "CA": ("Canada (fédéral)", ("QC",)),
}
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")
TO_CHECK = "à faire vérifier"
# {{ law("id") }} or {{ law("id", "link text") }}, as written in pages and tab files.
LAW_CALL = re.compile(r"""\{\{\s*law\(\s*["']([a-z0-9-]+)["']\s*(?:,\s*(?:"([^"]+)"|'([^']+)')\s*)?\)\s*\}\}""")
# Anything that still looks like a call once the calls are expanded is a typo.
_LEFT_OVER = re.compile(r"\{\{\s*law\b")


class UnknownReference(KeyError):
    """An id that the register does not hold; ``str()`` is a French message."""

    def __str__(self) -> str:
        return f"référence juridique « {self.args[0]} » absente du registre law/*.yml"


class MalformedCall(ValueError):
    """A ``{{ law(...) }}`` that the pattern cannot read (a quote missing, a stray character)."""


def applies_in(entry: dict) -> tuple[str, ...]:
    """Countries of the guide (QC, FR, BE) where the entry applies."""
    return JURISDICTIONS[entry["territory"]][1]


def jurisdiction_name(entry: dict) -> str:
    return JURISDICTIONS[entry["territory"]][0]


def label(entry: dict) -> str:
    """« Code du travail, art. L8241-2 »."""
    return f"{entry['text']}, {entry['article']}" if entry.get("article") else entry["text"]


def french_date(iso: str) -> str:
    """« 2026-12-06 » → « 6 décembre 2026 » (« 1er » for the first of the month)."""
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{'1er' if day == 1 else day} {MONTHS[month - 1]} {year}"


def markdown_link(entry: dict, text: str | None = None) -> str:
    """The entry as a Markdown link; « (à faire vérifier) » after one not confirmed."""
    shown = (text or label(entry)).replace("[", "(").replace("]", ")")
    if entry["confirmed"]:
        return f'[{shown}]({entry["url"]} "Vérifié le {french_date(entry["checked"])}")'
    title = f"Texte officiel non relu au {french_date(entry['checked'])}"
    return f'[{shown}]({entry["url"]} "{title}") ({TO_CHECK})'


def expand(text: str, register: dict) -> str:
    """Replace every ``{{ law("id") }}`` of a text by its link (country tab files)."""

    def one(match: re.Match) -> str:
        entry = register.get(match.group(1))
        if entry is None:
            raise UnknownReference(match.group(1))
        return markdown_link(entry, match.group(2) or match.group(3))

    expanded = LAW_CALL.sub(one, text)
    left = _LEFT_OVER.search(expanded)
    if left:
        line = expanded[: left.start()].count("\n") + 1
        raise MalformedCall(f"ligne {line} : appel {{{{ law(...) }}}} mal écrit : {expanded[left.start():left.start() + 60].splitlines()[0]}")
    return expanded


def cited_ids(text: str) -> list[str]:
    """Ids of the ``{{ law(...) }}`` calls of a text, in order."""
    return [match.group(1) for match in LAW_CALL.finditer(text)]


def latest(entries: list[dict]) -> str | None:
    """The most recent ``checked`` date of some entries (ISO), None for none."""
    return max((e["checked"] for e in entries), default=None)


def reference_item(entry: dict) -> dict:
    """What a generated agreement lists for one entry (plain data for every output)."""
    return {
        "id": entry["id"],
        "jurisdiction": jurisdiction_name(entry),
        "label": label(entry),
        "url": entry["url"],
        "checked": entry["checked"],
        "checked_text": french_date(entry["checked"]),
        "confirmed": entry["confirmed"],
    }
