"""Fixtures for the browser tests: one built and served site, one Chromium, a fresh context per test."""

from __future__ import annotations

import os

import pytest

from tests.e2e.harness import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PageLog,
    chromium_available,
    watch_context,
    watch_page,
)


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


@pytest.fixture
def context(browser, page_log):
    ctx = browser.new_context(locale="fr-CA", accept_downloads=True)
    watch_context(ctx, page_log)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context, page_log):
    pg = context.new_page()
    watch_page(pg, page_log)
    yield pg
    problems = page_log.problems()
    assert not problems, "La page a signalé :\n" + "\n".join(problems)
