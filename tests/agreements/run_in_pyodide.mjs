// Run agreement assembly vectors inside real Pyodide (Node, offline: the
// runtime comes from node_modules/pyodide). The packages' .py
// files are written into Pyodide's file system; the models come as JSON (the
// catalog the site ships), never as YAML: PyYAML is not there.
//
// Usage: node tests/agreements/run_in_pyodide.mjs <input.json>
//   input: {"models": {id: model}, "vectors": [{name, model, territory, draft}]}
// Prints: {"results": [{"name", "output": <agreements.bridge.render's JSON>}]}
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const pyodideDir = process.env.PYODIDE_DIR || join(root, "node_modules", "pyodide");
const input = JSON.parse(readFileSync(process.argv[2], "utf-8"));

const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", stdout: () => {}, stderr: (s) => console.error(s) });
// The packages the assembly imports (its blocks; the words, whose calculators
// part reads the calculators' own labels), as the wheel holds them.
for (const pkg of ["agreements", "blocks", "calculators", "words"]) {
  const target = `/home/pyodide/${pkg}`;
  pyodide.FS.mkdirTree(target);
  for (const name of readdirSync(join(root, pkg))) {
    // loader.py needs PyYAML and the macros: the browser never imports it.
    if (name.endsWith(".py") && name !== "loader.py") {
      pyodide.FS.writeFile(`${target}/${name}`, readFileSync(join(root, pkg, name)));
    }
  }
}
pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide')");
const bridge = pyodide.pyimport("agreements.bridge");
const results = input.vectors.map((v) => ({
  name: v.name,
  output: bridge.render(JSON.stringify(input.models[v.model]), v.territory, JSON.stringify(v.draft)),
}));
const yamlMissing = pyodide.runPython("import importlib.util; importlib.util.find_spec('yaml') is None");
console.log(JSON.stringify({ results, yaml_missing: yamlMissing }));
