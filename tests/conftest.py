"""Project-wide test settings and the built sites the tests read and serve.

`site` is the site `make build` writes (MkDocs + Material); `zensical_site`
the one `make build-zensical` writes. Each is built once, with the real
build steps, served on 127.0.0.1 at a random port, its SITE_URL set to that
address (instant navigation needs it).

Under pytest-xdist (`make test` runs `-n 2`), the controller builds and
serves both sites once, before the workers start, and hands them their
address through the environment: two workers never build the same site twice.
Without xdist, each site is built the first time a test asks for it.
"""

import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.e2e.harness import ServedSite, build_site, free_port

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

ENGINES = ("mkdocs", "zensical")


def _env_name(engine: str) -> str:
    return f"MUTUUS_TEST_SITE_{engine.upper()}"


def build_and_serve(engine: str, dest: Path) -> ServedSite:
    served = ServedSite(dir=dest, port=free_port())
    build_site(dest, served.url, engine)
    return served.start()


def pytest_configure(config):
    """Controller of an xdist run: build both sites at once and serve them."""
    if hasattr(config, "workerinput") or not getattr(config.option, "numprocesses", None):
        return
    if all(_env_name(e) in os.environ for e in ENGINES):
        return
    base = Path(tempfile.mkdtemp(prefix="mutuus-test-sites-"))
    with ThreadPoolExecutor(max_workers=len(ENGINES)) as pool:
        sites = list(pool.map(lambda e: build_and_serve(e, base / e), ENGINES))
    for engine, served in zip(ENGINES, sites):
        os.environ[_env_name(engine)] = f"{served.port}|{served.dir}"
    config._mutuus_sites = (base, sites)


def pytest_unconfigure(config):
    base, sites = getattr(config, "_mutuus_sites", (None, []))
    for served in sites:
        served.stop()
    if base is not None:
        shutil.rmtree(base, ignore_errors=True)


def _site(engine: str, tmp_path_factory):
    given = os.environ.get(_env_name(engine))
    if given:  # built and served by the xdist controller
        port, _, directory = given.partition("|")
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
