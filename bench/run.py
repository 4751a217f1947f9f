"""`make bench`: how fast the calculators are in real Chromium, on the built site.

    .venv/bin/python bench/run.py [--runs 5] [--compare 314.0.7] [--json FILE]

Builds the site (strict) into a temporary folder, serves it on 127.0.0.1 with
a bench-only page mounted at /__bench__/ (never part of the site), then
measures, with Debian's Chromium and a persistent profile per series (so the
second visit is a real warm visit, HTTP cache included):

(a) the bare Pyodide boot in a module worker (loadPyodide only), cold and warm;
(b) navigation to the first calculator result (the planer, from the URL),
    cold and warm, and its ratio to the bare boot (goal < 1.0, ≤ 1.15 at least);
    with the site's snapshot when the build made one;
(c) p50/p95 of a recompute after an input change, over 100 changes
    (goal: p95 ≤ 50 ms);
(d) bytes transferred by a guide page (home) and by the calculator page
    (response bodies counted by the server, first visit);
(e) the Pyodide memory snapshot (sitebuild/snapshot.py): its bytes raw and
    gzip against the wasm's gzip, the first result without it (the snapshot
    answered 404: the worker's fallback, today's path) and the ratio with it;
(f) the longest main-thread long task (PerformanceObserver 'longtask') on the
    calculator page between navigation and the first result (goal: none over
    200 ms).

With --compare VERSION, installs that Pyodide version with npm into a
temporary folder and measures its bare boot and its boot + wheel + first
computation beside the pinned one. Times are medians over --runs series.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from server import Server, free_port  # noqa: E402

sys.path.insert(0, str(ROOT))
from tests.e2e.harness import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (one list of Chromium flags)

CALCULATOR = (
    "outils/cout-utilisation/?use.units=50&use.hours=5&consumables.cost_per_unit=0%2C05"
    "&maintenance.service_cost=100&maintenance.service_interval_units=100000"
    "&replacement.purchase_price=3500&replacement.residual_value=0&replacement.lifetime_years=7"
    "&preparation.hours=1&preparation.hourly_rate=30&preparation.payroll_charges_rate=0&admin_fee=5"
)
# Recorded before any page script (injected through the DevTools protocol, so
# the site's CSP does not apply): when the first result was shown.
FIRST_RESULT = """
document.addEventListener('mu-calculator:computed', (e) => {
  if (window.__mu_first === undefined && e.target.dataset.state === 'result') window.__mu_first = performance.now();
}, true);
window.__mu_longtasks = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__mu_longtasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
} catch (e) {}
"""
# After the first result: did the worker boot from the snapshot, and the
# longest long task that started before the result was shown (the observer
# reports a task once it has ended: wait one frame and a little).
AFTER_FIRST = """async () => {
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100)));
  const w = window.__muCalculatorWorker;
  const tasks = window.__mu_longtasks.filter(([start]) => start <= window.__mu_first);
  return {
    snapshot: !!(w && w.muBootStatus && w.muBootStatus.snapshot),
    longest: tasks.reduce((m, [, d]) => Math.max(m, d), 0),
  };
}"""
TIMEOUT = 120_000


def build(dest: Path, site_url: str) -> None:
    env = dict(os.environ, SITE_URL=site_url, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run(
        # make build's command (sitebuild/__init__.py: the one build path).
        [sys.executable, "-m", "sitebuild", "build", "--engine", "mkdocs", str(dest)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        sys.exit("La construction du site a échoué :\n" + (proc.stdout + proc.stderr)[-4000:])


def install_pyodide(version: str, prefix: Path) -> Path | None:
    proc = subprocess.run(
        ["npm", "install", "--no-save", "--no-audit", "--no-fund", f"pyodide@{version}", "--prefix", str(prefix)],
        capture_output=True,
        text=True,
    )
    folder = prefix / "node_modules" / "pyodide"
    if proc.returncode != 0 or not (folder / "pyodide.mjs").exists():
        print(f"(comparaison impossible : npm install pyodide@{version} a échoué)\n{proc.stderr[-800:]}")
        return None
    return folder


def cold_then_warm(contexts, order, measure, times, after=None) -> None:
    """One series: each kind in `order` measured cold, then each again warm, on
    its own context's page; closes the contexts and names any request that left
    127.0.0.1. `times[kind][phase]` gets the figures; `after(kind, phase, page)`
    may measure more on the page before it is left."""
    pages = {kind: ctx.new_page() for kind, ctx in contexts.items()}
    for phase in ("cold", "warm"):
        for kind in order:
            times[kind][phase].append(measure(kind, pages[kind]))
            if after:
                after(kind, phase, pages[kind])
            # Leave the page: its worker (and Pyodide's background compilation)
            # stops before the next measure starts.
            pages[kind].goto("about:blank")
            time.sleep(0.5)
    for ctx in contexts.values():
        if ctx.external:
            print("Requêtes hors 127.0.0.1 :", ctx.external)
        ctx.close()


def median(values):
    return statistics.median(values) if values else float("nan")


def percentile(values, p):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


class Bench:
    def __init__(self, pw, server: Server, scratch: Path):
        self.pw = pw
        self.server = server
        self.scratch = scratch
        self.count = 0

    def profile(self):
        self.count += 1
        folder = self.scratch / f"profile-{self.count}"
        ctx = self.pw.chromium.launch_persistent_context(
            str(folder), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, locale="fr-CA"
        )
        ctx.add_init_script(FIRST_RESULT)
        external = []

        def route(r):
            if r.request.url.startswith(self.server.url) or r.request.url.startswith(("data:", "blob:")):
                r.continue_()
            else:
                external.append(r.request.url)
                r.abort()

        ctx.route("**/*", route)
        ctx.external = external
        return ctx

    def without_snapshot(self, ctx):
        """This profile gets a 404 for the snapshot: the worker's fallback (today's path)."""
        ctx.route(
            lambda url: url.endswith(".snap.gz"),
            lambda r: r.fulfill(status=404, body="absent"),
        )
        return ctx

    def boot(self, page, runtime: str | None = None, wheel: bool = False) -> dict:
        query = []
        if runtime:
            query.append(f"runtime={runtime}")
        if wheel:
            query.append("wheel=1")
        page.goto(self.server.url + "__bench__/boot.html" + ("?" + "&".join(query) if query else ""))
        page.wait_for_function("() => window.__bench !== undefined", timeout=TIMEOUT)
        result = page.evaluate("() => window.__bench")
        if not result.get("ok"):
            raise RuntimeError(result.get("error"))
        return result

    def first_result(self, page, info: dict | None = None) -> float:
        page.goto(self.server.url + CALCULATOR)
        page.wait_for_selector("#uc[data-state='result']", state="attached", timeout=TIMEOUT)
        total = page.inner_text("#uc .mu-calc-table tfoot td")
        assert total.replace("\u00a0", " ").replace("\u202f", " ") == "37,84 $", total
        first = page.evaluate("() => window.__mu_first")
        if info is not None:
            info.update(page.evaluate(AFTER_FIRST))
        return first

    def recompute(self, page, changes: int = 100) -> list[float]:
        return page.evaluate(
            """async (n) => {
              const form = document.querySelector('#uc');
              const input = document.querySelector('#uc-use-units');
              const out = [];
              for (let i = 0; i < n; i++) {
                const done = new Promise((resolve) => form.addEventListener('mu-calculator:computed', resolve, { once: true }));
                const t0 = performance.now();
                input.value = String(51 + i);
                input.dispatchEvent(new Event('input', { bubbles: true }));
                await done;
                out.push(performance.now() - t0);
              }
              return out;
            }""",
            changes,
        )

    def bytes_of(self, path: str, wait_calculator: bool) -> int:
        ctx = self.profile()
        try:
            page = ctx.pages[0] if ctx.pages else ctx.new_page()
            self.server.bytes_sent()
            page.goto(self.server.url + path)
            if wait_calculator:
                page.wait_for_selector("#uc[data-state='result']", state="attached", timeout=TIMEOUT)
            page.wait_for_load_state("networkidle")
            time.sleep(0.3)
            return self.server.bytes_sent()
        finally:
            ctx.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="series per measure (median); default 5")
    parser.add_argument("--compare", metavar="VERSION", help="also measure this Pyodide version (npm install)")
    parser.add_argument("--json", metavar="FILE", help="write the figures as JSON")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    pinned = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text())["version"]
    with tempfile.TemporaryDirectory(prefix="mutuus-bench-") as tmp:
        tmp = Path(tmp)
        os.environ["XDG_CONFIG_HOME"] = str(tmp / "xdg-config")
        os.environ["XDG_CACHE_HOME"] = str(tmp / "xdg-cache")
        bench_pages = tmp / "bench"
        shutil.copytree(Path(__file__).resolve().parent / "pages", bench_pages)
        mounts = {"/__bench__/": bench_pages}
        other = None
        if args.compare:
            folder = install_pyodide(args.compare, tmp / "npm")
            if folder:
                mounts = {"/__bench__/other/": folder, **mounts}
                other = args.compare
        port = free_port()
        site_dir = tmp / "site"
        print(f"Construction du site ({site_dir})…", flush=True)
        build(site_dir, f"http://127.0.0.1:{port}/")

        figures: dict[str, object] = {"pyodide": pinned, "runs": args.runs}
        with Server(site_dir, port, mounts=mounts) as server, sync_playwright() as pw:
            bench = Bench(pw, server, tmp)
            # One persistent profile per kind of measure and per series; the
            # kinds are interleaved (cold for all, then warm for all), in an
            # order that rotates between series, so that a busy machine
            # weighs on all of them alike.
            manifest = json.loads((site_dir / "assets/pyodide/calculators.json").read_text(encoding="utf-8"))
            snapshot = manifest.get("snapshot")
            kinds = ["bare", "engine", "calc"] + (["calc_nosnap"] if snapshot else [])
            kinds += ["other_bare", "other_engine"] if other else []
            times = {kind: {"cold": [], "warm": []} for kind in kinds}
            recompute: list[float] = []
            python_versions = {}
            steps = {"unpack": [], "import": [], "compute": []}
            longest: list[float] = []  # (f), calculator page with the snapshot
            restored: list[bool] = []

            def measure(kind, page):
                if kind == "calc":
                    info: dict = {}
                    took = bench.first_result(page, info)
                    longest.append(info["longest"])
                    restored.append(info["snapshot"])
                    return took
                if kind == "calc_nosnap":
                    return bench.first_result(page)
                runtime = "/__bench__/other/" if kind.startswith("other") else None
                result = bench.boot(page, runtime=runtime, wheel=kind.endswith("engine"))
                python_versions[other if runtime else pinned] = result["python"]
                if kind == "engine":
                    st = result["steps"]
                    steps["unpack"].append(st["unpacked"] - st["fetched"])
                    steps["import"].append(st["imported"] - st["unpacked"])
                    steps["compute"].append(st["computed"] - st["imported"])
                return result["ms"]

            for run in range(args.runs):
                print(f"Série {run + 1}/{args.runs}…", flush=True)
                order = kinds[run % len(kinds):] + kinds[: run % len(kinds)]
                contexts = {kind: bench.profile() for kind in order}
                if "calc_nosnap" in contexts:
                    bench.without_snapshot(contexts["calc_nosnap"])

                def after(kind, phase, page):
                    if kind == "calc" and phase == "warm":
                        recompute.extend(bench.recompute(page))

                cold_then_warm(contexts, order, measure, times, after)
            bare, engine, calc = times["bare"], times["engine"], times["calc"]
            other_bare = times.get("other_bare", {"cold": [], "warm": []})
            other_engine = times.get("other_engine", {"cold": [], "warm": []})

            guide_bytes = bench.bytes_of("", wait_calculator=False)
            calc_bytes = bench.bytes_of(CALCULATOR, wait_calculator=True)

        m = {k: {p: median(v[p]) for p in v} for k, v in {"bare": bare, "calc": calc, "engine": engine}.items()}
        ratio = {p: m["calc"][p] / m["bare"][p] for p in ("cold", "warm")}
        wasm_gzip = len(gzip.compress((site_dir / "assets/pyodide/runtime/pyodide.asm.wasm").read_bytes(), 9))
        nosnap = {p: median(times["calc_nosnap"][p]) for p in ("cold", "warm")} if snapshot else None
        figures["snapshot"] = {
            "used": bool(snapshot),
            "restored_every_run": bool(restored) and all(restored),
            "bytes": snapshot and snapshot["bytes"],
            "gzip_bytes": snapshot and snapshot["gzip_bytes"],
            "wasm_gzip_bytes": wasm_gzip,
            "first_result_without_ms": nosnap,
            "ratio_without_snapshot": nosnap and {p: nosnap[p] / m["bare"][p] for p in nosnap},
        }
        figures["longest_long_task_ms"] = {"max": max(longest, default=0), "median": median(longest)}
        p50, p95 = percentile(recompute, 50), percentile(recompute, 95)
        figures.update(
            {
                "bare_boot_ms": m["bare"],
                "boot_wheel_compute_ms": m["engine"],
                "first_result_ms": m["calc"],
                "ratio_first_result_to_bare_boot": ratio,
                "recompute_ms": {"p50": p50, "p95": p95, "changes": len(recompute)},
                "bytes": {"guide_page": guide_bytes, "calculator_page": calc_bytes},
                "python": python_versions,
                "engine_steps_ms": {k: median(v) for k, v in steps.items()},
            }
        )

        def ms(x):
            return f"{x:8.0f}"

        print()
        print(f"Mutuus : banc d'essai des calculateurs — Pyodide {pinned} (Python {python_versions.get(pinned)}),")
        print(f"Chromium {CHROMIUM}, médiane de {args.runs} série(s)")
        print()
        print(f"{'':46}{'froid ms':>10}{'chaud ms':>10}")
        print(f"{'(a) Pyodide nu (worker module, loadPyodide)':46}{ms(m['bare']['cold']):>10}{ms(m['bare']['warm']):>10}")
        print(f"{'    + wheel + import + 1er calcul (worker)':46}{ms(m['engine']['cold']):>10}{ms(m['engine']['warm']):>10}")
        print(
            f"      dont : wheel décompressé {median(steps['unpack']):.0f} ms, import de calculators.bridge "
            f"{median(steps['import']):.0f} ms, calcul {median(steps['compute']):.0f} ms"
        )
        print(f"{'(b) Navigation → 1er résultat (page)':46}{ms(m['calc']['cold']):>10}{ms(m['calc']['warm']):>10}")
        verdict = {p: "OK" if ratio[p] < 1.0 else ("≤1,15" if ratio[p] <= 1.15 else "au-dessus") for p in ratio}
        print(
            f"{'    ratio (b)/(a), objectif < 1 (au pire 1,15)':46}"
            f"{ratio['cold']:>7.2f} {verdict['cold']:<2}{ratio['warm']:>7.2f} {verdict['warm']}"
        )
        print()
        goal = "OK" if p95 <= 50 else "au-dessus de l'objectif"
        print(f"(c) Recalcul après une modification ({len(recompute)} changements) : p50 {p50:.1f} ms, p95 {p95:.1f} ms "
              f"(objectif p95 ≤ 50 ms : {goal})")
        print(f"(d) Octets transférés, première visite (corps des réponses, sans compression) : "
              f"page guide {guide_bytes / 1024:.0f} Kio ; page calculateur {calc_bytes / 1024:.0f} Kio")
        print()
        if snapshot:
            sn = figures["snapshot"]
            print(f"(e) Snapshot mémoire : {sn['bytes'] / 1e6:.1f} Mo brut, {sn['gzip_bytes'] / 1e6:.2f} Mo gzip "
                  f"(wasm : {wasm_gzip / 1e6:.2f} Mo gzip) ; restauré à chaque série : "
                  f"{'oui' if sn['restored_every_run'] else 'NON'}")
            print(f"{'    sans snapshot (404 → repli) : 1er résultat':46}{ms(nosnap['cold']):>10}{ms(nosnap['warm']):>10}")
            rn = sn["ratio_without_snapshot"]
            print(f"{'    ratio sans snapshot / (a)':46}{rn['cold']:>7.2f}   {rn['warm']:>7.2f}")
            print(f"{'    temps gagné par le snapshot':46}{ms(nosnap['cold'] - m['calc']['cold']):>10}"
                  f"{ms(nosnap['warm'] - m['calc']['warm']):>10}")
        else:
            print("(e) Pas de snapshot mémoire dans ce site (voir les avertissements de la construction).")
        lt = figures["longest_long_task_ms"]
        goal_lt = "OK" if lt["max"] <= 200 else "au-dessus de l'objectif"
        print(f"(f) Plus longue tâche du fil principal avant le 1er résultat (page calculateur) : "
              f"max {lt['max']:.0f} ms, médiane {lt['median']:.0f} ms (objectif ≤ 200 ms : {goal_lt})")
        if other:
            mo = {"bare": {p: median(other_bare[p]) for p in other_bare}, "engine": {p: median(other_engine[p]) for p in other_engine}}
            figures["compare"] = {"version": other, "bare_boot_ms": mo["bare"], "boot_wheel_compute_ms": mo["engine"]}
            print()
            print(f"Comparaison des versions de Pyodide (worker module, froid / chaud, ms) :")
            print(f"  {pinned:>10} (Python {python_versions.get(pinned)}) : nu {m['bare']['cold']:.0f} / {m['bare']['warm']:.0f} ; "
                  f"avec wheel et 1er calcul {m['engine']['cold']:.0f} / {m['engine']['warm']:.0f}")
            print(f"  {other:>10} (Python {python_versions.get(other)}) : nu {mo['bare']['cold']:.0f} / {mo['bare']['warm']:.0f} ; "
                  f"avec wheel et 1er calcul {mo['engine']['cold']:.0f} / {mo['engine']['warm']:.0f}")
        if args.json:
            Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
