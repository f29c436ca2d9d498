"""Rule 7 of the sides (``onrecord.article_group``): a rebel's role that names no group takes the one armed group
the article's placed speakers stand for; never a mediator, an aid agency or a state, never one of two groups."""

from onrecord.article_group import group_role, one_group
from onrecord.stance.lexicon import load_lexicon

from written import statement_saying

LEX = load_lexicon()


def test_roles_of_a_group_that_name_none():
    for role in ("rebel negotiator", "member of the rebel delegation", "the group’s spokesman",
                 "head of the movement's prisoners committee", "guerrilla commander"):
        assert group_role(role), role
    for role in ("government negotiator", "envoy to the rebels", "the phosphate group", "Foreign Minister",
                 "mediator between the government and the rebels", "former rebel commander", None, ""):
        assert not group_role(role), role


def test_the_one_group_among_the_sides():
    assert one_group({"Ukraine", "M23"}, {}, LEX) == "M23"
    assert one_group({"Ukraine", "M23", "ADF"}, {}, LEX) is None  # two groups
    assert one_group({"Ukraine", "African Union", "SADC"}, {}, LEX) is None  # international bodies
    assert one_group({"Sorvenia", "M23"}, {"Sorvenia": "Sorvenia", "Sorvenian": "Sorvenia"}, LEX) == "M23"
    assert one_group(set(), {}, LEX) is None


ARTICLE = ("GOMA, May 4 -\n\n"
           "The M23 spokesman Lawrence Bisimwa said the movement would not return to Doha until the army halted its "
           "drone strikes.\n\n"
           "Eric Kabila, a member of the rebel delegation, struck a different tone. “We never refused to talk, and "
           "we are ready to sit down with Kinshasa tomorrow,” he told reporters.\n")


def test_through_the_pipeline_a_rebel_delegate_takes_the_group():
    delegate = statement_saying(ARTICLE, "never refused")
    assert delegate.speaker.affiliation == "M23"


def test_roles_near_a_group_that_are_not_in_it():
    for role in ("commander of a pro-government militia in El Fasher", "researcher on jihadist groups",
                 "survivor of a rebel attack", "analyst who follows the rebel movement"):
        assert not group_role(role), role
    assert one_group({"Myanmar", "ASEAN", "KIA"}, {}, LEX) == "KIA"
    assert one_group({"Sudan", "UNHCR", "Human Rights Watch"}, {}, LEX) is None
