"""`make bench`: the agreements generator's first preview, as a ratio to the calculators' first result.

    .venv/bin/python bench/agreements.py [--runs 3] [--json FILE]

Builds the site once (strict, as `make build`), serves it on 127.0.0.1
(bench/server.py) and measures with Debian's Chromium, in the same run:

(a) navigation to the calculators' first result: the planer from the URL,
    until the first 'mu-calculator:computed' event with a result (the same
    page, event and check as bench/run.py, imported from it);
(b) navigation to the agreements generator (outils/conventions/) until its
    first preview is shown: the first 'mu-agreement:rendered' event of
    agreement-app.js with the generator in state "complete" or "incomplete"
    (a draft shown, not an error). The browser holds what a person who used
    the questionnaires and the split calculator has saved (organisation,
    modélisation answers, the split's last result, as tests/e2e/test_agreements.py
    stores them), so the page prefills the draft through the Pyodide worker
    before its first render. No draft is stored before a visit (each visit
    prefills, cold or warm).

Cold: a fresh Chromium profile; warm: the same profile, visited again (HTTP
cache and compiled code kept). One profile per measure and per series; the
order of (a) and (b) alternates between series. Times are medians over
--runs series, from navigation start (performance.now() of the new page).
The load average is printed: on a busy machine only the ratio means much.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import run as calculators_bench  # noqa: E402  (bench/run.py: build, Bench, the planer's first result)
from server import Server, free_port  # noqa: E402

CHROMIUM = calculators_bench.CHROMIUM

GENERATOR = "outils/conventions/"
PARTNERS = ("Atelier du Quartier", "Ressourcerie Les Castors")
# What the questionnaire and calculator pages keep (storage contract), as in
# tests/e2e/test_agreements.py. The site is served at /: its keys start with mutuus:/:.
STORED = {
    "mutuus:/:organisation": PARTNERS[0],
    "mutuus:/:modelisation:v1": {
        "organisation": PARTNERS[0],
        "answers": {"ressources_communes": "la salle polyvalente", "mode_decision": "consensus"},
        "updated_at": "2026-11-01T10:00:00Z",
    },
    "mutuus:/:calculator:split": {
        "input": {"total": "1200", "method": "equal", "partners": [{"name": n} for n in PARTNERS]},
        "result": {
            "partners": [
                {"name": PARTNERS[0], "share": "400.00", "in_kind": "0.00", "net": "400.00"},
                {"name": PARTNERS[1], "share": "800.00", "in_kind": "0.00", "net": "800.00"},
            ]
        },
        "updated_at": "2026-11-01T10:05:00Z",
    },
}


def browser_state(origin: str) -> str:
    """Init script, run before any page script of every document of the site:
    the saved state above, and no agreement draft (each visit prefills)."""
    values = {key: json.dumps(value) for key, value in STORED.items()}
    return f"""
if (location.origin === {json.dumps(origin)}) {{
  for (const key of Object.keys(localStorage)) if (key.startsWith('mutuus:/:agreement:')) localStorage.removeItem(key);
  for (const [key, value] of Object.entries({json.dumps(values)})) localStorage.setItem(key, value);
}}
"""


# Recorded before any page script (injected through the DevTools protocol, so
# the site's CSP does not apply): when the first preview was shown.
FIRST_PREVIEW = """
document.addEventListener('mu-agreement:rendered', (e) => {
  const state = e.target.dataset.state;
  if (window.__mu_first_preview === undefined && (state === 'complete' || state === 'incomplete'))
    window.__mu_first_preview = performance.now();
}, true);
"""


def first_preview(page, url: str) -> float:
    page.goto(url + GENERATOR)
    page.wait_for_function("() => window.__mu_first_preview !== undefined", timeout=calculators_bench.TIMEOUT)
    shown = page.inner_text(".mu-ag-document")
    # The draft was prefilled from the saved state: both partners and the split are in it.
    assert all(name in shown for name in PARTNERS) and "800,00" in shown, shown[:400]
    return page.evaluate("() => window.__mu_first_preview")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="series per measure (median); default 3")
    parser.add_argument("--json", metavar="FILE", help="write the figures as JSON")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="mutuus-bench-agreements-") as tmp:
        tmp = Path(tmp)
        os.environ["XDG_CONFIG_HOME"] = str(tmp / "xdg-config")
        os.environ["XDG_CACHE_HOME"] = str(tmp / "xdg-cache")
        port = free_port()
        site_dir = tmp / "site"
        print(f"Construction du site ({site_dir})…", flush=True)
        calculators_bench.build(site_dir, f"http://127.0.0.1:{port}/")

        times = {kind: {"cold": [], "warm": []} for kind in ("calc", "agreement")}
        with Server(site_dir, port) as server, sync_playwright() as pw:
            bench = calculators_bench.Bench(pw, server, tmp)
            origin = server.url.rstrip("/")

            def measure(kind, page):
                if kind == "calc":
                    return bench.first_result(page)
                return first_preview(page, server.url)

            for series in range(args.runs):
                print(f"Série {series + 1}/{args.runs}…", flush=True)
                order = ["calc", "agreement"] if series % 2 == 0 else ["agreement", "calc"]
                contexts = {kind: bench.profile() for kind in order}
                for ctx in contexts.values():
                    ctx.add_init_script(browser_state(origin))
                    ctx.add_init_script(FIRST_PREVIEW)
                calculators_bench.cold_then_warm(contexts, order, measure, times)
    load_after = os.getloadavg()

    m = {kind: {phase: calculators_bench.median(v) for phase, v in t.items()} for kind, t in times.items()}
    ratio = {phase: m["agreement"][phase] / m["calc"][phase] for phase in ("cold", "warm")}
    print()
    print(f"Mutuus : générateur de conventions et calculateurs, Chromium {CHROMIUM}, médiane de {args.runs} série(s)")
    print(f"Charge de la machine (load average 1/5/15 min) : avant {' '.join(f'{x:.2f}' for x in load_before)}, "
          f"après {' '.join(f'{x:.2f}' for x in load_after)}")
    print()
    print(f"{'':52}{'froid ms':>10}{'chaud ms':>10}")
    print(f"{'(a) Navigation → 1er résultat (calculateur)':52}{m['calc']['cold']:>10.0f}{m['calc']['warm']:>10.0f}")
    print(f"{'(b) Navigation → 1er aperçu (conventions)':52}{m['agreement']['cold']:>10.0f}{m['agreement']['warm']:>10.0f}")
    print(f"{'    ratio (b)/(a)':52}{ratio['cold']:>10.2f}{ratio['warm']:>10.2f}")
    print("    séries (ms) : " + " ; ".join(f"{k} {p} {[round(x) for x in v]}" for k, t in times.items() for p, v in t.items()))
    if args.json:
        figures = {"runs": args.runs, "ms": m, "series_ms": times, "ratio_first_preview_to_first_result": ratio,
                   "load_average": {"before": load_before, "after": load_after}}
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
