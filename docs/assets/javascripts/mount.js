// Moved to core/mount.js; kept until every module imports it from there.
export * from "./core/mount.js";
