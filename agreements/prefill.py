"""Pre-fill a draft, when the user asks, from what the browser already keeps (standard library only).

The browser gathers, without interpreting anything::

    {"organisation": "<last organisation name>",
     "questionnaires": {<id>: {"answers": {...}, "updated_at"}},       # as stored
     "calculators": {<id>: {"input", "result", "updated_at"}},         # every stored calculator
     "questions": {<id>: {"title", "questions": {<question id>: {"kind", "options": {value: label}}}}}}

and the draft as it stands (``{"values": {field: text}, "partners": [{"name": …}]}``).
:func:`prefill` returns::

    {"values": {field: text},        # what each field with a prefill rule would get
     "partners": [names],            # the partner names of the last split
     "sources": [{"field", "label", "source"}],
     "fill": {field: text},          # what goes into the draft: its empty fields only
     "fill_partners": [{"index", "name"}],   # names for its empty partner slots (the split's
                                             # partners; without a split, your organisation as partner 1)
     "status": "<one French sentence or two: what was taken, from where; what was left>"}

Nothing the user typed is replaced. Amounts are written in French by
``calculators.money`` (same wheel).

Rules (``prefill:`` of a field in agreements/*.yml):

* ``organisation:name``: the organisation name kept by the questionnaires;
* ``questionnaire:<id>:<question>``: an answer (a choice's label, not its value);
* ``calculator:<id>:<value>``: an amount of a calculator's last result;
* ``calculator:split:shares``: every partner's share of the last split
  (« A : 400,00 $ ; B : 800,00 $ »), with what it brought in kind;
* ``calculator:split:shares_others:<field>``: what the partners other than
  the party named in ``<field>`` (or, that field empty, partner 1) have to
  pay: their net amounts (share less contributions in kind), per year (the
  split page asks for a yearly amount), e.g. the staff model's reimbursement
  of the employer, who does not pay itself.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from calculators.money import COUNTRY_MONEY, format_money

CALCULATOR_NAMES = {
    "split": "répartition des coûts",
    "usage-cost": "coût d'utilisation",
    "annual-cost": "coût annuel",
    "break-even": "seuil de rentabilité",
    "statement": "relevé annuel",
}
# Former storage keys of the same calculators.
CALCULATOR_ALIASES = {"split": ("split", "repartition"), "usage-cost": ("usage-cost", "cout-utilisation")}
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
NBSP = "\u00a0"


def french_date(stamp) -> str:
    """« 1er novembre 2026 » from an ISO 8601 stamp ("2026-11-01T10:05:00Z"); "" if unreadable."""
    try:
        year, month, day = (int(part) for part in str(stamp)[:10].split("-"))
        name = MONTHS[month - 1]
    except (ValueError, IndexError):
        return ""
    if not 1 <= day <= 31:
        return ""
    return f"{'1er' if day == 1 else day}{NBSP}{name} {year}"


def _money(text, currency, locale):
    try:
        return format_money(Decimal(str(text)), currency, locale)
    except (InvalidOperation, TypeError, ValueError):
        return None


def _record(sources: dict, calc_id: str):
    stored = sources.get("calculators") or {}
    for key in CALCULATOR_ALIASES.get(calc_id, (calc_id,)):
        record = stored.get(key)
        if isinstance(record, dict) and isinstance(record.get("result"), dict):
            return record
    return None


def _record_money(record: dict | None, currency: str, locale: str) -> tuple[str, str]:
    """The currency a stored calculation was computed in, and a locale that writes it."""
    stored = record.get("currency") if isinstance(record, dict) else None
    if stored not in {money["currency"] for money in COUNTRY_MONEY.values()} or stored == currency:
        return currency, locale
    same = [m["locale"] for m in COUNTRY_MONEY.values() if m["currency"] == stored]
    return stored, (locale if locale in same else same[0])


def _calculator(sources: dict, calc_id: str):
    record = _record(sources, calc_id)
    return record["result"] if record else None


def calculator_source(sources: dict, calc_id: str) -> str:
    """« le dernier calcul de répartition des coûts, du 1er novembre 2026 »."""
    name = f"le dernier calcul de {CALCULATOR_NAMES.get(calc_id, calc_id)}"
    record = _record(sources, calc_id)
    when = french_date(record.get("updated_at")) if record else ""
    return f"{name}, du {when}" if when else name


def _questionnaire_title(sources: dict, qid: str) -> str:
    title = ((sources.get("questions") or {}).get(qid) or {}).get("title")
    return title if isinstance(title, str) and title.strip() else qid


def _questions(sources: dict, qid: str) -> dict:
    entry = (sources.get("questions") or {}).get(qid) or {}
    # {"title", "questions": {...}}; before titles, the questions themselves.
    inner = entry.get("questions") if isinstance(entry.get("questions"), dict) else entry
    return inner if isinstance(inner, dict) else {}


def split_partners(sources: dict) -> list[dict]:
    result = _calculator(sources, "split")
    partners = result.get("partners") if result else None
    if not isinstance(partners, list):
        return []
    return [p for p in partners if isinstance(p, dict) and isinstance(p.get("name"), str) and p["name"].strip()]


def _same_party(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _shares(sources, currency, locale):
    parts = []
    for partner in split_partners(sources):
        amount = _money(partner.get("share"), currency, locale)
        if not amount:
            continue
        text = f"{partner['name'].strip()} : {amount}"
        in_kind = _money(partner.get("in_kind"), currency, locale)
        try:
            brought = Decimal(str(partner.get("in_kind") or "0")) > 0
        except InvalidOperation:
            brought = False
        if brought and in_kind:
            text += f", dont {in_kind} apportés en nature"
        parts.append(text)
    return " ; ".join(parts) if parts else None


def _shares_others(sources, currency, locale, payer: str):
    """What each partner but ``payer`` pays, net of its contributions in kind, per year.
    Returns (text, note) or None; the note says whom it left out, or that it found no one to leave out."""
    partners = split_partners(sources)
    others = [p for p in partners if not (payer and _same_party(p["name"], payer))]
    parts = []
    for partner in others:
        try:
            net = Decimal(str(partner.get("net", partner.get("share"))))
        except (InvalidOperation, TypeError, ValueError):
            continue
        name = partner["name"].strip()
        if net > 0:
            parts.append(f"{name} : {format_money(net, currency, locale)} par an")
        else:
            parts.append(f"{name} : rien à payer, son apport en nature couvre sa part")
    if not parts:
        return None
    if len(others) < len(partners):
        note = (f"ce que paient les parties autres que « {payer.strip()} », apports en nature déduits ; "
                "par an, comme le montant que demande la page de répartition : vérifiez la période")
    else:
        who = f"« {payer.strip()} »" if payer else "l'employeur"
        note = (f"{who} ne figure pas parmi les partenaires du calcul : toutes les parts sont reprises, "
                "apports en nature déduits, par an ; retirez celle de l'employeur et vérifiez la période")
    return " ; ".join(parts), note


def _value(rule: str, sources: dict, currency: str, locale: str, known: dict):
    """(text, source, note) for one rule, or None. ``known``: the fields' values as they will be."""
    kind, _, rest = rule.partition(":")
    if kind == "organisation":
        name = sources.get("organisation")
        return (name.strip(), "le nom de votre organisation", "") if isinstance(name, str) and name.strip() else None
    if kind == "questionnaire":
        qid, _, question = rest.partition(":")
        record = (sources.get("questionnaires") or {}).get(qid)
        answers = record.get("answers") if isinstance(record, dict) else None
        answer = answers.get(question) if isinstance(answers, dict) else None
        if not isinstance(answer, str) or not answer.strip():
            return None
        meta = _questions(sources, qid).get(question) or {}
        if meta.get("kind") == "choice":
            answer = (meta.get("options") or {}).get(answer)
            if not answer:
                return None
        return answer.strip(), f"vos réponses au questionnaire « {_questionnaire_title(sources, qid)} »", ""
    if kind == "calculator":
        calc_id, _, what = rest.partition(":")
        what, _, field = what.partition(":")
        result = _calculator(sources, calc_id)
        if result is None:
            return None
        # An amount keeps the currency it was computed in (the record says which).
        currency, locale = _record_money(_record(sources, calc_id), currency, locale)
        source = calculator_source(sources, calc_id)
        if what == "shares":
            text = _shares(sources, currency, locale)
            return (text, source, "") if text else None
        if what == "shares_others":
            payer = known.get(field, "") or known.get("partner 1", "")
            found = _shares_others(sources, currency, locale, payer)
            return (found[0], source, found[1]) if found else None
        amount = _money(result.get(what), currency, locale)
        return (amount, source, "") if amount else None
    return None


def _wanted(rule: str, sources: dict) -> str:
    """What a rule would take, named for a sentence saying that nothing of it is kept."""
    kind, _, rest = rule.partition(":")
    if kind == "organisation":
        return "le nom de votre organisation"
    if kind == "questionnaire":
        return f"vos réponses au questionnaire « {_questionnaire_title(sources, rest.partition(':')[0])} »"
    calc_id = rest.partition(":")[0]
    return f"un calcul de {CALCULATOR_NAMES.get(calc_id, calc_id)}"


def _of(source: str) -> str:
    """« de » before a source, contracted: « du dernier calcul », « de vos réponses »."""
    for article, contracted in (("le ", "du "), ("les ", "des ")):
        if source.startswith(article):
            return contracted + source[len(article):]
    return "de " + source


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " et " + items[-1]


def _partners_phrase(indexes: list[int]) -> str:
    numbers = [i + 1 for i in indexes]
    if len(numbers) == 1:
        return f"le nom du partenaire {numbers[0]}"
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"les noms des partenaires {numbers[0]} à {numbers[-1]}"
    return "les noms des partenaires " + _join([str(n) for n in numbers])


def prefill(fields: list[dict], sources: dict, currency: str = "$", locale: str = "fr_CA", draft: dict | None = None) -> dict:
    draft = draft if isinstance(draft, dict) else {}
    current = {k: v for k, v in (draft.get("values") or {}).items() if isinstance(v, str)}
    slots = [p.get("name", "") if isinstance(p, dict) and isinstance(p.get("name"), str) else "" for p in draft.get("partners") or []]
    split_names = [p["name"].strip() for p in split_partners(sources)]

    # Partner names first: a rule may name its payer by partner 1.
    # The split's partners not already named go to the empty slots, in order, then after the last.
    missing = [n for n in split_names if not any(_same_party(n, slot) for slot in slots if slot.strip())]
    empty = [i for i, slot in enumerate(slots) if not slot.strip()]
    empty += list(range(len(slots), len(slots) + max(0, len(missing) - len(empty))))
    fill_partners = [{"index": i, "name": name} for i, name in zip(empty, missing)]
    organisation = sources.get("organisation")
    own = organisation.strip() if isinstance(organisation, str) else ""
    # No split: the user's own organisation is partner 1.
    first_from_organisation = bool(not split_names and own and not (slots and slots[0].strip()))
    if first_from_organisation:
        fill_partners = [{"index": 0, "name": own}]
    names = slots + [""] * max(0, max([p["index"] for p in fill_partners], default=0) + 1 - len(slots))
    for item in fill_partners:
        names[item["index"]] = item["name"]
    known = {"partner 1": names[0] if names else ""}

    values, used, kept, notes, by_source = {}, [], [], {}, {}
    ruled = [f for f in fields if f.get("prefill")]
    # Rules that take other fields (shares_others) after the others.
    known.update({name: text.strip() for name, text in current.items()})
    for field in sorted(ruled, key=lambda f: ":shares_others" in f["prefill"]):
        found = _value(field["prefill"], sources, currency, locale, known)
        if not found:
            continue
        text, source, note = found
        values[field["name"]] = text
        used.append({"field": field["name"], "label": field["label"], "source": source})
        if current.get(field["name"], "").strip():
            if " ".join(current[field["name"]].split()) != " ".join(text.split()):
                kept.append(field["label"])
            continue
        known[field["name"]] = text
        label = f"« {field['label']} »" + (f" ({note})" if note else "")
        by_source.setdefault(source, []).append(label)
    fill = {f: values[f] for f in values if not current.get(f, "").strip()}

    if fill_partners:
        source = "le nom de votre organisation" if first_from_organisation else calculator_source(sources, "split")
        by_source.setdefault(source, []).insert(0, _partners_phrase([p["index"] for p in fill_partners]))
    sentences = [f"Repris {_of(source)} : {_join(items)}." for source, items in by_source.items()]
    if kept:
        sentences.append(f"Laissés tels que vous les avez écrits : {_join([f'« {k} »' for k in kept])}.")
    if not sentences:
        if values or split_names or own:
            sentences.append("Tout ce que vos réponses et calculs enregistrés peuvent remplir dans ce modèle l'est déjà.")
        else:
            wanted = []
            for field in ruled:
                name = _wanted(field["prefill"], sources)
                if name not in wanted:
                    wanted.append(name)
            if wanted:
                sentences.append(
                    f"Rien à reprendre : ce modèle reprend {_join(wanted)}, et rien de cela n'est enregistré sur cet appareil."
                )
            else:
                sentences.append("Rien à reprendre : ce modèle ne reprend aucune réponse ni aucun calcul.")
    return {
        "values": values,
        "partners": split_names,
        "sources": used,
        "fill": fill,
        "fill_partners": fill_partners,
        "status": " ".join(sentences),
    }
