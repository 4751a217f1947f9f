"""Step: the logbook's CSV files written into the site, from the parser's own columns.

``assets/carnet-de-bord.csv`` is the empty template (the header row of
``calculators.usage_log.LOGBOOK_COLUMNS``) and ``assets/carnet-de-bord-exemple.csv``
the statement example's van over a year, trip by trip. The logbook page links
both; the statement page's import reads them back (tests/calculators/test_usage_log.py).
"""

from __future__ import annotations

from pathlib import Path

from calculators.usage_log import LOGBOOK_EXAMPLE_FILE, LOGBOOK_FILE, example_logbook_rows, logbook_csv

ASSETS = "assets"


def run(config: dict, site_dir: Path) -> None:
    folder = Path(site_dir) / ASSETS
    folder.mkdir(parents=True, exist_ok=True)
    # newline="": the CSV's own CRLF line ends are kept as they are on every system.
    with open(folder / LOGBOOK_FILE, "w", encoding="utf-8", newline="") as handle:
        handle.write(logbook_csv())
    with open(folder / LOGBOOK_EXAMPLE_FILE, "w", encoding="utf-8", newline="") as handle:
        handle.write(logbook_csv(example_logbook_rows()))
