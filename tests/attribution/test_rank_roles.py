"""A rank or honorific alone before a name is no role: the apposition after the name is ("Colonel X, a spokesman
for the Royal Thai Army, wrote ..."), cut before a relative clause; the side is read from it as from any role."""

from onrecord.attribution.speakers import _office

from written import statement_saying


def test_the_office_of_a_rank_and_an_apposition():
    assert _office("Colonel", "a spokesman for the Royal Thai Army") == "spokesman for the Royal Thai Army"
    assert _office("Lt. Col.", "the spokesperson of the 8th Division, who said three soldiers died") == \
        "spokesperson of the 8th Division"
    assert _office("Defence Minister", "who leads the delegation") is None  # an office before the name stays
    assert _office("Colonel", None) is None and _office(None, "a spokesman") is None


ARTICLE = ("BANGKOK, May 4 -\n\n"
           "The talks at the border committee broke down on Monday.\n\n"
           "Colonel Niran Chaiyo, a spokesman for the Royal Thai Army, wrote on X that there would be no further "
           "meeting until the troops withdrew from the temple grounds.\n")


def test_through_the_pipeline_the_apposition_is_the_role_and_gives_the_side():
    statement = statement_saying(ARTICLE, "no further meeting")
    assert statement.speaker.name == "Niran Chaiyo"
    assert statement.speaker.role == "spokesman for the Royal Thai Army"
    assert statement.speaker.affiliation == "Thailand"


def test_an_apposition_that_names_no_office_is_no_role():
    for tail in ("52", "now retired", "speaking by phone from Surin", "in Bangkok for the border committee",
                 "a former prisoner of Thai troops"):
        assert _office("Colonel", tail) is None, tail
    assert _office("Mr", "a spokesman for the rebels") is None  # an honorific is no rank
