"""`make bench`: the first calculator result on a shaped link, against a bare Pyodide boot on the same link.

    .venv/bin/python bench/shaped.py [--runs 3] [--site DIR] [--compare LABEL=DIR ...]
                                     [--rate 10] [--delay 100] [--json FILE]

On 127.0.0.1 a 5 MB file costs nothing; on a 10 Mbit/s link it costs 4 s.
This bench serves the built site as GitHub Pages does (HTTPS, HTTP/2, text
and wasm gzipped, ETag and `max-age=600`: bench/h2server.mjs) through a
shaped link: --rate Mbit/s (10) shared by every response, and --delay ms
(100) before each response. Then, in this one run, with Debian's Chromium:

- the bare Pyodide boot (bench/pages/boot.html: loadPyodide in a module
  worker, nothing else) and the first result of the usage-cost calculator
  (the planer, from the URL, as bench/run.py opens it);
- each on a first visit in a fresh profile, then on a repeat visit in the
  same profile once the first visit has settled (the service worker has
  stored what it stores, nothing is in flight);
- the ratios first result / bare boot, for the first and the repeat visit;
- the bytes the server sent (bodies, after gzip): before the first result
  (a response that spans it counts in proportion), and for the whole visit;
- the same again on the loopback link (no shaping), the figures
  bench/run.py gives, beside them.

Why the server shapes the link, and not Chromium (DevTools'
Network.emulateNetworkConditions): Chromium throttles per page target, and
the service worker is a target of its own; the guide's precache would then
download beside the engine on a link of its own, hiding exactly the
competition this bench is for. Here every request of the browser (page,
workers, service worker) crosses the same link, one token bucket shared by
all connections, with a delay before each response.

--compare LABEL=DIR serves another built site under /LABEL/ and measures it
in the same series (a build of `main`, say): "before" and "after" in one run,
under the same load. Kinds are interleaved and their order rotates between
series, so a busy machine weighs on all of them alike; the load average is
printed with the figures.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

from lighthouse import H2SERVER, certificate  # noqa: E402  (the HTTPS + HTTP/2 server and its certificate)
from run import AFTER_FIRST, CALCULATOR, FIRST_RESULT  # noqa: E402  (the page and how its result is timed)
from server import emit, free_port, load_average  # noqa: E402

from tests.e2e.harness import CHROMIUM, CHROMIUM_ARGS, build_site  # noqa: E402

BENCH_PAGES = Path(__file__).resolve().parent / "pages"
TIMEOUT = 180_000
# After a first visit, the visit has settled once no request has been in
# flight for this long (the service worker's storing, a snapshot kept for
# the next visit).
QUIET_S = 2.5
SETTLE_TIMEOUT_S = 120
MAIN = "mutuus"


class ShapedServer:
    """bench/h2server.mjs in a child process: ``url``, ``shape(rate, delay)``,
    and the requests it logged (``records``, ``in_flight()``)."""

    def __init__(self, site: Path, port: int, scratch: Path, mounts: dict[str, Path]):
        cert, key, spki = certificate(scratch)
        self.flags = [f"--ignore-certificate-errors-spki-list={spki}"]
        command = ["node", str(H2SERVER), str(site), str(cert), str(key), str(port), "--log"]
        for prefix, folder in mounts.items():
            command += ["--mount", f"{prefix}={folder}"]
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        self.url = f"https://127.0.0.1:{port}/"
        self.records: list[dict] = []
        self.opened = 0
        self.lock = threading.Lock()
        self.acks = threading.Semaphore(0)
        first = self.proc.stdout.readline()
        if not first.startswith("PORT "):
            self.close()
            sys.exit(f"Le serveur HTTPS du banc n'a pas démarré ({H2SERVER.name}).")
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            if line.startswith("SHAPE"):
                self.acks.release()
                continue
            try:
                item = json.loads(line)
            except ValueError:
                continue
            with self.lock:
                if "open" in item:
                    self.opened += 1
                else:
                    self.records.append(item)

    def shape(self, rate_bytes: int | None, delay_ms: int) -> None:
        self.proc.stdin.write(f"shape {rate_bytes or 'off'} {delay_ms}\n")
        self.proc.stdin.flush()
        if not self.acks.acquire(timeout=10):
            sys.exit("Le serveur du banc ne répond plus.")

    def in_flight(self) -> int:
        with self.lock:
            return self.opened - len(self.records)

    def mark(self) -> int:
        with self.lock:
            return len(self.records)

    def since(self, mark: int) -> list[dict]:
        with self.lock:
            return list(self.records[mark:])

    def settle(self, quiet_s: float = QUIET_S, timeout_s: float = SETTLE_TIMEOUT_S) -> None:
        """Wait until no request has been in flight for ``quiet_s`` seconds."""
        deadline = time.monotonic() + timeout_s
        quiet_since = None
        while time.monotonic() < deadline:
            if self.in_flight() == 0:
                quiet_since = quiet_since or time.monotonic()
                if time.monotonic() - quiet_since >= quiet_s:
                    return
            else:
                quiet_since = None
            time.sleep(0.1)

    def close(self) -> None:
        try:
            self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()


def bytes_before(records: list[dict], epoch_ms: float, delay_ms: float) -> int:
    """Body bytes sent before ``epoch_ms``: a response that spans it counts
    in proportion to the part of its transfer (after the delay) before it."""
    total = 0.0
    for r in records:
        start, end = r["t0"] + delay_ms, r["t1"]
        if end <= epoch_ms:
            total += r["bytes"]
        elif start < epoch_ms and end > start:
            total += r["bytes"] * (epoch_ms - start) / (end - start)
    return round(total)


class Visits:
    def __init__(self, pw, server: ShapedServer, scratch: Path):
        self.pw = pw
        self.server = server
        self.scratch = scratch
        self.count = 0

    def profile(self):
        """A fresh persistent profile (disk cache and service workers kept
        between its visits). No request routing: Playwright's routing turns
        the HTTP cache off."""
        self.count += 1
        ctx = self.pw.chromium.launch_persistent_context(
            str(self.scratch / f"profile-{self.count}"),
            executable_path=CHROMIUM,
            args=[*CHROMIUM_ARGS, *self.server.flags],
            headless=True,
            locale="fr-CA",
            service_workers="allow",
        )
        ctx.add_init_script(FIRST_RESULT)
        return ctx

    def bare(self, page) -> dict:
        page.goto(self.server.url + "__bench__/boot.html")
        page.wait_for_function("() => window.__bench !== undefined", timeout=TIMEOUT)
        result = page.evaluate("() => ({...window.__bench, origin: performance.timeOrigin})")
        if not result.get("ok"):
            raise RuntimeError(result.get("error"))
        return {"ms": result["ms"], "epoch": result["origin"] + result["ms"]}

    def calculator(self, page, prefix: str) -> dict:
        page.goto(self.server.url + prefix + CALCULATOR)
        page.wait_for_selector("#uc[data-state='result']", state="attached", timeout=TIMEOUT)
        total = page.inner_text("#uc .mu-calc-table tfoot td")
        assert total.replace("\u00a0", " ").replace("\u202f", " ") == "37,84 $", total
        first = page.evaluate("() => ({ms: window.__mu_first, origin: performance.timeOrigin})")
        info = page.evaluate(AFTER_FIRST)
        status = page.evaluate("() => (window.__muCalculatorWorker && window.__muCalculatorWorker.muBootStatus) || {}")
        info["why"] = status.get("snapshotWhy")
        info["stdlib"] = status.get("stdlib")
        info["download_ms"] = status.get("downloadMs")
        info["steps"] = status.get("ms")
        return {"ms": first["ms"], "epoch": first["origin"] + first["ms"], **info}

    def two_visits(self, kind: str, prefix: str, delay_ms: int) -> dict:
        """A first visit in a fresh profile, then a repeat visit once it has settled."""
        ctx = self.profile()
        try:
            page = ctx.pages[0] if ctx.pages else ctx.new_page()
            out = {}
            for visit in ("first", "repeat"):
                mark = self.server.mark()
                took = self.bare(page) if kind == "bare" else self.calculator(page, prefix)
                self.server.settle()
                records = self.server.since(mark)
                took["bytes_to_result"] = bytes_before(records, took.pop("epoch"), delay_ms)
                took["bytes_visit"] = sum(r["bytes"] for r in records)
                took["requests"] = len(records)
                out[visit] = took
                page.goto("about:blank")
            return out
        finally:
            ctx.close()


def median(values):
    return statistics.median(values) if values else float("nan")


def _yes(flags) -> str:
    return "".join("o" if flag else "n" for flag in flags)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="series (fresh profiles each); medians (default 3)")
    parser.add_argument("--site", type=Path, help="a site already built (else built now)")
    parser.add_argument(
        "--compare", action="append", default=[], metavar="LABEL=DIR",
        help="another built site, served under /LABEL/ and measured in the same series",
    )
    parser.add_argument("--rate", type=float, default=10.0, help="link bandwidth, Mbit/s (default 10)")
    parser.add_argument("--delay", type=int, default=100, help="delay before each response, ms (default 100)")
    parser.add_argument("--no-loopback", action="store_true", help="the shaped link only")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    rate_bytes = round(args.rate * 1_000_000 / 8)
    links = {"shaped": (rate_bytes, args.delay)}
    if not args.no_loopback:
        links["loopback"] = (None, 0)
    sites = {MAIN: ""}
    mounts = {"/__bench__/": BENCH_PAGES}
    for item in args.compare:
        label, _, folder = item.partition("=")
        sites[label] = f"{label}/"
        mounts[f"/{label}/"] = Path(folder).resolve()
    kinds = ["bare", *sites]

    with tempfile.TemporaryDirectory(prefix="mutuus-bench-shaped-") as tmp:
        tmp = Path(tmp)
        port = free_port()
        site = args.site
        if site is None:
            site = tmp / "site"
            print(f"Construction du site ({site})…", flush=True)
            build_site(site, f"https://127.0.0.1:{port}/")
        import os

        os.environ["XDG_CONFIG_HOME"] = str(tmp / "xdg-config")
        os.environ["XDG_CACHE_HOME"] = str(tmp / "xdg-cache")
        server = ShapedServer(site, port, tmp, mounts)
        load = [load_average()]
        results = {link: {kind: [] for kind in kinds} for link in links}
        try:
            with sync_playwright() as pw:
                visits = Visits(pw, server, tmp)
                for run in range(args.runs):
                    order = kinds[run % len(kinds):] + kinds[: run % len(kinds)]
                    for link, (rate, delay) in links.items():
                        server.shape(rate, delay)
                        for kind in order:
                            print(f"Série {run + 1}/{args.runs}, lien {link}, {kind}…", flush=True)
                            results[link][kind].append(visits.two_visits(kind, sites.get(kind, ""), delay))
                    load.append(load_average())
        finally:
            server.close()

    report = {
        "runs": args.runs,
        "link": {"mbit_s": args.rate, "delay_ms": args.delay, "how": "bench/h2server.mjs: one token bucket shared by all connections, a delay before each response; HTTPS, HTTP/2, gzip as GitHub Pages"},
        "load_average": load,
        "links": {},
    }
    for link, per_kind in results.items():
        summary = {}
        for kind, series in per_kind.items():
            summary[kind] = {
                visit: {
                    "ms": round(median([s[visit]["ms"] for s in series])),
                    "bytes_to_result": round(median([s[visit]["bytes_to_result"] for s in series])),
                    "bytes_visit": round(median([s[visit]["bytes_visit"] for s in series])),
                    "all_ms": [round(s[visit]["ms"]) for s in series],
                    **({"snapshot": [s[visit].get("snapshot") for s in series],
                        "why": [s[visit].get("why") for s in series],
                        "snapshot_download_ms": [s[visit].get("download_ms") for s in series],
                        "worker_steps_ms": [s[visit].get("steps") for s in series],
                        "stdlib": [s[visit].get("stdlib") for s in series],
                        "longest_task_ms": round(median([s[visit].get("longest", 0) for s in series])),
                        "longest_task_ms_per_series": [round(s[visit].get("longest", 0)) for s in series]}
                       if kind != "bare" else {}),
                }
                for visit in ("first", "repeat")
            }
        for kind in sites:
            for visit in ("first", "repeat"):
                entry = summary[kind][visit]
                entry["ratio_to_bare"] = round(entry["ms"] / summary["bare"][visit]["ms"], 3)
                entry["ratios_per_series"] = [
                    round(s[visit]["ms"] / b[visit]["ms"], 3) for s, b in zip(per_kind[kind], per_kind["bare"])
                ]
            # The figure: the repeat visit against the bare boot of a first visit.
            repeat = summary[kind]["repeat"]
            repeat["ratio_to_bare_first"] = round(repeat["ms"] / summary["bare"]["first"]["ms"], 3)
        report["links"][link] = summary

    print()
    print(f"Premier résultat du calculateur ÷ démarrage nu de Pyodide, médianes de {args.runs} série(s)")
    print(f"(charge moyenne : {' → '.join(str(l[0]) for l in load if l)})")
    for link, summary in report["links"].items():
        title = f"{args.rate:g} Mbit/s, {args.delay} ms" if link == "shaped" else "boucle locale (sans mise en forme)"
        print(f"\n  Lien : {title}")
        print(f"  {'':14}{'1re visite ms':>14}{'rapport':>9}{'Kio av. résultat':>18}{'Kio visite':>12}"
              f"{'visite suiv. ms':>17}{'rapport':>9}{'÷ nu 1re':>10}{'Kio':>7}  instantané")
        for kind in kinds:
            f, r = summary[kind]["first"], summary[kind]["repeat"]
            fr = f"{f['ratio_to_bare']:.2f}" if kind != "bare" else ""
            rr = f"{r['ratio_to_bare']:.2f}" if kind != "bare" else ""
            rf = f"{r['ratio_to_bare_first']:.2f}" if kind != "bare" else ""
            snap = "" if kind == "bare" else f"{_yes(f['snapshot'])} / {_yes(r['snapshot'])}"
            print(f"  {kind:14}{f['ms']:>14.0f}{fr:>9}{f['bytes_to_result'] / 1024:>18.0f}{f['bytes_visit'] / 1024:>12.0f}"
                  f"{r['ms']:>17.0f}{rr:>9}{rf:>10}{r['bytes_visit'] / 1024:>7.0f}  {snap}")
    print("\n  rapport : ÷ le démarrage nu de la même visite ; « ÷ nu 1re » : la visite suivante ÷ le démarrage nu"
          " d'une première visite ;\n  instantané : le moteur a démarré de l'instantané mémoire (1re / suivante, par série).")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    else:
        print()
        emit(report, None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
