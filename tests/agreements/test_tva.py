"""The shared tax clause (agreements/common/tva.yml): one per country, in every draft that moves money.

Each test reads a draft rendered the way a user gets it (the command line's
Markdown) and checks it against wording written here by hand: the clause the
country needs is there, the other countries' clauses are not, and the texts it
cites from the register (law/fiscal.yml) are listed with their links at the end.
"""

import io
import json
import shutil
from pathlib import Path

import pytest
import yaml

from agreements.__main__ import main
from agreements.assemble import assemble
from agreements.loader import load_model

ROOT = Path(__file__).resolve().parents[2]
CLAUSES = {c["id"]: c for c in yaml.safe_load((ROOT / "agreements/common/tva.yml").read_text(encoding="utf-8"))["clauses"]}
REGISTER = {e["id"]: e for e in yaml.safe_load((ROOT / "law/fiscal.yml").read_text(encoding="utf-8"))}
DRAFT = {"partners": [{"name": "Atelier Alpha"}, {"name": "Maison Bêta"}], "values": {}}

# What each country's clause must say, and words that belong to another country's clause only.
EXPECTED = {
    "QC": {
        "clause": "tva_qc",
        "title": "Taxes (TPS et TVQ)",
        "says": [
            "avant la taxe sur les produits et services (TPS) et la taxe de vente du Québec (TVQ)",
            "chaque partie qui facture les autres vérifie",
            "inscrite aux fichiers de la TPS et de la TVQ",
            "numéros d'inscription",
            "par écrit aux autres parties",
        ],
        "never": ["261 B", "hors TVA", "2bis"],
    },
    "FR": {
        "clause": "tva_fr",
        "title": "TVA",
        "says": [
            "indiqués hors taxes",
            "même au prix coûtant, est en principe soumise à la TVA",
            "article 261 B du code général des impôts",
            "franchise en base",
            "La TVA due est ajoutée aux montants hors taxes",
            "par écrit aux autres parties",
        ],
        "never": ["TVQ", "2bis"],
    },
    "BE": {
        "clause": "tva_be",
        "title": "TVA",
        "says": [
            "indiqués hors TVA",
            "article 44, § 2bis, du Code de la TVA",
            "régime de la franchise",
            "La TVA due est ajoutée aux montants hors TVA",
            "par écrit aux autres parties",
        ],
        "never": ["TVQ", "261 B"],
    },
}


# A model of one clause that includes the group: the clause is tested whatever
# the real models include. Every real model that includes it is tested too.
PROBE = """\
id: essai_tva
version: "2026-12"
title: Essai
summary: Un modèle d'essai qui inclut la clause de taxes.
territories: [QC, FR, BE]
fields:
  - name: objet
    label: Objet
clauses:
  - id: objet
    title: Objet
    text: Les parties partagent {objet}.
    why: Pour savoir ce qui est partagé.
    link: engager/argent.md#factures
  - include: tva
note: Modèle à adapter.
"""
MODELS_WITH_TVA = sorted(
    path.stem for path in (ROOT / "agreements").glob("*.yml")
    if any(line.strip() == "- include: tva" for line in path.read_text(encoding="utf-8").splitlines())
)


def render(model: str, territory: str) -> str:
    out = io.StringIO()
    code = main(["render", model, "--territory", territory, "-"], stdin=io.StringIO(json.dumps(DRAFT)), stdout=out)
    assert code == 0, out.getvalue()
    return out.getvalue()


def render_probe(tmp_path, territory: str) -> str:
    folder = tmp_path / "agreements"
    (folder / "common").mkdir(parents=True)
    shutil.copy(ROOT / "agreements/common/tva.yml", folder / "common/tva.yml")
    (folder / "essai_tva.yml").write_text(PROBE, encoding="utf-8")
    model = load_model(folder / "essai_tva.yml", docs_dir=ROOT / "docs", root=tmp_path)
    return assemble(model, territory, DRAFT)["markdown"]


def flat(text: str) -> str:
    """Markdown with its line breaks and emphasis marks folded, to search whole sentences."""
    return " ".join(text.replace("*", "").replace("\\", "").split())


def check(markdown: str, territory: str) -> None:
    expected = EXPECTED[territory]
    body, _, references = markdown.partition("## Textes de référence")
    body, references = flat(body), flat(references)
    assert f"– {expected['title']}" in body  # "## Article n – TVA"
    for words in expected["says"]:
        assert words in body, words
    for words in expected["never"]:
        assert words not in body, words
    # The references at the end list every register entry the clause cites, with its link.
    for law_id in CLAUSES[expected["clause"]]["law"]:
        entry = REGISTER[law_id]
        assert f"<{entry['url']}>" in references, law_id
        assert entry["article"] in references, law_id
        assert ("à faire vérifier" in references.split(entry["url"], 1)[1].split(" - ", 1)[0]) is not entry["confirmed"], law_id


@pytest.mark.parametrize("territory", ["QC", "FR", "BE"])
def test_a_model_that_includes_tva_gets_its_country_clause_and_law(tmp_path, territory):
    check(render_probe(tmp_path, territory), territory)


@pytest.mark.parametrize("territory", ["QC", "FR", "BE"])
@pytest.mark.parametrize("model", MODELS_WITH_TVA)
def test_every_model_that_includes_tva(model, territory):
    check(render(model, territory), territory)


def test_one_clause_per_country_citing_only_its_country():
    fits = {"QC": {"QC", "CA"}, "FR": {"FR", "EU"}, "BE": {"BE", "EU"}}
    assert sorted(c["territories"] for c in CLAUSES.values()) == [["BE"], ["FR"], ["QC"]]
    for clause in CLAUSES.values():
        (country,) = clause["territories"]
        assert clause["link"] == "engager/argent.md#taxes"
        for law_id in clause["law"]:
            assert REGISTER[law_id]["territory"] in fits[country], (clause["id"], law_id)


def test_register_entries_are_dated_and_point_to_a_page():
    for entry in REGISTER.values():
        assert str(entry["checked"]) == "2026-12-06", entry["id"]
        assert isinstance(entry["confirmed"], bool), entry["id"]
        assert entry["url"].startswith("https://"), entry["id"]
        # Never a site's home page: a path beyond the host.
        assert entry["url"].split("/", 3)[3], entry["id"]
