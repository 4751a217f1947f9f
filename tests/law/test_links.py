"""Links to legal texts: they come from the register, and lead to the article itself.

Two checks: no Markdown or YAML source writes a link to an official legal or
tax site by hand (it must cite the register, ``{{ law("id") }}`` or
``law: [id]``), and, in the built site, every link to one of those sites
leads to a text, never to the site's home or search page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from law.register import OFFICIAL_HOSTS, link_problem

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("docs/**/*.md", "includes/**/*.md", "agreements/**/*.yml", "questionnaires/*.yml", "network/**/*.yml")
# The contributors' page shows what a register link looks like, in a code block.
EXPLAINED = {"docs/contribuer.md"}
URL = re.compile(r"https?://([a-z0-9.-]+)[^\s)\"'>\]]*", re.I)


def test_no_source_links_a_legal_text_by_hand():
    offenders = []
    for pattern in SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            name = path.relative_to(ROOT).as_posix()
            if name in EXPLAINED:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                for match in URL.finditer(line):
                    if match.group(1).lower() in OFFICIAL_HOSTS:
                        offenders.append(f"{name}:{number}: {match.group(0)}")
    assert not offenders, "liens écrits à la main vers un texte officiel (citez le registre law/*.yml) :\n" + "\n".join(offenders)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith(("http://", "https://")):
                self.hrefs.append(href)


def test_built_pages_link_legal_texts_not_home_or_search_pages(site):
    offenders, seen = [], 0
    for html in sorted(site.dir.rglob("*.html")):
        parser = _Links()
        parser.feed(html.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            host = href.split("/")[2].lower()
            if host in OFFICIAL_HOSTS:
                seen += 1
                problem = link_problem(href)
                if problem:
                    offenders.append(f"{html.relative_to(site.dir)}: {problem}")
    assert not offenders, "\n".join(offenders)
    assert seen > 0, "aucun lien vers un texte officiel : la recherche des liens ne trouve plus rien"
