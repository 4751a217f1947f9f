"""Load the MkDocs hooks (plain files under hooks/, not a package) as modules."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parents[2] / "hooks"


def load_hook(name: str):
    spec = importlib.util.spec_from_file_location(f"mutuus_hook_{name}", HOOKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def runtime_hook():
    return load_hook("calculators_runtime")


@pytest.fixture
def csp_hook():
    return load_hook("csp")
