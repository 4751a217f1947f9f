"""The assembled agreement as blocks (the package ``blocks``): what the
preview, print, the .docx and the Markdown all show."""

from __future__ import annotations

from blocks import blank_run, heading, list_block, note, paragraph, table
from words import t


def block_runs(runs: list[dict]) -> list[dict]:
    """Assembly runs as block runs: a user's value marked, a blank with its label."""
    out = []
    for run in runs:
        if run.get("blank"):
            out.append(blank_run(run["label"]))
        elif "field" in run:
            out.append({"text": run["text"], "class": "mu-ag-value", **({"strong": True} if run.get("strong") else {})})
        else:
            out.append({"text": run["text"]})
    return out


def document_blocks(result: dict) -> list[dict]:
    """The agreement itself as blocks: what the preview, print, the .docx and the Markdown show."""
    out = [
        heading(1, result["title"], "mu-ag-title"),
        paragraph([{"text": t("agreements.model_for", territory=result["territory_name"]), "em": True}], "mu-ag-territory"),
        heading(2, t("agreements.parties")),
        list_block([block_runs(party["runs"]) for party in result["parties"]], ordered=True, css_class="mu-ag-parties"),
        paragraph(t("agreements.parties_end")),
    ]
    for article in result["articles"]:
        out.append(heading(2, t("agreements.article", number=article["number"], title=article["title"]), block_id=f"mu-ag-article-{article['id']}"))
        out += [paragraph(block_runs(runs)) for runs in article["paragraphs"]]
    out += [paragraph(block_runs(runs)) for runs in result["closing"]]
    out.append(heading(2, t("agreements.signatures")))
    rows = [[row["party"] or [blank_run()], row["signatory"] or [blank_run()], "", ""] for row in result["signatures"]]
    head = [t(f"agreements.signature_{key}") for key in ("party", "signatory", "date", "sign")]
    out.append(table(head, rows, sign=True,
                     css_class="mu-ag-signatures"))
    out.append(note(result["note"], css_class="mu-ag-note"))
    out.append(heading(2, result["references_title"]))
    if result["references"]:
        items = [[{"text": f"{ref['jurisdiction']} — "}, {"text": ref["label"], "href": ref["url"]}, {"text": ref["after"]}]
                 for ref in result["references"]]
        out.append(list_block(items, css_class="mu-ag-references"))
    out.append(paragraph([{"text": result["model_line"], "em": True}], "mu-ag-model-line"))
    out.append(paragraph([{"text": result["reminder"], "em": True}], "mu-ag-reminder"))
    return out


def check_blocks(result: dict) -> list[dict]:
    """What is left to check and to fill in, after the agreement in the files (not in the preview)."""
    out = []
    if result["warnings"]:
        out += [heading(2, t("agreements.to_check")), list_block(result["warnings"])]
    if result["missing"]:
        out += [heading(2, t("agreements.to_fill")), list_block([item["label"] for item in result["missing"]])]
    return out
