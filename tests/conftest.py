"""Project-wide test settings and the built sites the tests read and serve.

`site` is the site `make build` writes (MkDocs + Material); `zensical_site`
the one `make build-zensical` writes. Each is built once, with the real
build steps, served on 127.0.0.1 at a random port, its SITE_URL set to that
address (instant navigation needs it).

Under pytest-xdist (`make test` runs `-n 2`), the controller builds and
serves both sites once and hands the workers their address through the
environment: two workers never build the same site twice. It builds them in
the background: the workers start at once with the tests that need no site
(run first, see pytest_collection_modifyitems), and a test that needs a site
waits for the file saying it is served. Without xdist, each site is built the
first time a test asks for it.
"""

import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pytest

from tests.e2e.harness import ServedSite, build_site, free_port

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

ENGINES = ("mkdocs", "zensical")
SITE_FIXTURES = ("site", "zensical_site", "any_site")
SITE_WAIT_S = 900  # two builds at once on a loaded 2-core machine: about 1 min

# Modules that need a built site run after those that do not (which keep the
# workers busy while the controller builds), heaviest first: a worker that
# finishes early then waits for a short module, not a long one. Seconds of
# test time under `make test`, measured on 2 cores; a module not listed runs last.
SITE_MODULE_SECONDS = {  # 2026-12-01, fresh clone, chromium-headless-shell (Makefile)
    "e2e/test_pages": 91,
    "e2e/test_calculators": 74,
    "e2e/test_offline": 51,
    "e2e/test_questionnaires": 46,
    "e2e/test_usage_log": 45,
    "e2e/test_smoke": 41,
    "e2e/test_grid": 35,
    "e2e/test_agreements": 24,
    "e2e/test_chooser": 20,
    "e2e/test_dossier": 19,
    "e2e/test_board": 11,
    "e2e/test_search": 5,
    "sitebuild/test_calculators_runtime": 4,
    "law/test_links": 2,
}


def _env_name(engine: str) -> str:
    return f"MUTUUS_TEST_SITE_{engine.upper()}"


def build_and_serve(engine: str, dest: Path) -> ServedSite:
    served = ServedSite(dir=dest, port=free_port())
    build_site(dest, served.url, engine)
    return served.start()


def _marker(directory: Path, outcome: str) -> Path:
    """The file the controller writes once a site is served ("ready") or has failed."""
    return directory.parent / f"{directory.name}.{outcome}"


def _build_in_background(engine: str, served: ServedSite) -> None:
    try:
        build_site(served.dir, served.url, engine)
        served.start()
    except Exception as exc:  # noqa: BLE001: the waiting worker reports it
        _marker(served.dir, "failed").write_text(str(exc), encoding="utf-8")
        return
    _marker(served.dir, "ready").write_text(served.url, encoding="utf-8")


def pytest_configure(config):
    """Controller of an xdist run: build both sites in the background and serve them."""
    if hasattr(config, "workerinput") or not getattr(config.option, "numprocesses", None):
        return
    if all(_env_name(e) in os.environ for e in ENGINES):
        return
    base = Path(tempfile.mkdtemp(prefix="mutuus-test-sites-"))
    sites, threads = [], []
    for engine in ENGINES:
        served = ServedSite(dir=base / engine, port=free_port())
        # "|wait": the workers wait for the ready file (an address given
        # by hand, port|directory, is taken as already served).
        os.environ[_env_name(engine)] = f"{served.port}|{served.dir}|wait"
        thread = threading.Thread(target=_build_in_background, args=(engine, served), daemon=True)
        thread.start()
        sites.append(served)
        threads.append(thread)
    config._mutuus_sites = (base, sites, threads)


def pytest_unconfigure(config):
    base, sites, threads = getattr(config, "_mutuus_sites", (None, [], []))
    for thread in threads:
        thread.join()
    for served in sites:
        served.stop()
    if base is not None:
        shutil.rmtree(base, ignore_errors=True)


def pytest_collection_modifyitems(session, config, items):
    """Tests that need no built site first, then the site's modules, heaviest first.

    `make test` passes --no-loadscope-reorder, so xdist hands out modules in
    this order (its default orders them by their number of tests)."""
    def module(item) -> str:  # "e2e/test_pages"
        return item.path.relative_to(ROOT / "tests").with_suffix("").as_posix()

    needs_site = {module(item) for item in items if any(f in item.fixturenames for f in SITE_FIXTURES)}

    def key(item):
        if module(item) not in needs_site:
            return (0, 0)
        return (1, -SITE_MODULE_SECONDS.get(module(item), 0))

    items.sort(key=key)  # stable: a module's tests keep their order


def _wait_until_served(directory: Path, engine: str) -> None:
    deadline = time.monotonic() + SITE_WAIT_S
    while not _marker(directory, "ready").exists():
        failed = _marker(directory, "failed")
        if failed.exists():
            pytest.fail(failed.read_text(encoding="utf-8"), pytrace=False)
        if time.monotonic() > deadline:
            pytest.fail(f"le site ({engine}) n'est toujours pas construit après {SITE_WAIT_S} s", pytrace=False)
        time.sleep(0.2)


def _site(engine: str, tmp_path_factory):
    given = os.environ.get(_env_name(engine))
    if given:  # built and served by the xdist controller
        port, directory, *wait = given.split("|")
        if wait:
            _wait_until_served(Path(directory), engine)
        yield ServedSite(dir=Path(directory), port=int(port))
        return
    served = build_and_serve(engine, tmp_path_factory.mktemp(f"site-{engine}"))
    yield served
    served.stop()


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site built by `make build` (MkDocs + Material), served on 127.0.0.1."""
    yield from _site("mkdocs", tmp_path_factory)


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory):
    """The same site built by `make build-zensical`, served on 127.0.0.1."""
    yield from _site("zensical", tmp_path_factory)


@pytest.fixture(scope="session", params=ENGINES)
def any_site(request):
    """Each build in turn: for the smoke tests both engines must pass."""
    return request.getfixturevalue("site" if request.param == "mkdocs" else "zensical_site")
