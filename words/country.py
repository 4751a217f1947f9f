"""The reader's country: the « Votre pays » menus (calculators, board) and
the header's menu. The country names are the agreements' (the one list of the
countries the guide covers, ``agreements.TERRITORY_NAMES``); the browser reads
them as ``country.name.<code>``."""

from agreements import TERRITORY_NAMES

WORDS = {
    "label": "Votre pays",
    "help": "Montants, monnaie et onglets de loi suivent ce choix sur tout le site ; il reste sur cet appareil.",
    # The header's menu: a short visible label, a longer name for screen readers.
    "header_label": "Pays",
    "header_name": "Pays : montants, monnaie et onglets de loi suivent ce choix",
    **{f"name.{code}": name for code, name in TERRITORY_NAMES.items()},
    # « Les annonces au Québec viennent d'abord » (the board).
    "in.QC": "au Québec",
    "in.FR": "en France",
    "in.BE": "en Belgique",
}
