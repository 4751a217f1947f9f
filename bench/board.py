"""`make bench`, the board: 5,000 generated entries against the shipped examples.

    .venv/bin/python bench/board.py [--entries 5000] [--runs 2]

Same process, interleaved builds (the machine's load hits both alike):

- build: `python -m sitebuild build` (pre steps, `mkdocs build --strict`,
  post steps: the board step writes the entries into the page) with the
  shipped network/board/ and with MUTUUS_BOARD_DIR pointing at N generated
  entries; target ratio <= 1.5. MUTUUS_BUILD_TIMES=1 prints each step's time;
- weight: every same-origin response the board page loads in Chromium,
  gzip-compressed (level 6, what a static host sends); target <= 1 MB;
- filtering: a filter or a search typed on the page, timed in Chromium from
  the input event to the list laid out again; target p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.harness import CHROMIUM, CHROMIUM_ARGS, ServedSite, build_site, free_port  # noqa: E402

TERRITORIES = ["Montréal", "Québec", "Sherbrooke", "Trois-Rivières", "Gatineau", "Saguenay", "Rimouski",
               "Lille", "Lyon", "Nantes", "Rennes", "Marseille", "Besançon", "Saint-Étienne", "Grenoble",
               "Liège", "Namur", "Charleroi", "Bruxelles", "Mons", "Arlon", "Louvain-la-Neuve", "Tournai",
               "Lévis", "Laval", "Longueuil", "Saint-Denis", "Évry", "Orléans", "Amiens"]
# Each territory's country (an entry names both; see network/board.schema.json).
COUNTRY_OF = {**dict.fromkeys(TERRITORIES[:7] + TERRITORIES[23:26], "QC"),
              **dict.fromkeys(TERRITORIES[7:15] + TERRITORIES[26:], "FR"),
              **dict.fromkeys(TERRITORIES[15:23], "BE")}
THINGS = {
    "personnel": ["animatrice à mi-temps", "équipe bénévole", "chargé de projet", "coordonnatrice"],
    "competences": ["graphisme", "demandes de subvention", "animation de réunions", "traduction"],
    "locaux": ["salle de réunion", "cuisine équipée", "entrepôt sec", "bureau partagé"],
    "transport": ["camionnette 9 m³", "minibus 9 places", "vélo-cargo", "remorque"],
    "moyens_techniques": ["sono portable", "photocopieur", "tables pliantes", "vidéoprojecteur"],
    "fonctions_support": ["comptabilité", "paie", "informatique", "communication"],
    "achats": ["papier recyclé", "fournitures de bureau", "produits d'entretien", "énergie"],
    "autres": ["fichier de bénévoles", "place sur un stand", "réseau de contacts", "trésorerie"],
}
WORDS = ("le mardi soir, en semaine, pour un événement, une journée par mois, à l'année, "
         "participation aux frais, état des lieux, assurance de l'occupant, accès en fauteuil roulant, "
         "proche du métro, clés à récupérer, ménage compris, réservation une semaine avant").split(", ")


def generate(folder: Path, count: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    start = dt.date(2026, 9, 1)
    for index in range(count):
        category = rng.choice(list(THINGS))
        thing = rng.choice(THINGS[category])
        kind = rng.choice(["offer", "need"])
        published = start + dt.timedelta(days=rng.randrange(0, 90))
        until = published + dt.timedelta(days=rng.randrange(120, 400))
        verb = "Nous prêtons" if kind == "offer" else "Nous cherchons"
        description = f"{verb} {thing}, " + ", ".join(rng.sample(WORDS, 5)) + f". Annonce n° {index}."
        lines = [
            f"kind: {kind}",
            f"title: {json.dumps(thing.capitalize() + ' — ' + rng.choice(WORDS), ensure_ascii=False)}",
            f"category: {category}",
            f"organisation: {json.dumps(f'Organisation fictive {index}', ensure_ascii=False)}",
            f"territory: {json.dumps(territory := rng.choice(TERRITORIES), ensure_ascii=False)}",
            f"country: {COUNTRY_OF[territory]}",
            f"description: {json.dumps(description, ensure_ascii=False)}",
            f"contact: contact{index}@exemple{index % 97}.example.org",
            f"published: {published.isoformat()}",
            f"until: {until.isoformat()}",
        ]
        if rng.random() < 0.5:
            lines.append(f"schedule: {json.dumps(rng.choice(WORDS), ensure_ascii=False)}")
        (folder / f"generee-{index:05d}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def percentile(values, p):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def page_weight(page, site: ServedSite, path: str) -> tuple[int, int]:
    """(raw bytes, gzip bytes) of every same-origin response the page loads."""
    bodies = []

    def on_response(response):
        if response.url.startswith(site.url):
            try:
                bodies.append(response.body())
            except Exception:  # noqa: BLE001 (redirects have no body)
                pass

    page.on("response", on_response)
    page.goto(site.page_url(path))
    page.wait_for_selector(".mu-board-filters:not([hidden])")
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", on_response)
    return sum(len(b) for b in bodies), sum(len(gzip.compress(b, 6)) for b in bodies)


FILTER_TIMING = """async ([kind, value]) => {
  const form = document.querySelector('.mu-board-filters');
  const control = kind === 'q' ? form.elements.q : form.elements[kind];
  const t0 = performance.now();
  control.value = value;
  control.dispatchEvent(new Event('input', {bubbles: true}));
  document.body.getBoundingClientRect();  // style and layout of the updated list
  const t1 = performance.now();
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return t1 - t0;
}"""

STEPS = [("q", "s"), ("q", "sa"), ("q", "sal"), ("q", "salle"), ("q", "salle reunion"), ("q", ""),
         ("kind", "offer"), ("category", "locaux"), ("territory", "Québec"), ("territory", ""),
         ("q", "camionnette"), ("q", "Evenement"), ("category", ""), ("kind", "need"), ("q", "comptabilite"),
         ("q", "zzz"), ("kind", ""), ("q", "")]


def filter_times(page, rounds: int = 5) -> list[float]:
    times = []
    for _ in range(rounds):
        for kind, value in STEPS:
            times.append(page.evaluate(FILTER_TIMING, [kind, value]))
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ["MUTUUS_BUILD_DATE"] = "2026-11-30"

    with tempfile.TemporaryDirectory(prefix="mutuus-board-") as scratch:
        scratch = Path(scratch)
        generated = scratch / "board"
        generated.mkdir()
        generate(generated, args.entries)
        port = free_port()
        site_small, site_big = scratch / "site-small", scratch / "site-big"
        small, big = [], []
        for _ in range(args.runs):
            os.environ.pop("MUTUUS_BOARD_DIR", None)
            small.append(build_site(site_small, f"http://127.0.0.1:{port}/"))
            os.environ["MUTUUS_BOARD_DIR"] = str(generated)
            big.append(build_site(site_big, f"http://127.0.0.1:{port}/"))
        os.environ.pop("MUTUUS_BOARD_DIR", None)
        ratio = statistics.median(big) / statistics.median(small)

        html = (site_big / "reseau" / "index.html").read_bytes()
        index = site_big / "search" / "search_index.json"
        index_size = index.stat().st_size if index.exists() else None  # the folder goes at the end of the with
        served = ServedSite(dir=site_big, port=port).start()
        try:
            from playwright.sync_api import sync_playwright

            os.environ.setdefault("XDG_CONFIG_HOME", str(scratch / "config"))
            os.environ.setdefault("XDG_CACHE_HOME", str(scratch / "cache"))
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page()
                # The machine is shared: wait long rather than fail on a loaded host.
                page.set_default_timeout(300_000)
                raw, compressed = page_weight(page, served, "reseau/")
                shown = page.evaluate("Number(document.querySelector('.mu-board').dataset.total)")
                times = filter_times(page)
                browser.close()
        finally:
            served.stop()

    p95 = percentile(times, 95)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"(charge de la machine à la fin : {load:.1f} sur {os.cpu_count()} cœurs)")
    print(f"Tableau du réseau, {args.entries} annonces générées ({shown} en cours le 2026-11-30) :")
    print(f"  construction : {statistics.median(small):.1f} s sans, {statistics.median(big):.1f} s avec "
          f"(médianes de {args.runs}) -> rapport {ratio:.2f} (cible <= 1,5)")
    print(f"  page du tableau : HTML {len(html) / 1e6:.2f} Mo brut, {len(gzip.compress(html, 6)) / 1e3:.0f} ko gzip ; "
          f"tout ce que la page charge : {raw / 1e6:.2f} Mo brut, {compressed / 1e3:.0f} ko gzip (cible <= 1000 ko)")
    print(f"  index de recherche du site : {index_size / 1e3:.0f} ko" if index_size is not None else "")
    print(f"  filtrage ({len(times)} changements) : médiane {statistics.median(times):.1f} ms, "
          f"p95 {p95:.1f} ms, max {max(times):.1f} ms (cible p95 <= 50 ms)")
    ok = ratio <= 1.5 and compressed <= 1_000_000 and p95 <= 50
    print("  résultat :", "dans les cibles" if ok else "HORS CIBLE")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
