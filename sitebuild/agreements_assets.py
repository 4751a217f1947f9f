"""Step: the agreements generator's .docx library (npm ``docx``) copied into the site.

The work lives in ``agreements.site_assets`` (tested with the agreements);
this step only turns its error into a :class:`BuildError`.
"""

from __future__ import annotations

from pathlib import Path

from sitebuild.errors import BuildError


def run(config: dict, site_dir: Path) -> None:
    from agreements.site_assets import AssetError, run as copy_docx

    try:
        copy_docx(config, site_dir)
    except AssetError as error:
        raise BuildError(str(error)) from None
