// Moved to page-data.js (and h, readFileText to core/dom.js); kept until every branch imports those.
export * from "./page-data.js";
