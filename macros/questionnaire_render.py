"""Render a validated questionnaire as a semantic HTML form.

A plain module, tested without MkDocs. ``render_questionnaire(definition,
page_url)`` returns the HTML of one form:

- ``<form class="mu-questionnaire" data-questionnaire data-version>`` holding its
  definition as JSON, the text of ``<div class="mu-q-definition" hidden>`` (see
  ``json_block`` for why not a ``<script>``);
- a toolbar (organisation, progress, export, import, print, reset), ``hidden``
  until questionnaire-form.js mounts the form, so that without JavaScript the page
  stays a readable, printable checklist;
- one fieldset per section, one fieldset (or label + textarea) per question;
- every HTML id starts with ``mu-q-<questionnaire id>`` so two forms can share a page.

All text goes through ``html.escape``. ``link`` values (``risques.md#gouvernance``,
relative to docs/) become URLs relative to the page the form is rendered on.
"""

from __future__ import annotations

import html
import json
import posixpath
import re

from formats.limits import MAX_ORGANISATION_LENGTH, MAX_TEXT_LENGTH
from macros.questionnaire_rules import CHECK_CHOICES, RATING_CHOICES, browser_rules, progress_text  # noqa: F401 (re-exported)

_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_STRONG = re.compile(r"\*\*(.+?)\*\*")
_EM = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")


def esc(text) -> str:
    return html.escape(str(text), quote=True)


# --------------------------------------------------------------------------
# URLs
# --------------------------------------------------------------------------


def doc_url(target: str, use_directory_urls: bool = True) -> str:
    """``risques.md#gouvernance`` -> ``risques/#gouvernance`` (URL from the site root)."""
    page, hash_sign, anchor = target.partition("#")
    if not page.endswith(".md"):
        return target
    stem = page[: -len(".md")]
    if use_directory_urls:
        if stem == "index":
            url = ""
        elif stem.endswith("/index"):
            url = stem[: -len("index")]
        else:
            url = stem + "/"
    else:
        url = stem + ".html"
    return url + (hash_sign + anchor if hash_sign else "")


def relative_url(url: str, page_url: str) -> str:
    """A site-root URL (``risques/#x``) seen from the page at ``page_url`` (``outils/portrait/``)."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", url) or url.startswith(("/", "#")):
        return url
    path, hash_sign, anchor = url.partition("#")
    base = page_url if page_url.endswith("/") or page_url == "" else posixpath.dirname(page_url) + "/"
    relative = posixpath.relpath("/" + path, "/" + base) if path else posixpath.relpath("/", "/" + base)
    if (path.endswith("/") or path == "") and relative != ".":
        relative += "/"
    if relative == ".":
        relative = "./"
    return relative + (hash_sign + anchor if hash_sign else "")


def link_href(target: str, page_url: str, use_directory_urls: bool = True) -> str:
    if re.match(r"^(https?:|mailto:)", target):
        return target
    return relative_url(doc_url(target, use_directory_urls), page_url)


# --------------------------------------------------------------------------
# Inline Markdown of intros: links, **strong**, *em*; everything else is text
# --------------------------------------------------------------------------


def _inline(text: str) -> str:
    out = _STRONG.sub(r"<strong>\1</strong>", esc(text))
    return _EM.sub(r"<em>\1</em>", out)


def render_intro(text: str, page_url: str, use_directory_urls: bool = True) -> str:
    """Paragraphs (one per line of the YAML text) with their Markdown links."""
    paragraphs = []
    for raw in re.split(r"\n+", text.strip()):
        raw = raw.strip()
        if not raw:
            continue
        parts = []
        position = 0
        for match in _LINK.finditer(raw):
            parts.append(_inline(raw[position : match.start()]))
            href = link_href(match.group(2), page_url, use_directory_urls)
            parts.append(f'<a href="{esc(href)}">{_inline(match.group(1))}</a>')
            position = match.end()
        parts.append(_inline(raw[position:]))
        paragraphs.append(f"<p>{''.join(parts)}</p>")
    return "".join(paragraphs)


# --------------------------------------------------------------------------
# Definition JSON
# --------------------------------------------------------------------------


def definition_json(definition: dict, page: str | None = None, use_directory_urls: bool = True) -> dict:
    """The definition as the browser sees it (links as site-root URLs)."""
    sections = []
    for section in definition["sections"]:
        questions = []
        for question in section["questions"]:
            item = {key: question[key] for key in ("id", "kind", "label", "help", "options") if key in question}
            if "link" in question:
                item["link"] = doc_url(question["link"], use_directory_urls)
            questions.append(item)
        sections.append({"id": section["id"], "title": section["title"], "questions": questions})
    result = {
        "id": definition["id"],
        "version": definition["version"],
        "title": definition["title"],
        "step": definition["step"],
        "sections": sections,
    }
    if page is not None:
        result["page"] = page
    return result


def script_json(data) -> str:
    """JSON in which no "<", ">" or "&" can open or close a tag (escaped as \\u003c…)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def json_block(data, attributes: str) -> str:
    """A hidden ``<div>`` whose text is the JSON of ``data``.

    Not a ``<script type="application/json">``: Material's instant navigation
    re-creates every inline ``<script>`` of the new page without its
    attributes, so the JSON would lose its id/class and be run as JavaScript
    (a CSP violation, or a syntax error). A hidden div keeps its attributes,
    and ``element.textContent`` gives the same JSON text. ``data-search-exclude``
    keeps it out of the search index.
    """
    return f'<div {attributes} hidden data-search-exclude data-type="application/json">{esc(script_json(data))}</div>'


# --------------------------------------------------------------------------
# Form
# --------------------------------------------------------------------------


def question_count(definition: dict) -> int:
    return sum(len(section["questions"]) for section in definition["sections"])


def _toolbar(prefix: str, definition: dict) -> str:
    total = question_count(definition)
    title = esc(definition["title"])
    return f"""<div class="mu-q-toolbar" hidden>
<div class="mu-q-organisation">
<label for="{prefix}--organisation">Nom de votre organisation</label>
<input type="text" id="{prefix}--organisation" name="organisation" autocomplete="organization" maxlength="{MAX_ORGANISATION_LENGTH}" aria-describedby="{prefix}--organisation-help">
<p class="mu-q-help" id="{prefix}--organisation-help">Il figure sur vos exports et vos impressions.</p>
</div>
<div class="mu-q-progress">
<progress id="{prefix}--progress" max="{total}" value="0" aria-labelledby="{prefix}--progress-text"></progress>
<span id="{prefix}--progress-text">{progress_text(0, total)}</span>
</div>
<div class="mu-q-actions" role="group" aria-label="Vos réponses à « {title} »">
<button type="button" class="md-button" data-action="export-json">Exporter JSON</button>
<button type="button" class="md-button" data-action="export-markdown">Exporter Markdown</button>
<button type="button" class="md-button" data-action="export-csv">Exporter CSV</button>
<button type="button" class="md-button" data-action="print">Imprimer</button>
<button type="button" class="md-button mu-q-danger" data-action="reset">Effacer</button>
</div>
<div class="mu-q-import">
<label for="{prefix}--import">Importer un fichier de réponses (JSON)</label>
<input type="file" id="{prefix}--import" accept=".json,application/json" data-action="import">
<button type="button" class="md-button" data-action="undo-import" hidden>Rétablir mes réponses d'avant l'import</button>
</div>
<p class="mu-q-saved" id="{prefix}--saved">Vos réponses sont enregistrées dans ce navigateur, sur cet appareil seulement. Rien n'est envoyé sur Internet.</p>
<div class="mu-q-storage-warning" id="{prefix}--storage-warning" role="alert" hidden>
<p class="mu-q-storage-message"></p>
<button type="button" class="md-button" data-action="export-json">Exporter mes réponses maintenant (JSON)</button>
</div>
<div class="mu-q-messages">
<p class="mu-q-status" id="{prefix}--status" role="status" aria-live="polite"></p>
<div class="mu-q-confirm" id="{prefix}--confirm" hidden>
<button type="button" class="md-button md-button--primary" data-action="confirm-yes"></button>
<button type="button" class="md-button" data-action="confirm-no">Annuler</button>
</div>
</div>
</div>"""


def _help(question: dict, base: str) -> tuple[str, str]:
    """(HTML of the help paragraph, id for aria-describedby) or ("", "")."""
    if "help" not in question:
        return "", ""
    help_id = f"{base}-help"
    return f'<p class="mu-q-help" id="{help_id}">{esc(question["help"])}</p>', help_id


def _more(question: dict, page_url: str, use_directory_urls: bool) -> str:
    if "link" not in question:
        return ""
    href = link_href(question["link"], page_url, use_directory_urls)
    return (
        f'<p class="mu-q-more"><a href="{esc(href)}">En savoir plus'
        f'<span class="mu-visually-hidden"> : {esc(question["label"])}</span></a></p>'
    )


def _radios(base: str, name: str, choices) -> str:
    items = []
    for value, label in choices:
        option_id = f"{base}-opt-{value}"
        items.append(
            f'<span class="mu-q-option"><input type="radio" id="{option_id}" name="{esc(name)}" value="{esc(value)}">'
            f'<label for="{option_id}">{esc(label)}</label></span>'
        )
    return f'<div class="mu-q-options">{"".join(items)}</div>'


def _question(prefix: str, number: int, question: dict, page_url: str, use_directory_urls: bool) -> str:
    qid = question["id"]
    base = f"{prefix}-{qid}"
    kind = question["kind"]
    help_html, help_id = _help(question, base)
    described = f' aria-describedby="{help_id}"' if help_id else ""
    label = f'<span class="mu-q-number">{number}.</span> {esc(question["label"])}'
    more = _more(question, page_url, use_directory_urls)
    common = f'class="mu-q-question mu-q-{kind}" id="{base}" data-question="{esc(qid)}" data-kind="{kind}"'
    if kind == "text":
        return (
            f"<div {common}>"
            f'<label class="mu-q-label" for="{base}-input">{label}</label>{help_html}'
            f'<textarea id="{base}-input" name="{esc(qid)}" rows="3" maxlength="{MAX_TEXT_LENGTH}"{described}></textarea>'
            f"{more}</div>"
        )
    if kind == "choice":
        choices = [(option["value"], option["label"]) for option in question["options"]]
    elif kind == "check":
        choices = CHECK_CHOICES
    else:
        choices = RATING_CHOICES
    note = ""
    if kind == "rating":
        note = (
            f'<div class="mu-q-note"><label for="{base}-note">Note (facultatif)</label>'
            f'<textarea id="{base}-note" name="{esc(qid)}__note" rows="2" maxlength="{MAX_TEXT_LENGTH}"></textarea></div>'
        )
    return (
        f"<fieldset {common}{described}>"
        f'<legend class="mu-q-label">{label}</legend>{help_html}'
        f"{_radios(base, qid, choices)}{note}{more}</fieldset>"
    )


def _intro(definition: dict, page_url: str, use_directory_urls: bool) -> str:
    """The questionnaire's intro. A step's own questionnaire sits on the step
    page, right after "De quoi s'agit-il ?", which says the same: there the
    intro is printed only (class ``mu-q-intro--print``), not shown twice."""
    on_step_page = definition.get("step") == definition["id"]
    css = "mu-q-intro mu-q-intro--print" if on_step_page else "mu-q-intro"
    return f'<div class="{css}">{render_intro(definition["intro"], page_url, use_directory_urls)}</div>'


def render_questionnaire(
    definition: dict, page_url: str = "", use_directory_urls: bool = True, page: str | None = None, locale: str | None = None
) -> str:
    """HTML of one questionnaire form, for the page whose URL is ``page_url``."""
    qid = definition["id"]
    prefix = f"mu-q-{qid}"
    title = esc(definition["title"])
    data = definition_json(definition, page if page is not None else page_url, use_directory_urls)
    data["rules"] = browser_rules(locale)
    parts = [
        f'<form class="mu-questionnaire" id="{prefix}" data-questionnaire="{esc(qid)}" '
        f'data-version="{int(definition["version"])}" aria-label="{title}" novalidate>',
        json_block(data, 'class="mu-q-definition"'),
        f'<div class="mu-q-print-header"><p class="mu-q-print-title">{title}</p>'
        f'<p>Organisation : <span class="mu-q-print-organisation"></span></p>'
        f'<p>Date : <span class="mu-q-print-date"></span></p></div>',
        _intro(definition, page_url, use_directory_urls),
        _toolbar(prefix, definition),
        '<p class="mu-q-nojs">Sans JavaScript, ce questionnaire s\'imprime comme une liste à cocher à la main. '
        "Activez JavaScript pour le remplir à l'écran, l'enregistrer et l'exporter.</p>",
    ]
    number = 0
    for section in definition["sections"]:
        section_id = f"{prefix}--s-{section['id']}"
        parts.append(
            f'<fieldset class="mu-q-section" id="{section_id}" data-section="{esc(section["id"])}">'
            f'<legend class="mu-q-section-title"><h3>{esc(section["title"])}</h3></legend>'
        )
        if "intro" in section:
            parts.append(f'<div class="mu-q-section-intro">{render_intro(section["intro"], page_url, use_directory_urls)}</div>')
        for question in section["questions"]:
            number += 1
            parts.append(_question(prefix, number, question, page_url, use_directory_urls))
        parts.append("</fieldset>")
    parts.append("</form>")
    return "\n".join(parts)


def render_catalog(definitions: dict, pages: dict, page_url: str = "", use_directory_urls: bool = True, locale: str | None = None) -> str:
    """One hidden ``<div id="mu-q-catalog">`` whose text is the JSON of every definition.

    Shape: ``{"questionnaires": [<definition + "page": site-root URL of the page
    holding its form (or null) + "url": that URL relative to this page>]}``.
    """
    items = []
    for qid, definition in definitions.items():
        page_doc = pages.get(qid)
        page = doc_url(page_doc, use_directory_urls) if page_doc else None
        item = definition_json(definition, page, use_directory_urls)
        item["url"] = relative_url(page, page_url) if page is not None else None
        items.append(item)
    return json_block({"questionnaires": items, "rules": browser_rules(locale)}, 'id="mu-q-catalog"')
