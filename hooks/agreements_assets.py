"""MkDocs hook (lane agreements): runs agreements.site_assets.run after the build; to become a Makefile step."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository, for `agreements`

from mkdocs.exceptions import PluginError


def on_post_build(config, **kwargs):
    from agreements.site_assets import AssetError, run

    try:
        run(config, Path(config["site_dir"]))
    except AssetError as error:
        raise PluginError(str(error)) from None
