"""Words of the site's frame: the tools loader."""

WORDS = {
    "tool_failed": "Cet outil n'a pas pu être chargé. Rechargez la page.",
}
