"""The reader's country: the « Votre pays » menus (calculators, board), the
header's menu, and each country's name (``name.<code>``: the law tabs, the
menus, the board; macros/countries.py reads them for the codes of
``agreements.TERRITORIES``)."""

WORDS = {
    "label": "Votre pays",
    "help": "Montants, monnaie et onglets de loi suivent ce choix sur tout le site ; il reste sur cet appareil.",
    # The header's menu: a short visible label, a longer title.
    "header_label": "Pays",
    "header_name": "Pays : montants, monnaie et onglets de loi suivent ce choix",
    "name.QC": "Québec",
    "name.FR": "France",
    "name.BE": "Belgique",
    # « Les annonces au Québec viennent d'abord » (the board).
    "in.QC": "au Québec",
    "in.FR": "en France",
    "in.BE": "en Belgique",
}
