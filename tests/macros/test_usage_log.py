"""The usage log's markup (macros/usage_log.py), read without MkDocs."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from calculators.usage_log import LOGBOOK_COLUMNS
from macros.usage_log import ROWS_PER_MONTH, render_logbook, render_statement_documents, render_usage_log_import


class Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.fors, self.described = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "label" and "for" in attrs:
            self.fors.append(attrs["for"])
        if "aria-describedby" in attrs:
            self.described += attrs["aria-describedby"].split()


def check_references(html):
    parsed = Ids()
    parsed.feed(html)
    assert len(parsed.ids) == len(set(parsed.ids)), "an id is used twice"
    assert set(parsed.fors) <= set(parsed.ids) and set(parsed.described) <= set(parsed.ids)
    return parsed


def test_the_logbook_has_twelve_months_with_the_parsers_columns():
    html = render_logbook("../../")
    check_references(html)
    assert html.count('class="mu-logbook-month"') == 12
    assert "Carnet de bord : janvier" in html and "Carnet de bord : décembre" in html
    headers = re.findall(r'<th scope="col">([^<]+)<span', html)
    assert headers == [header for _, header, _ in LOGBOOK_COLUMNS] * 12
    assert html.count("<tr><td></td>") == 12 * ROWS_PER_MONTH
    assert 'href="../../assets/carnet-de-bord.csv" download' in html
    assert 'href="../../assets/carnet-de-bord-exemple.csv" download' in html


def test_the_import_is_labelled_described_and_speaks():
    html = render_usage_log_import()
    parsed = check_references(html)
    assert "ul-file" in parsed.fors and "ul-from" in parsed.fors and "ul-to" in parsed.fors
    assert ">Importer un relevé d'utilisation (CSV)</label>" in html
    assert '<p class="mu-usage-log-summary" role="status">' in html
    assert '<div class="mu-usage-log-errors" role="alert">' in html
    # Disabled until usage-log.js mounts: without the script, the button would do nothing.
    assert 'class="mu-usage-log-file" aria-describedby="ul-help" disabled>' in html


def test_the_documents_box():
    html = render_statement_documents()
    check_references(html)
    assert '<p class="mu-statement-docs-status" role="status">' in html
