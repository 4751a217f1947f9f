"""`make bench`: Lighthouse (npm, pinned) on three guide pages and a calculator page, served gzipped, mobile.

    .venv/bin/python bench/lighthouse.py [--site DIR] [--json FILE] [--calibrated] [--page PATH ...]
                                         [--runs N] [--http1]

Builds the site (strict) unless --site names a built one, serves it on
127.0.0.1 as GitHub Pages does: over HTTPS and HTTP/2 (bench/h2server.mjs,
Node's own http2, a certificate made for the run by `openssl` and trusted by
this Chromium only, through its public key), text types gzipped. Then runs
`bench/node_modules/.bin/lighthouse` (its own lock, bench/package-lock.json)
with Debian's Chromium, categories performance and accessibility.

Why HTTP/2: Lighthouse simulates slow 4G from the connections it observed.
Our Python server (bench/server.py) speaks HTTP/1.0, a connection per file:
each stylesheet the first paint waits for then carried a handshake of its
own (150 ms simulated), where GitHub Pages sends every file of a page over
one HTTP/2 connection. --http1 runs the same series on that server, to
compare with figures measured before.

Each page is measured --runs times (5 by default, as Lighthouse's
documentation on variability advises) and the median run is reported, with
the spread of the scores.

Headline figures: Lighthouse's default mobile settings (simulated slow 4G,
4x CPU slowdown) on three guide pages. Goal: mobile performance >= 98,
accessibility 100. For each page: the scores, the metrics that make them
(FCP, LCP, TBT, CLS), the render-blocking resources left, the bytes sent,
the three longest main-thread tasks and the run's `benchmarkIndex` (Lighthouse's measure of how fast this
machine's CPU was: the 4x slowdown assumes a fast desktop, so a slow or busy
machine scores lower). The calculator page (the planer's values in the URL,
as bench/run.py opens it) is reported for its total blocking time.

Baseline, in the same run: Material alone. Lighthouse's 4x CPU slowdown
assumes a fast desktop; on a slower or busier machine every page scores
lower, Material's own included (its bundle's start-up alone is then a
200-300 ms task). So each page is also measured as "Material alone": the same
built page with Mutuus's own scripts and stylesheets taken out
(without_mutuus(): tools.js and everything it loads, our CSS; Material's
bundle, stylesheets, inline scripts and the page's HTML kept), served the same
way, its runs interleaved with ours. The report gives, per page, our score
minus Material alone's ("performance_points") and our blocking time and LCP
divided by its ("tbt_ratio", "lcp_ratio"): what Mutuus adds, whatever the
machine's speed. --no-baseline skips it.

--calibrated adds a SECONDARY series, never the headline: the same pages with
the CPU slowdown calibrated from the median benchmarkIndex, as Lighthouse's
throttling documentation advises for slow hosts (docs/throttling.md, "CPU
throttling", and its calculator lighthouse-cpu-throttling-calculator).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

from run import CALCULATOR  # noqa: E402  (the planer's page, as the first-result bench opens it)
from server import bench_arguments, bench_site, emit, free_port, load_average  # noqa: E402

from tests.e2e.harness import CHROMIUM  # noqa: E402

PAGES = ["", "etapes/diagnostic/", "comprendre/definition/"]
LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"  # bench/package-lock.json
H2SERVER = ROOT / "bench" / "h2server.mjs"


def certificate(folder: Path) -> tuple[Path, Path, str]:
    """A throwaway certificate for 127.0.0.1: (cert, key, base64 SHA-256 of its
    public key). Chromium trusts it through --ignore-certificate-errors-spki-list,
    so the page has no certificate error (its service worker registers)."""
    if not shutil.which("openssl"):
        sys.exit("openssl est absent : installez-le (« apt-get install -y openssl ») ou lancez le banc avec --http1.")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )
    public = subprocess.run(["openssl", "x509", "-in", str(cert), "-pubkey", "-noout"], check=True, capture_output=True).stdout
    der = subprocess.run(["openssl", "pkey", "-pubin", "-outform", "der"], input=public, check=True, capture_output=True).stdout
    return cert, key, base64.b64encode(hashlib.sha256(der).digest()).decode("ascii")


@contextlib.contextmanager
def https_site(site: Path | None, alone: bool = False):
    """``with https_site(args.site) as (url, chrome_flags, scratch):`` the site over
    HTTPS + HTTP/2 on a free port of 127.0.0.1, built for that address unless
    ``site`` is given; the server stops at the end. ``alone``: its pages as
    Material alone serves them (material_alone), the baseline."""
    from tests.e2e.harness import build_site  # noqa: PLC0415 (the site builder, only here)

    port = free_port()
    with tempfile.TemporaryDirectory(prefix="mutuus-bench-lh-") as tmp:
        folder = Path(tmp)
        if site is None:
            site = folder / "site"
            build_site(site, f"https://127.0.0.1:{port}/")
        if alone:
            site = material_alone(site, folder / "material-alone")
        cert, key, spki = certificate(folder)
        proc = subprocess.Popen(
            ["node", str(H2SERVER), str(site), str(cert), str(key), str(port)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        try:
            line = proc.stdout.readline()
            if not line.startswith("PORT "):
                sys.exit(f"Le serveur HTTPS du banc n'a pas démarré ({H2SERVER.name}).")
            yield f"https://127.0.0.1:{port}/", [f"--ignore-certificate-errors-spki-list={spki}"], folder
        finally:
            proc.stdin.close()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


# Mutuus's own files in a built page: a script or stylesheet under assets/
# that is not Material's (its bundle and stylesheets carry a content hash:
# bundle.<hash>.min.js, main.<hash>.min.css, palette.<hash>.min.css).
OUR_SCRIPT = re.compile(r'<script\b[^>]*\bsrc="[^"]*assets/javascripts/(?![^"]*\.[0-9a-f]{8}\.min\.js")[^"]*"[^>]*>\s*</script>\n?')
OUR_STYLESHEET = re.compile(r'<link\b[^>]*rel="stylesheet"[^>]*href="[^"]*assets/stylesheets/(?![^"]*\.[0-9a-f]{8}\.min\.css")[^"]*"[^>]*>\n?')


def without_mutuus(html: str) -> str:
    """The page as Material alone would serve it: our script and stylesheet
    tags removed, everything else (Material's files, its inline scripts, the
    page's HTML) kept."""
    return OUR_STYLESHEET.sub("", OUR_SCRIPT.sub("", html))


def material_alone(site: Path, dest: Path) -> Path:
    """A copy of the built ``site`` in ``dest`` whose pages load Material's
    scripts and stylesheets only (without_mutuus); the other files are copied
    as they are. Returns ``dest``."""
    shutil.copytree(site, dest)
    for page in dest.rglob("*.html"):
        page.write_text(without_mutuus(page.read_text(encoding="utf-8")), encoding="utf-8")
    return dest


def against(ours: dict, alone: dict) -> dict:
    """What Mutuus adds to a page, from two median runs: score points (ours
    minus Material alone's) and the ratios of blocking time and LCP."""
    if "error" in ours or "error" in alone:
        return {}

    def ratio(key: str) -> float | None:
        return round(ours[key] / alone[key], 2) if alone.get(key) else None

    return {
        "performance_points": ours["performance"] - alone["performance"],
        "tbt_ratio": ratio("tbt_ms"),
        "lcp_ratio": ratio("lcp_ms"),
    }


def calibrated_multiplier(benchmark_index: float) -> float:
    """The CPU slowdown that makes this host look like Lighthouse's reference
    mobile device, from its benchmarkIndex: the piecewise-linear table of
    Lighthouse's CPU throttling calculator (index 150 -> 1x, 800 -> 2x,
    1300 -> 3x, then 1x more every 233 points: 1533 -> 4x, 2000 -> 6x).
    A host under 150 is too slow to emulate anything: 1x."""
    if benchmark_index >= 1300:
        return 3 + (benchmark_index - 1300) / 233
    if benchmark_index >= 800:
        return 2 + (benchmark_index - 800) / 500
    if benchmark_index >= 150:
        return 1 + (benchmark_index - 150) / 650
    return 1.0


def lighthouse(url: str, out: Path, cpu_multiplier: float | None = None, flags: Sequence[str] = ()) -> dict:
    out.unlink(missing_ok=True)
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        f"--chrome-path={CHROMIUM}",
        "--chrome-flags=" + " ".join(["--headless", "--no-sandbox", "--disable-gpu", *flags]),
        "--only-categories=performance,accessibility",
        "--output=json",
        f"--output-path={out}",
    ]
    if cpu_multiplier is not None:
        cmd.append(f"--throttling.cpuSlowdownMultiplier={cpu_multiplier:.2f}")
    proc = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=CHROMIUM))
    if proc.returncode != 0 or not out.exists():
        return {"error": (proc.stderr or proc.stdout)[-800:]}
    data = json.loads(out.read_text(encoding="utf-8"))
    audits = data["audits"]
    blocking = audits.get("render-blocking-resources", {}).get("details", {}).get("items", [])
    requests = audits.get("network-requests", {}).get("details", {}).get("items", [])
    tasks = audits.get("long-tasks", {}).get("details", {}).get("items", [])
    observed = (audits.get("metrics", {}).get("details", {}).get("items") or [{}])[0]
    return {
        "performance": round(data["categories"]["performance"]["score"] * 100),
        "accessibility": round(data["categories"]["accessibility"]["score"] * 100),
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        # When Chromium really painted, unthrottled. In some runs it paints
        # about a second late, after the load event, on Material alone too:
        # the simulation then counts every request and task before that paint
        # into FCP and LCP (an LCP of 2.4-2.7 s instead of 1.5 s).
        "observed_fcp_ms": round(observed.get("observedFirstContentfulPaint", 0)),
        "observed_load_ms": round(observed.get("observedLoad", 0)),
        "render_blocking": [item.get("url", "").rsplit("/", 1)[-1] for item in blocking],
        "requests": len(requests),
        "transfer_kib": round(sum(item.get("transferSize", 0) for item in requests) / 1024),
        # The three longest main-thread tasks (simulated, so CPU slowdown
        # included): the script each belongs to, and its duration.
        "longest_tasks_ms": [
            [item.get("url", "").rsplit("/", 1)[-1].split("?", 1)[0] or "(page)", round(item.get("duration", 0))]
            for item in sorted(tasks, key=lambda item: -item.get("duration", 0))[:3]
        ],
        "benchmark_index": round(data.get("environment", {}).get("benchmarkIndex", 0)),
        "cpu_slowdown": data["configSettings"]["throttling"]["cpuSlowdownMultiplier"],
        "protocol": next((item.get("protocol") for item in requests), None),
    }


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score (ties broken by total
    blocking time; with an even count, the better of the two middle runs),
    and every run's score, blocking time and first paint beside it."""
    measured = [run for run in runs if "error" not in run]
    if not measured:
        return runs[0]
    ranked = sorted(measured, key=lambda run: (run["performance"], -run["tbt_ms"]))
    chosen = dict(ranked[len(ranked) // 2])
    chosen["runs_performance"] = [run["performance"] for run in measured]
    chosen["runs_tbt_ms"] = [run["tbt_ms"] for run in measured]
    chosen["runs_fcp_ms"] = [run["fcp_ms"] for run in measured]
    chosen["runs_observed_fcp_ms"] = [run.get("observed_fcp_ms") for run in measured]
    if len(measured) < len(runs):
        chosen["runs_failed"] = len(runs) - len(measured)
    return chosen


def series(targets: dict[str, tuple[str, list[str]]], scratch: Path, only: list[str], runs: int,
           cpu_multiplier: float | None = None) -> dict[str, dict]:
    """Each page measured ``runs`` times on each target ({name: (url, chrome
    flags)}), the targets taking turns run by run (the first one changing each
    time) so that a machine getting busier weighs on all alike; the median run
    of each page, per target."""
    pages = {page or "/": page for page in only or PAGES}
    if not only:
        pages["calculator: outils/cout-utilisation/"] = CALCULATOR
    names = list(targets)
    measured: dict[str, dict[str, list[dict]]] = {name: {page: [] for page in pages} for name in names}
    for page, path in pages.items():
        for i in range(runs):
            for name in names[i % len(names):] + names[:i % len(names)]:
                url, flags = targets[name]
                measured[name][page].append(lighthouse(url + path, scratch / "lh.json", cpu_multiplier, flags))
    return {name: {page: median_run(found) for page, found in by_page.items()} for name, by_page in measured.items()}


def compared(pages: dict[str, dict]) -> dict:
    """The report of one series: ours, Material alone's and what we add."""
    report = {"mutuus": pages["mutuus"]}
    if "material_alone" in pages:
        report["material_alone"] = pages["material_alone"]
        report["against_material_alone"] = {
            page: against(run, pages["material_alone"][page]) for page, run in pages["mutuus"].items()
        }
    return report


@contextlib.contextmanager
def http1_site(site: Path | None):
    """The former way (--http1): bench/server.py, HTTP/1.0, gzipped."""
    with bench_site(site, "mutuus-bench-lh-", gzip=True) as (server, tmp):
        yield server.url, [], tmp


def main() -> None:
    parser = bench_arguments(__doc__)
    parser.add_argument(
        "--calibrated", action="store_true", help="add a secondary series, CPU slowdown calibrated from benchmarkIndex"
    )
    parser.add_argument(
        "--page", action="append", default=[], metavar="PATH",
        help="only this page (repeatable; '' is the home page), to measure one change quickly",
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per page; the median is reported (default 5)")
    parser.add_argument("--http1", action="store_true", help="serve over HTTP/1.0 (bench/server.py), as before; no baseline")
    parser.add_argument("--no-baseline", action="store_true", help="skip the Material alone baseline")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse est absent de bench/node_modules : lancez « make bench » (ou « cd bench && npm ci »).")
    with contextlib.ExitStack() as stack:
        url, flags, tmp = stack.enter_context(http1_site(args.site) if args.http1 else https_site(args.site))
        targets = {"mutuus": (url, flags)}
        if not (args.http1 or args.no_baseline):
            alone_url, alone_flags, _ = stack.enter_context(https_site(args.site, alone=True))
            targets["material_alone"] = (alone_url, alone_flags)
        found = series(targets, tmp, args.page, args.runs)
        report = {
            "load_average": load_average(),
            "served": "HTTP/1.0 (bench/server.py)" if args.http1 else "HTTPS + HTTP/2 (bench/h2server.mjs)",
            "runs_per_page": args.runs,
            # Kept under its former name: Mutuus's pages, Lighthouse's defaults.
            "mobile_default": found["mutuus"],
            **{key: value for key, value in compared(found).items() if key != "mutuus"},
        }
        indexes = [p["benchmark_index"] for p in found["mutuus"].values() if "benchmark_index" in p]
        report["benchmark_index_median"] = round(statistics.median(indexes)) if indexes else None
        if args.calibrated and indexes:
            multiplier = round(calibrated_multiplier(statistics.median(indexes)), 2)
            report["secondary_calibrated_cpu"] = {
                "note": "Secondaire : ralentissement du processeur calibré sur benchmarkIndex, pas le score de référence.",
                "cpu_slowdown": multiplier,
                **compared(series(targets, tmp, args.page, args.runs, multiplier)),
            }
        report["load_average_end"] = load_average()
    emit(report, args.json)


if __name__ == "__main__":
    main()
