"""Rule 6 of the sides (``onrecord.local_state``): an official of state whom nothing else places takes the one state
the paragraph places them in, by where they speak or a short framing line; never a place of talks or a posting."""

from onrecord.local_state import local_state
from onrecord.stance.lexicon import load_lexicon

from written import statement_saying

LEX = load_lexicon()
PARTIES = {"India", "Pakistan", "Qatar", "Eritrea", "Ethiopia", "Thailand", "Cambodia"}


def _state(text, mention, parties=PARTIES, counterparts=frozenset(), dateline=None, spoken=()):
    return local_state(text, text.index(mention), list(spoken), set(parties), set(counterparts), dateline, LEX)


def test_a_sentence_opening_with_the_place_of_the_telling():
    text = "In New Delhi, External Affairs Ministry spokesperson Kiran Rao said the talks were over."
    assert _state(text, "Kiran Rao") == "India"


def test_the_place_of_a_press_conference():
    text = "There will be no meeting, Sok Dara told a press conference in Phnom Penh on Monday."
    assert _state(text, "Sok Dara") == "Cambodia"


def test_a_short_framing_line_before_the_mention():
    text = ("Asmara, meanwhile, changed course. The talks can wait, the presidential adviser Tekle Haile said.")
    assert _state(text, "Tekle Haile") == "Eritrea"


def test_a_posting_is_not_the_place_of_the_telling():
    text = ("The head of the government delegation in Doha described a different reality, the deputy foreign "
            "minister Ama Kodjo said.")
    assert _state(text, "The head") is None


def test_the_words_a_speaker_is_reported_to_say_are_not_read():
    text = "We will never talk while Thai guns keep firing in Bangkok's name, the spokesman Sok Dara said."
    quote = (0, text.index(", the spokesman"))
    assert _state(text, "Sok Dara", spoken=[quote]) is None
    assert _state(text, "Sok Dara") is None  # (no locative: "in Bangkok's name" follows no word of telling)


def test_two_places_or_a_place_no_party_give_nothing():
    text = "In New Delhi, Foreign Ministry spokesman Ali Noor told reporters in Islamabad the talks were over."
    assert _state(text, "Ali Noor") is None
    assert _state("In Oslo, Foreign Minister Ali Noor said the talks were over.", "Ali Noor") is None


def test_the_dateline_state_only_as_a_counterpart():
    text = "In Doha, Foreign Ministry spokesman Ali Noor said the talks would resume."
    assert _state(text, "Ali Noor", dateline="Qatar") is None
    assert _state(text, "Ali Noor", dateline="Qatar", counterparts={"Qatar"}) == "Qatar"


ARTICLE = ("BANGKOK, May 4 -\n\n"
           "Thailand's defence minister, Somchai Prasert, said Bangkok would not hold talks with Cambodia "
           "until Cambodian troops pulled back from the temple.\n\n"
           "“Our soldiers are on our own soil and they will stay there,” Defence Ministry spokesman Lieutenant "
           "General Sok Dara told a press conference in Phnom Penh on Tuesday.\n")


def test_through_the_pipeline_the_spokesman_takes_the_state_he_speaks_in():
    spokesman = statement_saying(ARTICLE, "stay there")
    assert spokesman.speaker.affiliation == "Cambodia"


def test_a_short_report_of_another_speaker_is_no_framing_line():
    text = ("The Cyprus Statistical Service said on Monday that arrivals rose. The Water Department warned that "
            "reservoirs were low.")
    said = (text.index("arrivals"), text.index(" rose") + 5)
    assert _state(text, "The Water", parties={"Cyprus"}, spoken=[said]) is None
    assert _state("Cyprus, meanwhile, changed course. The Water Department warned that reservoirs were low.",
                  "The Water", parties={"Cyprus"}) == "Cyprus"


def test_a_visit_a_return_or_a_language_places_no_one():
    assert _state("Foreign Minister Sok Dara, on a two-day visit to Bangkok, told reporters in Bangkok that the "
                  "shelling had to stop.", "Sok Dara") is None
    assert _state("Defence Ministry spokeswoman Maly Som told a press conference after her return from Bangkok "
                  "that the army would hold.", "Maly Som") is None
    assert _state("Foreign Ministry spokesman Oleh Kravets, speaking in Russian to reporters, said it was a trick.",
                  "Oleh Kravets", parties={"Russia", "Ukraine"}) is None
    assert _state("Spokesman Zau Lum said by phone from Phnom Penh that the truce held.", "Zau Lum") == "Cambodia"


def test_odd_input_gives_nothing_and_no_error():
    one_line = "In New Delhi, spokesperson Kiran Rao said the talks were over."
    for offset in (0, len(one_line) - 1, len(one_line)):  # a mention at either edge, a text without newlines
        assert local_state(one_line, offset, [], set(PARTIES), set(), None, LEX) == "India"
    assert local_state("", 0, [], set(PARTIES), set(), None, LEX) is None
    text = "\n\nSpokesman Ali Noor said it.\n\n"
    assert local_state(text, 2, [(0, len(text) + 50)], set(PARTIES), set(), None, LEX) is None  # spans past the end
