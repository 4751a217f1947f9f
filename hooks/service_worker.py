"""Hook until the build steps move to the Makefile: offline/page_styles.py, then offline/service_worker.py."""

import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from offline import page_styles  # noqa: E402
from offline.service_worker import ServiceWorkerError, run  # noqa: E402

_serve = {"on": False}


def on_startup(*, command, dirty):
    _serve["on"] = command == "serve"


def on_post_build(*, config):
    page_styles.run(config, Path(config["site_dir"]))
    if _serve["on"]:
        return
    try:
        logging.getLogger("mkdocs.hooks.service_worker").info(run(config, Path(config["site_dir"])))
    except ServiceWorkerError as error:
        raise PluginError(str(error)) from None
