"""The refusals of an answers, dossier or grid file, as the catalog's words.

formats/messages.py holds them (Python reads files with them, and
``python -m formats check`` says them); this module only names them for the
catalog, without copying: ``ANSWERS_TOO_BIG`` is ``formats.answers_too_big``,
``GRID_NEWER_FORMAT`` is ``formats.grid_newer_format`` ({version} filled by the
caller). The command line's own sentences (``CLI_*``) are not the pages'.
"""

from formats import messages

WORDS = {
    name.lower(): value
    for name, value in vars(messages).items()
    if name.isupper() and isinstance(value, str) and not name.startswith("CLI_")
}
