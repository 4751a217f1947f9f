// Bench only: the bare boot (loadPyodide), optionally followed by what the
// site's worker does (wheel, unpack, import, one computation).
self.onmessage = async (event) => {
  const { runtime, wheel, manifest } = event.data;
  try {
    const { loadPyodide } = await import(new URL("pyodide.mjs", runtime).href);
    const pyodide = await loadPyodide({ indexURL: runtime });
    const steps = { booted: performance.now() };
    const version = pyodide.version;
    const python = pyodide.runPython("import sys; sys.version.split()[0]");
    let total = null;
    if (wheel) {
      const info = await (await fetch(manifest)).json();
      const bytes = await (await fetch(new URL(info.url, manifest))).arrayBuffer();
      steps.fetched = performance.now();
      const site = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
      pyodide.unpackArchive(new Uint8Array(bytes), "wheel", { extractDir: site });
      steps.unpacked = performance.now();
      const present = pyodide.pyimport("calculators.bridge").present;
      steps.imported = performance.now();
      const payload = {
        use: { units: "50", hours: "5" }, consumables: { cost_per_unit: "0.05" },
        maintenance: { service_cost: "100", service_interval_units: "100000" },
        replacement: { purchase_price: "3500", residual_value: "0", lifetime_years: "7", charged_per: "hour" },
        preparation: { hours: "1", hourly_rate: "30", payroll_charges_rate: "0" }, admin_fee: "5",
      };
      total = JSON.parse(present("usage-cost", JSON.stringify(payload), "$", "fr_CA")).result.total;
      steps.computed = performance.now();
    }
    self.postMessage({ ok: true, version, python, total, steps });
  } catch (error) {
    self.postMessage({ ok: false, error: String(error) });
  }
};
