"""`make bench`: a repeat visit with the service worker against without it, and what offline use stores.

    .venv/bin/python bench/offline.py [--runs 3] [--site DIR] [--json FILE]

Builds the site (strict, service worker included) into a temporary folder
unless --site names a built one, serves it on 127.0.0.1, and with Debian's
Chromium and a persistent profile per series (HTTP cache kept, as for a
reader coming back):

- first visit of the home page, then the worker is ready (or, in the series
  without worker, `service_workers="block"`);
- repeat visits of three guide pages: median time to the load event and bytes
  the server sent;
- with the worker: the page "Hors ligne" stores the calculator engine; the
  bytes the site then keeps on the device (navigator.storage.estimate()).

The machine may be shared: the figures say how loaded it was (load average).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

from server import Server, free_port  # noqa: E402

from tests.e2e.harness import CHROMIUM, CHROMIUM_ARGS, build_site  # noqa: E402

PAGES = ["", "etapes/diagnostic/", "glossaire/"]
TIMEOUT = 180_000


def wait_state(page, states):
    page.wait_for_function(
        "(states) => states.includes(document.documentElement.dataset.muOffline)", arg=states, timeout=TIMEOUT
    )


def series(pw, url: str, sent: list, runs: int, with_worker: bool) -> dict:
    with tempfile.TemporaryDirectory(prefix="mutuus-bench-profile-") as profile:
        ctx = pw.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            service_workers="allow" if with_worker else "block",
        )
        page = ctx.new_page()
        page.goto(url)
        wait_state(page, ["guide", "ready"] if with_worker else ["unsupported"])
        for path in PAGES:  # every page once, as the first visit would
            page.goto(url + path, wait_until="load")
        times: dict[str, list[float]] = {p or "/": [] for p in PAGES}
        sent.clear()
        for _ in range(runs):
            for path in PAGES:
                page.goto(url + path, wait_until="load")
                times[path or "/"].append(
                    page.evaluate("() => performance.getEntriesByType('navigation')[0].loadEventEnd")
                )
        result = {
            "load_ms_median": {p: round(statistics.median(v), 1) for p, v in times.items()},
            "bytes_sent_by_server_repeat_visits": sum(n for _, n in sent),
        }
        if with_worker:
            page.goto(url + "hors-ligne/")
            wait_state(page, ["guide", "ready"])
            if page.evaluate("() => document.documentElement.dataset.muOffline") == "guide":
                page.get_by_role("button", name="Rendre disponible hors ligne").click()
            wait_state(page, ["ready"])
            result["stored_on_device_bytes"] = page.evaluate(
                "async () => (await navigator.storage.estimate()).usage"
            )
            result["offline_json"] = page.evaluate(
                "async () => (await fetch('../assets/offline.json')).json()"
            )
        ctx.close()
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site", type=Path)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory(prefix="mutuus-bench-offline-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build_site(site, url)
        os.environ.setdefault("XDG_CONFIG_HOME", str(Path(tmp) / "config"))
        os.environ.setdefault("XDG_CACHE_HOME", str(Path(tmp) / "cache"))
        with Server(site, port=port) as server, sync_playwright() as pw:
            report = {
                "load_average": os.getloadavg(),
                "with_service_worker": series(pw, url, server.sent, args.runs, True),
                "without_service_worker": series(pw, url, server.sent, args.runs, False),
            }
    text = json.dumps(report, indent=1, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
