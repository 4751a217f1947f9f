"""Questionnaire macros (placeholder until the questionnaires module lands)."""


def register(env):
    @env.macro
    def questionnaire(questionnaire_id):
        return f'<p class="mu-placeholder">Questionnaire « {questionnaire_id} » à venir.</p>'
