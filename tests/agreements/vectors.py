"""Assembly vectors shared by the CPython tests and the Pyodide test.

Each vector: model id, territory, draft, and what the Markdown must hold,
worked out by reading the YAML: the article count is the number of clauses
of the model in that territory, minus the optional ones switched off.
"""

PARTNERS = [
    {"name": "Atelier du Quartier", "legal_form": "OBNL", "address": "12 rue des Érables, Montréal", "identifier": "1170000000",
     "representative": "Marie Tremblay, présidente", "authority": "la résolution du conseil d'administration du 3 mars 2027"},
    {"name": "Ressourcerie Les Castors", "legal_form": "association loi 1901", "address": "3 place du Marché, Lyon", "identifier": "W691000000",
     "representative": "Paul Martin, trésorier", "authority": "la décision du bureau du 10 mars 2027"},
]
HOSTILE = [
    {"name": "<script>alert(1)</script>", "legal_form": "ASBL", "address": "1 rue [x](http://evil)", "representative": "**x**"},
    {"name": "B | C", "legal_form": "_OBNL_", "address": "# titre", "representative": "`code`"},
]

# Clause counts per territory, counted in the YAML files by hand:
# lettre_entente 5 everywhere (bilan optional); locaux 10 (etat_des_lieux and
# renonciation_recours optional); vehicule 8; materiel 7 (formation optional);
# personnel QC 5 (objet, employeur_qc, remboursement_qc, retour, securite),
# FR 6 (objet, accord_salarie_fr, facturation_fr, representants_fr optional,
# retour, securite), BE 5 (objet, cadre_be, remboursement_be, retour, securite);
# convention_cadre 10 (adhesion optional).
CLAUSE_COUNTS = {
    "lettre_entente": {"QC": 5, "FR": 5, "BE": 5},
    "locaux": {"QC": 10, "FR": 10, "BE": 10},
    "vehicule": {"QC": 8, "FR": 8, "BE": 8},
    "materiel": {"QC": 7, "FR": 7, "BE": 7},
    "personnel": {"QC": 5, "FR": 6, "BE": 5},
    "convention_cadre": {"QC": 10, "FR": 10, "BE": 10},
}
# One optional clause of each model, switched off in the "off" vectors.
OPTIONAL = {
    "lettre_entente": "bilan",
    "locaux": "renonciation_recours",
    "vehicule": None,
    "materiel": "formation",
    "personnel": None,
    "convention_cadre": "adhesion",
}

VECTORS = [
    {
        "name": "cadre-fr-complete-adhesion-off",
        "model": "convention_cadre",
        "territory": "FR",
        "draft": {
            "partners": PARTNERS,
            "values": {
                "objet": "une camionnette et un local",
                "comite": "un comité de pilotage",
                "mode_decision": "au consensus",
                "frequence_reunions": "chaque mois",
                "methode_repartition": "au prorata des heures",
                "repartition": "Atelier du Quartier : 400,00 € ; Ressourcerie Les Castors : 800,00 €",
                "conditions_adhesion": "unused because the clause is off",
                "preavis": "trois mois",
                "sort_biens": "vendus et le produit partagé",
                "mediateur": "le réseau régional",
                "juridiction": "le tribunal judiciaire de Lyon",
                "date_evaluation": "1er juin 2027",
                "duree": "deux ans",
                "lieu_signature": "Lyon",
                "date_signature": "1er décembre 2026",
            },
            "options": {"adhesion": False},
        },
        # 10 clauses minus adhesion = 9 articles; "Article 9 – Durée" is the last.
        "contains": [
            "## Article 1 – Objet",
            "## Article 9 – Durée",
            "Atelier du Quartier : 400,00 € ; Ressourcerie Les Castors : 800,00 €",
            "**Ressourcerie Les Castors**, association loi 1901",
        ],
        "absent": ["Entrée d'une nouvelle partie", "## À compléter", "________", "{"],
        "articles": 9,
        "missing": 0,
    },
    {
        "name": "lettre-qc-empty",
        "model": "lettre_entente",
        "territory": "QC",
        "draft": {"partners": [{"name": "A"}, {"name": "B"}], "values": {}, "options": {}},
        # Missing: 5 partner fields (form, seat, number, signatory, authority) x 2 partners + 9 fields = 19 lines.
        "contains": ["## Article 5 – Se retirer", "## À compléter", "- Partie 2 : adresse du siège", "- Date de signature"],
        "absent": ["{objet}"],
        "articles": 5,
        "missing": 19,
    },
    {
        "name": "hostile-text-escaped",
        "model": "lettre_entente",
        "territory": "BE",
        "draft": {"partners": HOSTILE, "values": {"objet": "**gras** <b>x</b>"}, "options": {"bilan": True}},
        "contains": [
            # Only what Markdown reads is escaped: no backslash before ( or ).
            "\\<script\\>alert(1)\\</script\\>",
            "1 rue \\[x\\](http://evil)",
            "\\*\\*x\\*\\*",
            "B \\| C",
            "\\_OBNL\\_",
            "\\# titre",
            "\\`code\\`",
            "\\*\\*gras\\*\\* \\<b\\>x\\</b\\>",
        ],
        "absent": ["<script>", "**x**", "<b>"],
        "articles": 5,
        # 8 fields, plus each partner's number and authority (absent from HOSTILE).
        "missing": 12,
    },
    {
        "name": "personnel-fr-cse-off",
        "model": "personnel",
        "territory": "FR",
        "draft": {"partners": PARTNERS, "values": {"salarie": "Julie Roy"}, "options": {"representants_fr": False}},
        "contains": ["## Article 2 – Accord de la personne et avenant", "## Article 5 – Santé et sécurité", "Julie Roy"],
        "absent": ["comité social et économique"],
        "articles": 5,
        "missing": 9,
    },
]
