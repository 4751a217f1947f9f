// A size for readers: 4 500 000 bytes -> "4,5 Mo" (the unit from words/offline.py).

import { t } from "./words.js";

export function megabytes(bytes) {
  const size = (bytes / 1e6).toLocaleString("fr-CA", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  return t("offline.megabytes", { size });
}
