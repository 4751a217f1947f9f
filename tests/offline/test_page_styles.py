"""offline/page_styles.py: a tool's stylesheet on the pages holding that tool, and only there."""

from pathlib import Path

from offline import page_styles

QUESTIONNAIRE_CSS = "/* .mu-grid in a comment is not a selector */ .mu-questionnaire { } .mu-q-note:focus { }"
GRID_CSS = ".mu-grid, .mu-dossier { } .mu-help { }"
CALC_CSS = ".mu-calculator .mu-field { } .mu-help { }"

HEAD = (
    '<html><head><meta charset="utf-8">'
    '<link rel="stylesheet" href="{up}assets/stylesheets/main.abc.min.css">'
    '<link rel="stylesheet" href="{up}assets/stylesheets/mutuus.css">'
    "</head><body>{body}</body></html>"
)


def make_site(tmp_path: Path) -> Path:
    css = tmp_path / "assets" / "stylesheets"
    css.mkdir(parents=True)
    (css / "questionnaires.css").write_text(QUESTIONNAIRE_CSS, encoding="utf-8")
    (css / "grid.css").write_text(GRID_CSS, encoding="utf-8")
    (css / "calculators.css").write_text(CALC_CSS, encoding="utf-8")
    pages = {
        "index.html": ("", "<p>Guide</p>"),
        "etapes/evaluation/index.html": ("../../", '<form class="mu-questionnaire" id="q"></form>'),
        "outils/mon-dossier/index.html": ("../../", "<div class='mu-dossier'></div>"),
        "outils/cout-utilisation/index.html": ("../../", '<form class="mu-calculator x"></form>'),
        "404.html": ("/", '<form class="mu-calculator"></form>'),
    }
    for rel, (up, body) in pages.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(HEAD.format(up=up, body=body), encoding="utf-8")
    return tmp_path


def links(path: Path) -> list[str]:
    html = path.read_text(encoding="utf-8")
    return [part.split('"')[0] for part in html.split('href="')[1:]]


def test_each_page_gets_only_its_tools_stylesheet(tmp_path):
    site = make_site(tmp_path)
    assert page_styles.run({}, site) == 3
    assert links(site / "index.html") == ["assets/stylesheets/main.abc.min.css", "assets/stylesheets/mutuus.css"]
    # Right after mutuus.css, relative to the page.
    assert links(site / "etapes/evaluation/index.html")[1:] == [
        "../../assets/stylesheets/mutuus.css",
        "../../assets/stylesheets/questionnaires.css",
    ]
    assert links(site / "outils/mon-dossier/index.html")[2:] == ["../../assets/stylesheets/grid.css"]
    assert links(site / "outils/cout-utilisation/index.html")[2:] == ["../../assets/stylesheets/calculators.css"]
    assert len(links(site / "404.html")) == 2


def test_a_second_run_changes_nothing(tmp_path):
    site = make_site(tmp_path)
    page_styles.run({}, site)
    before = (site / "etapes/evaluation/index.html").read_text(encoding="utf-8")
    assert page_styles.run({}, site) == 0
    assert (site / "etapes/evaluation/index.html").read_text(encoding="utf-8") == before


def test_comments_are_not_selectors():
    assert page_styles.classes_styled(QUESTIONNAIRE_CSS) == {"mu-questionnaire", "mu-q-note"}
