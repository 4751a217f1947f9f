"""A questionnaire's answers written out and read back (answers-export.js, answers-import.js).

The refusals of a file are formats/messages.py's (``formats.*`` keys,
words/formats.py); these are the other words of the answers' files.
"""

WORDS = {
    # A name or a question in French quotes, as the refusals and summaries cite them.
    "quote": "« {text} »",
    # The Markdown export's head lines and answers.
    "unnamed": "(non précisée)",
    "unanswered": "(sans réponse)",
    "md_organisation": "Organisation : {name}",
    "md_date": "Date : {date} ({iso})",
    "md_questionnaire": "Questionnaire : {id}, version {version}",
    "md_count": "Réponses : {answered} sur {total}",
    "md_answer": "{question} : {answer}",
    "md_note": "Note : {note}",
    # The CSV export's header row, its cells separated by ";" (the file's separator).
    "csv_header": "Questionnaire;Version;Organisation;Exporté le;Section;Identifiant;Question;Réponse;Code;Note",
    # What "Importer" says of a file before replacing the answers.
    "import_summary": "Fichier {who}{when} : {incoming} sur {total}. L'importer remplacera vos réponses actuelles ({current}).",
    "import_from": "de {name}",
    "import_unnamed": "sans nom d'organisation",
    "import_when": ", exporté le {date}",
    "count": {"one": "{n} réponse", "other": "{n} réponses"},
    "notes": {"one": "{n} note sans réponse", "other": "{n} notes sans réponse"},
    "count_with_notes": "{answers} et {notes}",
    "import_renames": "Le nom de l'organisation, {from}, deviendra {to}.",
    # A partner's file without an organisation's name (partners.js).
    "partner_unnamed": "Partenaire sans nom",
    # The summary of a dossier and its partners' files, in Markdown (partners.js).
    "summary_title": "Dossier Mutuus",
    "summary_date": "Date : {date}",
    "summary_partners": "Partenaires : {names}",
    "summary_no_partner": "(aucun)",
    "summary_count": "{name} : {answered} sur {total}",
    "summary_count_own": "{name} (vous) : {answered} sur {total}",
    "summary_note": "(note : {note})",
    "summary_pairings": "Rapprochements possibles",
    "summary_pairing": "{category} : {offerer} offre « {offer} » ; {needer} cherche « {need} »",
}
