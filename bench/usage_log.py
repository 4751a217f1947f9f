"""The usage log's parser on a 10,000-row log, in CPython (issue 26).

    .venv/bin/python bench/usage_log.py [--rows 10000] [--runs 5]

Writes the same log as tests/e2e/test_usage_log.py's 10,000-row test (three
partners, a decimal comma, a person column; about 0.5 MB) and times
``read_log`` (bytes → each partner's units) and the CLI's whole path
``statement_with_log`` (the log plus the van statement, as
``python -m calculators statement FILE --log LOG.csv`` computes it). Prints
the median and the fastest of --runs, and the load average: on a busy
machine only the order of magnitude means much. The same file in the page
(file chosen → summary shown, Pyodide in the worker) is measured by
tests/e2e/test_usage_log.py::test_a_log_of_ten_thousand_rows_in_the_page.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from calculators.examples import payload_json  # noqa: E402
from calculators.usage_log import read_log, statement_with_log  # noqa: E402

NAMES = ["Ressourcerie du Plateau", "Centre communautaire des Saules", "Festival des Voisins"]


def log_bytes(rows: int) -> bytes:
    lines = [f"2027-{1 + i % 12:02d}-{1 + i % 28:02d};{NAMES[i % 3]};Quelqu'un;{1 + (i % 7) / 10:.1f}".replace(".", ",")
             for i in range(rows)]
    return ("date;partenaire;personne;km\n" + "\n".join(lines) + "\n").encode("utf-8")


def timed(function, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data = log_bytes(args.rows)
    # The van example has its actual use typed: the log brings it instead.
    payload = json.loads(payload_json("statement", "van"))
    for partner in payload["partners"]:
        del partner["actual_units"]
    statement = json.dumps(payload, ensure_ascii=False)
    assert read_log(data, NAMES).rows == args.rows
    assert json.loads(statement_with_log(statement, data))["log"]["rows"] == args.rows
    # Interleaved, after the two checks above (the first runs of a process are up to twice as slow).
    parse, whole = [], []
    for _ in range(args.runs):
        parse += timed(lambda: read_log(data, NAMES), 1)
        whole += timed(lambda: statement_with_log(statement, data), 1)
    print(f"Python {sys.version.split()[0]}, {args.rows} lignes ({len(data) // 1024} Kio), {args.runs} essais, "
          f"charge {os.getloadavg()[0]:.1f}")
    print(f"  read_log              : médiane {statistics.median(parse):.0f} ms, meilleur {min(parse):.0f} ms")
    print(f"  statement_with_log    : médiane {statistics.median(whole):.0f} ms, meilleur {min(whole):.0f} ms")


if __name__ == "__main__":
    main()
