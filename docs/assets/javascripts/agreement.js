// Agreements generator: mount point. Imported by tools.js on a page that
// holds the generator (div.mu-agreement, written by the agreement_generator()
// macro); the generator itself (agreement-app.js) is loaded only then.

import { mount } from "./core/mount.js";
import { t } from "./core/words.js";

mount("div.mu-agreement", (root) => {
  import("./agreement-app.js").then(
    (app) => app.start(root),
    (error) => {
      console.error("agreement.js:", error);
      const status = root.querySelector(".mu-ag-alert");
      if (status) status.textContent = t("agreements.load_failed");
    },
  );
});
