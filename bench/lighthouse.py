"""`make bench`: Lighthouse (npm, pinned) on three guide pages and a calculator page, served gzipped, mobile.

    .venv/bin/python bench/lighthouse.py [--site DIR] [--json FILE] [--calibrated] [--page PATH ...]

Builds the site (strict) unless --site names a built one, serves it on
127.0.0.1 gzipped as GitHub Pages does (text types only, `Content-Encoding:
gzip` when the browser accepts it), and runs `bench/node_modules/.bin/lighthouse` (its own lock, bench/package-lock.json)
with Debian's Chromium, categories performance and accessibility.

Headline figures: Lighthouse's default mobile settings (simulated slow 4G,
4x CPU slowdown) on three guide pages. Goal: mobile performance >= 98,
accessibility 100. For each page: the scores, the metrics that make them
(FCP, LCP, TBT, CLS), the render-blocking resources left, the bytes sent,
the three longest main-thread tasks and the run's `benchmarkIndex` (Lighthouse's measure of how fast this
machine's CPU was: the 4x slowdown assumes a fast desktop, so a slow or busy
machine scores lower). The calculator page (the planer's values in the URL,
as bench/run.py opens it) is reported for its total blocking time.

--calibrated adds a SECONDARY series, never the headline: the same pages with
the CPU slowdown calibrated from the median benchmarkIndex, as Lighthouse's
throttling documentation advises for slow hosts (docs/throttling.md, "CPU
throttling", and its calculator lighthouse-cpu-throttling-calculator).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

from run import CALCULATOR  # noqa: E402  (the planer's page, as the first-result bench opens it)
from server import bench_arguments, bench_site, emit, load_average  # noqa: E402

from tests.e2e.harness import CHROMIUM  # noqa: E402

PAGES = ["", "etapes/diagnostic/", "comprendre/definition/"]
LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"  # bench/package-lock.json


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


def lighthouse(url: str, out: Path, cpu_multiplier: float | None = None) -> dict:
    out.unlink(missing_ok=True)
    cmd = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        f"--chrome-path={CHROMIUM}",
        "--chrome-flags=--headless --no-sandbox --disable-gpu",
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
    return {
        "performance": round(data["categories"]["performance"]["score"] * 100),
        "accessibility": round(data["categories"]["accessibility"]["score"] * 100),
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
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
    }


def series(url: str, scratch: Path, only: list[str], cpu_multiplier: float | None = None) -> dict:
    pages = {}
    for page in only or PAGES:
        pages[page or "/"] = lighthouse(url + page, scratch / "lh.json", cpu_multiplier)
    if not only:
        pages["calculator: outils/cout-utilisation/"] = lighthouse(url + CALCULATOR, scratch / "lh.json", cpu_multiplier)
    return pages


def main() -> None:
    parser = bench_arguments(__doc__)
    parser.add_argument(
        "--calibrated", action="store_true", help="add a secondary series, CPU slowdown calibrated from benchmarkIndex"
    )
    parser.add_argument(
        "--page", action="append", default=[], metavar="PATH",
        help="only this page (repeatable; '' is the home page), to measure one change quickly",
    )
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse est absent de bench/node_modules : lancez « make bench » (ou « cd bench && npm ci »).")
    with bench_site(args.site, "mutuus-bench-lh-", gzip=True) as (server, tmp):
        url = server.url
        report = {"load_average": load_average(), "mobile_default": series(url, tmp, args.page)}
        indexes = [p["benchmark_index"] for p in report["mobile_default"].values() if "benchmark_index" in p]
        report["benchmark_index_median"] = round(statistics.median(indexes)) if indexes else None
        if args.calibrated and indexes:
            multiplier = round(calibrated_multiplier(statistics.median(indexes)), 2)
            report["secondary_calibrated_cpu"] = {
                "note": "Secondaire : ralentissement du processeur calibré sur benchmarkIndex, pas le score de référence.",
                "cpu_slowdown": multiplier,
                "pages": series(url, tmp, args.page, multiplier),
            }
        report["load_average_end"] = load_average()
    emit(report, args.json)


if __name__ == "__main__":
    main()
