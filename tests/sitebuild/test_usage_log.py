"""The build step that writes the logbook's CSV files (sitebuild/usage_log.py)."""

from __future__ import annotations

import sitebuild
from calculators.usage_log import read_log
from sitebuild.usage_log import run


def test_the_step_writes_the_template_and_the_example_as_the_import_reads_them(tmp_path):
    run({}, tmp_path)
    template = (tmp_path / "assets" / "carnet-de-bord.csv").read_bytes()
    # BOM, the header, CRLF (kept as is: the file is written without newline translation).
    assert template.startswith(b"\xef\xbb\xbfDate;Partenaire;Personne;Compteur au d\xc3\xa9part;")
    assert template.endswith(b";Remarques\r\n") and template.count(b"\n") == 1
    assert read_log(template, ["A"]).rows == 0
    example = (tmp_path / "assets" / "carnet-de-bord-exemple.csv").read_bytes()
    names = ["Ressourcerie du Plateau", "Centre communautaire des Saules", "Festival des Voisins"]
    assert read_log(example, names).rows == 63  # 32 + 20 + 11 trips (tests/calculators/test_usage_log.py)


def test_the_step_runs_before_the_offline_precache():
    steps = sitebuild.POST_STEPS
    assert steps.index("sitebuild.usage_log") < steps.index("sitebuild.service_worker")
