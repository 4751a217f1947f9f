"""Words of the browser's core helpers (docs/assets/javascripts/core/)."""

WORDS = {
    # core/mount.js: a tool whose start threw (a bug; the console has the error).
    "tool_failed": "Cet outil n'a pas pu démarrer. Rechargez la page ; si le problème continue, signalez-le.",
    # core/confirm.js: the button that closes a confirmation box without doing anything.
    "cancel": "Annuler",
    # A file name's part when a name gives no letter or digit (slug.js): "mutuus-dossier-sans-nom-….json".
    "unnamed_file": "sans-nom",
}
