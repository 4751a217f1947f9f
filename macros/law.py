"""Law macros: ``law("id")`` (a link to one article) and ``law_table()`` (the sources page).

Thin: the register is loaded and checked by ``law.register`` once, when the
macros are registered; a wrong entry stops the build with
``law/<file>.yml:<line>: <what is wrong>``. The country tabs (``law_tabs``)
expand the same ``{{ law("id") }}`` calls through ``law.cite.expand``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from law.cite import JURISDICTIONS, UnknownReference, french_date, markdown_link


def register_entries(project_dir: Path) -> dict:
    # Imported here: law.register reuses macros.questionnaire_loader's YAML reader.
    from law.register import LawError, load_register

    try:
        return load_register(Path(project_dir) / "law", root=Path(project_dir))
    except LawError as error:
        raise PluginError(str(error)) from None


def table(register: dict) -> str:
    """Markdown: one table per jurisdiction, every entry with its link, what it says and its date."""
    blocks = []
    for code, (name, _) in JURISDICTIONS.items():
        entries = sorted((e for e in register.values() if e["territory"] == code), key=lambda e: (e["text"], e["id"]))
        if not entries:
            continue
        rows = ["| Texte | Ce qu'il dit | Relu sur le texte officiel |", "| --- | --- | --- |"]
        for entry in entries:
            says = entry["says"].replace("|", "\\|")
            read = f"le {french_date(entry['checked'])}" if entry["confirmed"] else f"non, à faire vérifier (recherché le {french_date(entry['checked'])})"
            rows.append(f"| {markdown_link(entry)} | {says} | {read} |")
        blocks.append(f"### {name} {{ #droit-{code.lower()} }}\n\n" + "\n".join(rows))
    return "\n\n".join(blocks)


def register(env) -> dict:
    entries = register_entries(Path(env.project_dir))

    @env.macro
    def law(reference_id, text=None):
        """A link to one entry of the register (law/*.yml)."""
        entry = entries.get(reference_id)
        if entry is None:
            raise PluginError(str(UnknownReference(reference_id)))
        return markdown_link(entry, text)

    @env.macro
    def law_table():
        """Every entry of the register, by jurisdiction (the sources page)."""
        return table(entries)

    return entries

