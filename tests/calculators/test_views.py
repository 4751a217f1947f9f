"""Every calculator's view is blocks the site's renderers read (blocks.validate), for each of its examples."""

import pytest

from blocks import validate
from calculators.bridge import compute
from calculators.examples import payload_json
from calculators.registry import REGISTRY
from calculators.statement_sheets import documents

CASES = [(command, example_id) for command, calc in REGISTRY.items() for example_id in calc.examples]


@pytest.mark.parametrize("command, example_id", CASES, ids=[f"{c}:{e}" for c, e in CASES])
def test_every_example_view_is_blocks(command, example_id):
    inp, result = compute(command, payload_json(command, example_id))
    view = REGISTRY[command].view(inp, result, "$", "fr_CA")
    assert isinstance(view["summary"], str) and view["summary"]
    validate(view["blocks"])


def test_the_partners_sheets_are_blocks():
    inp, result = compute("statement", payload_json("statement", "van"))
    for sheet in documents(inp, result, None)["sheets"]:
        validate(sheet["blocks"])
