"""mkdocs-macros entry point: one-line macros, nothing else.

Loading, validating and rendering live in plain modules tested without MkDocs:
``macros.questionnaires`` (questionnaire forms) and ``macros.worked_examples``
(worked examples computed by the ``calculators`` package).
"""

from macros import agreements, countries, dossier, formalisation, law, network, questionnaires, usage_log, worked_examples


def define_env(env):
    """Register the macros used by the pages that set ``render_macros: true``."""
    questionnaires.register(env)
    worked_examples.register(env)
    register = law.register(env)
    countries.register(env, register)
    agreements.register(env)
    network.register(env)
    formalisation.register(env)
    usage_log.register(env)
    dossier.register(env)
