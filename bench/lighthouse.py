"""`make bench`: Lighthouse (npm, pinned) on three guide pages served gzipped, mobile.

    .venv/bin/python bench/lighthouse.py [--site DIR] [--json FILE]

Builds the site (strict) unless --site names a built one, serves it on
127.0.0.1 gzipped as GitHub Pages does (text types only, `Content-Encoding:
gzip` when the browser accepts it), and runs `node_modules/.bin/lighthouse`
with Debian's Chromium, Lighthouse's default mobile settings (simulated slow
4G, 4x CPU slowdown), categories performance and accessibility. Goal: mobile
performance >= 98, accessibility 100. Prints the scores and the metrics that
make them (FCP, LCP, TBT, CLS) and the render-blocking resources left.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.e2e.harness import CHROMIUM, build_site, free_port  # noqa: E402

PAGES = ["", "etapes/diagnostic/", "comprendre/definition/"]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
GZIP_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/wasm")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".wasm": "application/wasm",
        ".svg": "image/svg+xml",
    }

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()
            path = os.path.join(path, "index.html")
        kind = self.guess_type(path)
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and os.path.isfile(path) and kind.startswith(GZIP_TYPES)):
            return super().send_head()
        with open(path, "rb") as f:
            body = gzip.compress(f.read(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format, *args):  # noqa: A002
        pass


def lighthouse(url: str, out: Path) -> dict:
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
    proc = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=CHROMIUM))
    if proc.returncode != 0 or not out.exists():
        return {"error": (proc.stderr or proc.stdout)[-800:]}
    data = json.loads(out.read_text(encoding="utf-8"))
    audits = data["audits"]
    blocking = audits.get("render-blocking-resources", {}).get("details", {}).get("items", [])
    return {
        "performance": round(data["categories"]["performance"]["score"] * 100),
        "accessibility": round(data["categories"]["accessibility"]["score"] * 100),
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "render_blocking": [item.get("url", "").rsplit("/", 1)[-1] for item in blocking],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse est absent de node_modules : lancez « npm ci ».")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory(prefix="mutuus-bench-lh-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build_site(site, url)
        handler = functools.partial(GzipHandler, directory=str(site))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        try:
            report = {"load_average": os.getloadavg(), "pages": {}}
            for page in PAGES:
                report["pages"][page or "/"] = lighthouse(url + page, Path(tmp) / "lh.json")
        finally:
            httpd.shutdown()
            httpd.server_close()
    text = json.dumps(report, indent=1, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
