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

# Clause counts per territory, counted in the YAML files by hand (a check
# beside the per-model test, which loops over every model found and needs no
# entry here):
# locaux 17 of its own: objet, nature_*, droit_preter_*, usage, capacite,
# sous_pret, horaires, cles, menage, charges, etat_des_lieux (optional),
# degats, reparations, assurances, renonciation_recours (optional),
# manquement, duree; + tva, litiges, parties = 20.
# vehicule 13 of its own: objet, duree, reservation, conducteurs, carnet,
# amendes_*, etat_vehicule, frais, pannes, assurance_*, sinistres,
# achat_commun (optional), fin; + 3 = 16.
# materiel 12 of its own: objet, propriete, duree, garde_*, reservation,
# verifications, formation (optional), contribution, casse, retour, assurance,
# renonciation_recours (optional); + 3 = 15.
# personnel: 6 clauses everywhere (heures_frais, absences, confidentialite,
# securite, fin_anticipee, emploi_retrait) + one clause per territory from each
# of its 4 groups (parties, tva, sans_societe, litiges) + QC 3 (objet_qc,
# montage_qc, remboursement_qc) = 13, FR 5 (objet_fr, accord_salarie_fr,
# facturation_fr, representants_fr optional, droits_fr) = 15, BE 5 (objet_be,
# autorite_be, cadre_be, remboursement_be, signatures_be) = 15;
# convention_cadre 20 in each country: 16 of its own (donnees_qc in Québec,
# donnees_ue in France and Belgium; renonciation_recours and adhesion optional)
# + one clause per country from each included group (parties, sans_societe,
# tva, litiges); lettre_entente 9: 5 of its own (bilan optional) + parties,
# sans_societe, tva, litiges. The counts of parties and tva assume one clause per
# country in each group (checked once merged: parties, tva, sans_societe and litiges each hold one clause per country).
CLAUSE_COUNTS = {
    "lettre_entente": {"QC": 9, "FR": 9, "BE": 9},
    "locaux": {"QC": 20, "FR": 20, "BE": 20},
    "vehicule": {"QC": 16, "FR": 16, "BE": 16},
    "materiel": {"QC": 15, "FR": 15, "BE": 15},
    "personnel": {"QC": 13, "FR": 15, "BE": 15},
    "convention_cadre": {"QC": 20, "FR": 20, "BE": 20},
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
                "delai_paiement": "trente jours",
                "licence": "libre usage par chaque partie pour sa mission",
                "delai_impaye": "deux mois après la mise en demeure",
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
        # 20 clauses minus adhesion = 19 articles; "Durée et renouvellement" is the last.
        "contains": [
            "## Article 1 – Objet",
            "## Article 19 – Durée et renouvellement",
            "pour une durée de deux ans",
            "Atelier du Quartier : 400,00 € ; Ressourcerie Les Castors : 800,00 €",
            "**Ressourcerie Les Castors**, association loi 1901",
        ],
        "absent": ["Entrée d'une nouvelle partie", "## À compléter", "________", "{"],
        "articles": 19,
        "missing": 0,
    },
    {
        "name": "lettre-qc-empty",
        "model": "lettre_entente",
        "territory": "QC",
        "draft": {"partners": [{"name": "A"}, {"name": "B"}], "values": {}, "options": {}},
        # Missing: 5 partner fields (form, seat, number, signatory, authority) x 2 partners
        # + 9 fields of the letter + mediateur and juridiction (group litiges) = 21 lines.
        # Articles: objet, parties, sans_societe, suivi, couts, bilan, retrait (7), litiges.
        "contains": ["## Article 8 – Se retirer", "## À compléter", "- Partie 2 : adresse du siège", "- Date de signature"],
        "absent": ["{objet}"],
        "articles": 9,
        "missing": 21,
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
        "articles": 9,
        # 8 fields of the letter and the 2 of the group litiges, plus each
        # partner's number and authority (absent from HOSTILE).
        "missing": 14,
    },
    {
        "name": "personnel-fr-cse-off",
        "model": "personnel",
        "territory": "FR",
        "draft": {"partners": PARTNERS, "values": {"salarie": "Julie Roy"}, "options": {"representants_fr": False}},
        # 15 FR clauses minus representants_fr = 14: parties (1), objet_fr (2), accord_salarie_fr (3),
        # facturation_fr, droits_fr, tva, heures_frais, absences, confidentialite, securite (10), ...
        "contains": ["## Article 3 – Accord de la personne et avenant", "## Article 10 – Santé et sécurité", "Julie Roy"],
        "absent": ["comité social et économique"],
        "articles": 14,
        # The 13 fields the FR clauses and the closing use, minus salarie (given): employeur,
        # qualification, taches, temps, lieu_travail, duree, facturation, preavis, mediateur and
        # juridiction (from the litiges group), lieu_signature, date_signature.
        "missing": 12,
    },
    {
        "name": "personnel-qc-staffing-rules",
        "model": "personnel",
        "territory": "QC",
        "draft": {"partners": PARTNERS, "values": {"duree": "un an"}},
        # The Québec route: the employer keeps authority and sells a service; lending
        # staff is staffing-agency work that needs a CNESST permit.
        "contains": ["permis de la CNESST", "pour une durée d'un an", "## Textes de référence (à jour au ",
                     "un avocat ou un notaire du Québec"],
        "absent": ["consignes de travail au quotidien", "durée de un an", "Personne salariée |"],
        "articles": 13,
        # employeur, taches, salarie, qualification, temps, lieu_travail, montage, referent,
        # facturation, preavis, mediateur, juridiction, lieu_signature, date_signature.
        "missing": 14,
    },
    {
        "name": "personnel-be-worker-signs",
        "model": "personnel",
        "territory": "BE",
        "draft": {"partners": PARTNERS, "values": {"salarie": "Julie Roy"}},
        # Belgium: the worker signs before the start, and has a row in the signature table.
        "contains": ["| Personne salariée | Julie Roy |  |  |", "avant le début du travail", "groupement d'employeurs autorisé",
                     "numéro d'entreprise (BCE)"],
        "absent": ["groupement d'employeurs reconnu"],
        "articles": 15,
        # employeur, taches, qualification, temps, lieu_travail, duree, instructions, referent,
        # demarche_inspection, facturation, preavis, mediateur, juridiction, lieu_signature, date_signature.
        "missing": 15,
    },
]
