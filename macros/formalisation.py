"""Formalisation macros: ``formalisation_rule()`` and ``formalisation_chooser()``.

Thin: the rule lives in ``agreements.formalisation``, the HTML and Markdown in
``macros.formalisation_render``; the agreement models (for their titles) are
loaded and checked by ``agreements.loader``.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError


def register(env):
    from agreements.loader import AgreementError, load_all
    from macros.formalisation_render import render_chooser, render_rule

    root = Path(env.project_dir)
    use_directory_urls = bool(env.conf.get("use_directory_urls", True))
    try:
        # Titles only: macros.agreements already checks the models' links.
        models = load_all(root / "agreements", docs_dir=None, root=root)
    except AgreementError as error:
        raise PluginError(str(error)) from None

    def page():
        found = env.variables.get("page")
        if found is None:
            raise PluginError("formalisation : ces macros s'emploient dans une page")
        return found

    docs_dir = Path(env.conf["docs_dir"])

    def source_of(found) -> str:
        """The page's Markdown file, relative to docs/. Zensical's pages carry no
        ``file``: their URL gives it (``x/`` is ``x.md`` or ``x/index.md``)."""
        file = getattr(found, "file", None)
        if file is not None:
            return file.src_uri
        url = str(found.url).strip("/")
        if not url:
            return "index.md"
        if url.endswith(".html"):
            url = url[: -len(".html")]
        return f"{url}/index.md" if (docs_dir / url / "index.md").is_file() else f"{url}.md"

    @env.macro
    def formalisation_rule():
        """The guide's formalisation rule as a table (Markdown) with its notes."""
        return render_rule(models, source_of(page()))

    @env.macro
    def formalisation_chooser():
        """The chooser's form, computed in the browser by the same rule."""
        network = env.conf.get("extra", {}).get("network", {})
        return render_chooser(models, network, page().url, use_directory_urls)
