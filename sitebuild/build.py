"""Run the steps and the site generator: pre, engine, post.

MkDocs runs in this very process (``in_process``, the default of ``build``):
a second Python would import MkDocs, Material, the macros and their data
loaders again, about a second of a warm build here (issue 27), and ``make
build`` is now one command, ``python -m sitebuild build site``; Material's
templates stay compiled between builds (``_compiled_templates_kept``), and
so does each page's HTML while its Markdown and what its conversion reads
are unchanged (``pages_kept``). Zensical
runs as its own command. ``make serve`` builds in its own process too,
except after a Python file has changed (sitebuild/serve.py): its modules
would be the old ones.
"""

from __future__ import annotations

import contextlib
import copy
import gc
import hashlib
import importlib
import logging
import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

from sitebuild import POST_STEPS, PRE_STEPS
from sitebuild.config import ROOT, load_config
from sitebuild.errors import BuildError

ENGINES = ("mkdocs", "zensical")


def resolve(spec: str):
    """``"package.module"`` -> its ``run``; ``"package.module:name"`` -> that function."""
    module_name, _, attr = spec.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attr or "run")


def run_steps(specs: list[str], site_dir: Path, config: dict | None = None) -> None:
    config = load_config() if config is None else config
    config = dict(config, site_dir=str(site_dir))
    for spec in specs:
        start = time.perf_counter()
        resolve(spec)(config, Path(site_dir))
        _timing(spec, start)


def _timing(what: str, start: float) -> None:
    """With MUTUUS_BUILD_TIMES=1, each step's seconds on stderr (bench/board.py's profile)."""
    if os.environ.get("MUTUUS_BUILD_TIMES"):
        sys.stderr.write(f"[temps] {what} : {time.perf_counter() - start:.2f} s\n")


def pre(site_dir: Path, config: dict | None = None) -> None:
    run_steps(PRE_STEPS, site_dir, config)


def post(site_dir: Path, config: dict | None = None) -> None:
    if not (Path(site_dir) / "index.html").is_file():
        raise BuildError(f"{site_dir} : pas de site construit ici (index.html absent). Lancez d'abord le générateur.")
    run_steps(POST_STEPS, site_dir, config)


def engine_command(engine: str, site_dir: Path) -> list[str]:
    """The generator's command line. Zensical has no --site-dir: run_engine
    gives it a copy of mkdocs.yml whose site_dir points inside the project."""
    if engine == "mkdocs":
        return [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    if engine == "zensical":
        return [sys.executable, "-m", "zensical", "build", "--clean"]
    raise BuildError(f"moteur inconnu « {engine} » (attendu : {', '.join(ENGINES)}).")


def engine_env(engine: str, site_url: str | None = None) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if site_url:
        env["SITE_URL"] = site_url
    # Zensical imports the macros module only with the project root on the path.
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def run_engine(
    engine: str, site_dir: Path, site_url: str | None = None, quiet: bool = False, in_process: bool = False
) -> None:
    site_dir = Path(site_dir).resolve()
    if engine == "mkdocs" and in_process:
        return _mkdocs_here(site_dir, site_url, quiet)
    env = engine_env(engine, site_url)
    command = engine_command(engine, site_dir)
    config_file = out_dir = None
    if engine == "zensical":
        # Zensical writes only inside the project: build there, then move.
        out_dir = ROOT / ".sitebuild" / f"zensical-site-{os.getpid()}"
        shutil.rmtree(out_dir, ignore_errors=True)
        config_file = _zensical_config(out_dir)
        command += ["--config-file", str(config_file)]
    try:
        proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    finally:
        if config_file is not None:
            config_file.unlink(missing_ok=True)
    output = proc.stdout + proc.stderr
    if proc.returncode != 0:
        lines = output.splitlines()
        useful = [l for l in lines if not l.startswith("INFO")] or lines
        raise BuildError(f"{engine} build a échoué :\n" + "\n".join(useful[-60:]))
    if out_dir is not None:
        shutil.rmtree(site_dir, ignore_errors=True)
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(out_dir), str(site_dir))
    if not quiet:
        sys.stderr.write(output)


class _Lines(logging.Handler):
    """MkDocs' log lines, as its command prints them ("WARNING -  …")."""

    def __init__(self, quiet: bool):
        super().__init__(logging.INFO)
        self.quiet = quiet
        self.kept: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        line = f"{record.levelname:<7} -  {record.getMessage()}"
        if record.levelno >= logging.WARNING:
            self.kept.append(line)
        if not self.quiet:
            sys.stderr.write(line + "\n")


def _mkdocs_here(site_dir: Path, site_url: str | None, quiet: bool) -> None:
    """``mkdocs build --strict --site-dir site_dir``, in this process."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    if site_url:
        os.environ["SITE_URL"] = site_url
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # the macros module, as the command finds it from the project root
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config as mkdocs_config
    from mkdocs.exceptions import MkDocsException

    logger = logging.getLogger("mkdocs")
    lines = _Lines(quiet)
    level = logger.level
    logger.addHandler(lines)
    logger.setLevel(logging.INFO)
    # Python's cycle collector runs over and over while MkDocs builds its
    # page trees, for little to collect: off during the build, 0.5 s of 5.8
    # s here (issue 27), for 7 MB more at the peak (84 MB instead of 77).
    collecting = gc.isenabled()
    gc.disable()
    try:
        with _compiled_templates_kept(), pages_kept():
            mkdocs_build(mkdocs_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
    except (MkDocsException, OSError) as error:
        said = lines.kept[-60:] if quiet else []  # else already printed, as they came
        raise BuildError("mkdocs build a échoué :\n" + "\n".join([*said, str(error)])) from None
    finally:
        if collecting:
            gc.enable()
        logger.removeHandler(lines)
        logger.setLevel(level)


PAGES_CACHE = ROOT / ".sitebuild" / "pages" / "kept.pickle"
# The pages of the last builds in this process (make serve), by key.
_pages: dict[str, tuple] = {}
_KEEP_PAGES = 400  # a few builds' worth (the tests build the site for several addresses)


def _conversion_key(root: Path = ROOT) -> str:
    """What a page's conversion reads besides its Markdown and the file list:
    mkdocs.yml (extensions and their settings, link validation), includes/
    (snippets, abbreviations appended to every page), and the versions of
    Python and of the Markdown packages."""
    import markdown
    import mkdocs
    import pymdownx

    digest = hashlib.sha256((root / "mkdocs.yml").read_bytes())
    digest.update(f"{sys.version} {markdown.__version__} {mkdocs.__version__} {pymdownx.__version__}".encode())
    includes = root / "includes"
    for path in sorted(includes.rglob("*")) if includes.is_dir() else []:
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class _Said(logging.Handler):
    """What MkDocs and the Markdown extensions log while a page is converted."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.said: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.said.append((record.name, record.levelno, record.getMessage()))


@contextlib.contextmanager
def pages_kept(root: Path = ROOT, cache_file: Path | None = None):
    """During one MkDocs build, a page whose Markdown (macros rendered), the
    site's file list and what _conversion_key names are as at an earlier
    build is not converted to HTML again: Page.render gives back what it set
    then (the HTML, the table of contents, the title, the anchors), and logs
    again what was logged (a strict build still stops on a warning).
    Converting with the project's Markdown extensions is about half of a
    build (issue 27). Kept in this process (make serve) and in
    .sitebuild/pages/; tests/sitebuild/test_serve.py checks that the pages
    kept give the same site as a fresh build."""
    from mkdocs.structure.pages import Page

    cache_file = cache_file or PAGES_CACHE
    if not _pages:
        try:
            _pages.update(pickle.loads(cache_file.read_bytes()))
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, ValueError, TypeError):
            pass  # none yet, or from another version: converted anew
    render = Page.render
    settings = _conversion_key(root)
    used: dict[str, tuple] = {}

    def render_kept(page, config, files):
        digest = hashlib.sha256(settings.encode())
        digest.update(page.file.src_uri.encode() + b"\0" + (page.markdown or "").encode())
        for file in files:
            digest.update(f"{file.src_uri}\0{file.dest_uri}\0{file.url}\n".encode())
        key = digest.hexdigest()
        found = _pages.get(key)
        if found is None:
            said = _Said()
            logger = logging.getLogger()
            logger.addHandler(said)
            try:
                render(page, config, files)
            finally:
                logger.removeHandler(said)
            links = None
            if page.links_to_anchors is not None:
                links = {f.src_uri: dict(anchors) for f, anchors in page.links_to_anchors.items()}
            found = (page.content, copy.deepcopy(page.toc), page._title_from_render,
                     set(page.present_anchor_ids or ()), links, said.said)
        else:
            content, toc, title, anchors, links, said = found
            page.content, page.toc, page._title_from_render = content, copy.deepcopy(toc), title
            page.present_anchor_ids = set(anchors)
            if links is not None:
                page.links_to_anchors = {files.get_file_from_path(src): dict(a) for src, a in links.items()}
            for name, level, message in said:
                logging.getLogger(name).log(level, message)
        used[key] = found

    Page.render = render_kept
    try:
        yield
    finally:
        # Kept even when the build stops: what a page logged is logged again.
        Page.render = render
        for key in list(_pages):  # the oldest first, beyond what is kept
            if len(_pages) + len(used) <= _KEEP_PAGES:
                break
            if key not in used:
                del _pages[key]
        for key in used:
            _pages.pop(key, None)
        _pages.update(used)
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            partial = cache_file.with_name(f".{cache_file.name}.{os.getpid()}")
            partial.write_bytes(pickle.dumps(_pages, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(partial, cache_file)
        except OSError:  # a read-only checkout still builds
            pass


@contextlib.contextmanager
def _compiled_templates_kept():
    """Material's ~80 Jinja templates, compiled to Python at each build,
    kept compiled in .sitebuild/jinja/ (Jinja's own bytecode cache, which
    recompiles a template whose source changed): 0.4 s of a 4.2 s warm build
    here. MkDocs makes the theme's Jinja environment in Theme.get_env; the
    cache is added to the environment it returns, for this build only."""
    from jinja2 import FileSystemBytecodeCache
    from mkdocs.theme import Theme

    folder = ROOT / ".sitebuild" / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only checkout builds without it
        yield
        return
    cache = FileSystemBytecodeCache(str(folder))
    get_env = Theme.get_env

    def get_env_with_cache(theme):
        env = get_env(theme)
        env.bytecode_cache = cache
        return env

    Theme.get_env = get_env_with_cache
    try:
        yield
    finally:
        Theme.get_env = get_env


def _zensical_config(site_dir: Path) -> Path:
    """mkdocs.yml with site_dir set to ``site_dir``, beside the original
    (relative paths in it stay right). Removed after the build."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    lines = [
        f"site_dir: {site_dir}" if line.startswith("site_dir:") else line for line in text.splitlines()
    ]
    path = ROOT / f".mkdocs-zensical-{os.getpid()}.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def build(
    site_dir: Path, engine: str = "mkdocs", site_url: str | None = None, quiet: bool = False, in_process: bool = True
) -> float:
    """pre, the generator, post. Returns the seconds it took."""
    start = time.perf_counter()
    site_dir = Path(site_dir).resolve()
    if site_url:
        os.environ["SITE_URL"] = site_url
    config = load_config()
    pre(site_dir, config)
    engine_start = time.perf_counter()
    run_engine(engine, site_dir, site_url, quiet=quiet, in_process=in_process)
    _timing(engine, engine_start)
    post(site_dir, config)
    return time.perf_counter() - start
