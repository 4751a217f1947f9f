"""Words several tools share."""

WORDS = {
    # Joins the last two items of a list (« A, B et C »).
    "and": "et",
    # The one "nothing changed" sentence (an import, a merge, a reload).
    "nothing_changed": "Rien n'a changé.",
}
