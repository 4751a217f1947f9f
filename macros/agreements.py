"""Agreement macros: ``agreement_model(id)`` and ``agreement_generator()``.

Thin: loading and validation live in ``agreements.loader``, HTML in
``macros.agreement_render``. Every model is loaded and checked once, when the
macros are registered; a wrong file stops the build with
``agreements/<file>.yml:<line>: <what is wrong>`` and no traceback.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError



def register(env):
    # Imported here: agreements.loader reuses macros.questionnaire_loader (no import cycle).
    from agreements.loader import AgreementError, load_all
    from macros.agreement_render import render_generator, render_model

    root = Path(env.project_dir)
    use_directory_urls = bool(env.conf.get("use_directory_urls", True))
    try:
        models = load_all(root / "agreements", docs_dir=Path(env.conf["docs_dir"]), root=root)
    except AgreementError as error:
        raise PluginError(str(error)) from None
    # Questionnaires the prefill rules name (already checked by macros.questionnaires).
    from macros.questionnaire_loader import QuestionnaireError, load_all as load_questionnaires

    try:
        questionnaires = load_questionnaires(root / "questionnaires", docs_dir=Path(env.conf["docs_dir"]), root=root)
    except QuestionnaireError as error:
        raise PluginError(str(error)) from None

    def page_url():
        page = env.variables.get("page")
        return page.url if page is not None else ""

    @env.macro
    def agreement_model(model_id):
        """One model as a readable, printable page (agreements/<id>.yml)."""
        if model_id not in models:
            raise PluginError(f"modèle de convention « {model_id} » inconnu (modèles : {', '.join(models)})")
        return render_model(models[model_id], page_url(), use_directory_urls)

    @env.macro
    def agreement_generator():
        """The generator's form scaffold and the models' catalog as JSON."""
        network = env.conf.get("extra", {}).get("network", {})
        return render_generator(models, network, questionnaires)
