"""Rule-based coreference: entity collection, roles, gender, pronoun and description resolution."""

from __future__ import annotations

import datetime as dt

import pytest

from onrecord.actors import default_registry
from onrecord.attribution.coref import ArticleEntities
from onrecord.nlp import parse_blocks
from onrecord.records import Zone


def _entities(nlp, text, published=dt.date(2024, 9, 1)):
    blocks = parse_blocks(text, [Zone("body", 0, len(text))], nlp)
    return ArticleEntities(text, blocks, default_registry(), published)


def _person(ents, name):
    found = [e for e in ents.entities if e.kind == "person" and e.name == name]
    assert found, [e.name for e in ents.entities]
    return found[0]


@pytest.mark.parametrize("text, name, role", [
    ("Kremlin aide Yuri Ushakov said talks were off.", "Yuri Ushakov", "Kremlin aide"),
    ("Sergei Shoigu, the Security Council secretary, spoke.", "Sergei Shoigu", "Security Council secretary"),
    ("Economist Andrei Belousov, Russia's first deputy prime minister, spoke.", "Andrei Belousov",
     "Russia's first deputy prime minister"),
    ("On Sunday, Ukrainian President Volodymyr Zelensky spoke.", "Volodymyr Zelensky", "Ukrainian President"),
])
def test_coref_roles_from_titles_and_appositions(nlp, text, name, role):
    ents = _entities(nlp, text)
    assert _person(ents, name).role_near(len(text)) == role


@pytest.mark.parametrize("text, name, mentions", [
    ("Ushakov spoke first. Then Yuri Ushakov spoke again. Ushakov left.", "Yuri Ushakov", 3),
    ("Zelenskyy spoke. Volodymyr Zelensky spoke again.", "Volodymyr Zelensky", 2),
])
def test_coref_merges_surnames_and_spellings(nlp, text, name, mentions):
    ents = _entities(nlp, text)
    people = [e for e in ents.entities if e.kind == "person"]
    assert len(people) == 1
    assert people[0].name == name and len(people[0].mentions) == mentions


@pytest.mark.parametrize("text, name, gender", [
    ("Ms. Jane Okafor spoke to reporters.", "Jane Okafor", "f"),
    ("Ursula von der Leyen spoke to reporters.", "Ursula von der Leyen", "f"),
    ("Taras Hrytsenko spoke to reporters, and he was angry.", "Taras Hrytsenko", "m"),
])
def test_coref_gender_guess(nlp, text, name, gender):
    ents = _entities(nlp, text)
    assert _person(ents, name).gender == gender


@pytest.mark.parametrize("text, pronoun, expected", [
    ("Maria Zakharova spoke after Sergei Lavrov. She said the talks failed.", "She", "Maria Zakharova"),
    ("Maria Zakharova spoke after Sergei Lavrov. He said the talks failed.", "He", "Sergei Lavrov"),
    ("Dmitry Peskov spoke on Monday. The comments followed Joe Biden's speech. He said more.", "He",
     "Dmitry Peskov"),
    ("Dmitry Peskov spoke on Monday. Joe Biden answered on Tuesday. He said more.", "He", "Joe Biden"),
    ("Hamas said the deal was close. It said talks would resume.", "It", "Hamas"),
])
def test_coref_resolve_pronoun(nlp, text, pronoun, expected):
    ents = _entities(nlp, text)
    offset = text.rindex(pronoun)
    entity = ents.resolve_pronoun(pronoun, offset)
    assert entity is not None and entity.name == expected


def test_coref_pronoun_too_far_back_is_none(nlp):
    filler = " ".join(f"The village number {i} was quiet." for i in range(8))
    text = f"Dmitry Peskov spoke on Monday. {filler} He said more."
    ents = _entities(nlp, text)
    assert ents.resolve_pronoun("He", text.rindex("He")) is None


@pytest.mark.parametrize("text, description, expected", [
    ("Kremlin aide Yuri Ushakov spoke. Sergei Lavrov also spoke. The aide said no.", "aide", "Yuri Ushakov"),
    ("Russian Foreign Minister Sergei Lavrov spoke. The minister said no.", "minister", "Sergei Lavrov"),
    ("Nothing happened on Monday. The Kremlin leader said no.", "Kremlin leader", "Vladimir Putin"),
])
def test_coref_resolve_description(nlp, text, description, expected):
    ents = _entities(nlp, text, dt.date(2024, 9, 1))
    entity = ents.resolve_description(description, text.rindex("The"))
    assert entity is not None and entity.name == expected


def test_coref_dominant_country(nlp):
    ents = _entities(nlp, "Russia said Moscow would respond. Russian troops moved. Ukraine objected.")
    assert ents.dominant_country() == "Russia"


def test_a_portfolio_the_tagger_took_into_a_name_and_a_double_surname_alone() -> None:
    import onrecord

    text = ("BAMENDA — The government will send a delegation to talks in Oslo on Monday, Minister of Territorial "
            "Administration Joseph Ebogo Mvondo announced on Friday.\n\nJust ten days ago, Ebogo Mvondo told "
            "lawmakers that the government would never sit across from the rebels in a foreign capital.\n")
    speakers = [(s.speaker.name, s.speaker.role) for s in onrecord.analyze(text).statements]
    assert speakers == [("Joseph Ebogo Mvondo", "Minister of Territorial Administration")] * 2


def test_a_surname_the_tagger_left_untagged_is_a_mention_of_the_full_name(nlp) -> None:
    # the small model tags a surname with diacritics at one place and not at another: the rule is tested on a parse
    # whose second mention has its tag removed, so that it does not depend on the tagger's whims
    text = ("Andreas Vassiliou and Mehmet Ali Karaoğlu met on Tuesday.\n\n"
            "Karaoğlu, who heads the northern administration, sounded doubtful.\n")
    blocks = parse_blocks(text, [Zone("body", 0, len(text))], nlp)
    doc = blocks[-1].doc
    doc.ents = [e for e in doc.ents if e.text != "Karaoğlu"]
    ents = ArticleEntities(text, blocks, default_registry(), dt.date(2024, 9, 1))
    person = _person(ents, "Mehmet Ali Karaoğlu")
    second = [m for m in person.mentions if m.text == "Karaoğlu"]
    assert len(second) == 1 and second[0].subject


@pytest.mark.parametrize("text, description, name", [  # (a rank in the name: the brigadier test below)
    # a description in apposition before a title and name: both are the role
    ("Later that day, the front’s top military commander, General Aung Kyaw Naing, struck a harder tone.\n\n"
     "He left.\n", "the commander", "Aung Kyaw Naing"),
])
def test_descriptions_find_people_by_title_and_apposition(nlp, text, description, name) -> None:
    ents = _entities(nlp, text)
    found = ents.resolve_description(description, len(text))
    assert found is not None and found.name == name


def test_an_untagged_name_with_a_possessive_role_after_it_is_a_person(nlp) -> None:
    text = "“Nobody in Asmara will sign this,” Ghirmay Andemariam, Eritrea’s envoy to the AU, wrote on X.\n"
    blocks = parse_blocks(text, [Zone("body", 0, len(text))], nlp)
    blocks[0].doc.ents = [e for e in blocks[0].doc.ents if "Andemariam" not in e.text]  # as the tagger at times
    ents = ArticleEntities(text, blocks, default_registry(), dt.date(2024, 9, 1))
    assert _person(ents, "Ghirmay Andemariam").role_near(len(text)) == "Eritrea’s envoy to the AU"


def test_a_rank_taken_into_the_name_finds_the_speaker_of_the_description() -> None:
    import onrecord

    text = ("The army's southern commander, Brigadier Walid Mansour, said the shelling had stopped.\n\n"
            "The brigadier said his troops would hold their positions.\n")
    assert [s.speaker.name for s in onrecord.analyze(text).statements] == ["Walid Mansour"] * 2


def test_a_pronoun_after_a_passive_agent_is_the_agent() -> None:
    import onrecord

    text = ("Ukraine’s envoy Petro Kovalchuk said on Monday that Kyiv wanted a truce. Russia’s delegation is led by "
            "Deputy Foreign Minister Oleg Sorokin. He told reporters that Moscow would sign only if sanctions were "
            "eased.\n")
    speakers = [s.speaker.name for s in onrecord.analyze(text).statements]
    assert speakers == ["Petro Kovalchuk", "Oleg Sorokin"]


def _relabelled(nlp, text, paragraph, name, label):
    """Entities with one name's label set by hand in one paragraph: the rules are tested apart from the tagger's
    whims (it tags such names differently from one sentence to the next)."""
    blocks = parse_blocks(text, [Zone("body", 0, len(text))], nlp)
    doc = blocks[paragraph].doc
    at = doc.text.find(name)
    span = doc.char_span(at, at + len(name), label=label)
    doc.ents = [e for e in doc.ents if not (e.start < span.end and span.start < e.end)] + [span]
    return ArticleEntities(text, blocks, default_registry(), dt.date(2024, 9, 1))


def test_a_hyphenated_name_tagged_as_a_body_is_a_person_by_its_apposition(nlp) -> None:
    text = "On Tuesday the council’s coordinator, Marie-Claude Fontenot, said talks would resume.\n"
    ents = _relabelled(nlp, text, 0, "Marie-Claude Fontenot", "ORG")
    assert _person(ents, "Marie-Claude Fontenot").role_near(len(text)) == "council’s coordinator"


def test_a_surname_with_its_article_tagged_as_a_body_is_the_person(nlp) -> None:
    text = ("Prime Minister Khalid al-Sharif said on Monday that his side would sign.\n\n"
            "A week earlier, al-Sharif told a rally that there would be no table.\n")
    ents = _relabelled(nlp, text, 1, "al-Sharif", "ORG")
    assert [m.text for m in _person(ents, "Khalid al-Sharif").mentions] == ["Khalid al-Sharif", "al-Sharif"]


def test_a_clergy_title_and_a_tagged_surname_give_the_full_name_as_speaker() -> None:
    import onrecord

    text = ("The mediation is led by Monsignor Pierre-Louis Aristide, the bishop of Hinche. The bishop said on "
            "Monday that the churches would host the talks.\n")
    assert [s.speaker.name for s in onrecord.analyze(text).statements] == ["Pierre-Louis Aristide"]


@pytest.mark.parametrize("text, expected", [
    # a person who undergoes the passive stays the one "he" refers to; the agent is no subject then
    ("Defence Minister Amir Talmon was dismissed by Prime Minister Oren Bellak on Monday. He said he would not "
     "resign and that the talks must go on.\n", "Amir Talmon"),
    ("Amir Talmon, the defence minister, was received by President Oren Bellak in the capital. He said the "
     "ceasefire talks would resume.\n", "Amir Talmon"),
    # a common word that is an official's surname is no mention of them ("Hope remains ...", a title-case run)
    ("Ethiopian negotiator Tadesse Bekele arrived in Nairobi on Monday to meet the Kenyan mediator, Samuel Hope. Hope "
     "remains that a truce can hold before the rains. He said Addis Ababa would not sign any deal.\n",
     "Tadesse Bekele"),
    ("Ukrainian negotiator Rustem Umarov flew to Riyadh on Monday to meet the U.S. envoy, Steven Price. The Price Of "
     "Peace, a documentary on the war, opened in Kyiv. He said Kyiv would not sign any deal.\n", "Rustem Umarov"),
    # a surname that is no English word opens a sentence as a mention
    ("Kabul envoy Ahmad Sadiq met Northern Front negotiator Wahid Ahmadzai on Monday. Ahmadzai rejected the plan. He "
     "said the front would not sign any deal.\n", "Wahid Ahmadzai"),
])
def test_pronouns_after_passives_and_common_word_surnames(text, expected) -> None:
    import onrecord

    assert [s.speaker.name for s in onrecord.analyze(text).statements][-1] == expected


def test_a_place_before_a_possessive_role_is_no_person() -> None:
    import onrecord

    text = ("At the United Nations in New York, Russia's ambassador said Moscow was open to talks on a ceasefire. "
            "He said the West must stop arming Kyiv first.\n")
    names = [s.speaker.name for s in onrecord.analyze(text).statements]
    assert "New York" not in names and "United Nations" not in names
