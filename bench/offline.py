"""`make bench`: a repeat visit with the service worker against without it, and what offline use stores.

    .venv/bin/python bench/offline.py [--runs 3] [--site DIR] [--json FILE]

Builds the site (strict, service worker included) into a temporary folder
unless --site names a built one, serves it on 127.0.0.1, and with Debian's
Chromium and a persistent profile per series (HTTP cache kept, as for a
reader coming back):

- first visit of the home page: bytes the server sent by the load event, and
  by the time the worker is ready (the guide's precache starts only after the
  load event and an idle moment); in the series without worker,
  `service_workers="block"`;
- repeat visits of three guide pages: median time to the load event and bytes
  the server sent;
- with the worker: the page "Hors ligne" stores the calculator engine; the
  bytes the site then keeps on the device (navigator.storage.estimate()).

The machine may be shared: the figures say how loaded it was (load average).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

from server import bench_arguments, bench_site, emit, load_average  # noqa: E402

from tests.e2e.harness import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

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
        sent.clear()
        page.goto(url, wait_until="load")
        at_load = sum(n for _, n in sent)
        wait_state(page, ["guide", "ready"] if with_worker else ["unsupported"])
        first_visit = {"bytes_by_load_event": at_load, "bytes_until_offline_ready": sum(n for _, n in sent)}
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
            "first_visit_home": first_visit,
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
    parser = bench_arguments(__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with bench_site(args.site, "mutuus-bench-offline-") as (server, tmp), sync_playwright() as pw:
        os.environ.setdefault("XDG_CONFIG_HOME", str(tmp / "config"))
        os.environ.setdefault("XDG_CACHE_HOME", str(tmp / "cache"))
        report = {
            "load_average": load_average(),
            "with_service_worker": series(pw, server.url, server.sent, args.runs, True),
            "without_service_worker": series(pw, server.url, server.sent, args.runs, False),
        }
    emit(report, args.json)


if __name__ == "__main__":
    main()
