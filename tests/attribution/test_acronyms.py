"""Acronyms an article spells out (``onrecord.attribution.acronyms``)."""

from onrecord.attribution.acronyms import acronym_table, expand_body


def test_pairs_either_way_round_and_the_shortest_fitting_name():
    text = ("The Kurdish-led Northern Defence Forces (NDF) met the KPA (Korean People's Army) envoys. "
            "The Comité de Suivi (CSM) was absent.")
    table = acronym_table(text)
    assert table["NDF"] == "Northern Defence Forces"
    assert table["KPA"] == "Korean People's Army"
    assert table["CSM"] == "Comité de Suivi"


def test_a_bracket_that_is_not_an_acronym_is_not_learnt():
    assert acronym_table("The minister (pictured) said the talks (in Oslo) were over.") == {}


def test_expansion_in_place_and_canonical_brackets_kept():
    table = {"AU": "African Union", "KPA": "Korean People's Army"}
    assert expand_body("AU Commission", table) == "African Union Commission"
    assert expand_body("The KPA (Korean People's Army) General Staff", table) == "Korean People's Army General Staff"
    assert expand_body("Malian Armed Forces (FAMa", {}) == "Malian Armed Forces"
    assert expand_body("Mali (unnamed official)", table, brackets=False) == "Mali (unnamed official)"
