"""The shaped-link bench's own parts (bench/shaped.py): the link its server
shapes (bench/h2server.mjs --rate/--delay: one bandwidth shared by every
response, a delay before each), the ETag revalidation GitHub Pages answers,
and how the bytes sent before the first result are counted."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import shaped  # noqa: E402  (bench/shaped.py)

# Two files fetched at once over one HTTP/2 connection; prints, for each,
# when it ended (ms after both were asked), its status and its body size.
H2TIMES = """
const http2 = require("node:http2");
const [url, etagOf, ...paths] = process.argv.slice(1);
const client = http2.connect(url, { rejectUnauthorized: false });
const start = Date.now();
const out = {};
let left = paths.length;
for (const path of paths) {
  const headers = { ":path": path };
  if (path === etagOf) headers["if-none-match"] = process.env.ETAG;
  const req = client.request(headers);
  let size = 0, head;
  req.on("response", (h) => { head = h; });
  req.on("data", (c) => { size += c.length; });
  req.on("end", () => {
    out[path] = { ms: Date.now() - start, status: head[":status"], size, etag: head.etag };
    if (--left === 0) { client.close(); console.log(JSON.stringify(out)); }
  });
  req.end();
}
"""


def fetch_times(url, paths, etag_of="", etag=""):
    proc = subprocess.run(
        ["node", "-e", H2TIMES, url, etag_of, *paths], capture_output=True, text=True, timeout=60, check=True,
        env=dict(os.environ, ETAG=etag),
    )
    return json.loads(proc.stdout)


@pytest.mark.skipif(not shutil.which("openssl") or not shutil.which("node"), reason="openssl and node are needed")
def test_one_link_shared_by_every_response_with_a_delay_before_each(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>Accueil</p>", encoding="utf-8")
    # Random bytes do not compress: 250 000 bytes each on the wire.
    (site / "a.bin").write_bytes(os.urandom(250_000))
    (site / "b.bin").write_bytes(os.urandom(250_000))
    server = shaped.ShapedServer(site, shaped.free_port(), tmp_path, {})
    try:
        # 2 Mbit/s = 250 000 bytes/s, 100 ms before each response.
        server.shape(250_000, 100)
        times = fetch_times(server.url, ["/a.bin", "/b.bin"])
        # Alone, each would take 100 ms + 1 s; sharing the link, both end
        # after 100 ms + 2 s (500 000 bytes at 250 000 bytes/s).
        assert {t["size"] for t in times.values()} == {250_000}
        assert min(t["ms"] for t in times.values()) >= 1_900, times
        home = fetch_times(server.url, ["/"])["/"]
        assert home["ms"] >= 100, home
        # A repeat visit revalidates with the ETag: 304, no body.
        again = fetch_times(server.url, ["/a.bin"], etag_of="/a.bin", etag=times["/a.bin"]["etag"])["/a.bin"]
        assert (again["status"], again["size"]) == (304, 0)
        server.shape(None, 0)
        fast = fetch_times(server.url, ["/a.bin", "/b.bin"])
        assert max(t["ms"] for t in fast.values()) < 1_000, fast
        server.settle(quiet_s=0.2, timeout_s=5)
        logged = {r["path"]: r for r in server.since(0)}
        assert logged["/b.bin"]["bytes"] == 250_000 and logged["/b.bin"]["status"] == 200
        assert server.in_flight() == 0
    finally:
        server.close()


def test_bytes_before_the_result_count_a_spanning_response_in_proportion():
    records = [
        {"t0": 0, "t1": 500, "bytes": 1000},  # ended before the result: all of it
        {"t0": 400, "t1": 1500, "bytes": 1000},  # sent from 500 (after the 100 ms delay) to 1500: half before 1000
        {"t0": 1200, "t1": 2000, "bytes": 5000},  # asked after the result: none
    ]
    assert shaped.bytes_before(records, 1000, delay_ms=100) == 1500
