// The built site over HTTPS and HTTP/2, as GitHub Pages serves it, for the
// Lighthouse bench (bench/lighthouse.py) and the shaped-link bench
// (bench/shaped.py). Node's own http2 module: no package.
//
//   node bench/h2server.mjs SITE_DIR CERT.pem KEY.pem [PORT]
//        [--mount /PREFIX/=DIR ...] [--log] [--rate BYTES_PER_S --delay MS]
//
// Listens on 127.0.0.1 at PORT (else a free one) and prints "PORT <n>" once
// ready. Text types are gzipped when the browser accepts it (GitHub Pages
// does the same), a folder answers with its index.html, an unknown path with
// the site's 404.html. Every file carries an ETag and `Cache-Control:
// max-age=600`, and a request that names the ETag gets a 304, as on GitHub
// Pages. Stops when its standard input closes (the bench ends).
//
// --mount serves another folder under a path prefix (the bench's own pages,
// or a second build of the site to compare in the same run).
//
// --rate and --delay shape the link (bench/shaped.py): every response waits
// --delay ms before its headers, then its body goes out in 16 KiB chunks
// through ONE link of --rate bytes per second shared by every stream of
// every connection (each chunk books the next free slot of the link, so
// concurrent responses share the bandwidth, as on a real access link). The
// standard input also takes commands, one a line: "shape <rate> <delay>"
// or "shape off" (answered "SHAPE ok"), so one server measures the shaped
// link and the loopback one in the same run.
//
// --log prints {"open": <epoch ms>, "path"} when a request arrives, and one
// JSON line per request once its stream is closed:
// {"t0": <epoch ms, asked>, "t1": <closed>, "path", "status" (0: abandoned
// before the answer), "bytes": <body bytes sent, after gzip>}.
//
// Why HTTP/2: Lighthouse simulates slow 4G from the connections it observed.
// Over HTTP/1.0 each stylesheet the page waits for had a connection of its
// own, with a handshake; over HTTP/2 they share one, as on GitHub Pages.

import fs from "node:fs";
import http2 from "node:http2";
import path from "node:path";
import readline from "node:readline";
import zlib from "node:zlib";

const positional = [];
const mounts = [];
let log = false;
const link = { rate: 0, delay: 0, freeAt: 0 };
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === "--mount") {
      const [prefix, ...dir] = argv[(i += 1)].split("=");
      mounts.push([prefix, dir.join("=")]);
    } else if (arg === "--log") log = true;
    else if (arg === "--rate") link.rate = Number(argv[(i += 1)]);
    else if (arg === "--delay") link.delay = Number(argv[(i += 1)]);
    else positional.push(arg);
  }
}
const [root, certFile, keyFile, port = "0"] = positional;
if (!root || !certFile || !keyFile) {
  console.error("usage: node bench/h2server.mjs SITE_DIR CERT.pem KEY.pem [PORT] [--mount /P/=DIR] [--log] [--rate B/S --delay MS]");
  process.exit(2);
}
// Longest prefix first.
mounts.sort((a, b) => b[0].length - a[0].length);

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
const CHUNK = 16 * 1024;

function resolve(urlPath) {
  let clean = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  let base = root;
  for (const [prefix, dir] of mounts) {
    if (clean.startsWith(prefix)) {
      base = dir;
      clean = clean.slice(prefix.length);
      break;
    }
  }
  const parts = clean.split("/").filter((p) => p && p !== "." && p !== "..");
  return { file: path.join(base, ...parts), base };
}

// The gzipped bodies, kept: compressing the 8.6 MB wasm on each request
// would put the server's CPU into the times measured.
const gzipped = new Map();
function body(file, stat, gzip) {
  const raw = fs.readFileSync(file);
  if (!gzip) return raw;
  const key = `${file} ${stat.mtimeMs} ${stat.size}`;
  if (!gzipped.has(key)) gzipped.set(key, zlib.gzipSync(raw, { level: 6 }));
  return gzipped.get(key);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The next free slot of the shared link for n bytes: how long to wait until
// they have crossed it.
function book(n) {
  const now = performance.now();
  const start = Math.max(now, link.freeAt);
  link.freeAt = start + (n / link.rate) * 1000;
  return link.freeAt - now;
}

// One line per stream once it is closed (answered, or abandoned by the browser).
function watch(stream, urlPath) {
  const record = { t0: Date.now(), path: urlPath, status: 0, bytes: 0 };
  if (log) process.stdout.write(JSON.stringify({ open: record.t0, path: urlPath }) + "\n");
  stream.on("close", () => {
    if (log) process.stdout.write(JSON.stringify({ ...record, t1: Date.now() }) + "\n");
  });
  return record;
}

async function answer(stream, headers, status, extra, data, record) {
  if (link.delay > 0) await sleep(link.delay);
  if (stream.destroyed) return;
  record.status = status;
  stream.respond({ ":status": status, ...extra });
  if (!data || headers[":method"] === "HEAD") {
    stream.end();
    return;
  }
  if (!link.rate) {
    record.bytes = data.length;
    stream.end(data);
    return;
  }
  for (let i = 0; i < data.length; i += CHUNK) {
    const chunk = data.subarray(i, i + CHUNK);
    const wait = book(chunk.length);
    if (wait >= 1) await sleep(wait);
    if (stream.destroyed) return;
    stream.write(chunk);
    record.bytes += chunk.length;
  }
  stream.end();
}

function send(stream, headers, status, file, record) {
  const stat = fs.statSync(file);
  const type = TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const out = { "content-type": type, "cache-control": "max-age=600", etag };
  if (status === 200 && headers["if-none-match"] === etag) {
    return answer(stream, headers, 304, out, null, record);
  }
  const gzip = GZIP.test(type) && /\bgzip\b/.test(headers["accept-encoding"] || "");
  const data = body(file, stat, gzip);
  if (gzip) out["content-encoding"] = "gzip";
  out["content-length"] = data.length;
  return answer(stream, headers, status, out, data, record);
}

const server = http2.createSecureServer({
  cert: fs.readFileSync(certFile),
  key: fs.readFileSync(keyFile),
});
server.on("stream", (stream, headers) => {
  const urlPath = headers[":path"] || "/";
  const record = watch(stream, urlPath);
  const done = (error) => {
    if (error && !stream.destroyed) stream.destroy(error);
  };
  try {
    let { file, base } = resolve(urlPath);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!urlPath.split("?")[0].endsWith("/")) {
        answer(stream, headers, 301, { location: urlPath.split("?")[0] + "/" }, null, record).catch(done);
        return;
      }
      file = path.join(file, "index.html");
    }
    if (fs.existsSync(file) && fs.statSync(file).isFile()) {
      send(stream, headers, 200, file, record).catch(done);
      return;
    }
    const missing = path.join(base, "404.html");
    if (fs.existsSync(missing)) send(stream, headers, 404, missing, record).catch(done);
    else answer(stream, headers, 404, {}, null, record).catch(done);
  } catch (error) {
    done(error);
  }
});
// A stream the browser abandons (a page left mid-load) is not an error here.
server.on("sessionError", () => {});
server.listen(Number(port), "127.0.0.1", () => {
  process.stdout.write(`PORT ${server.address().port}\n`);
});

const commands = readline.createInterface({ input: process.stdin });
commands.on("line", (line) => {
  const [word, rate, delay] = line.trim().split(/\s+/);
  if (word !== "shape") return;
  link.rate = rate === "off" ? 0 : Number(rate);
  link.delay = rate === "off" ? 0 : Number(delay);
  link.freeAt = 0;
  process.stdout.write("SHAPE ok\n");
});
commands.on("close", () => process.exit(0));
