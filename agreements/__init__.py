"""Model agreements (conventions) for a pooling of resources.

Standard library only, so that it runs in CPython and in Pyodide:

- ``agreements.assemble``: choose the clauses of a model for a territory,
  fill the placeholders, number the articles, list what is missing, and
  write the Markdown (user text escaped). It works on a model as plain
  JSON data (a dict), never on YAML.
- ``agreements.bridge``: the JSON door used by the CLI and the browser worker.

``agreements.loader`` (build time only, needs PyYAML) reads and validates the
YAML files of this folder; ``agreements.catalog`` writes the validated JSON
catalog the browser reads. Neither is imported here.
"""

TERRITORIES = ("QC", "FR", "BE")
TERRITORY_NAMES = {"QC": "Québec", "FR": "France", "BE": "Belgique"}
