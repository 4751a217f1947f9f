"""Project-wide test settings: run from the repository root whatever the current folder."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


import pytest

from tests.e2e.harness import ServedSite, build_site, free_port


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site built once with the strict build and served on 127.0.0.1 at a random port."""
    port = free_port()
    dest = tmp_path_factory.mktemp("site")
    served = ServedSite(dir=dest, port=port)
    build_site(dest, served.url)
    served.start()
    yield served
    served.stop()


