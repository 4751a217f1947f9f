"""`make build` (MkDocs + Material) and `make build-zensical` give the same site.

Same pages, same text in every page's article (so the same questionnaires,
worked examples and figures, all rendered by the macros), the same
Content-Security-Policy in every page apart from the inline-script hashes
(each engine writes its own small inline scripts), and byte-identical
calculator runtime files.
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.S)
TAG = re.compile(r"<[^>]+>")
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
QUESTIONNAIRE = re.compile(r'<form\b[^>]*class="mu-questionnaire"[^>]*>')
CALCULATOR = re.compile(r'<form\b[^>]*class="mu-calculator"[^>]*>')
FIELD_NAME = re.compile(r'\bname="([^"]+)"')


def pages(site_dir: Path) -> dict[str, str]:
    return {
        p.relative_to(site_dir).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(site_dir.rglob("*.html"))
    }


def article_text(page: str) -> str:
    found = ARTICLE.search(page)
    return " ".join(html.unescape(TAG.sub(" ", found.group(1) if found else "")).split())


def policy_without_hashes(page: str) -> str:
    found = CSP.search(page)
    assert found, "pas de Content-Security-Policy"
    return re.sub(r" 'sha256-[^']+'", "", html.unescape(found.group(1)))


def test_same_pages(site, zensical_site):
    assert set(pages(site.dir)) == set(pages(zensical_site.dir))


def test_same_text_figures_and_questionnaires_in_every_page(site, zensical_site):
    mk, zs = pages(site.dir), pages(zensical_site.dir)
    differ = [path for path in mk if article_text(mk[path]) != article_text(zs[path])]
    assert not differ, f"texte différent entre les deux moteurs : {differ}"
    for path in mk:
        for pattern in (QUESTIONNAIRE, CALCULATOR):
            assert pattern.findall(mk[path]) == pattern.findall(zs[path]), path
        assert FIELD_NAME.findall(mk[path]) == FIELD_NAME.findall(zs[path]), path
    assert sum(len(QUESTIONNAIRE.findall(p)) for p in mk.values()) >= 1
    assert sum(len(CALCULATOR.findall(p)) for p in mk.values()) >= 3


def test_same_policy_first_in_head(site, zensical_site):
    mk, zs = pages(site.dir), pages(zensical_site.dir)
    for path in mk:
        assert policy_without_hashes(mk[path]) == policy_without_hashes(zs[path]), path
        for page in (mk[path], zs[path]):
            head = page.split("<head>", 1)[1].lstrip()
            assert head.startswith('<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"'), path
            # Every inline script the page runs is allowed by its own policy.
            from sitebuild.csp import inline_scripts, script_hash

            allowed = CSP.search(page).group(1)
            assert all(script_hash(body).strip("'") in allowed for body in inline_scripts(page)), path


def test_same_calculator_runtime_and_boot_script(site, zensical_site):
    def tree(root: Path) -> dict[str, str]:
        base = root / "assets" / "pyodide"
        return {
            p.relative_to(base).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in base.rglob("*")
            if p.is_file()
        }

    assert tree(site.dir) == tree(zensical_site.dir)
    # manifest, wheel, five runtime files, the trimmed standard library
    # (offline/trim_stdlib.py) and the memory snapshot (sitebuild/snapshot.py)
    assert len(tree(site.dir)) == 9
