"""Render the network's board and contacts as HTML (plain module, no MkDocs).

- ``render_board(entries, expired, catalog, page_url)``: the filters (``hidden``
  until board.js mounts them), a ``role="status"`` count, and the list of
  entries, each an ``<li>`` carrying ``data-kind``, ``data-category`` and
  ``data-territory``. Without JavaScript the page is this plain list. The list
  is the data board.js filters: no second copy of the entries is downloaded.
- ``render_contacts(territories, only=None)``: the contacts of one territory,
  or of all.

Every text from the YAML files goes through ``html.escape``: an entry's text is
never interpreted as HTML. Contacts become ``mailto:`` or ``https://`` links
only (the loader refused anything else).
"""

from __future__ import annotations

import unicodedata

from law.cite import french_date
from macros.network_catalog import place
from macros.questionnaire_render import esc, json_block, link_href
from words import t

def contact_link(contact: str) -> str:
    href = contact if contact.startswith("https://") else "mailto:" + contact
    return f'<a href="{esc(href)}">{esc(contact)}</a>'


def render_entry(entry: dict, catalog: dict) -> str:
    kinds = catalog["kinds"]
    categories = catalog["categories"]
    extra = ""
    if "schedule" in entry:
        extra += f"<dt>Disponibilités</dt><dd>{esc(entry['schedule'])}</dd>"
    if "conditions" in entry:
        extra += f"<dt>Conditions</dt><dd>{esc(entry['conditions'])}</dd>"
    return (
        f'<li class="mu-board-entry" id="annonce-{esc(entry["id"])}" data-kind="{esc(entry["kind"])}"'
        f' data-category="{esc(entry["category"])}" data-territory="{esc(entry["territory"])}"'
        f' data-country="{esc(entry["country"])}">'
        f'<h3>{esc(entry["title"])}</h3>'
        f'<p class="mu-board-meta"><span class="mu-board-kind mu-board-kind--{esc(entry["kind"])}">'
        f'{esc(kinds[entry["kind"]])}</span> · {esc(categories[entry["category"]])}'
        f' · <span class="mu-board-place">{esc(place(entry["territory"], entry["country"]))}</span>'
        f' · {esc(entry["organisation"])}</p>'
        f'<p class="mu-board-description">{esc(entry["description"])}</p>'
        f"<dl>{extra}<dt>Contact</dt><dd>{contact_link(entry['contact'])}</dd>"
        f'<dt>Dates</dt><dd>Publiée le <time datetime="{entry["published"]}">{french_date(entry["published"])}</time>,'
        f' valable jusqu\'au <time datetime="{entry["until"]}">{french_date(entry["until"])}</time></dd></dl>'
        f'<p><a href="#conseils-{esc(entry["category"])}">Conseils du guide : {esc(categories[entry["category"]].lower())}</a></p>'
        "</li>"
    )


def _options(pairs, all_label: str) -> str:
    out = f'<option value="">{esc(all_label)}</option>'
    return out + "".join(f'<option value="{esc(v)}">{esc(label)}</option>' for v, label in pairs)


def sort_key(text: str) -> str:
    """French dictionary order, roughly: accents and case do not count (Liège before Lille)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def render_filters(entries: list[dict], catalog: dict) -> str:
    territories = sorted({e["territory"] for e in entries}, key=sort_key)
    return (
        '<form class="mu-board-filters" hidden role="search" aria-label="Filtrer les annonces">'
        '<div class="mu-board-field"><label for="mu-board-kind">Type</label>'
        f'<select id="mu-board-kind" name="kind">{_options(catalog["kinds"].items(), "Offres et besoins")}</select></div>'
        '<div class="mu-board-field"><label for="mu-board-category">Catégorie</label>'
        f'<select id="mu-board-category" name="category">{_options(catalog["categories"].items(), "Toutes les catégories")}</select></div>'
        '<div class="mu-board-field"><label for="mu-board-territory">Territoire</label>'
        f'<select id="mu-board-territory" name="territory">{_options([(t, t) for t in territories], "Tous les territoires")}</select></div>'
        '<div class="mu-board-field mu-board-field--search"><label for="mu-board-search">Rechercher</label>'
        '<input type="search" id="mu-board-search" name="q" autocomplete="off"'
        ' aria-describedby="mu-board-search-help">'
        '<p id="mu-board-search-help" class="mu-board-help">Les accents et les majuscules ne comptent pas.</p></div>'
        '<div class="mu-board-field"><button type="reset" class="md-button">Effacer les filtres</button></div>'
        "</form>"
    )


def _field(id_: str, label: str, help_: str, control: str, error: bool = False) -> str:
    """Label, control, help; with ``error``, the place board.js writes the field's error in."""
    after = f'<p id="{id_}-error" class="mu-board-error" hidden></p>' if error else ""
    return (
        f'<div class="mu-board-field"><label for="{id_}">{esc(label)}</label>{control}'
        f'<p id="{id_}-help" class="mu-board-help">{esc(help_)}</p>{after}</div>'
    )


def render_tools(catalog: dict) -> str:
    """The reader's country, "Ce qui correspond à mes besoins" and "Publier
    depuis mon inventaire": hidden until board.js mounts them."""
    countries = "".join(f'<option value="{esc(code)}">{esc(name)}</option>' for code, name in catalog["countries"].items())
    limits = catalog["submit"]["limits"]
    github = catalog["submit"]["mode"] == "issue"
    ways = "Téléchargez l'annonce (un petit fichier .yml), puis " + (
        "joignez-la au courriel « Écrire au réseau », déjà rédigé."
        if catalog["submit"]["email"]
        else "envoyez-la à l'équipe du réseau."
    )
    if github:
        ways = (
            f"Sans compte GitHub : {ways[0].lower()}{ways[1:]} Si vous avez un compte GitHub, "
            "vous pouvez aussi la proposer sur GitHub, dans un formulaire déjà rempli."
        )
    return (
        '<div class="mu-board-tools" hidden>'
        '<div class="mu-board-country">'
        + _field(
            "mu-board-country", "Votre pays",
            "Les annonces de votre pays viennent en premier. Les onglets Québec, France, Belgique du guide "
            "s'ouvrent aussi sur ce pays.",
            f'<select id="mu-board-country" aria-describedby="mu-board-country-help">{countries}</select>',
        )
        + "</div>"
        '<section class="mu-board-match" aria-labelledby="mu-board-match-title">'
        '<h2 id="mu-board-match-title">Ce qui correspond à mes besoins</h2>'
        "<p>Le site compare votre inventaire enregistré dans ce navigateur aux annonces : les offres dans "
        "les catégories où vous avez noté un besoin, les besoins dans celles où vous avez noté une offre. "
        "Le calcul se fait dans votre navigateur ; rien n'est envoyé.</p>"
        '<p><button type="button" class="md-button mu-board-match-run">Chercher dans mon inventaire</button></p>'
        '<div class="mu-board-match-result" role="status" aria-live="polite"></div>'
        "</section>"
        '<section class="mu-board-publish" aria-labelledby="mu-board-publish-title">'
        '<h2 id="mu-board-publish-title">Publier depuis mon inventaire</h2>'
        f"<p>Chaque offre et chaque besoin de votre inventaire devient une annonce déjà remplie. {esc(ways)} "
        "Relisez-la avant de l'envoyer : le réseau la vérifie avant de la publier.</p>"
        '<div class="mu-board-author">'
        + _field(
            "mu-board-territory-own", "Votre ville ou région",
            "Par exemple « Liège » ou « Montréal ». Elle figure sur vos annonces.",
            f'<input type="text" id="mu-board-territory-own" maxlength="{limits["territory"]}" autocomplete="address-level2"'
            ' aria-describedby="mu-board-territory-own-help">',
        )
        + _field(
            "mu-board-contact", "Contact pour vos annonces",
            "Une adresse courriel ou une adresse web en https://. Elle sera publiée avec l'annonce.",
            f'<input type="text" id="mu-board-contact" maxlength="{limits["contact"]}" autocomplete="email"'
            ' spellcheck="false" aria-describedby="mu-board-contact-help">',
            error=True,
        )
        + "</div>"
        '<p><button type="button" class="md-button mu-board-publish-run">Préparer mes annonces</button></p>'
        '<div class="mu-board-publish-result" role="status" aria-live="polite"></div>'
        "</section>"
        "</div>"
    )


ENTRIES_MARKER = "<!-- mu-board-entries -->"


def render_entries(entries: list[dict], catalog: dict) -> str:
    return "".join(render_entry(entry, catalog) for entry in entries)


def render_board(entries: list[dict], expired: int, catalog: dict, items: bool = True) -> str:
    """The board: filters, count, list (newest first).

    With ``items=False`` the list holds ``ENTRIES_MARKER`` instead of the
    entries, filled in the written HTML by ``macros.network_build.run``: with
    thousands of entries, Markdown and the search plugin would otherwise parse
    megabytes of HTML they have nothing to do with.
    """
    total = len(entries)
    count = t("board.count_all", n=total)
    items = render_entries(entries, catalog) if items else ENTRIES_MARKER
    empty = "" if entries else '<p class="mu-board-empty">Aucune annonce en cours pour le moment.</p>'
    return (
        f'<div class="mu-board" data-total="{total}" data-expired="{expired}">'
        + json_block(catalog, 'class="mu-board-catalog"')
        + render_tools(catalog)
        + render_filters(entries, catalog)
        + f'<p class="mu-board-count" role="status" aria-live="polite">{count}</p>'
        + empty
        + f'<ul class="mu-board-list" data-search-exclude>{items}</ul>'
        + '<p class="mu-board-more" hidden><button type="button" class="md-button">Afficher plus d\'annonces</button></p>'
        + "</div>"
    )


def render_advice(catalog: dict, page_url: str, use_directory_urls: bool = True) -> str:
    """One short list of guide pages per category (targets of each entry's advice link)."""
    parts = []
    for category, title in catalog["categories"].items():
        links = "".join(
            f'<li><a href="{esc(link_href(target, page_url, use_directory_urls))}">{esc(label)}</a></li>'
            for label, target in catalog["advice"][category]
        )
        parts.append(f'<h3 id="conseils-{esc(category)}">{esc(title)}</h3><ul>{links}</ul>')
    return '<div class="mu-board-advice">' + "".join(parts) + "</div>"


def render_contacts(territories: list[dict], only: str | None = None) -> str:
    """Contacts of one territory (``only``), or of all territories, as definition lists."""
    chosen = [t for t in territories if only is None or t["territory"] == only]
    parts = []
    for territory in chosen:
        people = "".join(
            f"<li><strong>{esc(p['name'])}</strong> : {esc(p['role'])}. {contact_link(p['contact'])}"
            + (f", {esc(p['phone'])}" if "phone" in p else "")
            + "</li>"
            for p in territory["contacts"]
        )
        parts.append(f"<dt>{esc(territory['territory'])}</dt><dd><ul>{people}</ul></dd>")
    return '<dl class="mu-network-contacts">' + "".join(parts) + "</dl>"
