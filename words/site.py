"""Words of the site's frame: the tools loader."""

WORDS = {
    "tool_not_loaded": "Cet outil n'a pas pu être chargé. Rechargez la page.",
}
