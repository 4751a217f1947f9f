"""mkdocs-macros entry point: one-line macros, nothing else.

Loading, validating and rendering live in plain modules tested without MkDocs:
``macros.questionnaires`` (questionnaire forms) and ``macros.calculations``
(worked examples computed by the ``calculators`` package).
"""

from macros import agreements, calculations, countries, dossier, formalisation, law, network, questionnaires, usage_log


def define_env(env):
    """Register the macros used by the pages that set ``render_macros: true``."""
    questionnaires.register(env)
    calculations.register(env)
    register = law.register(env)
    countries.register(env, register)
    agreements.register(env)
    network.register(env)
    formalisation.register(env)
    usage_log.register(env)
    dossier.register(env)
