// Moved to core/confirm.js; kept until every module imports it from there.
export * from "./core/confirm.js";
