"""The engine the browser runs in its worker: one door (``engine.door.call``) to every domain's bridge."""
