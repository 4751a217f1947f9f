"""Every calculator, found in this package: a module that defines ``CALCULATOR``.

Adding a calculator is one module of ``calculators/`` (its input, reader,
compute function, JSON result, French view, form fields, error labels and
worked examples, declared by ``CALCULATOR = Calculator(...)``; see
``calculators.spec``) and ``{{ calculator("<id>") }}`` in a page. This
registry finds it; the bridge, the CLI, the form macro, the worked examples
and the tests read it from here.

The modules that read the registry themselves (``DOORS``) are not scanned:
they import it, and it cannot import them back while it is being built.
Pure standard library: the same scan runs in CPython and in Pyodide (where
it happens when the memory snapshot is made, ``import calculators.bridge``).
"""

from __future__ import annotations

import importlib
import pkgutil

import calculators
from calculators.spec import Calculator

# The package's modules that import this one (so are not calculators).
DOORS = {"__main__", "bridge", "examples", "form_values", "registry"}


def _scan() -> dict[str, Calculator]:
    found: dict[str, Calculator] = {}
    for info in sorted(pkgutil.iter_modules(calculators.__path__), key=lambda i: i.name):
        if info.name in DOORS or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"calculators.{info.name}")
        calculator = getattr(module, "CALCULATOR", None)
        if calculator is None:
            continue
        if not isinstance(calculator, Calculator):
            raise TypeError(f"calculators/{info.name}.py : CALCULATOR doit être un calculators.spec.Calculator.")
        if calculator.id in found:
            raise ValueError(f"calculators/{info.name}.py : la commande « {calculator.id} » est déjà déclarée.")
        if calculator.example not in calculator.examples:
            raise ValueError(f"calculators/{info.name}.py : l'exemple « {calculator.example} » n'est pas dans ses exemples.")
        found[calculator.id] = calculator
    return dict(sorted(found.items()))


REGISTRY: dict[str, Calculator] = _scan()
COMMANDS: tuple[str, ...] = tuple(REGISTRY)


def field_labels() -> dict[str, str]:
    """Every calculator's error labels by dotted path (a list's rows as ``<list>.N.<key>``).

    The checks that name a field (``calculators.validation``) do not know
    which calculator asks: two calculators that share a path share its label."""
    return _LABELS


def _merged_labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for calculator in REGISTRY.values():
        for path, text in calculator.labels.items():
            if labels.setdefault(path, text) != text:
                raise ValueError(
                    f"{calculator.id} : le champ « {path} » a déjà un autre nom dans un autre calculateur "
                    f"(« {labels[path]} ») : donnez-lui le même, ou un autre chemin."
                )
    return labels


_LABELS = _merged_labels()
