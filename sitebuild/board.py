"""Step: the network board's entries written into the built board page.

The work lives in ``macros.network_build`` (tested with the board); this
step gives it the project root and turns a broken entry into a
:class:`BuildError` that names its file and line.
"""

from __future__ import annotations

from pathlib import Path

from sitebuild.config import ROOT
from sitebuild.errors import BuildError


def run(config: dict, site_dir: Path) -> None:
    from macros.network_build import run as fill_board
    from macros.network_loader import NetworkError

    try:
        fill_board({**config, "config_file_path": str(ROOT / "mkdocs.yml")}, site_dir)
    except NetworkError as error:
        raise BuildError(str(error)) from None
