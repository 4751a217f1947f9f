"""The browser (slug.js and board-rules.js, in Node) and macros/network_entry.py
write file names and entry files the same way: the same cases through both,
the same names and the same text; a few names worked by hand."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from macros.network_catalog import build_catalog
from macros.network_entry import SLUG_MAX, entry_yaml, slug, until
from macros.network_loader import categories_from_inventory
from macros.questionnaire_loader import load_questionnaire
from words import js_catalog, t

ROOT = Path(__file__).resolve().parents[2]
NODE = shutil.which("node")
INVENTORY = ROOT / "questionnaires" / "inventaire.yml"

SLUGS = [
    ("ASBL Les Tisserands : une salle de réunion le soir, avec un vidéoprojecteur", "annonce"),
    ("Centre d'entraide Saint-Rémi", "sans-nom"),
    ("  Œuvre & Cie  ", "sans-nom"),
    ("Cœur de l'Ælf, Straße", "annonce"),
    ("ﬁlature n° 2", "annonce"),
    ("", "annonce"),
    ("!!! ???", "sans-nom"),
    ("a" * 70, "annonce"),
    ("mot " * 20, "annonce"),
    ("Électricité : Ça dépend — Noël à l'Hôtel-Dieu", "annonce"),
    ("x" * 59 + " y", "annonce"),
    ("x" * 60 + " y", "annonce"),
]
DRAFTS = [
    ({"kind": "offer", "title": 'Salle: "grande" # 1\nkind: need', "category": "locaux",
      "organisation": "<b>Atelier</b>", "territory": "Namur", "country": "BE", "description": "- a\n- b",
      "contact": "a@b.example.org"}, "2026-11-30"),
    ({"kind": "need", "title": "Une camionnette", "category": "transport", "organisation": "Maison",
      "territory": "", "country": "QC", "description": "Tab\there, é, \u2028, \\ fin", "contact": "",
      "schedule": "Le mardi"}, "2027-02-28"),
]


def test_slug_worked_by_hand():
    assert SLUG_MAX == 60
    # Cut between two words, under 60 characters (56 here).
    assert slug(SLUGS[0][0], "annonce") == "asbl-les-tisserands-une-salle-de-reunion-le-soir-avec-un"
    assert slug("Centre d'entraide Saint-Rémi", "sans-nom") == "centre-d-entraide-saint-remi"
    assert slug("  Œuvre & Cie  ", "sans-nom") == "oeuvre-cie"
    assert slug("", "annonce") == "annonce"
    # One word longer than the limit: cut at 60.
    assert slug("a" * 70, "annonce") == "a" * 60


def test_until_is_180_days_later():
    # 2026-11-30 + 180 days = 2027-05-29 (tests/network/test_issue.py has the working).
    assert until(dt.date(2026, 11, 30)) == dt.date(2027, 5, 29)


def python_yaml(catalog: dict, draft: dict, today: str) -> str:
    day = dt.date.fromisoformat(today)
    data = {**draft, "published": day.isoformat(), "until": until(day).isoformat()}
    missing = [key for key in catalog["submit"]["keys"] if key in data and str(data[key]).strip() == ""]
    comments = [t("board.yaml_header")] + ([t("board.yaml_missing", fields=", ".join(missing))] if missing else [])
    return entry_yaml(data, comments)


@pytest.mark.skipif(NODE is None, reason="Node.js absent")
def test_the_page_writes_entries_as_python_does(tmp_path):
    catalog = build_catalog(categories_from_inventory(INVENTORY), load_questionnaire(INVENTORY, root=ROOT), {}, "")
    words = tmp_path / "catalog.mjs"
    words.write_text(js_catalog(), encoding="utf-8")
    result = subprocess.run(
        [NODE, "--import", words.as_uri(), str(Path(__file__).parent / "board_rules_js.mjs")],
        input=json.dumps({"catalog": catalog, "slugs": SLUGS, "drafts": DRAFTS}),
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    js = json.loads(result.stdout)
    assert js["slugs"] == [slug(text, fallback) for text, fallback in SLUGS]
    files = [f"{slug(d['organisation'] + ' ' + d['title'], t('board.file_fallback'))}.yml" for d, _ in DRAFTS]
    assert js["files"] == files
    assert js["yaml"] == [python_yaml(catalog, draft, today) for draft, today in DRAFTS]
