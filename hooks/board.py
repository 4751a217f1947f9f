"""Fill the board page's entries after the build (macros/network_build.py)."""

from pathlib import Path

from macros.network_build import run


def on_post_build(*, config):
    run(config, Path(config["site_dir"]))
