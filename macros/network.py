"""Network macros: ``board()``, ``board_advice()``, ``network_contacts(territory=None)``.

Thin: loading and validation live in ``macros.network_loader``, HTML in
``macros.network_render``. Every file of ``network/`` is checked once, when the
macros are registered; a wrong file stops the build with
``network/<file>.yml:<line>: <what is wrong>`` and no traceback. Entries past
their ``until`` date are left off, and the build says how many.
"""

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from macros import network_build
from macros.countries import CountryError
from macros.network_catalog import build_catalog
from macros.network_loader import NetworkError, categories_from_inventory, load_board, load_contacts
from macros.network_render import render_advice, render_board, render_contacts
from macros.questionnaire_loader import QuestionnaireError, load_questionnaire
from words import t

log = logging.getLogger("mkdocs.plugins.mutuus.network")


def register(env):
    root = Path(env.project_dir)
    extra = env.conf.get("extra", {}) or {}
    if not (root / "network").is_dir():
        # A project without network data (a fork that removed it, a test
        # project): the macros exist but say why they cannot render.
        def missing(*_args, **_kwargs):
            raise PluginError("le dossier network/ est absent : le tableau et les contacts du réseau ne peuvent pas être affichés")

        for name in ("board", "board_advice", "network_contacts"):
            env.macro(missing, name)
        return
    try:
        inventory = load_questionnaire(root / "questionnaires" / "inventaire.yml", root=root)
        categories = categories_from_inventory(root / "questionnaires" / "inventaire.yml")
        folder, today = network_build.board_dir(root), network_build.build_date()
        entries, expired = load_board(folder, categories, today, root=root)
        territories = load_contacts(root / "network" / "contacts.yml", root=root)
        catalog = build_catalog(categories, inventory, extra.get("network", {}), str(extra.get("repository", "")))
    except (NetworkError, QuestionnaireError, CountryError) as error:
        raise PluginError(str(error)) from None
    network_build.remember(root, folder, today, entries, categories)
    log.info(t("board.build_log", published=t("board.published", n=len(entries)), expired=t("board.expired", n=expired)))

    def page_url():
        page = env.variables.get("page")
        return page.url if page is not None else ""

    @env.macro
    def board():
        """The board: filters, count and every current entry."""
        return render_board(entries, expired, catalog, items=False)

    @env.macro
    def board_advice():
        """The guide's advice for each category (targets of the entries' advice links)."""
        return render_advice(catalog, page_url(), bool(env.conf.get("use_directory_urls", True)))

    @env.macro
    def network_contacts(territory=None):
        """The network's contacts, of one territory or of all."""
        if territory is not None and territory not in {t["territory"] for t in territories}:
            raise PluginError(f"network_contacts : territoire « {territory} » absent de network/contacts.yml")
        return render_contacts(territories, territory)
