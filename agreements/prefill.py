"""Pre-fill a draft from what the browser already keeps (standard library only).

The browser gathers, without interpreting anything::

    {"organisation": "<last organisation name>",
     "questionnaires": {<id>: {"answers": {...}}},       # as stored
     "calculators": {<id>: {"input", "result", "updated_at"}},  # as stored
     "questions": {<id>: {<question id>: {"kind", "options": {value: label}}}}}

and :func:`prefill` returns ``{"values": {field: text}, "partners": [names],
"sources": [{"field", "label", "source"}]}``: the text each field with a
``prefill`` rule gets, the partner names of the last split, and, in French,
where each value came from. Amounts are written in French by
``calculators.money`` (same wheel).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from calculators.money import format_money

SOURCE_NAMES = {
    "organisation": "le nom de votre organisation",
    "questionnaire": "le questionnaire « {id} »",
    "calculator:split": "le dernier calcul de répartition des coûts",
    "calculator:usage-cost": "le dernier calcul de coût d'utilisation",
}
CALCULATOR_ALIASES = {"split": ("split", "repartition"), "usage-cost": ("usage-cost", "cout-utilisation")}


def _money(text, currency, locale):
    try:
        return format_money(Decimal(str(text)), currency, locale)
    except (InvalidOperation, TypeError, ValueError):
        return None


def _calculator(sources: dict, calc_id: str):
    stored = sources.get("calculators") or {}
    for key in CALCULATOR_ALIASES.get(calc_id, (calc_id,)):
        record = stored.get(key)
        if isinstance(record, dict) and isinstance(record.get("result"), dict):
            return record["result"]
    return None


def split_partners(sources: dict) -> list[dict]:
    result = _calculator(sources, "split")
    partners = result.get("partners") if result else None
    if not isinstance(partners, list):
        return []
    return [p for p in partners if isinstance(p, dict) and isinstance(p.get("name"), str) and p["name"].strip()]


def _value(rule: str, sources: dict, currency: str, locale: str):
    kind, _, rest = rule.partition(":")
    if kind == "organisation":
        name = sources.get("organisation")
        return (name.strip(), SOURCE_NAMES["organisation"]) if isinstance(name, str) and name.strip() else None
    if kind == "questionnaire":
        qid, _, question = rest.partition(":")
        record = (sources.get("questionnaires") or {}).get(qid)
        answers = record.get("answers") if isinstance(record, dict) else None
        answer = answers.get(question) if isinstance(answers, dict) else None
        if not isinstance(answer, str) or not answer.strip():
            return None
        meta = ((sources.get("questions") or {}).get(qid) or {}).get(question) or {}
        if meta.get("kind") == "choice":
            answer = (meta.get("options") or {}).get(answer)
            if not answer:
                return None
        return answer.strip(), SOURCE_NAMES["questionnaire"].format(id=qid)
    if kind == "calculator":
        calc_id, _, what = rest.partition(":")
        result = _calculator(sources, calc_id)
        if result is None:
            return None
        source = SOURCE_NAMES.get(f"calculator:{calc_id}", calc_id)
        if what == "shares":
            parts = []
            for partner in split_partners(sources):
                amount = _money(partner.get("share"), currency, locale)
                if amount:
                    parts.append(f"{partner['name'].strip()} : {amount}")
            return (" ; ".join(parts), source) if parts else None
        amount = _money(result.get(what), currency, locale)
        return (amount, source) if amount else None
    return None


def prefill(fields: list[dict], sources: dict, currency: str = "$", locale: str = "fr_CA") -> dict:
    values, used = {}, []
    for field in fields:
        rule = field.get("prefill")
        found = _value(rule, sources, currency, locale) if rule else None
        if found:
            values[field["name"]] = found[0]
            used.append({"field": field["name"], "label": field["label"], "source": found[1]})
    return {"values": values, "partners": [p["name"].strip() for p in split_partners(sources)], "sources": used}
