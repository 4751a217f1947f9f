"""The questionnaire renderer: a semantic, accessible, escaped form."""

from __future__ import annotations

import copy
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from macros.questionnaire_loader import load_questionnaire
from macros.questionnaire_render import (
    doc_url,
    link_href,
    progress_text,
    relative_url,
    render_catalog,
    render_intro,
    render_questionnaire,
    script_json,
)

FIXTURES = Path(__file__).resolve().parents[1] / "questionnaires" / "fixtures"
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def demo():
    return load_questionnaire(FIXTURES / "questionnaires" / "demo.yml", docs_dir=FIXTURES / "docs", root=FIXTURES)


class Element:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []
        self.parts = []  # text and child elements, in document order
        self.text = ""

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def all_text(self):
        return "".join(p if isinstance(p, str) else p.all_text() for p in self.parts)


class Tree(HTMLParser):
    VOID = {"input", "br", "img", "meta", "link", "hr"}

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.root = Element("root", {}, None)
        self.current = self.root
        self.elements = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        self.current.parts.append(element)
        self.elements.append(element)
        if tag not in self.VOID:
            self.current = element

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None, f"</{tag}> without <{tag}>"
        self.current = node.parent

    def handle_data(self, data):
        self.current.text += data
        self.current.parts.append(data)

    def find(self, tag=None, **attrs):
        return [
            e
            for e in self.elements
            if (tag is None or e.tag == tag) and all(e.attrs.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    def by_id(self):
        return {e.attrs["id"]: e for e in self.elements if "id" in e.attrs}


# ---------------------------------------------------------------- URLs


@pytest.mark.parametrize(
    ("target", "page_url", "expected"),
    [
        # outils/portrait/ is two folders deep: up twice, then risques/.
        ("risques.md#gouvernance", "outils/portrait/", "../../risques/#gouvernance"),
        ("conditions.md#planification", "etapes/evaluation/", "../../conditions/#planification"),
        # From the home page (URL ""), the target is just below.
        ("risques.md#gouvernance", "", "risques/#gouvernance"),
        # index.md of a folder is the folder itself.
        ("comprendre/index.md#definition", "etapes/evaluation/", "../../comprendre/#definition"),
        ("index.md", "outils/portrait/", "../../"),
        # A page in the same folder.
        ("outils/inventaire.md", "outils/portrait/", "../inventaire/"),
    ],
)
def test_link_href_with_directory_urls(target, page_url, expected):
    assert link_href(target, page_url) == expected


def test_link_href_without_directory_urls():
    # outils/portrait.html lives in outils/: one folder up.
    assert link_href("risques.md#gouvernance", "outils/portrait.html", use_directory_urls=False) == "../risques.html#gouvernance"


def test_doc_url_and_relative_url():
    assert doc_url("etapes/reflexion.md#portrait") == "etapes/reflexion/#portrait"
    assert relative_url("etapes/reflexion/#portrait", "outils/portrait/") == "../../etapes/reflexion/#portrait"
    assert relative_url("outils/portrait/", "outils/portrait/") == "./"


def test_external_links_are_kept():
    assert link_href("https://example.org/", "outils/portrait/") == "https://example.org/"


# ---------------------------------------------------------------- structure


def test_form_contract(demo):
    tree = Tree(render_questionnaire(demo, "outils/demo/"))
    (form,) = tree.find("form")
    assert form.attrs["class"] == "mu-questionnaire"
    assert form.attrs["data-questionnaire"] == "demo"
    assert form.attrs["data-version"] == "2"
    assert not tree.find("script")  # see json_block: instant navigation would re-run a <script>
    (block,) = tree.find("div", **{"class": "mu-q-definition"})
    assert block.attrs == {
        "class": "mu-q-definition",
        "hidden": None,
        "data-search-exclude": None,
        "data-type": "application/json",
    }
    assert block.parent is form
    definition = json.loads(block.text)
    assert definition["id"] == "demo"
    assert definition["version"] == 2
    assert [q["id"] for s in definition["sections"] for q in s["questions"]] == ["fait_ou_non", "force", "choix", "libre"]
    # Links in the definition are URLs from the site root.
    assert definition["sections"][0]["questions"][0]["link"] == "risques/#gouvernance"
    assert definition["sections"][1]["questions"][0]["options"] == [
        {"value": "oui", "label": "Oui"},
        {"value": "non", "label": "Non"},
    ]


def test_toolbar_is_hidden_until_javascript(demo):
    tree = Tree(render_questionnaire(demo, "outils/demo/"))
    (toolbar,) = [e for e in tree.elements if e.attrs.get("class") == "mu-q-toolbar"]
    assert "hidden" in toolbar.attrs
    buttons = [b.all_text() for b in tree.find("button") if b.parent.attrs.get("class") == "mu-q-actions"]
    assert buttons == ["Exporter JSON", "Exporter Markdown", "Exporter CSV", "Imprimer", "Effacer"]
    (progress,) = tree.find("progress")
    assert progress.attrs["max"] == "4"  # 2 + 2 questions
    assert tree.by_id()[progress.attrs["aria-labelledby"]].all_text() == "0 question sur 4 répondue"
    (status,) = tree.find(role="status")
    assert status.attrs["id"] == "mu-q-demo--status"
    (file_input,) = tree.find("input", type="file")
    assert file_input.attrs["accept"] == ".json,application/json"


def test_every_control_has_a_label(demo):
    tree = Tree(render_questionnaire(demo, "outils/demo/"))
    labels = {e.attrs["for"]: e.all_text().strip() for e in tree.find("label") if "for" in e.attrs}
    controls = [e for e in tree.elements if e.tag in ("input", "textarea", "select")]
    # organisation, file input, 3 + 4 + 2 radios, rating note, text answer
    assert len(controls) == 2 + 3 + 4 + 2 + 1 + 1
    for control in controls:
        assert labels.get(control.attrs["id"]), f"no label for #{control.attrs['id']}"


def test_radio_groups_are_fieldsets_with_the_question_as_legend(demo):
    tree = Tree(render_questionnaire(demo, "outils/demo/"))
    expected = {
        "fait_ou_non": ("1. Avez-vous fait ceci ?", ["Fait", "Pas encore", "Sans objet"]),
        "force": ("2. Notre mission", ["Force", "Faiblesse", "Neutre", "Sans objet"]),
        "choix": ("3. Quel choix ?", ["Oui", "Non"]),
    }
    labels = {e.attrs["for"]: e.all_text() for e in tree.find("label") if "for" in e.attrs}
    for qid, (legend_text, option_labels) in expected.items():
        (fieldset,) = tree.find("fieldset", **{"data-question": qid})
        legend = fieldset.children[0]
        assert legend.tag == "legend"
        assert " ".join(legend.all_text().split()) == legend_text
        radios = [e for e in tree.find("input", type="radio") if e.attrs["name"] == qid]
        assert all(fieldset in list(r.ancestors()) for r in radios)
        assert [labels[r.attrs["id"]] for r in radios] == option_labels
    # Sections are fieldsets too.
    sections = tree.find("fieldset", **{"class": "mu-q-section"})
    assert [s.children[0].all_text() for s in sections] == ["Première section", "Seconde section"]


def test_text_question_is_label_and_textarea(demo):
    tree = Tree(render_questionnaire(demo, "outils/demo/"))
    (area,) = [e for e in tree.find("textarea") if e.attrs["name"] == "libre"]
    (label,) = tree.find("label", for_=area.attrs["id"])
    assert " ".join(label.all_text().split()) == "4. Expliquez."


def test_rating_has_a_note_with_its_label(demo):
    tree = Tree(render_questionnaire(demo, "outils/demo/"))
    (note,) = [e for e in tree.find("textarea") if e.attrs["name"] == "force__note"]
    (label,) = tree.find("label", for_=note.attrs["id"])
    assert label.all_text() == "Note (facultatif)"


def test_help_is_bound_with_aria_describedby(demo):
    tree = Tree(render_questionnaire(demo, "outils/demo/"))
    ids = tree.by_id()
    described = [e for e in tree.elements if "aria-describedby" in e.attrs]
    assert described, "nothing uses aria-describedby"
    for element in described:
        for target in element.attrs["aria-describedby"].split():
            assert target in ids, f"aria-describedby points at missing #{target}"
    (fieldset,) = tree.find("fieldset", **{"data-question": "fait_ou_non"})
    assert ids[fieldset.attrs["aria-describedby"]].all_text() == "Une aide courte."


def test_more_link_is_relative_to_the_page(demo):
    tree = Tree(render_questionnaire(demo, "outils/demo/"))
    links = [a for a in tree.find("a") if a.all_text().startswith("En savoir plus")]
    assert [a.attrs["href"] for a in links] == ["../../risques/#gouvernance", "../../comprendre/#definition"]
    # The link text names its question for screen readers.
    assert links[0].all_text() == "En savoir plus : Avez-vous fait ceci ?"


def test_intro_renders_markdown_links_and_strong(demo):
    html = render_intro(demo["intro"], "outils/demo/")
    assert html == (
        '<p>Une première phrase avec un <a href="../../risques/#gouvernance">lien vers les risques</a>.</p>'
        "<p>Un <strong>second</strong> paragraphe.</p>"
    )


def test_ids_are_unique_even_with_two_forms_on_a_page(demo):
    other = copy.deepcopy(demo)
    other["id"] = "autre"
    page = render_questionnaire(demo, "p/") + render_questionnaire(other, "p/")
    tree = Tree(page)
    ids = [e.attrs["id"] for e in tree.elements if "id" in e.attrs]
    assert len(ids) == len(set(ids))
    assert all(i.startswith(("mu-q-demo", "mu-q-autre")) for i in ids)


def test_progress_text():
    assert progress_text(0, 20) == "0 question sur 20 répondue"
    assert progress_text(1, 20) == "1 question sur 20 répondue"
    assert progress_text(5, 20) == "5 questions sur 20 répondues"


# ---------------------------------------------------------------- escaping


def hostile(demo):
    bad = copy.deepcopy(demo)
    bad["title"] = f"Titre {XSS}"
    bad["intro"] = f"Intro {XSS} et [lien {XSS}](risques.md#gouvernance)"
    section = bad["sections"][0]
    section["title"] = f"Section {XSS}"
    section["questions"][0]["label"] = f"Question {XSS}"
    section["questions"][0]["help"] = f"Aide {XSS} </script>"
    bad["sections"][1]["questions"][0]["options"][0]["label"] = f"Oui {XSS}"
    return bad


def test_text_is_escaped_everywhere(demo):
    html = render_questionnaire(hostile(demo), "outils/demo/")
    assert "<img" not in html
    assert "onerror=alert(1)>" not in html.replace("&gt;", "")  # only ever as escaped text
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    tree = Tree(html)
    assert not tree.find("img")
    # The definition JSON holds no "<" at all (\u003c), even once the HTML is parsed.
    (block,) = tree.find("div", **{"class": "mu-q-definition"})
    assert "<" not in block.text
    definition = json.loads(block.text)
    assert definition["title"] == f"Titre {XSS}"
    assert definition["sections"][0]["questions"][0]["help"] == f"Aide {XSS} </script>"


def test_script_json_escapes_html_characters():
    assert script_json({"a": "</script><b>&"}) == '{"a":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}'


def test_catalog(demo):
    html = render_catalog({"demo": demo}, {"demo": "outils/demo.md"}, page_url="outils/mon-dossier/")
    tree = Tree(html)
    (block,) = tree.find("div", id="mu-q-catalog")
    assert "hidden" in block.attrs and "data-search-exclude" in block.attrs
    data = json.loads(block.text)
    (item,) = data["questionnaires"]
    assert item["id"] == "demo"
    assert item["page"] == "outils/demo/"
    assert item["url"] == "../demo/"
    assert item["sections"][0]["questions"][1]["kind"] == "rating"


def test_step_questionnaire_intro_is_print_only(demo):
    """Issue 8: a step's own questionnaire sits after "De quoi s'agit-il ?",
    which says the same: its intro is printed, not shown twice on screen."""
    tool = copy.deepcopy(demo)
    tool["step"] = "diagnostic"
    tool["id"] = "outil"
    assert '<div class="mu-q-intro">' in render_questionnaire(tool)
    step = copy.deepcopy(demo)
    step["step"] = step["id"]
    html = render_questionnaire(step)
    assert '<div class="mu-q-intro mu-q-intro--print">' in html
    assert '<div class="mu-q-intro">' not in html
