"""Fixtures for the browser tests: one built and served site, one Chromium, a fresh context per test.

Contexts block service workers (`service_workers="block"`): otherwise every
fresh context would register offline-sw.js and store the whole guide, and on
a calculator page the 17 MB engine, while the test runs (a third of the time
of tests/e2e/test_pages.py). The offline tests (test_offline.py) make their
own contexts, with the worker.

Tests that only read pages can share ONE page per test module (`reader`):
the renderer and the HTTP cache are kept (six pages with axe: 7.5 s in one
page, 13.2 s in fresh contexts). localStorage is emptied before each test.

Tests that need the calculators' engine can share ONE page per test module
whose Pyodide worker is booted once (`engine_page`), instead of booting it
again in each test's fresh page:

    def test_x(engine_page, engine_log, site):
        open_tool(engine_page, site, "outils/repartition/")   # instant navigation
        ...

Each test starts with localStorage emptied and an empty log; console errors,
CSP violations and requests leaving 127.0.0.1 during the test fail it, as
with `page`. A test that reloads the page or opens another context should
keep using `page`.
"""

from __future__ import annotations

import os

import pytest

from tests.e2e.harness import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PageLog,
    chromium_available,
    goto,
    watch_context,
    watch_page,
)

ENGINE_BOOT_PAGE = "outils/cout-utilisation/"
ENGINE_BOOT_MS = 120_000  # Pyodide boots in about 2 s; room for a heavily loaded machine


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    if not chromium_available():
        pytest.fail(
            f"Chromium est introuvable ({CHROMIUM}). Installez-le : apt-get install -y chromium"
        )
    from playwright.sync_api import sync_playwright

    scratch = tmp_path_factory.mktemp("xdg")
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
    os.environ["XDG_CACHE_HOME"] = str(scratch / "cache")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page_log():
    return PageLog()


def new_context(browser, log: PageLog):
    """A context as a reader's browser has it (fr-CA), watched (see the module's docstring)."""
    ctx = browser.new_context(locale="fr-CA", accept_downloads=True, service_workers="block")
    watch_context(ctx, log)
    return ctx


@pytest.fixture
def context(browser, page_log):
    ctx = new_context(browser, page_log)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context, page_log):
    pg = context.new_page()
    watch_page(pg, page_log)
    yield pg
    problems = page_log.problems()
    assert not problems, "La page a signalé :\n" + "\n".join(problems)


@pytest.fixture(scope="module")
def engine_session(browser, site):
    """One page per test module, its calculators' engine (Pyodide worker) booted once."""
    log = PageLog()
    ctx = new_context(browser, log)
    pg = ctx.new_page()
    watch_page(pg, log)
    goto(pg, site, ENGINE_BOOT_PAGE)
    pg.wait_for_selector("form.mu-calculator[data-engine=ready]", timeout=ENGINE_BOOT_MS)
    yield pg, log
    ctx.close()


@pytest.fixture
def engine_log(engine_session):
    """The shared page's log, emptied for this test (expect_console_error works as with page_log)."""
    _, log = engine_session
    log.clear()
    return log


@pytest.fixture
def engine_page(engine_session, engine_log):
    """The module's booted page, with nothing stored; fails the test on any problem logged."""
    pg, _ = engine_session
    pg.evaluate("() => localStorage.clear()")
    yield pg
    problems = engine_log.problems()
    assert not problems, "La page a signalé :\n" + "\n".join(problems)


@pytest.fixture(scope="module")
def reader_session(browser):
    log = PageLog()
    ctx = new_context(browser, log)
    pg = ctx.new_page()
    watch_page(pg, log)
    yield pg, log
    ctx.close()


@pytest.fixture
def reader(reader_session):
    """The module's one page for tests that only open pages and read them:
    light colour scheme, nothing stored (emptied on the page it is on, so a
    test should goto() first). Fails the test on any problem logged."""
    pg, log = reader_session
    log.clear()
    pg.emulate_media(color_scheme="light")
    if pg.url.startswith("http"):
        pg.evaluate("() => localStorage.clear()")
    yield pg
    problems = log.problems()
    assert not problems, "La page a signalé :\n" + "\n".join(problems)
