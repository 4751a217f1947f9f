"""Load and check the register of legal references, ``law/*.yml``. Build time only.

Each file is a YAML list of entries (see ``law/schema.json``). Anything wrong
raises :class:`LawError`, whose text is ``law/<file>.yml:<line>: <message>``,
and the build stops. An entry must link the article itself on an official
site: never a site's home page or a search page (:func:`link_problem`).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from urllib.parse import urlsplit

from law.cite import JURISDICTIONS
from yamlfile import YamlError, parse
from yamlfile import line_of as _line_of

ROOT = Path(__file__).resolve().parent.parent
FOLDER = Path(__file__).resolve().parent
ID = re.compile(r"^(qc|fr|be|eu|ca)-[a-z0-9]+(-[a-z0-9]+)*$")
KEYS = {"id": True, "territory": True, "text": True, "article": True, "url": True, "says": True,
        "checked": True, "confirmed": True}

# Hosts of the texts themselves, and what a link to one article carries there.
LAW_HOSTS = {
    "www.legifrance.gouv.fr": re.compile(r"(LEGIARTI|JORFARTI|KALIARTI)\d+|/jorf/id/JORFTEXT\d+|/loda/id/(LEGI|JORF)TEXT\d+"),
    "www.legisquebec.gouv.qc.ca": re.compile(r"/fr/document/(lc|rc)/[^#?]+(#se:[0-9_a-z.]+)?$"),
    "www.ejustice.just.fgov.be": re.compile(r"/eli/[a-z]+/\d{4}/\d{2}/\d{2}/\w+/justel(#[Aa]rt\.?[\w.:/-]+)?$"),
    "eur-lex.europa.eu": re.compile(r"/eli/[a-z]+/\d{4}/\d+/oj(#art_\d+)?$|uri=CELEX:\w+"),
    "laws-lois.justice.gc.ca": re.compile(r"/fra/(lois|reglements)/[^/]+/.+\.html(#[\w.-]+)?$"),
}
# Official guidance (administration pages): allowed, but never their home page.
GUIDANCE_HOSTS = (
    "bofip.impots.gouv.fr", "www.impots.gouv.fr", "www.revenuquebec.ca", "www.canada.ca",
    "www.cnesst.gouv.qc.ca", "www.ameli.fr", "emploi.belgique.be", "finances.belgium.be",
    "www.cnil.fr", "www.cai.gouv.qc.ca", "www.autoriteprotectiondonnees.be", "www.anc.gouv.fr",
    "entreprendre.service-public.fr", "www.service-public.fr", "www.economie.gouv.fr",
    "travail-emploi.gouv.fr", "www.associations.gouv.fr",
)
OFFICIAL_HOSTS = tuple(LAW_HOSTS) + GUIDANCE_HOSTS
# What opens one article on a site of the texts (not the whole text, a code
# or a section): an entry confirmed must carry it (confirmed_link_problem).
_ARTICLE = re.compile(
    r"/(codes|loda)/article_lc/LEGIARTI\d+|/jorf/article_jo/JORFARTI\d+|KALIARTI\d+"  # Légifrance
    r"|#se:|[?&]code=se(%3A|:)"  # LégisQuébec
    r"|#[Aa]rt"  # Justel
    r"|#art_\d"  # EUR-Lex
    r"|/section-[\w.]+\.html$"  # Justice Canada
)
_SEARCH = re.compile(r"(^|[/?&=_-])(search|recherche|rechercher|resultats?|results?)([/?&=_.-]|$)", re.I)


class LawError(Exception):
    """The register is wrong; ``str(error)`` is ``law/<file>.yml:<line>: <message>``."""

    def __init__(self, file: str, line: int | None, message: str):
        self.file, self.line, self.message = file, line, message
        super().__init__(f"{file}:{line}: {message}" if line else f"{file}: {message}")


def link_problem(url: str) -> str | None:
    """Why ``url`` is not a link to an official text itself (None when it is)."""
    parts = urlsplit(url)
    if parts.scheme != "https":
        return f"l'adresse « {url} » doit commencer par https://"
    host = parts.netloc
    if host not in OFFICIAL_HOSTS:
        return f"l'adresse « {url} » n'est pas sur un site officiel connu ({', '.join(OFFICIAL_HOSTS)})"
    path = parts.path.rstrip("/")
    if path in ("", "/fr", "/fra", "/en", "/index.html", "/accueil") and not parts.query:
        return f"l'adresse « {url} » mène à la page d'accueil du site, pas au texte"
    if _SEARCH.search(parts.path) or _SEARCH.search(parts.query):
        return f"l'adresse « {url} » est une page de recherche, pas le texte"
    rule = LAW_HOSTS.get(host)
    if rule is not None and not rule.search(url.split(host, 1)[1]):
        return f"l'adresse « {url} » ne mène pas à un article précis de {host}"
    return None


def confirmed_link_problem(url: str) -> str | None:
    """Why a CONFIRMED entry's link does not do: it opens a whole text, a code
    or a section rather than the article (None when it opens the article, or
    is official guidance, which has no articles)."""
    if urlsplit(url).netloc not in LAW_HOSTS or _ARTICLE.search(url):
        return None
    return (f"l'adresse « {url} » ne mène pas à l'article lui-même (un texte entier, un code ou une section) : "
            "donnez l'adresse de l'article, ou écrivez confirmed: false (à faire vérifier)")


def _date(value) -> str | None:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            return None
    return None


def _check_entry(raw, line: int, fail) -> dict:
    if not isinstance(raw, dict):
        fail(line, "chaque entrée doit être un bloc de clés (id, territory, text, article, url, says, checked, confirmed)")
    for key in raw:
        if key not in KEYS:
            fail(_line_of(raw, key), f"clé inconnue « {key} » (clés possibles : {', '.join(KEYS)})")
    for key in KEYS:
        if key not in raw:
            fail(raw.line, f"clé « {key} » manquante" + (" : l'adresse de l'article lui-même" if key == "url" else
                                                         " : la date où le lien et le texte ont été vérifiés" if key == "checked" else ""))
    entry = {}
    for key in ("id", "territory", "text", "article", "url", "says"):
        value = raw[key]
        if not isinstance(value, str) or (key != "article" and not value.strip()):
            fail(_line_of(raw, key), f"« {key} » doit être du texte non vide")
        entry[key] = " ".join(value.split())
    if not ID.match(entry["id"]):
        fail(_line_of(raw, "id"), f"l'id « {entry['id']} » doit s'écrire <pays>-<texte>-<article> en minuscules (qc|fr|be|eu|ca-…)")
    if entry["territory"] not in JURISDICTIONS:
        fail(_line_of(raw, "territory"), f"territoire « {entry['territory']} » inconnu (possibles : {', '.join(JURISDICTIONS)})")
    if not entry["id"].startswith(entry["territory"].lower() + "-"):
        fail(_line_of(raw, "id"), f"l'id « {entry['id']} » doit commencer par « {entry['territory'].lower()}- », son territoire")
    problem = link_problem(entry["url"])
    if problem:
        fail(_line_of(raw, "url"), problem)
    checked = _date(raw["checked"])
    if checked is None:
        fail(_line_of(raw, "checked"), f"« checked » vaut « {raw['checked']} » : écrivez la date AAAA-MM-JJ")
    entry["checked"] = checked
    if not isinstance(raw["confirmed"], bool):
        fail(_line_of(raw, "confirmed"), "« confirmed » doit valoir true (texte officiel lu) ou false (à faire vérifier)")
    entry["confirmed"] = raw["confirmed"]
    if entry["confirmed"] and (problem := confirmed_link_problem(entry["url"])):
        fail(_line_of(raw, "url"), problem)
    return entry


def load_file(path: Path, root: Path = ROOT) -> list[dict]:
    path = Path(path)
    try:
        file = path.resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        file = path.name

    def fail(line, message):
        raise LawError(file, line, message)

    try:
        data = parse(path.read_text(encoding="utf-8"), file)
    except UnicodeDecodeError:
        fail(None, "le fichier n'est pas encodé en UTF-8")
    except YamlError as error:
        raise LawError(error.file, error.line, error.message) from None
    if data is None:
        return []
    if not isinstance(data, list):
        fail(getattr(data, "line", 1), "le fichier doit être une liste d'entrées (« - id: … »)")
    entries = []
    for index, raw in enumerate(data):
        entry = _check_entry(raw, data.item_lines[index], fail)
        entry["file"], entry["line"] = file, data.item_lines[index]
        entries.append(entry)
    return entries


def load_register(folder: Path = FOLDER, root: Path = ROOT) -> dict[str, dict]:
    """Every entry of ``law/*.yml`` by id; an id or an address used twice is an error."""
    register: dict[str, dict] = {}
    urls: dict[str, dict] = {}
    for path in sorted(Path(folder).glob("*.yml")):
        for entry in load_file(path, root):
            for seen, key in ((register.get(entry["id"]), "id"), (urls.get(entry["url"]), "url")):
                if seen is not None:
                    raise LawError(entry["file"], entry["line"],
                                   f"{'id' if key == 'id' else 'adresse'} « {entry[key]} » déjà dans {seen['file']}:{seen['line']}")
            register[entry["id"]] = entry
            urls[entry["url"]] = entry
    return register


def public(entry: dict) -> dict:
    """An entry without where it was read (what pages and drafts carry)."""
    return {key: value for key, value in entry.items() if key not in ("file", "line")}
