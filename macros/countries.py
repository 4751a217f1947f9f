"""Law per country, side by side: Material content tabs in the network's order.

The guide compares Québec, France and Belgium. A page that does so writes one
line, ``{{ law_tabs("topic") }}``; the text of each tab lives in
``includes/law/<topic>/<qc|fr|be>.md`` (plain Markdown, written once). The tab
of the network's own country (``extra.network.country`` in mkdocs.yml) comes
first; the other two follow in the order Québec, France, Belgique. The tab
labels are the same on every page, so Material's ``content.tabs.link`` keeps
them in step across the site.
"""

from __future__ import annotations

import json
import textwrap
from html import escape
from pathlib import Path

from agreements import TERRITORIES
from calculators.money import COUNTRY_MONEY
from law.cite import MalformedCall, UnknownReference, expand
from words import t

# The countries the guide covers: agreements' codes, their names from words/country.py.
COUNTRIES = {code: t(f"country.name.{code}") for code in TERRITORIES}
LAW_DIR = Path(__file__).resolve().parent.parent / "includes" / "law"


class CountryError(ValueError):
    """A French message naming the file or setting to fix."""


def network_country(extra: dict | None) -> str:
    """The code in ``extra.network.country`` (QC when absent); a clear error otherwise."""
    network = (extra or {}).get("network") or {}
    code = network.get("country", "QC")
    if not isinstance(code, str) or code.upper() not in COUNTRIES:
        raise CountryError(
            f"mkdocs.yml : extra.network.country vaut « {code} » ; choisissez QC (Québec), FR (France) ou BE (Belgique)."
        )
    return code.upper()


def order(first: str) -> list[str]:
    """The three country codes, ``first`` at the head, the others in the order QC, FR, BE."""
    if first not in COUNTRIES:
        raise CountryError(f"Pays inconnu « {first} » : choisissez parmi {', '.join(COUNTRIES)}.")
    return [first] + [code for code in COUNTRIES if code != first]


def tab_text(topic: str, code: str, law_dir: Path = LAW_DIR) -> str:
    path = law_dir / topic / f"{code.lower()}.md"
    if not path.is_file():
        raise CountryError(f"includes/law/{topic}/{code.lower()}.md : fichier introuvable (texte de l'onglet {COUNTRIES[code]}).")
    text = path.read_text(encoding="utf-8").strip()
    if not text:
        raise CountryError(f"includes/law/{topic}/{code.lower()}.md : le fichier est vide.")
    return text


def law_tabs(topic: str, first: str, law_dir: Path = LAW_DIR, register: dict | None = None) -> str:
    """Markdown for ``pymdownx.tabbed``: one ``=== "Pays"`` block per country, in order.

    ``{{ law("id") }}`` in a tab file becomes the link of that register entry.
    """
    blocks = []
    for code in order(first):
        text = tab_text(topic, code, law_dir)
        if register is not None:
            try:
                text = expand(text, register)
            except (UnknownReference, MalformedCall) as error:
                raise CountryError(f"includes/law/{topic}/{code.lower()}.md : {error}") from None
        body = textwrap.indent(text, "    ")
        blocks.append(f'=== "{COUNTRIES[code]}"\n\n{body}\n')
    return "\n".join(blocks)


def register(env, law_register: dict | None = None) -> None:
    first = network_country(env.conf.get("extra"))
    env.macro(lambda topic: law_tabs(topic, first, register=law_register), "law_tabs")


# --- the reader's country: one choice for the whole site -------------------------
# The choice is kept where Material keeps the law tabs' (``__tabs``), so
# choosing a tab and choosing a country are the same act
# (docs/assets/javascripts/country.js reads and writes it).


def site_countries(first: str) -> dict:
    """What the browser needs to know of each country: name, currency sign, locale."""
    return {
        "default": first,
        "countries": {code: {"name": COUNTRIES[code], **COUNTRY_MONEY[code]} for code in order(first)},
    }


def country_control(first: str, ident: str) -> str:
    """A "Votre pays" menu (one HTML block, no blank line); country.js mounts it."""
    data = escape(json.dumps(site_countries(first), ensure_ascii=False))
    options = "".join(f'<option value="{code}">{escape(COUNTRIES[code])}</option>' for code in order(first))
    return (
        f'<p class="mu-country" data-countries="{data}">'
        f'<label for="{ident}">{escape(t("country.label"))}</label> '
        f'<select id="{ident}" class="mu-country-select" aria-describedby="{ident}-help">{options}</select> '
        f'<span class="mu-help" id="{ident}-help">{escape(t("country.help"))}</span></p>'
    )
