"""sitebuild: the step lists, the runner, the configuration reader and the command's errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import sitebuild
from sitebuild import build
from sitebuild.config import load_config
from sitebuild.errors import BuildError

ROOT = Path(__file__).resolve().parents[2]


def test_every_listed_step_is_a_run_function():
    for spec in sitebuild.PRE_STEPS + sitebuild.POST_STEPS:
        assert callable(build.resolve(spec)), spec


def test_csp_runs_after_every_step_that_writes_pages():
    # Only the service worker comes after it: it hashes the final files and writes no page.
    assert sitebuild.POST_STEPS[-2:] == ["sitebuild.csp", "sitebuild.service_worker"]


def test_snapshot_comes_after_the_runtime_and_before_csp_and_service_worker():
    steps = sitebuild.POST_STEPS
    assert "sitebuild.snapshot" in steps
    snap = steps.index("sitebuild.snapshot")
    assert steps.index("sitebuild.calculators_runtime") < snap < steps.index("sitebuild.csp")
    assert snap < steps.index("sitebuild.service_worker")


def test_steps_get_the_config_and_the_site_dir(tmp_path, monkeypatch):
    seen = []
    module = type(sys)("mutuus_test_step")
    module.run = lambda config, site_dir: seen.append((config["site_name"], config["site_dir"], site_dir))
    monkeypatch.setitem(sys.modules, "mutuus_test_step", module)
    build.run_steps(["mutuus_test_step"], tmp_path, {"site_name": "Mutuus"})
    assert seen == [("Mutuus", str(tmp_path), tmp_path)]


def test_config_resolves_env_like_mkdocs(monkeypatch):
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:9999/")
    config = load_config()
    assert config["site_url"] == "http://127.0.0.1:9999/"
    monkeypatch.delenv("SITE_URL")
    assert load_config()["site_url"] == "http://127.0.0.1:8000/"


def test_broken_config_names_file_and_line(tmp_path):
    bad = tmp_path / "mkdocs.yml"
    bad.write_text("site_name: x\nnav: [a\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"mkdocs\.yml:\d+ : YAML invalide"):
        load_config(bad)


def test_post_without_a_site_says_so_in_french_without_traceback(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "sitebuild", "post", str(tmp_path)], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 1
    assert "pas de site construit ici" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_mkdocs_runs_in_this_process_and_its_warnings_make_the_message(monkeypatch):
    """MkDocs in the build's own process (sitebuild/build.py): a strict build
    that aborts gives a BuildError naming the warnings; the cycle collector
    and MkDocs' theme are as they were afterwards."""
    import gc
    import logging

    import mkdocs.commands.build
    import mkdocs.config
    from mkdocs.exceptions import Abort
    from mkdocs.theme import Theme

    get_env = Theme.get_env

    def fake_build(config):
        assert not gc.isenabled()
        assert Theme.get_env is not get_env  # the compiled templates are kept
        logging.getLogger("mkdocs.structure.pages").warning("Doc file 'a.md' contains a link 'b.md', not found.")
        raise Abort("Aborted with 1 warnings in strict mode!")

    monkeypatch.setattr(mkdocs.commands.build, "build", fake_build)
    monkeypatch.setattr(mkdocs.config, "load_config", lambda *a, **k: {"strict": k.get("strict")})
    with pytest.raises(BuildError) as raised:
        build.run_engine("mkdocs", ROOT / ".sitebuild" / "never-written", quiet=True, in_process=True)
    assert "WARNING -  Doc file 'a.md' contains a link 'b.md'" in str(raised.value)
    assert "strict mode" in str(raised.value)
    assert gc.isenabled() and Theme.get_env is get_env


def test_serve_builds_apart_once_a_python_file_has_changed():
    from sitebuild.serve import python_changed

    before = (("docs/a.md", 1, 10), ("macros/x.py", 1, 20))
    assert not python_changed(before, (("docs/a.md", 2, 11), ("macros/x.py", 1, 20)))
    assert python_changed(before, (("docs/a.md", 1, 10), ("macros/x.py", 2, 21)))
    assert python_changed(before, (*before, ("macros/new.py", 1, 1)))
