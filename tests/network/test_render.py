"""HTML of the board and contacts: entry text is never interpreted as HTML."""

from __future__ import annotations

import html.parser
from pathlib import Path

from macros.network_catalog import ADVICE, build_catalog
from macros.network_loader import categories_from_inventory
from macros.network_render import french_date, render_board, render_contacts, sort_key
from macros.questionnaire_loader import DocsIndex, load_questionnaire

ROOT = Path(__file__).resolve().parents[2]
CATEGORIES = categories_from_inventory(ROOT / "questionnaires" / "inventaire.yml")
INVENTORY = load_questionnaire(ROOT / "questionnaires" / "inventaire.yml", root=ROOT)
CATALOG = build_catalog(CATEGORIES, INVENTORY, {}, "https://github.com/exemple/tableau")

HOSTILE = {
    "id": "hostile",
    "kind": "offer",
    "category": "locaux",
    "title": "<script>alert(1)</script>",
    "organisation": '"><img src=x onerror=alert(1)>',
    "territory": "Q\" data-x=\"1",
    "country": "QC",
    "description": "<b>gras</b> & {{ board() }}",
    "contact": "https://example.org/?a=1&b=<2>",
    "published": "2026-11-01",
    "until": "2026-12-01",
    "conditions": "<a href='javascript:alert(1)'>clic</a>",
}


class Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []
        self.attrs = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)


def test_hostile_entry_is_escaped():
    out = render_board([HOSTILE], 0, CATALOG)
    parsed = Collector()
    parsed.feed(out)
    assert "script" not in parsed.tags and "img" not in parsed.tags and "b" not in parsed.tags
    assert not any(name.startswith("on") or name == "data-x" for name, _ in parsed.attrs)
    assert ("data-territory", 'Q" data-x="1') in parsed.attrs
    assert ("href", "https://example.org/?a=1&b=<2>") in parsed.attrs
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out


def test_entry_says_where_it_is():
    entry = {**HOSTILE, "title": "Camionnette", "territory": "Liège", "country": "BE", "organisation": "ASBL"}
    out = render_board([entry], 0, CATALOG)
    assert 'data-country="BE"' in out
    assert '<span class="mu-board-place">Liège (Belgique)</span>' in out
    # Territory named as its country: said once.
    out = render_board([{**entry, "territory": "Québec", "country": "QC"}], 0, CATALOG)
    assert '<span class="mu-board-place">Québec</span>' in out


def test_count_sentence_without_parentheses():
    # One entry: singular; none: singular too (French: 0 and 1), and the empty-board note.
    one = render_board([{**HOSTILE, "territory": "Liège", "country": "BE"}], 0, CATALOG)
    assert '<p class="mu-board-count" role="status" aria-live="polite">1 annonce en cours.</p>' in one
    assert ">0 annonce en cours.</p>" in render_board([], 0, CATALOG)
    assert "(s)" not in one


def test_publishing_ways_follow_the_settings():
    def intro(network, repository="https://github.com/exemple/tableau"):
        out = render_board([], 0, build_catalog(CATEGORIES, INVENTORY, network, repository))
        return out.split('<h2 id="mu-board-publish-title">')[1].split("</p>")[0]

    both = intro({"contact": "contact@reseau.example.org"})
    assert ("Sans compte GitHub : téléchargez l&#x27;annonce (un petit fichier .yml), puis joignez-la au courriel "
            "« Écrire au réseau », déjà rédigé. Si vous avez un compte GitHub") in both
    mail_only = intro({"board_email": "tableau@reseau.example.org"})
    assert "Téléchargez l&#x27;annonce (un petit fichier .yml), puis joignez-la" in mail_only and "GitHub" not in mail_only
    # No e-mail address anywhere: the file, to send to the network's team.
    assert "puis envoyez-la à l&#x27;équipe du réseau." in intro({}, repository="")


def test_french_dates():
    assert french_date("2026-03-01") == "1er mars 2026"
    assert french_date("2027-12-25") == "25 décembre 2027"


def test_territories_sort_without_accents():
    assert sorted(["Lille", "Québec", "Liège", "Namur"], key=sort_key) == ["Liège", "Lille", "Namur", "Québec"]


def test_empty_board_says_so():
    assert "Aucune annonce en cours" in render_board([], 3, CATALOG)


def test_contacts_one_territory():
    territories = [
        {"territory": "Liège", "contacts": [{"name": "A", "role": "r", "contact": "a@b.example.org"}]},
        {"territory": "Namur", "contacts": [{"name": "<B>", "role": "r", "contact": "https://n.example.org/"}]},
    ]
    out = render_contacts(territories, "Namur")
    assert "Liège" not in out and "&lt;B&gt;" in out and 'href="https://n.example.org/"' in out


def test_every_category_has_advice_and_its_links_exist():
    docs = DocsIndex(ROOT / "docs")
    assert set(ADVICE) == set(CATEGORIES)
    for pairs in ADVICE.values():
        for _label, target in pairs:
            assert docs.check(target) is None, target


def test_catalog_inventory_fields():
    fields = CATALOG["inventory"]["fields"]
    assert fields["locaux"] == {"offer": "locaux_offre", "need": "locaux_besoin",
                                "conditions": "locaux_conditions", "schedule": "locaux_disponibilite"}
    assert fields["achats"]["schedule"] == "achats_calendrier"
    assert CATALOG["submit"]["mode"] == "issue"
    assert build_catalog(CATEGORIES, INVENTORY, {"board_email": "tableau@reseau.example.org"}, "")["submit"]["mode"] == "email"
