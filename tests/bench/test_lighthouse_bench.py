"""The Lighthouse bench's own parts: the median run it reports, and the
HTTPS + HTTP/2 server it measures through (bench/h2server.mjs), as GitHub
Pages serves: gzipped text, a folder's index.html, the site's 404 page."""

from __future__ import annotations

import base64
import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import lighthouse  # noqa: E402  (bench/lighthouse.py)


def run(score, tbt, fcp=1000):
    return {"performance": score, "tbt_ms": tbt, "fcp_ms": fcp}


def test_median_run_is_the_middle_score_and_lists_every_run():
    runs = [run(95, 262), run(99, 118), run(98, 142), run(98, 156), run(98, 166)]
    chosen = lighthouse.median_run(runs)
    # Sorted by score, then by blocking time, worst first: 95/262, 98/166,
    # 98/156, 98/142, 99/118. The third is the median.
    assert (chosen["performance"], chosen["tbt_ms"]) == (98, 156)
    assert chosen["runs_performance"] == [95, 99, 98, 98, 98]
    assert chosen["runs_tbt_ms"] == [262, 118, 142, 156, 166]
    assert "runs_failed" not in chosen


def test_median_run_skips_failed_runs_and_says_so():
    chosen = lighthouse.median_run([{"error": "Chrome did not start"}, run(97, 200), run(99, 90)])
    assert (chosen["performance"], chosen["runs_failed"]) == (99, 1)  # of two, the better middle one
    assert lighthouse.median_run([{"error": "x"}]) == {"error": "x"}


H2GET = """
const http2 = require("node:http2");
const [url, ...paths] = process.argv.slice(1);
const client = http2.connect(url, { rejectUnauthorized: false });
const out = [];
let left = paths.length;
for (const path of paths) {
  const req = client.request({ ":path": path, "accept-encoding": "gzip" });
  const chunks = [];
  let head;
  req.on("response", (h) => { head = h; });
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    out.push({ path, protocol: client.alpnProtocol, status: head[":status"], encoding: head["content-encoding"] || null,
      location: head.location || null, body: Buffer.concat(chunks).toString("base64") });
    if (--left === 0) { client.close(); console.log(JSON.stringify(out)); }
  });
  req.end();
}
"""


@pytest.mark.skipif(not shutil.which("openssl") or not shutil.which("node"), reason="openssl and node are needed")
def test_https_site_serves_http2_gzipped_as_github_pages(tmp_path):
    site = tmp_path / "site"
    (site / "guide").mkdir(parents=True)
    (site / "index.html").write_text("<p>Accueil</p>", encoding="utf-8")
    (site / "guide" / "index.html").write_text("<p>Guide</p>", encoding="utf-8")
    (site / "404.html").write_text("<p>Introuvable</p>", encoding="utf-8")
    (site / "logo.png").write_bytes(b"\x89PNG not really")
    with lighthouse.https_site(site) as (url, flags, _tmp):
        assert url.startswith("https://127.0.0.1:")
        assert len(flags) == 1 and flags[0].startswith("--ignore-certificate-errors-spki-list=")
        proc = subprocess.run(
            ["node", "-e", H2GET, url, "/", "/guide", "/guide/", "/absent/", "/logo.png"],
            capture_output=True, text=True, timeout=30, check=True,
        )
    answers = {a["path"]: a for a in json.loads(proc.stdout)}
    assert {a["protocol"] for a in answers.values()} == {"h2"}
    home = answers["/"]
    assert (home["status"], home["encoding"]) == (200, "gzip")
    assert gzip.decompress(base64.b64decode(home["body"])) == b"<p>Accueil</p>"
    assert (answers["/guide"]["status"], answers["/guide"]["location"]) == (301, "/guide/")
    assert answers["/guide/"]["status"] == 200
    missing = answers["/absent/"]
    assert missing["status"] == 404
    assert gzip.decompress(base64.b64decode(missing["body"])) == b"<p>Introuvable</p>"
    # Images are sent as they are (GitHub Pages compresses text only).
    assert (answers["/logo.png"]["status"], answers["/logo.png"]["encoding"]) == (200, None)


PAGE = """<html><head>
<link rel="stylesheet" href="../assets/stylesheets/main.57a0d79d.min.css">
<link rel="stylesheet" href="../assets/stylesheets/palette.fb2fffe2.min.css">
<link rel="stylesheet" href="../assets/stylesheets/mutuus.css">
<link rel="stylesheet" href="../assets/stylesheets/questionnaires.css">
<script>__md_scope=new URL("..",location)</script>
</head><body><p>Texte</p>
<script id="__config" type="application/json">{"features": []}</script>
<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>
<script src="../assets/javascripts/tools.js" type="module"></script>
</body></html>"""


def test_material_alone_keeps_materials_files_and_drops_ours():
    page = lighthouse.without_mutuus(PAGE)
    assert "main.57a0d79d.min.css" in page and "palette.fb2fffe2.min.css" in page
    assert "bundle.a5f9d56c.min.js" in page and "__md_scope" in page and '"features"' in page
    for ours in ("mutuus.css", "questionnaires.css", "tools.js"):
        assert ours not in page
    assert "<p>Texte</p>" in page


def test_material_alone_copies_a_site_page_by_page(tmp_path):
    site = tmp_path / "site"
    (site / "guide").mkdir(parents=True)
    (site / "guide" / "index.html").write_text(PAGE, encoding="utf-8")
    (site / "assets").mkdir()
    (site / "assets" / "tools.js").write_text("// kept: only the pages change", encoding="utf-8")
    copy = lighthouse.material_alone(site, tmp_path / "alone")
    assert "tools.js" not in (copy / "guide" / "index.html").read_text(encoding="utf-8")
    assert (copy / "assets" / "tools.js").exists()
    assert "tools.js" in (site / "guide" / "index.html").read_text(encoding="utf-8")  # the original untouched


def test_against_material_alone_gives_points_and_ratio():
    ours = {"performance": 91, "tbt_ms": 300, "lcp_ms": 1600}
    alone = {"performance": 94, "tbt_ms": 250, "lcp_ms": 1500}
    # 91 - 94 = -3 points; 300 / 250 = 1.2; 1600 / 1500 = 1.07 (rounded to 2 places).
    assert lighthouse.against(ours, alone) == {"performance_points": -3, "tbt_ratio": 1.2, "lcp_ratio": 1.07}
    # No blocking time in the baseline: no ratio, rather than a division by zero.
    assert lighthouse.against(ours, {**alone, "tbt_ms": 0})["tbt_ratio"] is None
    assert lighthouse.against({"error": "x"}, alone) == {}


def test_series_takes_turns_between_ours_and_material_alone(monkeypatch, tmp_path):
    calls = []

    def fake(url, out, cpu_multiplier=None, flags=()):
        calls.append(url)
        return run(90 if url.startswith("https://a/") else 95, 100 + len(calls))

    monkeypatch.setattr(lighthouse, "lighthouse", fake)
    found = lighthouse.series({"mutuus": ("https://a/", []), "material_alone": ("https://b/", [])}, tmp_path, ["x/"], 3)
    # Run by run, the first target changes: a b, b a, a b.
    assert calls == ["https://a/x/", "https://b/x/", "https://b/x/", "https://a/x/", "https://a/x/", "https://b/x/"]
    assert found["mutuus"]["x/"]["performance"] == 90 and found["material_alone"]["x/"]["performance"] == 95
    report = lighthouse.compared(found)
    assert report["against_material_alone"]["x/"]["performance_points"] == -5
