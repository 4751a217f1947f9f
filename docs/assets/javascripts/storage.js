// Moved to core/storage.js; these names stay until every module imports it from there.
import { storageKey, storagePrefix } from "./core/storage.js";

export * from "./core/storage.js";
export const questionnaireKey = (id, version) => storageKey("questionnaire", id, version);
export const organisationKey = () => storageKey("organisation");
export const partnersKey = () => storageKey("partners");
export const erasingKey = () => storageKey("erasing");
export const keyPrefix = () => storagePrefix();
