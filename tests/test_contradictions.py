"""Contradictions between filled statements: kinds, sides, same negotiation, and the one-line why."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from onrecord.contradictions import find_contradictions, stances_conflict
from onrecord.records import Span, Speaker, Statement

MONDAY, FRIDAY = dt.date(2024, 9, 2), dt.date(2024, 9, 6)


def st(sid, stance, name, affiliation=None, *, actor_id=None, counterpart=None, conditions=(), said_on=None,
       role=None, text="talks", via=None, about=True):
    return Statement(
        sid, "direct", text, 0, len(text),
        speaker=Speaker(name=name, actor_id=actor_id, affiliation=affiliation, role=role),
        about_negotiations=about, stance=stance if about else None, counterpart=counterpart,
        conditions=tuple(Span(0, len(c), c) for c in conditions), said_on=said_on, via=via,
    )


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        # one side, two officials: reject vs open
        (st("s1", "reject", "Ann Adams", "Freedonia"), st("s2", "open", "Bob Brown", "Freedonia"), "contradiction"),
        # one actor, same day (or no dates): contradiction; different days: shift
        (st("s1", "reject", "Ann Adams", "Freedonia"), st("s2", "open", "Ann Adams", "Freedonia"), "contradiction"),
        (st("s1", "reject", "Ann Adams", said_on=MONDAY), st("s2", "open", "Ann Adams", said_on=FRIDAY), "shift"),
        (st("s1", "open", "A", actor_id="q1", said_on=MONDAY), st("s2", "reject", "B", actor_id="q1", said_on=FRIDAY),
         "shift"),
        # side from the role when no affiliation is known
        (st("s1", "reject", "Ann Adams", role="Russian presidential aide"), st("s2", "open", "Bob Brown", "Russia"),
         "contradiction"),
        # reject vs conditional is two sets of terms, not a contradiction
        (st("s1", "reject", "Ann Adams", "Freedonia"), st("s2", "conditional", "Bob Brown", "Freedonia"), None),
        # different sides saying reject / open is disagreement, not a contradiction
        (st("s1", "reject", "Ann Adams", "Freedonia"), st("s2", "open", "Carl Cole", "Sylvania"), None),
        # different negotiations
        (st("s1", "reject", "Ann Adams", "Freedonia", counterpart="Sylvania"),
         st("s2", "open", "Bob Brown", "Freedonia", counterpart="Hamas"), None),
        # unknown sides: nothing
        (st("s1", "reject", "Ann Adams"), st("s2", "open", "Bob Brown"), None),
        # clash: opposing sides, each refusing on terms aimed at the other
        (st("s1", "reject", "Ann Adams", "Israel", counterpart="Hamas", conditions=["until Hamas is destroyed"],
            text="no truce: the war goes on until Hamas is destroyed"),
         st("s2", "reject", "Hamas", "Hamas", counterpart="Israel", conditions=["without an end to the war"],
            text="no deal without an end to the war"), "clash"),
        # opposing terms on unrelated issues are not a clash
        (st("s1", "reject", "Ann Adams", "Freedonia", counterpart="Sylvania", conditions=["while arms flow in"],
            text="no talks while arms flow in"),
         st("s2", "conditional", "Bob Brown", "Sylvania", counterpart="Freedonia",
            conditions=["only if they send a real delegation"], text="we attend only if they send a real delegation"),
         None),
        # one actor from reject to terms on another day: shift
        (st("s1", "reject", "Ann Adams", said_on=MONDAY), st("s2", "conditional", "Ann Adams", said_on=FRIDAY), "shift"),
        (st("s1", "reject", "Ann Adams"), st("s2", "conditional", "Ann Adams"), None),
        # no terms on one side: no clash
        (st("s1", "reject", "Ann Adams", "Israel", counterpart="Hamas", conditions=["until Hamas is destroyed"]),
         st("s2", "reject", "Hamas", "Hamas", counterpart="Israel"), None),
        # not about negotiations
        (st("s1", "reject", "Ann Adams", "Freedonia"), st("s2", None, "Bob Brown", "Freedonia", about=False), None),
        # a refusal with no terms that names no talks refuses an item, which open words do not contradict
        (st("s1", "reject", "Ann Adams", "Freedonia", text="Not one boat will leave those rivers"),
         st("s2", "open", "Bob Brown", "Freedonia", text="Our chair at the table will not be empty"), None),
        (st("s1", "reject", "Ann Adams", "Freedonia", text="Negotiations are pointless now"),  # a capital, too
         st("s2", "open", "Bob Brown", "Freedonia", text="Our chair at the table will not be empty"), "contradiction"),
        (st("s1", "reject", "Ann Adams", "Freedonia", text="There will be no dialogue with terrorists"),
         st("s2", "open", "Bob Brown", "Freedonia", text="Our chair at the table will not be empty"), "contradiction"),
        # a refusal in commodity talks is another negotiation than open words about the conflict's talks
        (st("s1", "reject", "Ann Adams", "Freedonia", text="Freedonia would not reopen price talks with its gas "
            "customers"),
         st("s2", "open", "Bob Brown", "Freedonia", text="Our chair at the table will not be empty"), None),
        (st("s1", "reject", "Ann Adams", "Freedonia", text="Freedonia would not sign a wine-export arrangement"),
         st("s2", "open", "Bob Brown", "Freedonia", text="Our chair at the table will not be empty"), None),
        # a demand and its refusal in other words: the patrols pulled back / the withdrawal of the police
        (st("s1", "reject", "Ann Adams", "Dravia", counterpart="Sorvenia", conditions=["until Sorvenian patrols are "
            "pulled back"], text="Dravia will not initial the protocol until Sorvenian patrols are pulled back"),
         st("s2", "reject", "Bob Brown", "Sorvenia", counterpart="Dravia",
            text="The withdrawal of our police from the islands is not on the table"), "clash"),
    ],
)
def test_contradictions_kind(a, b, kind):
    assert stances_conflict(a, b) == kind
    assert stances_conflict(b, a) == kind


def test_contradictions_why_names_speakers_stances_and_terms():
    a = st("s1", "reject", "Sergei Ivanov", "Russia", counterpart="Ukraine", conditions=["until they leave"])
    b = st("s2", "open", "Pavel Petrov", "Russia", text="never refused")
    (found,) = find_contradictions([a, b])
    assert (found.a, found.b, found.kind) == ("s1", "s2", "contradiction")
    assert found.why == 'Ivanov rules out talks with Ukraine until they leave; Petrov signals openness to talks ("never refused")'
    assert "\n" not in found.why


def test_contradictions_skip_relays_and_keep_text_order():
    a = st("s1", "reject", "Ann Adams", "Freedonia")
    relay = st("s2", "open", "Bob Brown", "Freedonia", via="s1")
    later = Statement("s3", "direct", "xx", 50, 52, speaker=Speaker(name="Cid Cole", affiliation="Freedonia"),
                      about_negotiations=True, stance="open")
    found = find_contradictions([later, relay, a])
    assert [(c.a, c.b) for c in found] == [("s1", "s3")]


def placed(sid, stance, name, start, text, *, affiliation="Freedonia", role=None, conditions=(), zone="body",
           said_on=None):
    """A statement at ``start`` of an imagined article, its conditions inside its text."""
    spans = tuple(Span(start + text.index(c), start + text.index(c) + len(c), c) for c in conditions)
    return Statement(sid, "direct", text, start, start + len(text),
                     speaker=Speaker(name=name, affiliation=affiliation, role=role), zone=zone,
                     about_negotiations=True, stance=stance, conditions=spans, said_on=said_on)


@pytest.mark.parametrize(
    ("statements", "pairs"),
    [
        # one speaker qualifying an offer in one breath: no pair
        ([placed("s1", "open", "Ann Adams", 0, "we are always open to contacts"),
          placed("s2", "reject", "Ann Adams", 40, "a summit for the sake of a summit makes no sense")], set()),
        # the same two far apart, with another speaker between: a contradiction
        ([placed("s1", "open", "Ann Adams", 0, "we are always open to contacts"),
          placed("s2", "neutral", "Cy Cole", 400, "the venue is not decided"),
          placed("s3", "reject", "Ann Adams", 900, "there will be no talks while the shelling goes on",
                 conditions=["while the shelling goes on"])], {("s1", "s3")}),
        # a refusal of particular terms does not contradict openness to talks
        ([placed("s1", "open", "Ann Adams", 0, "we never refused dialogue"),
          placed("s2", "reject", "Bob Brown", 600, "there will be no accord that hands over the port",
                 conditions=["that hands over the port"])], set()),
        ([placed("s1", "open", "Ann Adams", 0, "we never refused dialogue"),
          placed("s2", "reject", "Bob Brown", 600, "the port is not on the table")], set()),
        # a headline restates the body: not paired
        ([placed("s1", "open", "Ann Adams", 0, "Door Remains Open", zone="headline"),
          placed("s2", "reject", "Bob Brown", 600, "there will be no talks")], set()),
        # one side by a shared institution when no state is known
        ([placed("s1", "reject", "Ann Adams", 0, "there will be no talks", affiliation=None, role="Army chief"),
          placed("s2", "open", "Bob Brown", 600, "the army never closed the door", affiliation=None,
                 role="the army's spokesman")], {("s1", "s2")}),
        # one actor, another day, from terms to refusal: a shift
        ([placed("s1", "reject", "Ann Adams", 0, "I see no point in talking to him", said_on=MONDAY),
          placed("s2", "conditional", "Ann Adams", 600, "I will meet him if the guns fall silent",
                 conditions=["if the guns fall silent"], said_on=FRIDAY)], {("s1", "s2")}),
    ],
)
def test_contradictions_occasions_terms_and_sides(statements, pairs):
    assert {(c.a, c.b) for c in find_contradictions(statements)} == pairs


def in_article(*parts):
    """An article text from plain strings and statements (built with ``placed`` at offset 0): returns the
    text and the statements moved to their offsets in it."""
    import dataclasses

    text, out = "", []
    for part in parts:
        if isinstance(part, str):
            text += part
            continue
        shift = len(text)
        out.append(dataclasses.replace(
            part, start=part.start + shift, end=part.end + shift,
            conditions=tuple(Span(c.start + shift, c.end + shift, c.text) for c in part.conditions)))
        text += part.text
    return text, out


def test_a_time_change_the_article_marks_makes_a_shift():
    text, statements = in_article(
        "In the morning the spokesman said ", placed("s1", "reject", "Ann Adams", 0, "there would be no talks"),
        ".\n\nBy the evening he struck another tone and said ",
        placed("s2", "open", "Ann Adams", 0, "Freedonia was ready to talk at any moment"), ".")
    assert [(c.a, c.b, c.kind) for c in find_contradictions(statements, text)] == [("s1", "s2", "shift")]
    # without the marker the two adjacent statements are one qualified remark
    text, statements = in_article(
        "The spokesman said ", placed("s1", "reject", "Ann Adams", 0, "there would be no talks"),
        ".\n\nHe said ", placed("s2", "open", "Ann Adams", 0, "Freedonia was ready to talk at any moment"), ".")
    assert find_contradictions(statements, text) == []
    # a time phrase in another paragraph, far from the later statement, marks nothing
    text, statements = in_article(
        "By the evening it rained. The spokesman said ", placed("s1", "reject", "Ann Adams", 0, "there would be no talks"),
        ".\n\nHe said ", placed("s2", "open", "Ann Adams", 0, "Freedonia was ready to talk at any moment"), ".")
    assert find_contradictions(statements, text) == []


@pytest.mark.parametrize(
    ("going", "rival", "pairs"),
    [
        # one side says the talks go ahead, another of its officials refuses talks
        ("the delegations will meet again in Vienna next week", ("Freedonia", "there will be no negotiations"),
         {("s1", "s2")}),
        ("the next round has been agreed for Monday", ("Freedonia", "there will be no negotiations"), {("s1", "s2")}),
        # a refusal by the other side is disagreement, not a contradiction
        ("the delegations will meet again in Vienna next week", ("Sylvania", "there will be no negotiations"), set()),
        # a plan with a condition, or a negated one, is not the talks going ahead
        ("the delegations will meet again only if the lists are agreed", ("Freedonia", "there will be no negotiations"),
         set()),
        ("the delegations will not meet again", ("Freedonia", "there will be no negotiations"), set()),
    ],
)
def test_a_refusal_contradicts_talks_going_ahead(going, rival, pairs):
    side, refusal = rival
    statements = [placed("s1", "neutral", "Ann Adams", 0, going),
                  placed("s2", "reject", "Bob Brown", 600, refusal, affiliation=side)]
    assert {(c.a, c.b) for c in find_contradictions(statements)} == pairs


def test_two_demands_to_stop_attacks_are_not_a_clash():
    a = st("s1", "reject", "Ann Adams", "Freedonia", counterpart="Sylvania",
           conditions=["while Sylvania kept attacking our power plants"],
           text="no new truce while Sylvania kept attacking our power plants")
    b = st("s2", "conditional", "Bob Brown", "Sylvania", counterpart="Freedonia",
           conditions=["if Freedonia stopped shelling the dam"],
           text="Sylvania would restore the truce if Freedonia stopped shelling the dam")
    assert stances_conflict(a, b) is None


def blamer(sid, name, side, start, text, about=False):
    s = placed(sid, "neutral", name, start, text, affiliation=side)
    import dataclasses

    return dataclasses.replace(s, about_negotiations=about, stance="neutral" if about else None)


@pytest.mark.parametrize(
    ("a", "b", "pairs"),
    [
        # each side blames the other for holding up one agreement
        (blamer("s1", "Olena Koval", "Ukraine", 0, "the exchange was delayed for weeks because Moscow kept changing "
                                                   "the lists"),
         blamer("s2", "Irina Sokolova", "Russia", 300, "Kyiv alone was to blame for the delay"), {("s1", "s2")}),
        # one blames, the other denies for its own side
        (blamer("s1", "Ivan Petrov", "Russia", 0, "Ukraine violated the truce fourteen times"),
         blamer("s2", "Taras Bondar", "Ukraine", 300, "Ukraine has never violated the truce"), {("s1", "s2")}),
        (blamer("s1", "Ivan Petrov", "Russia", 0, "Ukraine violated the truce fourteen times"),
         blamer("s2", "Taras Bondar", "Ukraine", 300, "we did not breach the truce once"), {("s1", "s2")}),
        # accusations of separate attacks are not a dispute over an agreement
        (blamer("s1", "Ivan Petrov", "Russia", 0, "Ukrainian drones struck a refinery in Ryazan"),
         blamer("s2", "Taras Bondar", "Ukraine", 300, "Russian missiles hit a school in Kharkiv"), set()),
        # both blame the same side: no dispute
        (blamer("s1", "Ivan Petrov", "Russia", 0, "Ukraine violated the truce fourteen times"),
         blamer("s2", "Taras Bondar", "Ukraine", 300, "Russia says Ukraine violated the truce, which we reject"), set()),
        # one side only
        (blamer("s1", "Ivan Petrov", "Russia", 0, "Ukraine violated the truce fourteen times"),
         blamer("s2", "Oleg Orlov", "Russia", 300, "Kyiv has wrecked the moratorium"), set()),
    ],
)
def test_opposing_sides_blaming_each_other_over_an_agreement(a, b, pairs):
    found = find_contradictions([a, b])
    assert {(c.a, c.b) for c in found} == pairs
    assert all(c.kind == "clash" and "blames" in c.why for c in found)


def test_a_dated_statement_against_the_undated_news_in_another_paragraph_is_a_shift():
    import dataclasses

    text, statements = in_article(
        "The prime minister said ", placed("s1", "open", "Ann Adams", 0, "Freedonia was ready to sign tomorrow"),
        ".\n\nIt was a turn. Only last Wednesday, she told parliament ",
        placed("s2", "reject", "Ann Adams", 0, "the treaty could not be signed for years"), ".")
    statements[1] = dataclasses.replace(statements[1], said_on=MONDAY, date_text="last Wednesday")
    assert [(c.a, c.b, c.kind) for c in find_contradictions(statements, text)] == [("s1", "s2", "shift")]
    # in one paragraph, right after each other, it is one qualified remark
    text, statements = in_article(
        "On Monday she said ", placed("s1", "reject", "Ann Adams", 0, "there would be no talks"),
        ". She added ", placed("s2", "open", "Ann Adams", 0, "Freedonia was always open to contacts"), ".")
    statements[0] = dataclasses.replace(statements[0], said_on=MONDAY, date_text="On Monday")
    assert find_contradictions(statements, text) == []


@pytest.mark.parametrize(
    ("demand", "refusal", "kind"),
    [
        # one side's terms, the other's refusal of exactly those terms
        (("conditional", "any agreement must begin with the withdrawal of the brigade from the port",
          ["begin with the withdrawal of the brigade from the port"]),
         ("reject", "withdrawal is not on the agenda", []), "clash"),
        (("reject", "no signature as long as their charter names our province",
          ["as long as their charter names our province"]),
         ("reject", "we will accept no treaty that rewrites our charter", ["that rewrites our charter"]), "clash"),
        (("conditional", "talks only once the militia is disarmed", ["once the militia is disarmed"]),
         ("reject", "disarmament is out of the question", []), "clash"),
        # a refusal of other terms is not a clash
        (("conditional", "any agreement must begin with the withdrawal of the brigade from the port",
          ["begin with the withdrawal of the brigade from the port"]),
         ("reject", "the fishing quotas are not on the agenda", []), None),
    ],
)
def test_terms_against_their_refusal_by_the_other_side(demand, refusal, kind):
    sa, ta, ca = demand
    sb, tb, cb = refusal
    a = st("s1", sa, "Ann Adams", "Freedonia", conditions=ca, text=ta)
    b = st("s2", sb, "Carl Cole", "Sylvania", conditions=cb, text=tb)
    assert stances_conflict(a, b) == kind
    assert stances_conflict(b, a) == kind


def test_a_dispute_between_a_state_and_a_group_named_by_its_side():
    a = blamer("s1", "Ivan Petrov", "Freedonia", 0, "the Red Brigade breached the truce at the dam twice")
    b = blamer("s2", "Juan Soto", "Red Brigade", 300, "Freedonia's gunners had broken the truce first")
    assert {(c.a, c.b) for c in find_contradictions([a, b])} == {("s1", "s2")}


def test_preconditions_for_talks():
    from onrecord import analyze
    from onrecord.options import Options

    stances = {s.text: s.stance for s in analyze(
        "“Freedonia has no preconditions,” the minister said. The envoy said Sylvania had two preconditions for "
        "any talks. The coach said the club had no conditions for the transfer.", id="t",
        options=Options(stance_model=False)).statements}  # the rules alone
    assert stances == {"Freedonia has no preconditions": "open",
                       "Sylvania had two preconditions for any talks": "conditional",
                       "the club had no conditions for the transfer": None}


def test_cancelled_talks_do_not_go_ahead_and_a_shift_why_never_prints_none():
    statements = [placed("s1", "neutral", "Ann Adams", 0, "the talks, which were scheduled for May, were cancelled"),
                  placed("s2", "reject", "Bob Brown", 600, "there will be no negotiations")]
    assert find_contradictions(statements) == []
    text, statements = in_article(
        "In the morning the spokesman said ", placed("s1", "reject", "Ann Adams", 0, "there would be no talks"),
        ".\n\nBy the evening he said ", placed("s2", "open", "Ann Adams", 0, "Freedonia was ready to talk"), ".")
    (found,) = find_contradictions(statements, text)
    assert "None" not in found.why


def test_an_undated_lead_and_the_day_of_the_same_briefing_are_one_occasion():
    import dataclasses

    text, statements = in_article(
        "The spokesman said ", placed("s1", "reject", "Ann Adams", 0, "Freedonia would not negotiate until the offensive ended"),
        ".\n\nHe told reporters on Monday that ", placed("s2", "open", "Ann Adams", 0, "Freedonia was ready to negotiate"), ".")
    statements[1] = dataclasses.replace(statements[1], said_on=MONDAY, date_text="on Monday")
    # not a shift (no flashback date): one briefing, one qualified position
    assert [c.kind for c in find_contradictions(statements, text)] == []


def test_signing_nothing_that_hands_over_a_place_is_a_red_line():
    from onrecord import analyze

    text = ("The peace talks on the border resumed in Vienna on Monday after a month of delays.\n\n"
            "“We will sign nothing that hands over the valley,” the minister said.")
    (statement,) = analyze(text, id="t").statements
    assert statement.stance == "reject"
    assert [c.text for c in statement.conditions] == ["that hands over the valley"]


def test_an_official_of_state_speaks_for_the_state_their_words_open_with():
    hard = placed("s1", "reject", "Ann Adams", 0, "Ankara will not sign while the guns fire", affiliation=None,
                  role="Foreign Minister", conditions=["while the guns fire"])
    soft = placed("s2", "open", "Bob Brown", 600, "Ankara has never refused to talk", affiliation=None,
                  role="Deputy Foreign Minister")
    assert {(c.a, c.b) for c in find_contradictions([hard, soft])} == {("s1", "s2")}
    # not for a role that is no office of state, nor for words that open with another subject
    soft_reporter = placed("s2", "open", "Bob Brown", 600, "Ankara has never refused to talk", affiliation=None,
                           role="columnist")
    assert find_contradictions([hard, soft_reporter]) == []
    soft_later = placed("s2", "open", "Bob Brown", 600, "we know that Ankara has never refused to talk",
                        affiliation=None, role="Deputy Foreign Minister")
    assert find_contradictions([hard, soft_later]) == []


def test_a_later_night_the_article_marks_makes_a_shift():
    import onrecord

    text = ("NICOSIA, July 18 -\n\nThe informal talks on Cyprus ended on Friday.\n\n"
            "On Monday, the Turkish Cypriot leader, Mehmet Arslan, told a Turkish daily that there would be no new "
            "round of talks unless two states were recognised first.\n\n"
            "By Thursday night he sounded very different. “We will be in New York in September, and we will sit at "
            "that table,” Arslan told a broadcaster after a dinner hosted by the envoy.\n")
    analysis = onrecord.analyze(text, id="t", language="en", published="2025-07-18")
    kinds = {c.kind for c in analysis.contradictions}
    assert "shift" in kinds


def test_trade_talks_are_another_negotiation_than_the_truce_talks():
    import onrecord

    text = ("SEOUL, Nov 12 -\n\nMilitary talks between the two Koreas on a hotline are due at Panmunjom.\n\n"
            "Defence Minister Cho Min-ho said South Korea would send a team to the talks at Panmunjom next week.\n\n"
            "Trade Minister Lee Jae-sung said South Korea would not sign a tariff agreement with the United States "
            "unless its car exports were protected.\n")
    analysis = onrecord.analyze(text, id="t", language="en")
    assert not any(c.kind == "contradiction" for c in analysis.contradictions)


@pytest.mark.parametrize("refusal", [
    "would not return to talks with a buyers' consortium on a new cocoa supply contract until prices rose",
    "would not sign any export deal with the Gulf states until the port reopened",
    "would not sign a revised fuel-import agreement with Cyprus at the present prices",
])
def test_commercial_contracts_are_another_negotiation_than_the_truce_talks(refusal):
    from onrecord.contradictions import stances_conflict, TRADE
    from onrecord.records import Speaker, Statement

    assert TRADE.search(refusal)
    speaker = Speaker(name="Ama Boateng", affiliation="Ghana", role="Foreign Minister")
    talks = Statement(id="a", speaker=speaker, kind="indirect", text="Ghana was ready to join the truce talks",
                      start=0, end=10, about_negotiations=True, stance="open")
    other = Statement(id="b", speaker=Speaker(name="Kofi Mensah", affiliation="Ghana", role="Finance Minister"),
                      kind="indirect", text=refusal, start=100, end=200, about_negotiations=True, stance="reject")
    assert stances_conflict(talks, other) is None


def test_an_item_idiom_inside_a_condition_still_refuses_talks():
    import onrecord

    text = ("ADDIS ABABA, Nov 18 -\n\nAU-mediated talks between Ethiopia and Eritrea are due in Addis Ababa.\n\n"
            "On Thursday, Foreign Ministry spokesperson Hirut Alemu said Ethiopia would attend any session the AU "
            "convened without preconditions.\n\nOn Sunday, Ethiopia’s state minister for foreign affairs said "
            "Addis Ababa would not sit down with Asmara unless sea access was the first item on the agenda.\n")
    analysis = onrecord.analyze(text, id="t", language="en", published="2025-11-18")
    attend = next(s for s in analysis.statements if "would attend" in s.text)
    refuse = next(s for s in analysis.statements if "would not sit down" in s.text)
    assert any({c.a, c.b} == {attend.id, refuse.id} for c in analysis.contradictions)


def _with_cue(statement, text, cue):
    """The statement with its cue: the last occurrence of ``cue`` before it in ``text``."""
    start = text.rindex(cue, 0, statement.start)
    return dataclasses.replace(statement, cue=Span(start, start + len(cue), cue))


@pytest.mark.parametrize("cue", ["had written", "had earlier written"])
def test_a_dated_statement_in_the_past_perfect_steps_back_from_the_news(cue):
    text, statements = in_article(
        '"We will be back at the table in May," the negotiator said after the session. ',
        placed("s1", "open", "Ann Adams", 0, "We will be back at the table in May"),
        f".\n\nOnly on Monday, Adams {cue} on Telegram that ",
        placed("s2", "reject", "Ann Adams", 0, "her team would boycott the session"), ".")
    statements[1] = _with_cue(dataclasses.replace(statements[1], said_on=MONDAY, date_text="Monday"), text, cue)
    assert [(c.a, c.b, c.kind) for c in find_contradictions(statements, text)] == [("s1", "s2", "shift")]
    # in the simple past a dated statement after the undated lead reports the same day's words: no pair
    plain = text.replace(cue, "wrote")
    statements[1] = _with_cue(statements[1], plain, "wrote")
    assert find_contradictions(statements, plain) == []


@pytest.mark.parametrize("marker", ["That was a marked change of tone.", "It was a U-turn.", "A change of heart?"])
def test_the_article_naming_a_change_of_position_makes_a_shift(marker):
    text, statements = in_article(
        "The envoy said ", placed("s1", "open", "Ann Adams", 0, "we are ready to go back next week"),
        f".\n\n{marker} Adams had said ", placed("s2", "reject", "Ann Adams", 0, "there would be no more talks"), ".")
    assert [(c.a, c.b, c.kind) for c in find_contradictions(statements, text)] == [("s1", "s2", "shift")]
    plain = text.replace(marker, "Reporters asked about the venue.")
    text2, statements2 = in_article(
        "The envoy said ", placed("s1", "open", "Ann Adams", 0, "we are ready to go back next week"),
        ".\n\nReporters asked about the venue. Adams had said ",
        placed("s2", "reject", "Ann Adams", 0, "there would be no more talks"), ".")
    assert plain == text2 and find_contradictions(statements2, text2) == []


@pytest.mark.parametrize(
    ("a", "b", "pairs"),
    [
        # the other side named by a common noun: "the army" is the state's, "the rebels" the speaker's adversary;
        # the subject before the blame word is the party blamed, not "our units" after it
        (blamer("s1", "Ivan Petrov", "Ukraine", 0, "the M23 had violated the ceasefire thirty times since Friday"),
         blamer("s2", "Taras Bondar", "M23", 300, "it was the army that had broken the truce, not one of our units"),
         {("s1", "s2")}),
        (blamer("s1", "Ivan Petrov", "Ukraine", 0, "the M23 had violated the ceasefire thirty times since Friday"),
         blamer("s2", "Taras Bondar", "M23", 300, "the truce was broken by government troops, not by our units"),
         {("s1", "s2")}),
        # walking out of a session and freezing a process are blame words; "nobody walked out" denies it
        (blamer("s1", "Ivan Petrov", "Armenia", 0, "the Azerbaijani delegation got up and left the session", True),
         blamer("s2", "Taras Bondar", "Azerbaijan", 300, "it was the Armenian team that had walked out", True),
         {("s1", "s2")}),
        (blamer("s1", "Ivan Petrov", "Armenia", 0, "the Azerbaijani delegation left the table after an hour", True),
         blamer("s2", "Taras Bondar", "Azerbaijan", 300, "Nobody walked out of anything", True), {("s1", "s2")}),
        (blamer("s1", "Ivan Petrov", "Ukraine", 0, "Russia had frozen the exchange for three months", True),
         blamer("s2", "Taras Bondar", "Russia", 300, "it was Kyiv that stalled the swap", True), {("s1", "s2")}),
        # "the rebels" are the side that is not a state, in a rebel's words too: both blame the M23, no dispute
        (blamer("s1", "Ivan Petrov", "Ukraine", 0, "the M23 had violated the ceasefire thirty times since Friday"),
         blamer("s2", "Taras Bondar", "M23", 300, "the rebels had broken the truce, a commander admitted"), set()),
        (blamer("s1", "Ivan Petrov", "Ukraine", 0, "the rebels had violated the ceasefire thirty times"),
         blamer("s2", "Taras Bondar", "M23", 300, "it was the army that had broken the truce"), {("s1", "s2")}),
    ],
)
def test_disputes_read_parties_named_by_common_nouns_and_subjects(a, b, pairs):
    found = find_contradictions([a, b])
    assert {(c.a, c.b) for c in found} == pairs
    assert all(c.kind == "clash" for c in found)


def _walk_out_dispute(lead: str):
    """Two opposing officials on who walked out; the first statement names no party, its ``lead`` may."""
    return in_article(
        lead, placed("s1", "neutral", "Ivan Petrov", 0, "stood up and left after forty minutes", affiliation="Armenia"),
        ".”\n\nBaku's envoy said ",
        placed("s2", "neutral", "Taras Bondar", 0, "it was the Armenian team that had walked out", affiliation="Azerbaijan"),
        ".")


def test_a_dispute_reads_the_party_named_before_the_statement_in_its_sentence():
    text, statements = _walk_out_dispute("Armenia's minister said the Azerbaijani delegation had “")
    assert [(c.a, c.b, c.kind) for c in find_contradictions(statements, text)] == [("s1", "s2", "clash")]
    assert "Petrov blames the other side" in find_contradictions(statements, text)[0].why
    # without the article the short statement names no party: nothing to pair
    assert find_contradictions(statements) == []
    # a party in the sentence before is not read
    text, statements = _walk_out_dispute("The Azerbaijani delegation came late. The minister said they had “")
    assert find_contradictions(statements, text) == []


@pytest.mark.parametrize("text", [
    "There is no doubt the truce was violated",  # "no" negates something else
    "there must be no more delays in the talks",
    "There is no need to postpone the talks",
    "Russian troops are freezing in the trenches",  # freezing is blame only of a process
])
def test_no_denial_or_blame_from_a_negation_of_something_else(text):
    from onrecord.disputes import blame_of

    assert blame_of(blamer("s1", "Ivan Petrov", "Russia", 0, text, True), "russia", ("ukraine", "russia")) is None


def test_a_change_the_article_asks_about_or_denies_marks_no_shift():
    text, statements = in_article(
        "The envoy said ", placed("s1", "open", "Ann Adams", 0, "we are ready to go back next week"),
        ".\n\nAsked whether this marked a change of tone, Adams had said ",
        placed("s2", "reject", "Ann Adams", 0, "there would be no more talks"), ".")
    assert find_contradictions(statements, text) == []
