"""Calculator macros (placeholder until the calculators module lands)."""


def register(env):
    @env.macro
    def usage_cost_example(example_id):
        return f'<p class="mu-placeholder">Exemple « {example_id} » à venir.</p>'
