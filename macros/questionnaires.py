"""Questionnaire macros: ``questionnaire(id)`` and ``questionnaire_catalog()``.

Thin: loading and validation live in ``macros.questionnaire_loader``, HTML in
``macros.questionnaire_render``. Every questionnaire file is loaded and checked
once, when the macros are registered (MkDocs' on_config); a wrong file stops
the build with ``questionnaires/<file>.yml:<line>: <what is wrong>`` and no
traceback.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.questionnaire_loader import QuestionnaireError, find_calls, find_pages, load_all
from macros.questionnaire_render import render_catalog, render_questionnaire


def register(env):
    root = Path(env.project_dir)
    docs_dir = Path(env.conf["docs_dir"])
    use_directory_urls = bool(env.conf.get("use_directory_urls", True))
    locale = ((env.conf.get("extra") or {}).get("network") or {}).get("locale")
    try:
        definitions = load_all(root / "questionnaires", docs_dir=docs_dir, root=root)
    except QuestionnaireError as error:
        raise PluginError(str(error)) from None
    pages = find_pages(docs_dir)
    for page, line, questionnaire_id in find_calls(docs_dir):
        if questionnaire_id not in definitions:
            known = ", ".join(definitions) or "aucun"
            raise PluginError(
                f"docs/{page}:{line}: questionnaire « {questionnaire_id} » inconnu "
                f"(questionnaires existants : {known})"
            )

    def page_url():
        page = env.variables.get("page")
        return page.url if page is not None else ""

    @env.macro
    def questionnaire(questionnaire_id):
        """The form of one questionnaire (questionnaires/<id>.yml)."""
        if questionnaire_id not in definitions:
            known = ", ".join(definitions) or "aucun"
            raise PluginError(f"questionnaire « {questionnaire_id} » inconnu (fichiers trouvés : {known})")
        return render_questionnaire(definitions[questionnaire_id], page_url(), use_directory_urls, locale=locale)

    @env.macro
    def questionnaire_catalog():
        """Every questionnaire definition and the page that holds it, as JSON (#mu-q-catalog)."""
        return render_catalog(definitions, pages, page_url(), use_directory_urls, locale=locale)
