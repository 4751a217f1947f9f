"""Mutuus's build steps: plain Python run before and after the site generator.

The site generator (MkDocs + Material, or Zensical) turns Markdown into HTML.
Everything else the site needs is done here, the same way whatever the engine.
One path builds the site, for make build, make build-zensical, make serve,
the tests and the bench:

    python -m sitebuild build --engine mkdocs|zensical site/

(in Python: ``sitebuild.build.build(site_dir, engine)``): the PRE_STEPS,
the generator (MkDocs in this process, strict; Zensical as its command),
then the POST_STEPS on the written files. ``python -m sitebuild serve``
rebuilds by the same function and reloads on change (see serve.py);
``python -m sitebuild pre|post site/`` run one half by hand.

A step is a module with a function ``run(config: dict, site_dir: Path)``:
``config`` is mkdocs.yml as a dict (``!ENV`` resolved), ``site_dir`` the
folder the generator writes. A step that cannot do its work raises
:class:`BuildError` with a French message naming the file at fault; the
command prints it and stops, with no traceback.

To add a step, write the module and add ONE line to PRE_STEPS or POST_STEPS.
"""

from __future__ import annotations

from sitebuild.errors import BuildError

# Before the generator: work that can fail early, or that the generator reads.
PRE_STEPS: list[str] = [
    "sitebuild.calculators_runtime:prepare",  # builds (or finds) the calculators wheel
]

# After the generator, in this order, on the files in site_dir.
POST_STEPS: list[str] = [
    "sitebuild.calculators_runtime",  # wheel, manifest, Pyodide runtime
    "sitebuild.words",  # the browser's words (words/) as core/catalog.js
    "sitebuild.agreements_assets",  # the .docx library of the agreements generator
    "sitebuild.board",  # the network board's entries, written into its built page
    "sitebuild.usage_log",  # the logbook's CSV template and example, from the parser's columns
    "sitebuild.search",  # search without accents or plural endings; late on calculator pages
    "sitebuild.service_worker:page_styles",  # each tool's stylesheet on its own pages only
    # Needs the wheel and runtime in site/; before the offline engine list.
    "sitebuild.snapshot",  # Pyodide memory snapshot after `import calculators.bridge`
    # After every step that writes inline scripts: it hashes them.
    "sitebuild.csp",
    # Last: the offline precache is versioned by the final files' content.
    "sitebuild.service_worker",
]

__all__ = ["BuildError", "PRE_STEPS", "POST_STEPS"]
