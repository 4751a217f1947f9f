// Measure a Pyodide memory snapshot taken after `import calculators.bridge`
// (pinned pyodide from node_modules, the wheel built into site/), in Node.
//
//   node offline/snapshot-probe.mjs site [rounds]
//
// Prints JSON: snapshot bytes raw and gzip, wasm bytes raw and gzip, and the
// median times (ms) of: bare loadPyodide(); the worker's path (boot + wheel +
// import + first present()); boot from the snapshot + first present().
// Each boot runs in this one process, one after the other.
// The snapshot is made by offline/snapshot.mjs, as the build step makes it.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { importLoader, installWheel, makeSnapshot, quiet } from "./snapshot.mjs";

const site = resolve(process.argv[2] || "site");
const rounds = Number(process.argv[3] || 3);
const runtime = join(site, "assets/pyodide/runtime") + "/";
const manifest = JSON.parse(readFileSync(join(site, "assets/pyodide/calculators.json"), "utf8"));
const wheel = new Uint8Array(readFileSync(join(site, "assets/pyodide", manifest.url)));
const loadPyodide = await importLoader(runtime);
const INPUT = JSON.stringify({
  use: { units: "50", hours: "5" },
  consumables: { cost_per_unit: "0.05" },
  maintenance: { service_cost: "100", service_interval_units: "100000" },
  replacement: { purchase_price: "3500", residual_value: "0", lifetime_years: "7", charged_per: "hour" },
  preparation: { hours: "1", hourly_rate: "30", payroll_charges_rate: "0" },
  admin_fee: "5",
});

function install(py) {
  installWheel(py, wheel);
  py.runPython("import importlib; importlib.invalidate_caches()");
  return py.pyimport("calculators.bridge");
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bare = [], worker = [], restored = [];
let snapshot = null, figure = null;

// Build the snapshot once, as a build step would.
snapshot = await makeSnapshot(loadPyodide, runtime, wheel);
for (let i = 0; i < rounds; i += 1) {
  let t = performance.now();
  await loadPyodide({ indexURL: runtime, ...quiet });
  bare.push(performance.now() - t);

  t = performance.now();
  const py = await loadPyodide({ indexURL: runtime, ...quiet });
  install(py).present("usage-cost", INPUT, "$", "fr_CA");
  worker.push(performance.now() - t);

  t = performance.now();
  const snap = await loadPyodide({ indexURL: runtime, _loadSnapshot: snapshot, ...quiet });
  const out = snap.pyimport("calculators.bridge").present("usage-cost", INPUT, "$", "fr_CA");
  restored.push(performance.now() - t);
  figure = JSON.parse(out);
}
const wasm = readFileSync(join(runtime, "pyodide.asm.wasm"));
console.log(
  JSON.stringify(
    {
      rounds,
      snapshot_bytes: snapshot.length,
      snapshot_gzip_bytes: gzipSync(snapshot, { level: 9 }).length,
      wasm_bytes: wasm.length,
      wasm_gzip_bytes: gzipSync(wasm, { level: 9 }).length,
      stdlib_zip_bytes: readFileSync(join(runtime, "python_stdlib.zip")).length,
      median_ms: { bare_boot: median(bare), worker_path_first_result: median(worker), snapshot_first_result: median(restored) },
      all_ms: { bare, worker, restored },
      result_mentions_37_84: JSON.stringify(figure).includes("37,84"),
    },
    null,
    1,
  ),
);
