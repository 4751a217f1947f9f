// Placeholder module.
