"""blocks: Markdown and HTML of hand-written block lists, and validation."""

import pytest

from blocks import BlockError, blank_run, figure, heading, list_block, note, paragraph, section, table, to_html, to_markdown, validate

DOC = [
    heading(1, "Convention", "mu-title"),
    paragraph([{"text": "Entre "}, {"text": "A*B", "strong": True}, {"text": " et "}, blank_run("nom"), {"text": "."}]),
    list_block(["un", [{"text": "Code civil", "href": "https://example.org/a b"}, {"text": " (vérifié)"}]]),
    list_block(["# premier", "deux"], ordered=True),
    table(["Partie", "Montant"], [["A | B", "400,00\u00a0$"], [[blank_run()], ""]], numeric=[1], sign=True),
    note("Modèle à adapter.", title="Attention", kind="warning"),
    section([heading(2, "Article 1", block_id="a1"), paragraph("Texte <b>.")], css_class="mu-clause"),
]


def test_markdown():
    # Worked out by hand: one blank line between blocks, user text escaped where Markdown reads it.
    assert to_markdown(validate(DOC)) == (
        "# Convention\n\n"
        "Entre **A\\*B** et ________.\n\n"
        "- un\n- [Code civil](<https://example.org/a%20b>) (vérifié)\n\n"
        "1. \\# premier\n2. deux\n\n"
        "| Partie | Montant |\n| --- | ---: |\n| A \\| B | 400,00\u00a0$ |\n| ________ |  |\n\n"
        "> **Attention**\n>\n> Modèle à adapter.\n\n"
        "## Article 1\n\nTexte \\<b\\>.\n"
    )


def test_markdown_keeps_what_needs_no_escape():
    assert to_markdown([paragraph("Café-jeunesse (1er mars) : 3 + 4 = 7")]) == "Café-jeunesse (1er mars) : 3 + 4 = 7\n"
    assert to_markdown([paragraph([{"text": "- x "}, {"text": "- y", "em": True}])]) == "\\- x *\\- y*\n"


def test_html():
    html = to_html(DOC, shift=2)
    assert html.splitlines()[0] == '<h3 class="mu-title">Convention</h3>'
    assert ('<p>Entre <strong>A*B</strong> et <span class="mu-blank">________</span> '
            '<span class="mu-hint">(nom)</span>.</p>') in html
    assert '<li><a href="https://example.org/a b">Code civil</a> (vérifié)</li>' in html
    assert "<ol><li># premier</li><li>deux</li></ol>" in html
    assert ('<table class="mu-sign"><thead><tr><th scope="col">Partie</th><th scope="col" class="mu-num">Montant</th></tr></thead>'
            '<tbody><tr><td>A | B</td><td class="mu-num">400,00\u00a0$</td></tr>'
            '<tr><td><span class="mu-blank">________</span></td><td class="mu-num"></td></tr></tbody></table>') in html
    assert '<div class="admonition warning"><p class="admonition-title">Attention</p><p>Modèle à adapter.</p></div>' in html
    assert '<section class="mu-clause" aria-labelledby="a1">\n<h4 id="a1">Article 1</h4>\n<p>Texte &lt;b&gt;.</p>\n</section>' in html


def test_figure_keeps_its_svg_and_escapes_its_caption():
    block = figure('<svg viewBox="0 0 1 1"></svg>', "A < B")
    assert to_html([block]) == '<figure><svg viewBox="0 0 1 1"></svg><figcaption>A &lt; B</figcaption></figure>'
    assert to_markdown([block]) == "*A \\< B*\n"


@pytest.mark.parametrize("bad, where", [
    ([{"type": "quote", "text": "x"}], "blocks[0]"),
    ([{"type": "paragraph"}], "blocks[0]"),
    ([{"type": "heading", "level": 7, "text": "x"}], "blocks[0].level"),
    ([{"type": "paragraph", "text": [{"text": 1}]}], "blocks[0].text[0]"),
    ([{"type": "table", "head": ["a"], "rows": [["a", "b"]]}], "blocks[0].rows[0]"),
    ([{"type": "figure", "svg": "<script>", "caption": ""}], "blocks[0].svg"),
    ([section([{"type": "list", "ordered": "yes", "items": []}])], "blocks[0].blocks[0]"),
])
def test_validate_names_the_place(bad, where):
    with pytest.raises(BlockError) as info:
        validate(bad)
    assert str(info.value).startswith(where + ":")


def test_a_calculator_table_and_a_chart_without_caption():
    """Row heads, a foot, each cell's column name and a scrolling box; the same HTML as core/blocks-dom.js
    (tests/js/blocks.test.mjs writes the same string)."""
    from blocks import to_html, validate

    blocks = validate([
        {"type": "table", "class": "mu-calc-table", "caption": "Détail", "head": ["Poste", "Montant"],
         "rows": [["Consommables", "2,50 $"]], "foot": ["Total", "2,50 $"], "row_head": True, "columns": True,
         "scroll": True},
        {"type": "figure", "svg": "<svg></svg>", "caption": "", "label": "Graphique"},
    ])
    assert to_html(blocks).replace("\n", "") == (
        '<div class="mu-table-scroll" role="region" tabindex="0" aria-label="Détail"><table class="mu-calc-table"><caption>Détail</caption>'
        '<thead><tr><th scope="col">Poste</th><th scope="col">Montant</th></tr></thead>'
        '<tbody><tr><th scope="row">Consommables</th><td data-column="Montant">2,50 $</td></tr></tbody>'
        '<tfoot><tr><th scope="row">Total</th><td data-column="Montant">2,50 $</td></tr></tfoot></table></div>'
        '<figure aria-label="Graphique"><svg></svg></figure>'
    )
