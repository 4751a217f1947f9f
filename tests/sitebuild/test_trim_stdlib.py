"""offline/trim_stdlib.py, the parts that need no Pyodide: which stdlib modules
a source names, and the zip it writes (compiled, deterministic).

The whole trimming runs inside Pyodide at build time; tests/pyodide checks the
zip the build ships against every vector and every agreement model."""

from __future__ import annotations

import io
import zipfile

from offline import trim_stdlib

SOURCE = '''
from __future__ import annotations
import json, re
import xml.etree.ElementTree as ET
from decimal import Decimal
from email import message_from_string
from . import money
from calculators.errors import CalcError
import yaml


def later():
    import statistics
    from importlib import resources
    return statistics, resources
'''


def test_every_import_the_source_names_is_found_even_inside_a_function():
    modules, maybe = trim_stdlib.stdlib_imports(SOURCE)
    # Relative imports, our packages and third-party packages are not the stdlib's.
    assert modules == {"__future__", "json", "re", "xml.etree.ElementTree", "decimal", "email", "statistics", "importlib"}
    # `from a import b`: b may be a submodule (importlib.resources is one; Decimal is not).
    assert maybe == {"__future__.annotations", "decimal.Decimal", "email.message_from_string", "importlib.resources"}


def test_the_zip_holds_compiled_modules_only_and_is_the_same_each_time(tmp_path):
    full = tmp_path / "python_stdlib.zip"
    with zipfile.ZipFile(full, "w") as zf:
        zf.writestr("json/__init__.py", "VALUE = 42\n")
        zf.writestr("json/decoder.py", "def f():\n    return 1\n")
        zf.writestr("unused.py", "x = 1\n")
    first = trim_stdlib.write_zip(str(full), ["json/__init__.py", "json/decoder.py"])
    assert first == trim_stdlib.write_zip(str(full), ["json/__init__.py", "json/decoder.py"])
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        assert zf.namelist() == ["json/__init__.pyc", "json/decoder.pyc"]
        assert {info.date_time for info in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        data = zf.read("json/__init__.pyc")
    # An unchecked hash-based .pyc (PEP 552): flags 0b01, never compared with a source.
    assert int.from_bytes(data[4:8], "little") == 0b01
