"""`make bench`, part 1: how long the site takes to build, against bare Material.

    .venv/bin/python bench/build.py [--runs 5] [--json FILE]

Both builds run in this one run, interleaved, so the machine's load hits
them alike; the figure that matters is the ratio, not the seconds:

- baseline: the same Markdown pages built by Material alone (search plugin,
  no macros, no hooks, no extensions, not strict), as its command runs:
  ``python -m mkdocs build``: what any Material site of this size costs;
- Mutuus: ``make build``'s command, ``python -m sitebuild build --engine mkdocs site``:
  the real mkdocs.yml (macros, questionnaires validated and rendered), strict,
  between sitebuild's pre and post steps (wheel, Pyodide runtime, snapshot,
  CSP, service worker). Both warm: run once before the timed runs, so what
  a previous build kept (.sitebuild/, Python's bytecode) is there, as on a
  machine that has built before.

Then the time of each step of one Mutuus build (MUTUUS_BUILD_TIMES=1),
with --profile N the N top lines of one build under cProfile, and
``make serve``'s rebuild after a Markdown page is edited, against bare
Material's (``mkdocs serve`` rebuilds in its own process, as
sitebuild/serve.py now does): both in this process, after a first build,
the same page edited (a line added, then taken out again).

--before DIR measures, in the same run, a checkout of an earlier commit the
way its own Makefile built and served (three commands: sitebuild pre,
mkdocs build --strict, sitebuild post; its serve's rebuild in a process of
its own): "before" and "after" under the same load.

The machine may be shared: the load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # sitebuild, run as a script
sys.path.insert(0, str(Path(__file__).resolve().parent))

from server import load_average  # noqa: E402

BARE_CONFIG = """site_name: Référence Material
docs_dir: {docs}
site_dir: {site}
theme:
  name: material
  language: fr
  font: false
plugins:
  - search
"""
# The page edited for the rebuild: a plain guide page (no macros).
EDITED = "glossaire.md"


def timed(command: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    took = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{' '.join(command)} a échoué :\n{(proc.stdout + proc.stderr)[-3000:]}")
    return took


def step_times(site: Path) -> dict[str, float]:
    env = dict(os.environ, MUTUUS_BUILD_TIMES="1")
    proc = subprocess.run(
        [sys.executable, "-m", "sitebuild", "build", "--engine", "mkdocs", str(site)], cwd=ROOT, capture_output=True, text=True, env=env
    )
    times = {}
    for line in proc.stderr.splitlines():
        if line.startswith("[temps] "):
            name, _, seconds = line[len("[temps] "):].rpartition(" : ")
            times[name] = float(seconds.split()[0])
    return times


@contextlib.contextmanager
def edited(page: Path):
    """The page with one line more, as a writer saving it; put back after."""
    text = page.read_text(encoding="utf-8")
    try:
        page.write_text(text + "\nUne ligne ajoutée par le banc d'essai.\n", encoding="utf-8")
        yield
    finally:
        page.write_text(text, encoding="utf-8")


# An earlier checkout's `make serve` rebuild, timed in a process of its own.
BEFORE_SERVE = """
import contextlib, io, json, sys, time
from pathlib import Path
sys.path.insert(0, ".")
from sitebuild import serve
page, runs = Path("docs") / sys.argv[1], int(sys.argv[2])
serve.CACHE = Path(sys.argv[3])
state = serve.State()
def once():
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        serve.rebuild(state, "mkdocs", "http://127.0.0.1:8000/")
    return time.perf_counter() - start
once()
out = []
text = page.read_text(encoding="utf-8")
for _ in range(runs):
    try:
        page.write_text(text + "\\nUne ligne ajoutée par le banc d'essai.\\n", encoding="utf-8")
        out.append(once())
    finally:
        page.write_text(text, encoding="utf-8")
print(json.dumps(out))
"""


def before_commands(folder: Path, site: Path) -> list[list[str]]:
    """An earlier checkout's `make build`: three commands."""
    return [
        [sys.executable, "-m", "sitebuild", "pre", str(site)],
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)],
        [sys.executable, "-m", "sitebuild", "post", str(site)],
    ]


def timed_in(folder: Path, commands: list[list[str]]) -> float:
    start = time.perf_counter()
    for command in commands:
        proc = subprocess.run(command, cwd=folder, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(f"{folder}: {' '.join(command)} a échoué :\n{(proc.stdout + proc.stderr)[-3000:]}")
    return time.perf_counter() - start


def serve_rebuilds(bare_config: Path, bare_docs: Path, scratch: Path, runs: int) -> dict[str, list[float]]:
    """Rebuild after an edit, in this process: bare MkDocs as `mkdocs serve`
    does it, and sitebuild/serve.py's rebuild."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from sitebuild import serve

    def bare() -> float:
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            build(load_config(str(bare_config)))
        return time.perf_counter() - start

    state = serve.State()
    site_url = "http://127.0.0.1:8000/"

    def mutuus() -> float:
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            serve.rebuild(state, "mkdocs", site_url)
        if state.site is None:
            sys.exit("make serve : la construction a échoué.")
        return time.perf_counter() - start

    saved = serve.CACHE
    serve.CACHE = scratch / "serve"
    try:
        bare()
        mutuus()  # the first build of `make serve`
        out: dict[str, list[float]] = {"bare": [], "mutuus": []}
        for _ in range(runs):
            with edited(bare_docs / EDITED):
                out["bare"].append(bare())
            with edited(ROOT / "docs" / EDITED):
                out["mutuus"].append(mutuus())
        return out
    finally:
        serve.CACHE = saved


PROFILE = """
import cProfile, io, os, pstats, sys, time
sys.path.insert(0, ".")
from sitebuild.build import build
profile = cProfile.Profile(time.process_time)  # CPU time: a busy machine's waits left out
profile.enable()
build(sys.argv[1], "mkdocs", quiet=True)
profile.disable()
out = io.StringIO()
stats = pstats.Stats(profile, stream=out).sort_stats("cumulative")
stats.print_stats(int(sys.argv[2]))
print(out.getvalue())
"""


def profile(site: Path, lines: int) -> str:
    """One warm build under cProfile (CPU time), its top lines by cumulative time.
    cProfile slows Python code several times over: read shares, not seconds."""
    proc = subprocess.run([sys.executable, "-c", PROFILE, str(site), str(lines)], cwd=ROOT, capture_output=True,
                          text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    if proc.returncode != 0:
        sys.exit(f"profil : la construction a échoué :\n{proc.stderr[-3000:]}")
    return proc.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--before", type=Path, metavar="DIR", help="also an earlier checkout, built as its Makefile did")
    parser.add_argument("--profile", type=int, metavar="N", default=0,
                        help="also one warm build under cProfile (CPU time): its N top lines by cumulative time")
    args = parser.parse_args()

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.chdir(ROOT)
    scratch = Path(tempfile.mkdtemp(prefix="mutuus-bench-build-"))
    load = [load_average()]
    try:
        bare_docs = scratch / "bare-docs"
        shutil.copytree(ROOT / "docs", bare_docs)
        bare_config = scratch / "bare.yml"
        bare_config.write_text(BARE_CONFIG.format(docs=bare_docs, site=scratch / "bare-site"), encoding="utf-8")
        site = scratch / "site"
        bare_cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(bare_config)]
        mutuus_cmd = [sys.executable, "-m", "sitebuild", "build", "--engine", "mkdocs", str(site)]
        timed(bare_cmd)
        timed(mutuus_cmd)  # warm: what .sitebuild/ keeps is there
        before = args.before.resolve() if args.before else None
        before_cmds = before_commands(before, scratch / "before-site") if before else []
        if before:
            timed_in(before, before_cmds)
        bare, full, earlier = [], [], []
        for run in range(args.runs):
            kinds = [lambda: bare.append(timed(bare_cmd)), lambda: full.append(timed(mutuus_cmd))]
            if before:
                kinds.append(lambda: earlier.append(timed_in(before, before_cmds)))
            shift = run % len(kinds)
            for measure in kinds[shift:] + kinds[:shift]:
                measure()
        load.append(load_average())
        steps = step_times(site)
        profiled = profile(site, args.profile) if args.profile else ""
        rebuilds = serve_rebuilds(bare_config, bare_docs, scratch, args.runs)
        if before:
            proc = subprocess.run(
                [sys.executable, "-c", BEFORE_SERVE, EDITED, str(args.runs), str(scratch / "before-serve")],
                cwd=before, capture_output=True, text=True,
            )
            if proc.returncode != 0:
                sys.exit(f"{before}: make serve a échoué :\n{proc.stderr[-3000:]}")
            rebuilds["before"] = json.loads(proc.stdout.strip().splitlines()[-1])
        load.append(load_average())
        pages = sum(1 for _ in site.rglob("index.html"))
        b, f = statistics.median(bare), statistics.median(full)
        rb, rf = statistics.median(rebuilds["bare"]), statistics.median(rebuilds["mutuus"])
        print(f"Construction du site ({args.runs} passes, médianes, {pages} pages ; "
              f"charge {' → '.join(str(l[0]) for l in load if l)})")
        print(f"  Material seul (python -m mkdocs build)        {b:6.2f} s")
        print(f"  Mutuus (make build : python -m sitebuild build) {f:6.2f} s   rapport {f / b:4.2f}")
        if earlier:
            e = statistics.median(earlier)
            print(f"  avant ({before.name} : pre, mkdocs, post)        {e:6.2f} s   rapport {e / b:4.2f}")
        print("  dont : " + ", ".join(f"{name} {sec:.2f} s" for name, sec in steps.items()))
        print(f"Reconstruction après une modification d'une page ({EDITED}), dans le processus du serveur :")
        print(f"  Material seul (mkdocs serve)                  {rb:6.2f} s")
        print(f"  Mutuus (make serve)                           {rf:6.2f} s   rapport {rf / rb:4.2f}")
        if "before" in rebuilds:
            re_ = statistics.median(rebuilds["before"])
            print(f"  avant ({before.name})                          {re_:6.2f} s   rapport {re_ / rb:4.2f}")
        if profiled:
            print("Profil d'une construction (cProfile, temps processeur, cumulé) :")
            print(profiled)
        if args.json:
            args.json.write_text(json.dumps({
                "runs": args.runs, "pages": pages, "load_average": load,
                "build_s": {"bare": bare, "mutuus": full, "ratio": f / b,
                            **({"before": earlier, "ratio_before": statistics.median(earlier) / b} if earlier else {})},
                "steps_s": steps,
                "serve_rebuild_s": {**rebuilds, "ratio": rf / rb,
                                    **({"ratio_before": statistics.median(rebuilds["before"]) / rb} if "before" in rebuilds else {})},
            }, indent=1) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
