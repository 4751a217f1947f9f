"""The engine's one door: every tool the browser calls, and the response's two shapes."""

import json

import pytest

from calculators.registry import REGISTRY
from engine import door


def call(tool, action, payload, blob=None):
    return json.loads(door.call(tool, action, json.dumps(payload), blob))


def test_every_calculator_of_the_registry_is_a_tool_with_present_and_form():
    tools = door.tools()
    for command in REGISTRY:
        assert {"present", "form"} <= set(tools[command])
    assert set(tools["statement"]) >= {"usage-log", "documents"}
    assert set(tools["agreements"]) == {"render", "prefill", "recommend"}


def test_present_answers_ok_with_the_view():
    out = call("usage-cost", "present", {"values": {"use": {"units": "50"}, "consumables": {"cost_per_unit": "0,05"}}, "currency": "€", "locale": "fr_BE"})
    # 50 units x 0,05 = 2,50: the only line with these values.
    assert out["ok"] is True
    assert out["data"]["result"]["total"] == "2.50"
    assert out["data"]["view"]["summary"] == "Coût d'une utilisation : 2,50\u00a0€."


def test_a_refused_value_is_ok_false_with_the_field_and_the_input_as_data():
    out = call("usage-cost", "present", {"values": {"use": {"units": "-3"}}})
    assert out["ok"] is False
    assert out["errors"][0]["field"] == "use.units"
    assert out["errors"][0]["kind"] == "input"
    assert out["errors"][0]["message"]
    assert "input" in out["data"]


def test_form_reads_a_file_text_or_an_object():
    text = call("split", "form", {"text": '{"total": "100", "method": "equal", "partners": [{"name": "A"}]}'})
    obj = call("split", "form", {"text": {"total": "100", "method": "equal", "partners": [{"name": "A"}]}})
    assert text == obj
    assert text["ok"] is True and text["data"]["values"]["total"] == "100"


def test_bytes_arrive_as_the_payload_bytes():
    log = "partenaire,unites\nA,3\n".encode()
    out = call("statement", "usage-log", {"partners": [{"name": "A", "actual_units": ""}], "period": None, "fileName": "log.csv"}, memoryview(log))
    assert "ok" in out  # read by calculators.usage_log, refused or not, never an exception


def test_agreements_recommend_refuses_a_situation_that_is_not_an_object():
    out = call("agreements", "recommend", {"situation": 3})
    assert out["ok"] is False and out["errors"][0]["message"]


def test_an_unknown_tool_or_action_is_a_bug_that_raises():
    with pytest.raises(door.UnknownAction):
        door.call("no-such-tool", "present", "{}")
    with pytest.raises(door.UnknownAction):
        door.call("split", "no-such-action", "{}")
