// The built site over HTTPS and HTTP/2, as GitHub Pages serves it, for the
// Lighthouse bench (bench/lighthouse.py). Node's own http2 module: no package.
//
//   node bench/h2server.mjs SITE_DIR CERT.pem KEY.pem [PORT]
//
// Listens on 127.0.0.1 at PORT (else a free one) and prints "PORT <n>" once
// ready. Text types are gzipped when the browser accepts it (GitHub Pages
// does the same), a folder answers with its index.html, an unknown path with
// the site's 404.html. Stops when its standard input closes (the bench ends).
//
// Why: Lighthouse simulates slow 4G from the connections it saw. Over
// HTTP/1.0 each stylesheet the page waits for had a connection of its own,
// with a handshake; over HTTP/2 they share one, as on GitHub Pages.

import fs from "node:fs";
import http2 from "node:http2";
import path from "node:path";
import zlib from "node:zlib";

const [root, certFile, keyFile, port = "0"] = process.argv.slice(2);
if (!root || !certFile || !keyFile) {
  console.error("usage: node bench/h2server.mjs SITE_DIR CERT.pem KEY.pem [PORT]");
  process.exit(2);
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
  ".whl": "application/zip",
  ".zip": "application/zip",
  ".tar": "application/x-tar",
  ".woff2": "font/woff2",
};
// What GitHub Pages compresses: bench/server.py's GZIP_TYPES, and XML (the
// sitemap), which GitHub Pages compresses too and bench/server.py sends plain.
const GZIP = /^(text\/|application\/(javascript|json|xml|wasm)|image\/svg\+xml)/;

function resolve(urlPath) {
  const clean = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  const parts = clean.split("/").filter((p) => p && p !== "." && p !== "..");
  return path.join(root, ...parts);
}

function send(stream, headers, status, file) {
  const type = TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
  let body = fs.readFileSync(file);
  const out = { ":status": status, "content-type": type, "cache-control": "max-age=600" };
  if (GZIP.test(type) && /\bgzip\b/.test(headers["accept-encoding"] || "")) {
    body = zlib.gzipSync(body, { level: 6 });
    out["content-encoding"] = "gzip";
  }
  out["content-length"] = body.length;
  stream.respond(out);
  stream.end(headers[":method"] === "HEAD" ? undefined : body);
}

const server = http2.createSecureServer({
  cert: fs.readFileSync(certFile),
  key: fs.readFileSync(keyFile),
});
server.on("stream", (stream, headers) => {
  try {
    const urlPath = headers[":path"] || "/";
    let file = resolve(urlPath);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!urlPath.split("?")[0].endsWith("/")) {
        stream.respond({ ":status": 301, location: urlPath.split("?")[0] + "/" });
        stream.end();
        return;
      }
      file = path.join(file, "index.html");
    }
    if (fs.existsSync(file) && fs.statSync(file).isFile()) {
      send(stream, headers, 200, file);
      return;
    }
    const missing = path.join(root, "404.html");
    if (fs.existsSync(missing)) send(stream, headers, 404, missing);
    else {
      stream.respond({ ":status": 404 });
      stream.end();
    }
  } catch (error) {
    if (!stream.destroyed) stream.destroy(error);
  }
});
// A stream the browser abandons (a page left mid-load) is not an error here.
server.on("sessionError", () => {});
server.listen(Number(port), "127.0.0.1", () => {
  process.stdout.write(`PORT ${server.address().port}\n`);
});
process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
