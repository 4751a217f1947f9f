"""yamlfile: YAML read with the line of every key; errors name file and line.

Each text is written out in the test and its lines counted by hand
(line 1 is the first line of the text).
"""

from __future__ import annotations

import pytest
import yaml

import yamlfile
from yamlfile import LineDict, LineList, LineLoader, YamlError, line_of, load, parse, relative_name

# Lines: 1 id, 2 title, 3 items:, 4 "- name: a", 5 size, 6 "- name: b"
TEXT = """\
id: demo
title: Démo
items:
  - name: a
    size: 2
  - name: b
"""


def test_lines_of_keys_and_items():
    data = parse(TEXT, "demo.yml")
    assert isinstance(data, LineDict) and isinstance(data["items"], LineList)
    assert data.line == 1
    assert data.key_lines == {"id": 1, "title": 2, "items": 3}
    assert data["items"].item_lines == [4, 6]
    assert line_of(data["items"][0], "size") == 5
    # a key that is absent: the block's own line
    assert line_of(data["items"][1], "size") == 6
    # not a LineDict at all (a plain value): 0
    assert line_of({"x": 1}, "x") == 0


def test_a_key_written_twice_is_refused_at_its_second_line():
    with pytest.raises(YamlError) as error:
        parse("id: a\ntitle: b\nid: c\n", "deux.yml")
    assert str(error.value) == "deux.yml:3: la clé « id » apparaît deux fois dans le même bloc"
    assert (error.value.file, error.value.line) == ("deux.yml", 3)


def test_a_key_that_is_not_a_simple_value_is_refused():
    with pytest.raises(YamlError) as error:
        parse("id: a\n? [x, y]\n: z\n", "cle.yml")
    assert str(error.value) == "cle.yml:2: une clé doit être un simple mot (par exemple « label »)"


def test_a_syntax_error_names_its_line():
    # line 2 opens a list that is never closed: PyYAML notices at the end (line 3)
    with pytest.raises(YamlError) as error:
        parse("id: a\ntitle: [b\n", "casse.yml")
    assert error.value.file == "casse.yml"
    assert error.value.line == 3
    assert str(error.value).startswith("casse.yml:3: syntaxe YAML invalide : ")


def test_error_without_a_line_names_the_file_only():
    assert str(YamlError("law/fr.yml", None, "fichier introuvable")) == "law/fr.yml: fichier introuvable"


def test_load_names_the_file_relative_to_the_root(tmp_path):
    folder = tmp_path / "agreements"
    folder.mkdir()
    (folder / "locaux.yml").write_text("id: locaux\nid: encore\n", encoding="utf-8")
    with pytest.raises(YamlError) as error:
        load(folder / "locaux.yml", tmp_path)
    assert str(error.value) == "agreements/locaux.yml:2: la clé « id » apparaît deux fois dans le même bloc"
    # without a root: <folder>/<file>
    assert relative_name(folder / "locaux.yml", None) == "agreements/locaux.yml"


def test_load_refuses_a_missing_file_and_a_file_not_in_utf8(tmp_path):
    with pytest.raises(YamlError) as error:
        load(tmp_path / "absent.yml", tmp_path)
    assert str(error.value) == "absent.yml: fichier introuvable"
    (tmp_path / "latin1.yml").write_bytes("title: Été\n".encode("latin-1"))
    with pytest.raises(YamlError) as error:
        load(tmp_path / "latin1.yml", tmp_path)
    assert str(error.value) == "latin1.yml: le fichier n'est pas encodé en UTF-8"


def test_a_loader_subclass_keeps_lines_with_its_own_resolvers():
    """The network's data reads dates as text: a subclass with other resolvers."""

    class TextDates(LineLoader):
        pass

    TextDates.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in LineLoader.yaml_implicit_resolvers.items()
    }
    data = parse("title: x\nuntil: 2027-03-31\n", "board/a.yml", TextDates)
    assert data["until"] == "2027-03-31"
    assert data.key_lines["until"] == 2
    # the ordinary loader reads a date
    assert str(parse("until: 2027-03-31\n", "b.yml")["until"]) == "2027-03-31"
    assert not isinstance(parse("until: 2027-03-31\n", "b.yml")["until"], str)


# --- the parse cache (Zensical runs define_env once per page) ---------------------


def test_same_text_is_parsed_once_and_each_caller_gets_its_own_copy(monkeypatch):
    """Zensical calls the macros module's define_env for each page that uses
    macros (32 times a build), and each call read every questionnaire, model
    and board file again: 18 of the 22 s of its build went to PyYAML. The
    same text is now parsed once; a caller that changes what it got does not
    change what the next caller gets, and the lines are kept."""
    yamlfile.clear_cache()
    calls = []
    real_load = yaml.load
    monkeypatch.setattr(yaml, "load", lambda *a, **k: calls.append(1) or real_load(*a, **k))
    first = parse(TEXT, "demo.yml")
    first["items"][0]["name"] = "changé"
    first["items"].append("ajouté")
    second = parse(TEXT, "demo.yml")
    assert len(calls) == 1
    assert second["items"][0]["name"] == "a"
    assert len(second["items"]) == 2
    # lines kept on the copy: "size: 2" is line 5, the items start on lines 4 and 6
    assert second["items"][0].key_lines["size"] == 5
    assert second["items"].item_lines == [4, 6]
    # a changed text (an edit under `make serve`) is parsed again
    parse(TEXT.replace("Démo", "Démo 2"), "demo.yml")
    assert len(calls) == 2


def test_a_broken_text_is_reported_every_time():
    """Errors are not cached away: the second build names the file and line again."""
    broken = TEXT.replace("title: Démo", "title: [Démo")
    for _ in range(2):
        with pytest.raises(YamlError) as error:
            parse(broken, "demo.yml")
        assert error.value.file == "demo.yml" and error.value.line is not None


def test_the_questionnaire_loader_still_raises_its_own_error():
    """Callers of macros.questionnaire_loader catch QuestionnaireError: parse_yaml
    turns yamlfile's error into it, same file, line and text."""
    from macros.questionnaire_loader import QuestionnaireError, parse_yaml

    with pytest.raises(QuestionnaireError) as error:
        parse_yaml("id: a\nid: b\n", "questionnaires/x.yml")
    assert isinstance(error.value, YamlError)
    assert str(error.value) == "questionnaires/x.yml:2: la clé « id » apparaît deux fois dans le même bloc"


def test_docs_index_checks_a_link_to_a_page_and_its_anchor(tmp_path):
    """``risques.md`` has the heading « Gouvernance partagée » (slug
    gouvernance-partagee) and an explicit ``{ #budget }``."""
    from yamlfile import DocsIndex

    (tmp_path / "risques.md").write_text("# Risques\n\n## Gouvernance partagée\n\n## Argent { #budget }\n",
                                         encoding="utf-8")
    docs = DocsIndex(tmp_path)
    assert docs.check("risques.md#gouvernance-partagee") is None
    assert docs.check("risques.md#budget") is None
    assert docs.check("risques.md#argent") == "le lien « risques.md#argent » vise l'ancre « #argent », absente de docs/risques.md"
    assert docs.check("absente.md") == "le lien « absente.md » vise la page docs/absente.md, qui n'existe pas"
    assert docs.check("../mkdocs.md") is not None


def test_libyaml_and_pure_python_give_the_same_lines_and_the_same_message():
    """LineLoader parses with libyaml when PyYAML has it; PureLineLoader in Python.
    Same data, same lines; a syntax error is told in PyYAML's own words."""
    from yamlfile import PureLineLoader

    yamlfile.clear_cache()
    fast, pure = parse(TEXT, "a.yml"), parse(TEXT, "a.yml", PureLineLoader)
    assert fast == pure
    assert fast.key_lines == pure.key_lines and fast["items"].item_lines == pure["items"].item_lines
    assert fast["items"][0].key_lines == pure["items"][0].key_lines == {"name": 4, "size": 5}
    broken = "id: a\ntitle: [b\n"
    with pytest.raises(YamlError) as fast_error:
        parse(broken, "b.yml")
    with pytest.raises(YamlError) as pure_error:
        parse(broken, "b.yml", PureLineLoader)
    assert str(fast_error.value) == str(pure_error.value)
