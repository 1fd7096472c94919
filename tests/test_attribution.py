"""Attribution rules, each shown on sentences of its own (none from the seed article)."""

from __future__ import annotations

import pytest

from claimledger.model import Attribution, Document, Meta
from claimledger.pipeline import extract


def attributions(text: str, *, outlet: str | None = None) -> tuple[Attribution, ...]:
    result = extract(Document("t", text, Meta(outlet=outlet, published="2024-03-15")))
    for a in result.attributions:
        for span in a.spans():
            assert text[span.start : span.end] == span.text
    return result.attributions


def triples(text: str) -> list[tuple[str | None, str | None, str]]:
    """(source, cue, content) as written, for each attribution of ``text``."""
    return [
        (a.source.text if a.source else None, a.cue.text if a.cue else None, a.content.text)
        for a in attributions(text)
    ]


def only(text: str, **kw: str) -> Attribution:
    found = attributions(text, **kw)
    assert len(found) == 1, [a.content.text for a in found]
    return found[0]


# (text, source as written, cue, content, kind)
CASES = [
    (
        "The company said that profits rose sharply.",
        "The company",
        "said",
        "profits rose sharply",
        "indirect",
    ),
    (
        "Profits rose sharply last year, the company said.",
        "the company",
        "said",
        "Profits rose sharply last year",
        "indirect",
    ),
    (
        "The mayor has warned that the bridge will close in May.",
        "The mayor",
        "has warned",
        "the bridge will close in May",
        "indirect",
    ),
    (
        "“We will win this race,” Smith told reporters.",
        "Smith",
        "told",
        "We will win this race",
        "direct",
    ),
    (
        "Smith said on Monday: “We will win. Nobody can stop us now.”",
        "Smith",
        "said",
        "We will win. Nobody can stop us now.",
        "direct",
    ),
    (
        "Inflation will fall next year, according to the central bank.",
        "the central bank",
        "according to",
        "Inflation will fall next year",
        "according_to",
    ),
    (
        "According to police, the suspect fled on foot.",
        "police",
        "According to",
        "the suspect fled on foot",
        "according_to",
    ),
    (
        "The mayor said the plan was “a disaster for the city.”",
        "The mayor",
        "said",
        "the plan was “a disaster for the city.”",
        "mixed",
    ),
    (
        "The Defense Ministry: “All targets were hit.”",
        "The Defense Ministry",
        ":",
        "All targets were hit.",
        "direct",
    ),
    (
        "The governor spoke for an hour, saying it was too costly.",
        "The governor",
        "saying",
        "it was too costly",
        "indirect",
    ),
    (
        "Investors watched the reforms, which the bank said have been delayed again.",
        "the bank",
        "said",
        "have been delayed again",
        "indirect",
    ),
    (
        "The senator has also repeatedly said that the vote was rigged.",
        "The senator",
        "has also repeatedly said",
        "the vote was rigged",
        "indirect",
    ),
    (
        "The union moved to accuse the mayor of lying.",
        "The union",
        "to accuse",
        "the mayor of lying",
        "indirect",
    ),
    (
        "The minister believes the deal will collapse.",
        "The minister",
        "believes",
        "the deal will collapse",
        "indirect",
    ),
]


@pytest.mark.parametrize(("text", "source", "cue", "content", "kind"), CASES)
def test_constructions(text: str, source: str, cue: str, content: str, kind: str) -> None:
    a = only(text)
    assert a.source is not None and a.source.text == source
    assert a.cue is not None and a.cue.text == cue
    assert a.content.text == content
    assert a.kind == kind


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Reuters has contacted the ministry for comment.", "Reuters"),
        ("What people are saying", None),
        ("The official spoke on condition of anonymity.", None),
        ("The senator spoke on the phone for an hour.", None),
        ("The bridge was closed on Monday after a storm.", None),
        ("“It is over,” according to a translation.", None),
        ("The report is expected next week.", None),
    ],
)
def test_not_attributions(text: str, outlet: str | None) -> None:
    assert attributions(text, outlet=outlet) == ()


def test_according_to_a_translation_is_not_a_source() -> None:
    a = only("“The war is over,” the general wrote, according to a translation.")
    assert a.source is not None and a.source.text == "the general"
    assert a.kind == "direct"


def test_relay_becomes_via() -> None:
    a = only("The ministry said the talks had failed, the Tass news agency reported.")
    assert a.source is not None and a.source.text == "The ministry"
    assert a.content.text == "the talks had failed"
    assert len(a.via) == 1 and "Tass" in a.via[0]
    # the relay is grounded: its mention, its cue and the report as it passes it on
    (relay,) = a.relays
    assert relay.source.text == "the Tass news agency"
    assert relay.cue is not None and relay.cue.text == "reported"
    assert relay.content.text == "The ministry said the talks had failed"


def test_relay_according_to_a_news_agency_is_grounded() -> None:
    a = only("“The border is closed,” the minister said on Monday, according to Reuters.")
    assert a.source is not None and a.source.text == "the minister"
    assert a.via == ("Reuters",)
    (relay,) = a.relays
    assert (relay.source.text, relay.cue and relay.cue.text) == ("Reuters", "according to")
    assert relay.content.text == "“The border is closed,” the minister said on Monday"


def test_report_inside_report_is_nested() -> None:
    outer, inner = attributions("The police said the witness believed the car was stolen.")
    assert outer.source is not None and outer.source.text == "The police"
    assert inner.source is not None and inner.source.text == "the witness"
    assert inner.nested_in == outer.id
    assert inner.content.text == "the car was stolen"


def test_report_quoted_inside_a_quotation_is_not_separate() -> None:
    a = only("“I think the economy is strong,” the senator said.")
    assert a.kind == "direct"
    assert a.content.text == "I think the economy is strong"


def test_concessive_clause_ends_the_first_content() -> None:
    first, second = attributions(
        "Officials said 200 people had died, though the opposition has said the toll is higher."
    )
    assert first.content.text == "200 people had died"
    assert second.content.text == "the toll is higher"
    assert second.nested_in is None


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("In a post on Facebook, the senator said the bill would pass.", "Facebook"),
        ("The ministry said in a statement that the border was open.", "statement"),
        ("The actor said in an interview that he would retire.", "interview"),
        ("The bill will pass, the senator tweeted.", "X"),
        ("The senator said the bill would pass.", None),
    ],
)
def test_channel(text: str, channel: str | None) -> None:
    assert only(text).channel == channel


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("The group has alleged that the vote was rigged.", "alleged"),
        ("The rebels claimed that the town had fallen.", "claimed"),
        ("The minister reportedly said that the budget would be cut.", "reportedly"),
        ("The minister said that the budget would be cut.", None),
    ],
)
def test_hedge(text: str, hedge: str | None) -> None:
    assert only(text).hedge == hedge


def test_quotation_continued_in_the_next_paragraph() -> None:
    text = (
        "“The first part of the plan is ready,” the senator said.\n"
        "“The second part will follow before the summer recess ends.”"
    )
    first, second = attributions(text)
    assert second.content.text == "The second part will follow before the summer recess ends."
    assert second.source == first.source
    assert second.kind == "direct"


def test_quotation_resumed_after_the_speaker_is_one_statement() -> None:
    text = "“Coal is not the enemy,” the minister said. “Carbon is, and we must deal with it.”"
    a = only(text)
    assert a.content.text == (
        "Coal is not the enemy,” the minister said. “Carbon is, and we must deal with it."
    )
    assert a.kind == "direct"


def test_quotation_resumed_after_a_titled_speaker() -> None:
    # "Mr." ends in a period but does not end a sentence between the two quotations
    text = "“The harbor is safe,” Mr. Okoro declared. “The boats can sail tomorrow.”"
    assert only(text).content.text == (
        "The harbor is safe,” Mr. Okoro declared. “The boats can sail tomorrow."
    )


def test_quotation_before_a_paragraph_break_is_not_the_next_speakers() -> None:
    text = "“The harbor is safe.”\n\nThe captain continued, “We sail at dawn.”"
    assert only(text).content.text == "We sail at dawn."
    # ... while in one paragraph the quotation before the verb is its content
    a = only("“We sail at dawn,” the captain continued.")
    assert a.content.text == "We sail at dawn"


def test_frame_inside_the_reported_sentence() -> None:
    a = only("Even if the venture fails, Mr. Morgan said, he has already completed the work.")
    assert a.content.text == (
        "Even if the venture fails, Mr. Morgan said, he has already completed the work"
    )
    assert a.source is not None and a.source.text == "Mr. Morgan"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the parser hangs the frame on the reported clause: the content still spans both parts
        (
            "The old mill, the mayor said, will reopen next spring.",
            "The old mill, the mayor said, will reopen next spring",
        ),
        (
            "The factory, Ms. Alder said then, was a landmark for decades.",
            "The factory, Ms. Alder said then, was a landmark for decades",
        ),
        # one word before the frame is the statement's too: the frame interrupts it
        ("Still, she said, the vote will go ahead.", "Still, she said, the vote will go ahead"),
        ("That, they say, will be harder.", "That, they say, will be harder"),
        # quotations on both sides: the two quotations are the content
        (
            "“The mill is old,” the mayor said, “and it will close.”",
            "The mill is old,” the mayor said, “and it will close.",
        ),
    ],
)
def test_frame_interrupting_a_statement(text: str, content: str) -> None:
    assert only(text).content.text == content


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "MODERATOR: Let us turn to the economy now.",
            "MODERATOR",
            "Let us turn to the economy now",
        ),
        (
            "Ramírez: Budget talks will resume in March",
            "Ramírez",
            "Budget talks will resume in March",
        ),
        ('"SMITH: We never saw the report."', "SMITH", "We never saw the report"),
    ],
)
def test_speaker_lines(text: str, source: str, content: str) -> None:
    a = only(text)
    assert a.source is not None and a.source.text == source
    assert a.cue is not None and a.cue.text == ":"
    assert a.content.text == content


@pytest.mark.parametrize(
    "text",
    [
        "Update: the debate starts at nine.",
        "2:45 p.m. The senator spoke.",
        "Note: all times EDT.",
        "Twitter: @cityhall_news and the mayor's office.",
        "BYLINE: Maria Ortiz and Tom Reyes.",
        "A: The library opens at nine on weekdays.",
    ],
)
def test_labels_are_not_speakers(text: str) -> None:
    assert attributions(text) == ()


def test_unbalanced_quote_is_a_diagnostic_and_work_goes_on() -> None:
    text = "The coach said “we were unlucky today.\nThe league said the match would be replayed."
    result = extract(Document("t", text, Meta()))
    assert any(d.code == "unbalanced_quote" for d in result.diagnostics)
    assert any(a.content.text == "the match would be replayed" for a in result.attributions)


def test_pronoun_source_resolves_to_named_entity() -> None:
    text = (
        "The World Health Organization said the outbreak was contained. "
        "It said new cases had fallen for three weeks."
    )
    first, second = attributions(text)
    assert second.source is not None and second.source.text == "It"
    assert second.source_entity == first.source_entity == "World Health Organization"


@pytest.mark.parametrize(
    ("text", "signed"),
    [
        (
            "“The bus never comes on time.” ― Mara Quist\n“I walk instead.” ― Tom B. Okafor.",
            [
                ("Mara Quist", "―", "The bus never comes on time."),
                ("Tom B. Okafor", "―", "I walk instead."),
            ],
        ),
        (
            "Readers wrote in.  “Too loud.” -- Ines Varga  Photo: staff.",
            [("Ines Varga", "--", "Too loud.")],
        ),
        # a dash that goes on with the sentence is no signature
        ("The sign read “Closed” — Monday was a holiday.", []),
        ("He shouted “Stop” — and Paul Reed ran.", []),
    ],
)
def test_quotation_signed_with_a_dash(text: str, signed: list[tuple[str, str, str]]) -> None:
    got = [
        (a.source.text, a.cue.text, a.content.text)
        for a in attributions(text)
        if a.source is not None and a.cue is not None and a.cue.text in ("―", "—", "--")
    ]
    assert got == signed


def test_signed_quotation_owns_the_verbs_inside_it() -> None:
    found = attributions("“My uncle says the mill will close.” ― Dana Holt")
    assert [
        (a.source.text if a.source else None, a.cue.text if a.cue else None) for a in found
    ] == [("Dana Holt", "―")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a closing relative clause about the object is the reporter's aside
        ("The senator praised the new bridge, which opened in May.", "the new bridge"),
        ("Critics attacked the governor, who took office in 2019.", "the governor"),
        # a restrictive clause is part of the object
        ("The senator praised the bridge that the city built.", "the bridge that the city built"),
        # a relative clause with more of the object after it stays
        (
            "The union urged the board, which meets monthly, to raise wages.",
            "the board, which meets monthly, to raise wages",
        ),
    ],
)
def test_object_without_closing_relative_clause(text: str, content: str) -> None:
    assert only(text).content.text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # two reported clauses joined by "and that": one content
        (
            "The inspector said that the pipes were old and that the owner would decide soon.",
            "the pipes were old and that the owner would decide soon",
        ),
        ("The inspector said the pipes were old.", "the pipes were old"),
        # "..., but that B" hung on the verb itself is the same report
        (
            "The inspector said there are no quick fixes, but that sometimes the cheapest"
            " repair will have to do.",
            "there are no quick fixes, but that sometimes the cheapest repair will have to do",
        ),
    ],
)
def test_coordinated_reported_clauses(text: str, content: str) -> None:
    assert only(text).content.text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # an opening clause the parser takes for a complement is not what was said
        (
            "In a letter released shortly after the mill closed, the mayor said the town"
            " would recover.",
            "the town would recover",
        ),
        (
            "The team is not worried about the losses it has suffered this season — in fact,"
            " the coach said they “toughen” his players.",
            "they “toughen” his players",
        ),
        # a statement before its frame is still the content
        ("“The town will recover,” the mayor said.", "The town will recover"),
    ],
)
def test_clause_after_the_verb_is_the_content(text: str, content: str) -> None:
    assert [a.content.text for a in attributions(text)][-1] == content


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Recent surveys show the incumbent with a narrow lead.",
            [("Recent surveys", "show", "the incumbent with a narrow lead")],
        ),
        (
            "The county records show little evidence that the fees were paid.",
            [("The county records", "show", "little evidence that the fees were paid")],
        ),
        (
            "A new study found most commuters unhappy with the service.",
            [("A new study", "found", "most commuters unhappy with the service")],
        ),
        # a record's object alone, or a subject that is no record: nothing is reported
        ("The bakery showed a profit.", []),
        ("The hikers found a shortcut.", []),
    ],
)
def test_records_show_what_they_show(text: str, found: list[tuple[str, str, str]]) -> None:
    assert triples(text) == found


def test_speaker_after_a_quotation_with_a_long_description() -> None:
    found = triples(
        "“One man came in and said we should leave town,” said the woman, who like many in"
        " the village did not want to be quoted by name."
    )
    assert found[0] == (
        "the woman",
        "said",
        "One man came in and said we should leave town",
    )


def test_verb_after_a_quotation_taken_for_an_adjective() -> None:
    """The parser reads "tweeted" as an adjective of the name that follows it."""
    found = triples('"Rally recap," tweeted Jones spokesman Sam Cole.')
    assert found == [("Jones spokesman Sam Cole", "tweeted", "Rally recap")]


@pytest.mark.parametrize("name", ["Wisely", "Early"])
def test_speaker_after_a_quotation_the_tagger_took_for_an_adverb(name: str) -> None:
    found = triples(
        f"“The new bridge will save every commuter an hour a day,” said {name}, explaining"
        " that he had driven it twice."
    )
    assert found[0] == (name, "said", "The new bridge will save every commuter an hour a day")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "RENO, Nev. (AP) — The state's governor says the budget is balanced.",
            "The state's governor",
        ),
        (
            "MADRID (Reuters) – A senior minister said on Friday the talks would resume.",
            "A senior minister",
        ),
        ("NEW YORK, Dec. 22 (UPI) — The museum announced it will close for repairs.", "The museum"),
    ],
)
def test_dateline_is_not_part_of_the_source(text: str, source: str) -> None:
    a = attributions(text)[0]
    assert a.source is not None and a.source.text == source


def test_going_on_to_say_is_a_second_report() -> None:
    found = triples(
        "The mayor said the plan was sound, going on to say that the city had spent years on it."
    )
    assert found == [
        ("The mayor", "said", "the plan was sound"),
        ("The mayor", "going on to say", "the city had spent years on it"),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The council maintained that the fees were legal.",
            [("The council", "maintained", "the fees were legal")],
        ),
        ("The council maintained a narrow majority.", []),
        ("The mayor addressed the crowd on Friday.", []),
    ],
)
def test_verbs_that_report_only_a_clause(text: str, found: list[tuple[str, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "A committee supporting the mayor spent heavily on ads.",
            [("A committee", "supporting", "the mayor")],
        ),
        ("Protesters carried signs opposing the new tax.", [("signs", "opposing", "the new tax")]),
        # other participles on a noun describe it; a document's participle is its author's
        ("Voters seeking change turned out early.", []),
    ],
)
def test_participle_of_backing_on_its_noun(text: str, found: list[tuple[str, str, str]]) -> None:
    assert triples(text) == found


def test_noun_with_a_that_clause_parsed_as_relative() -> None:
    a = only(
        "The main takeaway was his stern warning that immigrants convicted of crimes will be"
        " deported."
    )
    assert a.source is not None and a.source.text == "his"
    assert a.cue is not None and a.cue.text == "warning"
    assert a.content.text == "immigrants convicted of crimes will be deported"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The senator said the tax plan would help the rich, and called it “a gift to donors.”",
            [
                ("The senator", "said", "the tax plan would help the rich"),
                ("The senator", "called", "it “a gift to donors.”"),
            ],
        ),
        (
            "The coach said the referee was biased and criticized him for the late call.",
            [
                ("The coach", "said", "the referee was biased"),
                ("The coach", "criticized", "him for the late call"),
            ],
        ),
        (
            "She says she admires the governor and calls her a tireless worker.",
            [
                ("She", "says", "she admires the governor"),
                ("She", "calls", "her a tireless worker"),
            ],
        ),
    ],
)
def test_second_report_joined_to_the_reported_clause(
    text: str, found: list[tuple[str, str, str]]
) -> None:
    """The parser joins the second verb to the reported clause; in the reporting verb's
    tense and without a subject of its own it is the speaker's second report."""
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The senator called it “a gift to donors.”", "it “a gift to donors.”"),
        ("The mayor called it ''a disgrace,'' blaming the council.", "it ''a disgrace,''"),
        ('He called the vote "a sham" on Monday.', 'the vote "a sham"'),
        # the day of the saying between the thing and its name
        ('The coach called the ruling Friday "a disgrace."', 'the ruling Friday "a disgrace."'),
        ("The coach called the ruling on Sunday a disgrace.", "the ruling on Sunday a disgrace"),
    ],
)
def test_what_something_is_called_in_quotation_marks(text: str, content: str) -> None:
    """The parser hangs the opening mark on the verb; the quoted name is still content."""
    assert attributions(text)[0].content.text == content


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The city hopes to shed what the mayor called “a perception problem.”",
            ("the mayor", "called", "what the mayor called “a perception problem.”"),
        ),
        (
            "The bill pays for it with tax reform, which she described as “fairness.”",
            ("she", "described", "which she described as “fairness.”"),
        ),
        (
            "Lawmakers killed a zoning bill that critics called reckless.",
            ("critics", "called", "a zoning bill that critics called reckless"),
        ),
        (
            "Rivera, whom he dubbed “the closer,” did not reply.",
            ("he", "dubbed", "whom he dubbed “the closer,”"),
        ),
    ],
)
def test_naming_clause(text: str, found: tuple[str, str, str]) -> None:
    """A relative or wh-clause of naming says what its subject called the thing; a
    restrictive one ("that", or none) is one phrase with its antecedent."""
    assert found in triples(text)


def test_naming_clause_with_a_prepositional_relative_names_its_object() -> None:
    text = "The rally followed tweets in which the senator called the judge “biased.”"
    assert triples(text) == [("the senator", "called", "the judge “biased.”")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "for" parsed as the mark of a clause
        (
            "The governor is calling for the two agencies to merge.",
            ("The governor", "is calling for", "the two agencies to merge"),
        ),
        (
            "The union asked for a new vote on the contract.",
            ("The union", "asked for", "a new vote on the contract"),
        ),
        ("Reporters asked about the delay.", ("Reporters", "asked about", "the delay")),
        (
            "The reporter asked the senator if she had been preparing for the debate.",
            ("The reporter", "asked", "if she had been preparing for the debate"),
        ),
        ("The senator agreed with the governor.", ("The senator", "agreed with", "the governor")),
        (
            "Most farmers still believe in the cooperative model.",
            ("Most farmers", "still believe in", "the cooperative model"),
        ),
        (
            "The mayor faced a crowd of residents urging her to resign.",
            ("a crowd of residents", "urging", "her to resign"),
        ),
    ],
)
def test_prepositional_objects_of_asking_believing_and_calling(
    text: str, found: tuple[str, str, str]
) -> None:
    assert triples(text) == [found]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "As the county clerk noted, the ballots were counted twice.",
            [("the county clerk", "noted", "the ballots were counted twice")],
        ),
        (
            "The plant will close in May, as the local paper reported.",
            [("the local paper", "reported", "The plant will close in May")],
        ),
        (
            "The fee, as the minister explained, pays for the new bridge.",
            [
                (
                    "the minister",
                    "explained",
                    "The fee, as the minister explained, pays for the new bridge",
                )
            ],
        ),
        (
            "As one aide put it, the campaign is out of money.",
            [("one aide", "put it", "the campaign is out of money")],
        ),
        ("He put it on the table.", []),
        (
            "As the mayor told the local paper, the bridge will reopen in May.",
            [("the mayor", "told", "the bridge will reopen in May")],
        ),
        (
            "As reported by the county clerk, there are 40 ballots left to count.",
            [("the county clerk", "reported", "there are 40 ballots left to count")],
        ),
        # "as" of time, with one actor, reports nothing
        ("He smiled as he explained.", []),
        ("The crowd cheered as he spoke.", []),
    ],
)
def test_as_x_reported(text: str, found: list[tuple[str, str, str]]) -> None:
    """ "As X noted, C" and "C, as X reported": the clause the frame is attached to."""
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the statement's subject before the frame: the frame sits inside the statement
        (
            "The lesson, according to the coach, is that defense wins games.",
            "The lesson, according to the coach, is that defense wins games",
        ),
        # a reporter's link before the frame is not part of the statement
        (
            "In addition, according to the ministry, nine more towns will get water.",
            "nine more towns will get water",
        ),
    ],
)
def test_according_to_between_commas(text: str, content: str) -> None:
    assert [a.content.text for a in attributions(text)] == [content]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Ms. Ortiz, who said she saw the crash, told police the driver fled.", "Ms. Ortiz"),
        ("Kunin, who has been critical of the plan, said the vote was close.", "Kunin"),
        # a relative clause that reports nothing stays in the mention
        (
            "Mr. Bell, who ran the agency for a decade, said the cuts were deep.",
            "Mr. Bell, who ran the agency for a decade",
        ),
    ],
)
def test_source_without_a_relative_clause_that_reports(text: str, source: str) -> None:
    """A relative clause that is a report of its own is that report's, not the mention's."""
    assert attributions(text)[-1].source.text == source  # type: ignore[union-attr]


def test_name_the_parser_joined_to_an_earlier_phrase_is_the_speaker() -> None:
    """The parser hangs the name on "Nevada" and leaves "said" without a subject."""
    text = (
        "Angered by the vote in Nevada, Senator Harry Cole, the minority leader, said that he"
        " called the chairman on Friday."
    )
    assert triples(text)[0] == (
        "Senator Harry Cole, the minority leader",
        "said",
        "he called the chairman on Friday",
    )


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("He described the region as beset by drought.", "the region as beset by drought"),
        (
            "She has repeatedly pointed to the ruling as proof of bias.",
            "the ruling as proof of bias",
        ),
        # a clause of reason or time after the object is not what was described
        ("She criticized the plan because it was costly.", "the plan"),
    ],
)
def test_what_something_is_described_as(text: str, content: str) -> None:
    assert [a.content.text for a in attributions(text)] == [content]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The mayor leads her rival in the latest Gallup poll.",
            [("the latest Gallup poll", "in", "The mayor leads her rival")],
        ),
        (
            "In a Gallup survey released Friday, the mayor led her rival by ten points.",
            [("a Gallup survey released Friday", "In", "the mayor led her rival by ten points")],
        ),
        # polling in general names no poll
        ("The mayor has trailed in the polls all year.", []),
    ],
)
def test_finding_reported_in_a_poll(text: str, found: list[tuple[str, str, str]]) -> None:
    assert triples(text) == found


def test_participle_after_the_frame_of_a_quotation_reports_its_own_object() -> None:
    text = "“The timing was everything,” the developer said, referring to the two hotels."
    assert triples(text) == [
        ("the developer", "said", "The timing was everything"),
        ("the developer", "referring to", "the two hotels"),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The coach tells his players at every practice to “run until it hurts.”",
            [("The coach", "tells", "his players at every practice to “run until it hurts.”")],
        ),
        (
            "Officials have not said when the bridge will reopen.",
            [("Officials", "have not said", "when the bridge will reopen")],
        ),
        # "said when ..." with no question left open is a time
        ("She left the room when he said it.", [("he", "said", "it")]),
    ],
)
def test_requests_across_a_phrase_and_questions_left_open(
    text: str, found: list[tuple[str, str, str]]
) -> None:
    assert triples(text) == found


def test_frame_closing_its_paragraph_with_a_colon_reports_the_next_paragraph() -> None:
    text = "In a statement, the union said:\n\nThe ruling was wrong and we will appeal it.\n"
    assert triples(text) == [("the union", "said", "The ruling was wrong and we will appeal it")]


def test_apposition_hung_on_the_source_from_far_away_is_not_in_the_mention() -> None:
    text = (
        "Kowalski further alleges that he was fired for taking time off to fulfill his reserve"
        " duties, a claim that the senator's office strongly disputes."
    )
    assert triples(text)[0] == (
        "Kowalski",
        "further alleges",
        "he was fired for taking time off to fulfill his reserve duties",
    )


def test_conjunct_of_a_passive_takes_its_subject() -> None:
    text = "The mayor was forced into a retreat and said that the plan had been misread."
    assert triples(text) == [("The mayor", "said", "the plan had been misread")]
    # a controlled verb after a passive is no report of the subject
    assert triples("He was asked to explain the delay.") == []


def test_contracted_has_said_is_active() -> None:
    """The parser reads "'s said" with a clause as a passive; it is "has said"."""
    assert triples("She's said she will not run again.") == [
        ("She", "'s said", "she will not run again")
    ]
    assert triples("It's said that he left.") == [(None, "It's said", "he left")]


def test_verb_of_the_reported_clause_in_another_tense_stays_in_it() -> None:
    text = "The mayor said the council will review the budget and praise the staff."
    assert triples(text) == [
        ("The mayor", "said", "the council will review the budget and praise the staff")
    ]


def test_conjunction_before_a_second_report_is_not_content() -> None:
    text = "The report said repairs were slow and residents complained that nobody came."
    found = [(a.cue.text if a.cue else None, a.content.text) for a in attributions(text)]
    assert found == [("said", "repairs were slow"), ("complained", "nobody came")]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a participle without a comma says which source it is
        (
            "A survey released on Monday found that most farmers dislike the rule.",
            "A survey released on Monday",
        ),
        (
            "Residents living near the plant said the water smelled of oil.",
            "Residents living near the plant",
        ),
        # one set off by a comma only describes it
        ("The governor, speaking in Dayton, said the plant would reopen.", "The governor"),
    ],
)
def test_source_keeps_a_restrictive_participle(text: str, source: str) -> None:
    a = only(text)
    assert a.source is not None and a.source.text == source


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the quotation before the frame opens the statement the one after it goes on with
        (
            "“If the river rises again,” the engineer said, “the levee will not hold.”",
            "If the river rises again,” the engineer said, “the levee will not hold.",
        ),
        # a colon after the frame opens a statement of its own
        (
            "“Nobody warned us.” The engineer said: “The levee will not hold.”",
            "The levee will not hold.",
        ),
    ],
)
def test_quotation_split_by_its_frame(text: str, content: str) -> None:
    found = [a.content.text for a in attributions(text) if a.source is not None]
    assert content in found
    assert not any(c != content and content in c for c in found)


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        (
            "The port authority issued a statement saying the terminal would reopen.",
            "The port authority",
            "issued a statement saying",
            "the terminal would reopen",
        ),
        (
            "The mayor sent a letter urging residents to save water.",
            "The mayor",
            "sent a letter urging",
            "residents to save water",
        ),
        (
            "At a news conference announcing the lawsuit, the attorney general said little.",
            "the attorney general",
            "announcing",
            "the lawsuit",
        ),
    ],
)
def test_document_reports_for_its_author(text: str, source: str, cue: str, content: str) -> None:
    found = triples(text)
    assert (source, cue, content) in found


@pytest.mark.parametrize(
    "text",
    [
        # a participle of a document that nobody is said to have put out
        "Reporters read a statement lying on the desk.",
        # the one who describes a tweet did not write it
        "The senator described a tweet attacking the judge as cruel.",
    ],
)
def test_document_without_an_author_reports_nothing(text: str) -> None:
    assert not any(
        a.cue is not None and a.cue.text.endswith(("lying", "attacking"))
        for a in attributions(text)
    )


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        # the parser hangs the participle on the verb of issuing, past a time or a comma
        (
            "The union released a statement Tuesday saying the strike would end.",
            "The union",
            "released a statement Tuesday saying",
            "the strike would end",
        ),
        (
            "The club sent an email to members Friday, asking them to vote early.",
            "The club",
            "sent an email to members Friday, asking",
            "them to vote early",
        ),
        (
            "The mayor's office put out a statement saying the bridge was safe.",
            "The mayor's office",
            "put out a statement saying",
            "the bridge was safe",
        ),
        # a relative clause of the document reports for who issued it
        (
            "The charity has released a video that accuses the company of polluting the river.",
            "The charity",
            "has released a video that accuses",
            "the company of polluting the river",
        ),
        # what an issued document does, whatever the verb, is what its author puts forward
        (
            "The watchdog published a report detailing the costs of the project.",
            "The watchdog",
            "published a report detailing",
            "the costs of the project",
        ),
        (
            "A federal judge issued an injunction blocking the new rule.",
            "A federal judge",
            "issued an injunction blocking",
            "the new rule",
        ),
    ],
)
def test_issued_document_frames_the_cue(text: str, source: str, cue: str, content: str) -> None:
    assert (source, cue, content) in triples(text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a speech is delivered, not sent: the participle is the speaker's own
        ("The coach gave a long speech, predicting a win.", "predicting"),
        # a participle of a verb of releasing something that is no document
        ("The governor released the prisoners Tuesday, saying they had served.", "saying"),
        # reading a letter is not issuing it
        ("The governor read a letter that accuses the mayor of fraud.", "accuses"),
    ],
)
def test_no_issuing_frame(text: str, cue: str) -> None:
    assert [a.cue.text for a in attributions(text) if a.cue is not None] == [cue]


@pytest.mark.parametrize(
    "text",
    [
        # a document put out with no participle or clause to say what it holds
        "The watchdog published a report on Monday.",
        "The agency released the files.",
    ],
)
def test_bare_release_reports_nothing(text: str) -> None:
    assert not attributions(text)


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("Police received calls saying shots had been fired.", "calls", "shots had been fired"),
        (
            "Voters back her, with 50 percent saying she is prepared.",
            "50 percent",
            "she is prepared",
        ),
    ],
)
def test_what_says_is_the_source_of_saying(text: str, source: str, content: str) -> None:
    assert (source, "saying", content) in triples(text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # when or where the object was praised is not what was praised
        ("The coach praised the young goalkeeper during the broadcast.", "the young goalkeeper"),
        ("The senator attacked the budget in an email to donors.", "the budget"),
        # a phrase inside the object stays
        (
            "The senator attacked the deal the agency signed in 2019.",
            "the deal the agency signed in 2019",
        ),
        ("The coach praised the goalkeeper from Lagos.", "the goalkeeper from Lagos"),
    ],
)
def test_object_without_the_occasion(text: str, content: str) -> None:
    assert only(text).content.text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the reporter's link to the previous sentence is not part of what was said
        ("And the dam will hold, according to the engineers.", "the dam will hold"),
        ("However, the dam will hold, the engineers said.", "the dam will hold"),
        ("OSLO ― The dam will hold, the engineers said.", "The dam will hold"),
        # a concession stays, and so do quoted words
        (
            "However costly the repair, the dam will hold, the engineers said.",
            "However costly the repair, the dam will hold",
        ),
        ("“And the dam will hold,” the engineers said.", "And the dam will hold"),
    ],
)
def test_content_without_the_reporters_connective(text: str, content: str) -> None:
    assert only(text).content.text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The mayor called on the utility to restore power by Friday.",
            "the utility to restore power by Friday",
        ),
        # without an infinitive the prepositional object is all
        ("The mayor called for a new bridge.", "a new bridge"),
    ],
)
def test_prepositional_object_with_its_infinitive(text: str, content: str) -> None:
    assert only(text).content.text == content


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Harbor Mayor Vows To Rebuild The Pier.\n\nThe storm hit on Monday.",
            [("Harbor Mayor", "Vows", "To Rebuild The Pier")],
        ),
        (
            "Facing Criticism, Governor Defends Budget Cuts.\n\nThe budget passed.",
            [("Governor", "Defends", "Budget Cuts")],
        ),
        # a place name in -s is no verb, and a sentence-case line is the parser's
        ("United States Wins Gold In Relay.\n\nThe race was close.", []),
    ],
)
def test_title_case_headline(text: str, found: list[tuple[str, str, str]]) -> None:
    got = triples(text)
    assert got == found


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # the speaker's own plan is part of what she said
        ("The mayor said she plans to run again.", "said", "she plans to run again"),
        (
            "Ms. Obi said Ms. Obi believes the vote was fair.",
            "said",
            "Ms. Obi believes the vote was fair",
        ),
        # a stance reported by someone else is what they said
        ("His aides said the senator wants a recount.", "said", "the senator wants a recount"),
    ],
)
def test_report_that_is_part_of_the_statement(text: str, cue: str, content: str) -> None:
    a = only(text)
    assert a.cue is not None and (a.cue.text, a.content.text) == (cue, content)


def test_thought_of_another_speaker_stays_nested() -> None:
    found = attributions("The union said the workers believe the plant will close.")
    assert [a.cue.text for a in found if a.cue] == ["said", "believe"]
    assert found[1].nested_in == found[0].id


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The council asked the utility to cut its rates.",
            [("The council", "asked", "the utility to cut its rates")],
        ),
        (
            "The coach encouraged his players to stay calm.",
            [("The coach", "encouraged", "his players to stay calm")],
        ),
        # without "someone to do something" these verbs report nothing
        ("Low rates encouraged growth.", []),
        ("The council asked a question.", []),
    ],
)
def test_requests(text: str, found: list[tuple[str, str, str]]) -> None:
    got = triples(text)
    assert got == found


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # the verb that lends the report its subject belongs to the cue
        ("The chairman appeared to suggest that the merger was off.", "appeared to suggest"),
        ("The minister has yet to explain why the tender failed.", "has yet to explain"),
        ("The coach continued to insist that the referee erred.", "continued to insist"),
        # "continue" with an object of its own is no catenative: the report is the verb's
        ("The coach continued the drill and insisted that the referee erred.", "insisted"),
        # a head that reports on its own keeps its own cue
        ("The minister refused to explain why the tender failed.", "refused"),
        # "went on to": the phrase joins the cue, however the parser attached it
        ("The coach went on to explain why the drill failed.", "went on to explain"),
        # an adjective after a copula lends the report its subject, and joins the cue
        ("The minister was quick to add that the tender was fair.", "was quick to add"),
        (
            "The coach has been careful not to criticize the referee.",
            "has been careful not to criticize",
        ),
    ],
)
def test_cue_with_its_governing_verb(text: str, cue: str) -> None:
    assert [a.cue.text for a in attributions(text) if a.cue] == [cue]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The senator likened the tax to a fine.", "likened", "the tax to a fine"),
        ("The mayor bemoaned the state of the roads.", "bemoaned", "the state of the roads"),
        ("The report referenced a study from 2019.", "referenced", "a study from 2019"),
        ("The union assailed the new contract.", "assailed", "the new contract"),
        (
            "The coach credited the goalkeeper with the win.",
            "credited",
            "the goalkeeper with the win",
        ),
        ("The mayor apologized for the delays.", "apologized for", "the delays"),
        ("The editor chided the council for its silence.", "chided", "the council for its silence"),
    ],
)
def test_stance_verbs_of_speech_and_judgement(text: str, cue: str, content: str) -> None:
    a = only(text)
    assert a.cue is not None and (a.cue.text, a.content.text) == (cue, content)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Farmers have expressed concern about the new tariff.",
            "have expressed concern about",
            "the new tariff",
        ),
        (
            "The mayor voiced doubts that the stadium would be finished.",
            "voiced doubts",
            "the stadium would be finished",
        ),
        ("The council declared war on potholes.", "declared war on", "potholes"),
    ],
)
def test_light_verb_with_a_stance_noun(text: str, cue: str, content: str) -> None:
    a = only(text)
    assert a.cue is not None and (a.cue.text, a.content.text) == (cue, content)


@pytest.mark.parametrize(
    "text",
    [
        # without a noun of stance a light verb reports nothing
        "The shop raised its prices.",
        "The museum will show the film on Friday.",
    ],
)
def test_light_verb_without_a_stance_noun(text: str) -> None:
    assert attributions(text) == ()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a wish voiced, a defense or a critique offered or delivered, thoughts offered,
        # feelings expressed or shown: the subject's stance on what the noun is about
        (
            "The umpire voiced a wish for shorter games.",
            [("The umpire", "voiced a wish for", "shorter games")],
        ),
        (
            "The coach offered a spirited defense of his goalkeeper.",
            [("The coach", "offered a spirited defense of", "his goalkeeper")],
        ),
        (
            "The senator delivered a blistering critique of the budget.",
            [("The senator", "delivered a blistering critique of", "the budget")],
        ),
        (
            "The chef offered his thoughts on the new menu.",
            [("The chef", "offered his thoughts on", "the new menu")],
        ),
        (
            "The chef expressed astonishment at the size of the order.",
            [("The chef", "expressed astonishment at", "the size of the order")],
        ),
        (
            "The crowd showed little enthusiasm for the new anthem.",
            [("The crowd", "showed little enthusiasm for", "the new anthem")],
        ),
        # delivering a thing is no stance, nor a speech without a noun of stance
        ("The courier delivered the parcels on Monday.", []),
        ("The mayor delivered a speech about road safety.", []),
        ("The storm showed its force at dawn.", []),
        ("The old bridge shows signs of wear.", []),
    ],
)
def test_light_verb_with_a_noun_of_a_stance_shown(
    text: str, found: list[tuple[str, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a statement noun its speaker owns, with "be" and a "that" clause: what was said
        (
            "The senator's answer was that the budget must shrink.",
            [("The senator's", "answer was", "that the budget must shrink")],
        ),
        (
            "The inspector's most surprising claim was that the bridge was never tested.",
            [("The inspector's", "most surprising claim was", "that the bridge was never tested")],
        ),
        (
            "Her argument on Sunday was that the vote should wait.",
            [("Her", "argument", "that the vote should wait")],
        ),
        # no owner, a noun of no statement, or an argument that is itself what was suggested
        ("The point is that prices rose.", []),
        ("His biggest problem is that nobody trusts him.", []),
        (
            "The envoy suggests that the town's best argument is that the port is vital.",
            [("The envoy", "suggests", "the town's best argument is that the port is vital")],
        ),
    ],
)
def test_owned_statement_noun_with_be_and_a_clause(
    text: str, found: list[tuple[str, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the subject of a linking verb whose complement takes a side takes that side
        (
            "The senator is a vocal supporter of the trade bill.",
            [("The senator", "is a vocal supporter of", "the trade bill")],
        ),
        (
            "Mr. Lee has long been a pointed critic of the harbor plan.",
            [("Mr. Lee", "has long been a pointed critic of", "the harbor plan")],
        ),
        (
            "The farmers were early backers of the governor.",
            [("The farmers", "were early backers of", "the governor")],
        ),
        (
            "She remains no fan of the new stadium.",
            [("She", "remains no fan of", "the new stadium")],
        ),
        # a side hoped for or supposed is not taken; an opponent in a race takes none
        ("Her opponent in the race is a lawyer.", []),
        ("The club would be a supporter of the festival.", []),
        (
            "He hopes to become a champion of small farms.",
            [("He", "hopes", "to become a champion of small farms")],
        ),
    ],
)
def test_linking_verb_with_a_noun_of_taking_sides(
    text: str, found: list[tuple[str, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the parser reads "show" as a verb; the commas still give the report
        (
            "The host mocked his guests, according to show producers.",
            [("show producers", "according to", "The host mocked his guests")],
        ),
    ],
)
def test_according_to_read_off_the_commas(text: str, found: list[tuple[str, str, str]]) -> None:
    assert triples(text) == found


def test_according_to_without_a_statement_reports_nothing() -> None:
    assert triples("According to plan.") == []


def test_inverted_speaker_after_a_quotation_of_two_sentences() -> None:
    # the parser takes the quoted "Total chaos" for the subject of "said"
    text = "“The ferry is late again. Total chaos,” said Rosa Lind, a commuter."
    assert triples(text) == [
        ("Rosa Lind, a commuter", "said", "The ferry is late again. Total chaos")
    ]


def test_closing_reporting_participle_is_a_second_report() -> None:
    text = "The coach said the team was tired, arguing that the schedule was too tight."
    assert triples(text) == [
        ("The coach", "said", "the team was tired"),
        ("The coach", "arguing", "the schedule was too tight"),
    ]


def test_closing_participle_of_another_kind_stays_in_the_content() -> None:
    text = "The coach said the team trained hard, leaving nothing to chance."
    assert triples(text)[0][2] == "the team trained hard, leaving nothing to chance"


def test_transcript_speaker_owns_a_line_with_reports_inside() -> None:
    text = "HOST: The mayor said the bridge will close. Will it reopen?\n\nGUEST: Not this year."
    found = triples(text)
    assert ("HOST", ":", "The mayor said the bridge will close. Will it reopen?") in found
    assert ("GUEST", ":", "Not this year") in found


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The mayor hoped the bridge would open in May.", "hoped"),
        ("The mayor hopes the bridge will open in May.", "hopes"),
    ],
)
def test_hope_despite_the_lemmatizer(text: str, cue: str) -> None:
    # spaCy's lemmatizer gives "hop" for "hoped" and "hopes"
    assert [c for _, c, _ in triples(text)] == [cue]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The senator voted against the budget.", [("The senator", "voted against", "the budget")]),
        (
            "The film portrays the mayor as a hero.",
            [("The film", "portrays", "the mayor as a hero")],
        ),
        (
            "The coach reminded the players that the final is on Sunday.",
            [("The coach", "reminded", "the final is on Sunday")],
        ),
        # a vote with no object, and a headline's plural noun, report nothing
        ("The senator voted early.", []),
        ("Young Voters Flock To The Polls.\n\nTurnout was high.", []),
    ],
)
def test_votes_portrayals_reminders(text: str, found: list[tuple[str, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The governor made it clear that he would veto the bill.",
            [("The governor", "made it clear", "he would veto the bill")],
        ),
        (
            "Many voters see the senator as a fighter.",
            [("Many voters", "see", "the senator as a fighter")],
        ),
        (
            "Some analysts view the merger as a defensive move.",
            [("Some analysts", "view", "the merger as a defensive move")],
        ),
        (
            "The union regards the offer as an insult.",
            [("The union", "regards", "the offer as an insult")],
        ),
        (
            "The agency named the city as the safest in the state.",
            [("The agency", "named", "the city as the safest in the state")],
        ),
        ("They named the dog Rex.", []),
        (
            "The senator has made no secret of his frustration with the budget.",
            [("The senator", "has made no secret of", "his frustration with the budget")],
        ),
        (
            "The mayor made the case for higher parking fees.",
            [("The mayor", "made the case for", "higher parking fees")],
        ),
        (
            "The senator took issue with the mayor's plan.",
            [("The senator", "took issue with", "the mayor's plan")],
        ),
        ("He took the bus to work.", []),
        (
            "The governor launched an attack on the senator's record.",
            [("The governor", "launched an attack on", "the senator's record")],
        ),
        ("He heaped praise on the coach.", [("He", "heaped praise on", "the coach")]),
        # "make", "see" and "view" in other senses report nothing
        ("The baker made a cake for the fair.", []),
        ("We saw the parade on Main Street.", []),
        ("Visitors can view the paintings on weekdays.", []),
    ],
)
def test_made_clear_and_seen_as(text: str, found: list[tuple[str, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The coaches remain confident that the team will recover.",
            [("The coaches", "remain confident", "the team will recover")],
        ),
        (
            "Several economists are skeptical the tariff can lower prices.",
            [("Several economists", "are skeptical", "the tariff can lower prices")],
        ),
        (
            "The farmers were worried that the river would flood.",
            [("The farmers", "were worried", "the river would flood")],
        ),
        (
            "Residents are convinced that the bridge is unsafe.",
            [("Residents", "are convinced", "the bridge is unsafe")],
        ),
        (
            "The new owner is eager to rebuild the mill.",
            [("The new owner", "is eager", "to rebuild the mill")],
        ),
        (
            "The owners were pleased that the vote passed.",
            [("The owners", "were pleased", "the vote passed")],
        ),
        (
            "The pilots were aware that the runway was icy.",
            [("The pilots", "were aware", "the runway was icy")],
        ),
        (
            "Many parents are skeptical of the new curriculum.",
            [("Many parents", "are skeptical of", "the new curriculum")],
        ),
        (
            "The union was critical of the merger.",
            [("The union", "was critical of", "the merger")],
        ),
        (
            "The growers were worried about the drought.",
            [("The growers", "were worried about", "the drought")],
        ),
        # no clause, no personal subject, or a likelihood rather than a stance: nothing
        ("The coaches were confident.", []),
        ("The coaches were confident in March.", []),
        ("The patient was critical overnight.", []),
        ("The clerk was happy to help.", []),
        ("It is certain that the bridge is unsafe.", []),
        ("The merger is certain to draw scrutiny.", []),
        ("The sky was clear that morning.", []),
        ("The result was determined to be a fluke.", []),
    ],
)
def test_stance_adjectives_with_a_clause(text: str, found: list[tuple[str, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The tax plan was sharply criticized by several economists.",
            [("several economists", "was sharply criticized by", "The tax plan")],
        ),
        (
            "The new stadium is backed by most of the council.",
            [("most of the council", "is backed by", "The new stadium")],
        ),
        (
            "The outage was first reported by a local radio station.",
            [("a local radio station", "was first reported by", "The outage")],
        ),
        # a passive of making or deciding, or one without an agent, reports nothing
        ("The bridge was built by a local firm.", []),
        ("The match was decided by a late goal.", []),
        ("The tax plan was criticized.", []),
    ],
)
def test_passive_reports_with_their_agent(text: str, found: list[tuple[str, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Asked whether the plant would close, the manager shrugged.",
            [(None, "Asked", "whether the plant would close")],
        ),
        (
            "Asked what the repairs might cost, the mayor changed the subject.",
            [(None, "Asked", "what the repairs might cost")],
        ),
        (
            "At the meeting, the coach was asked about the injury list.",
            [(None, "was asked about", "the injury list")],
        ),
        (
            "The senator was asked by reporters whether the bill had stalled.",
            [("reporters", "was asked", "whether the bill had stalled")],
        ),
        # an active asker is an ordinary report; a participle on a noun asks nothing
        (
            "The judge asked whether the witness had been paid.",
            [("The judge", "asked", "whether the witness had been paid")],
        ),
        ("She answered the questions asked by the panel.", []),
    ],
)
def test_questions_put_to_someone(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The governor is expected to sign the budget on Friday.",
            [(None, "is expected", "The governor is expected to sign the budget on Friday")],
        ),
        (
            "The striker was said to be unhappy with the club.",
            [(None, "was said", "The striker was said to be unhappy with the club")],
        ),
        # an expletive "it" stays out of the cue, unless its auxiliary leans on it
        (
            "It was reported that the factory would close.",
            [(None, "was reported", "the factory would close")],
        ),
        (
            "It is widely believed that the harbor will be dredged.",
            [(None, "is widely believed", "the harbor will be dredged")],
        ),
        (
            "It's been reported that the mill will reopen in the spring.",
            [(None, "It's been reported", "the mill will reopen in the spring")],
        ),
        # a passive with its agent names its source; weather "it" and other passives
        # report nothing
        (
            "The plan was criticized by the union.",
            [("the union", "was criticized by", "The plan")],
        ),
        ("It is expected to rain.", []),
        ("The bridge was built in 1910.", []),
    ],
)
def test_unsourced_passive_reports(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The mayor is widely seen as the favorite in the race.",
            [(None, "is widely seen as", "The mayor is widely seen as the favorite in the race")],
        ),
        (
            "The bakery is best known for its rye bread.",
            [(None, "is best known for", "The bakery is best known for its rye bread")],
        ),
        # "it" may be what is judged; an "it" that stands for a clause is no one's judgment
        (
            "It is seen as a threat to the region.",
            [(None, "is seen as", "It is seen as a threat to the region")],
        ),
        ("It is considered likely that the bill will pass.", []),
        # a passive of sight, and a relative clause describing someone, report nothing
        ("The comet was seen in the sky last night.", []),
        ("The mayor hired a lawyer who is seen as a fixer.", []),
    ],
)
def test_judging_passives(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Most economists see a slowdown next year.",
            [("Most economists", "see", "a slowdown next year")],
        ),
        (
            "The union sees the deal as a betrayal.",
            [("The union", "sees", "the deal as a betrayal")],
        ),
        # what the speaker or the listener sees is sight, not a judgment
        ("I see a lot of tourists in the summer.", []),
        ("You see it in their eyes.", []),
    ],
)
def test_seeing_as_judging(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The bill passed as expected.", [(None, "as expected", "The bill passed")]),
        (
            "In the spring, the company failed as predicted.",
            [(None, "as predicted", "the company failed")],
        ),
        # a comparison reports no expectation; a named expecter is an ordinary report
        ("The bill passed sooner than expected.", []),
        ("The plan failed as she had predicted.", [("she", "had predicted", "The plan failed")]),
    ],
)
def test_as_expected(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Shares fell amid reports that the bank had lost its licence.",
            [(None, "reports", "the bank had lost its licence")],
        ),
        (
            "The club faced allegations that it had paid players in cash.",
            [(None, "allegations", "it had paid players in cash")],
        ),
        # with an owner the owner is the source; "the claim that" was made, and named,
        # elsewhere; a fear is no claim
        (
            "The club denied her allegations that it had paid players in cash.",
            [
                ("The club", "denied", "her allegations that it had paid players in cash"),
                ("her", "allegations", "it had paid players in cash"),
            ],
        ),
        ("The claim that the vote was rigged is false.", []),
        ("Fears that the bridge would fall kept drivers away.", []),
    ],
)
def test_unsourced_claims_named_by_a_noun(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "“The water rose fast,” the farmer said. “Then the fences went.”",
            [
                (
                    "the farmer",
                    "said",
                    "The water rose fast,” the farmer said. “Then the fences went.",
                )
            ],
        ),
        (
            "“The water rose fast,” the farmer said, “and then it stopped.”",
            [
                (
                    "the farmer",
                    "said",
                    "The water rose fast,” the farmer said, “and then it stopped.",
                )
            ],
        ),
        # a phrase quoted in the writer's own sentence continues nothing
        (
            "“The water rose fast,” the farmer said. Officials called the levee “sound.”",
            [
                ("the farmer", "said", "The water rose fast"),
                ("Officials", "called", "the levee “sound.”"),
            ],
        ),
    ],
)
def test_short_quotations_continue_their_speaker(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The principal told the students to leave the building.",
            [("The principal", "told", "the students to leave the building")],
        ),
        (
            "The captain told the crew never to open the hatch.",
            [("The captain", "told", "the crew never to open the hatch")],
        ),
        # telling someone how or what to do is no request
        ("The guide told us how to reach the summit.", []),
        ("The manual tells owners what to check first.", []),
    ],
)
def test_telling_someone_to_act(text: str, found: list[tuple[str, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The senator pointed to the latest jobs report.",
            [("The senator", "pointed to", "the latest jobs report")],
        ),
        (
            "The judge referred to an earlier ruling.",
            [("The judge", "referred to", "an earlier ruling")],
        ),
        (
            "The governor lashed out at the press.",
            [("The governor", "lashed out at", "the press")],
        ),
        # "to" after another stance verb, or a direction, is no object
        ("The road points to the north.", []),
        ("The governor lashed out in anger.", []),
    ],
)
def test_object_after_to(text: str, found: list[tuple[str, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The senator pushed back on the criticism.", "pushed back on"),
        ("“Not yet,” the clerk wrote back.", "wrote back"),
        # "back" that is not the verb's own adverb stays out
        ("The senator said back then that the plan would fail.", "said"),
    ],
)
def test_back_of_a_retort_joins_the_cue(text: str, cue: str) -> None:
    assert [a.cue.text for a in attributions(text) if a.cue] == [cue]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The minister has said repeatedly that the port will reopen.", "has said repeatedly"),
        ("The critic wrote sarcastically that the film was a triumph.", "wrote sarcastically"),
        ("The mayor said again that the tunnel is safe.", "said again"),
        # an adverb of the content, or one further away, stays out of the cue
        ("The minister said only the port would reopen.", "said"),
        ("The minister said on Monday, repeatedly, that the port would reopen.", "said"),
    ],
)
def test_manner_adverb_after_the_verb_joins_the_cue(text: str, cue: str) -> None:
    assert [a.cue.text for a in attributions(text) if a.cue] == [cue]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # an infinitive's "to" belongs to its verb group
        ("The rules allow members to criticize the board.", "to criticize"),
        ("The senator used to support the bill.", "used to support"),
        # a verb of seeming on a subject shared with an earlier verb joins the cue
        ("The senator smiled and seemed to suggest that the deal was dead.", "seemed to suggest"),
        ("The governor would like to thank the volunteers.", "would like to thank"),
    ],
)
def test_infinitive_marker_joins_the_cue(text: str, cue: str) -> None:
    assert [a.cue.text for a in attributions(text) if a.cue][-1] == cue


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The company said in a statement that profits fell.", "said in a statement"),
        (
            "The union says in a brief statement that the strike is over.",
            "says in a brief statement",
        ),
        # an interview or a rally is the occasion of a statement, not the statement
        ("The mayor said in an interview that profits fell.", "said"),
        ("The mayor said at a rally that the tunnel is safe.", "said"),
    ],
)
def test_said_in_a_statement_is_one_cue(text: str, cue: str) -> None:
    assert [a.cue.text for a in attributions(text) if a.cue] == [cue]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Asked whether he would run, the governor said no.",
            [(None, "Asked", "whether he would run"), ("the governor", "said", "no")],
        ),
        ("Every member but one said yes.", [("Every member but one", "said", "yes")]),
        ("A year ago, 40 percent said the same.", [("40 percent", "said", "the same")]),
        # "said little" reports nothing
        ("In court, the clerk said little.", []),
    ],
)
def test_one_word_answers(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The reporter asked the senator a simple question: would she run again?",
            [("The reporter", "asked", "a simple question: would she run again")],
        ),
        (
            "The union asked to inspect the ballots.",
            [("The union", "asked", "to inspect the ballots")],
        ),
        (
            "CBS’s Jane Doe asked the Democratic frontrunner about the email scandal.",
            [("CBS’s Jane Doe", "asked", "the email scandal")],
        ),
        # a question with nothing of what was asked
        ("The council asked a question.", []),
    ],
)
def test_what_was_asked_past_the_addressee(text: str, found: list[tuple[str, str, str]]) -> None:
    assert triples(text) == found


def test_content_runs_from_its_earliest_word_whatever_the_parse_order() -> None:
    # the parser hangs "which ones" below the clause that follows it
    assert triples("The owner talked about which ones he’d like to hire.") == [
        ("The owner", "talked about", "which ones he’d like to hire")
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Most council members voted in favor of the zoning plan.",
            [("Most council members", "voted in favor of", "the zoning plan")],
        ),
        (
            "The pastor spoke out in support of the striking nurses.",
            [("The pastor", "spoke out in support of", "the striking nurses")],
        ),
        (
            "Two ranchers testified in opposition to the pipeline.",
            [("Two ranchers", "testified in opposition to", "the pipeline")],
        ),
        # "in his favor" is no preposition of stance
        ("The referee ruled in his favor.", []),
    ],
)
def test_preposition_of_stance(text: str, found: list[tuple[str, str, str]]) -> None:
    """ "in favor of", "in support of", "in opposition to" act as one preposition."""
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The tax plan has drawn criticism from several mayors.",
            [("several mayors", "has drawn criticism", "The tax plan")],
        ),
        (
            "The sheriff won the endorsement of the police union.",
            [("the police union", "won the endorsement", "The sheriff")],
        ),
        (
            "The levy has the backing of most school boards.",
            [("most school boards", "has the backing of", "The levy")],
        ),
        # sought, not received; a poll share; a stance with no one named
        ("The sheriff needs to win the support of farmers.", []),
        ("The sheriff could get support from farmers.", []),
        ("The mayor has 40 percent support among renters.", []),
        ("The tax plan has drawn criticism.", []),
    ],
)
def test_stance_received_from_others(text: str, found: list[tuple[str, str, str]]) -> None:
    """Those who take the stance follow the noun; what they take it on is the subject."""
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "It is expected to reopen in 2027.",
            [(None, "is expected", "It is expected to reopen in 2027")],
        ),
        # an expletive "there" is expected nothing
        ("There is expected to be a vote.", []),
    ],
)
def test_pronoun_subject_of_an_unsourced_passive(
    text: str, found: list[tuple[None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The delegates threw their support to the governor.",
            [("The delegates", "threw their support to", "the governor")],
        ),
        (
            "The pastor lent her support to the strikers.",
            [("The pastor", "lent her support to", "the strikers")],
        ),
        (
            "The senator withheld support from both nominees.",
            [("The senator", "withheld support from", "both nominees")],
        ),
        (
            "The unions have signaled their support for the merger.",
            [("The unions", "have signaled their support for", "the merger")],
        ),
        # sympathy expressed "to" someone names whom it is expressed to, not what about
        (
            "The mayor expressed sympathy to the families.",
            [("The mayor", "expressed", "sympathy to the families")],
        ),
    ],
)
def test_support_given_through_a_light_verb(text: str, found: list[tuple[str, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "trump" read as a noun, "calls" as its plural
        (
            "Trump calls for bringing back the draft.",
            [("Trump", "calls for", "bringing back the draft")],
        ),
        ("Amid protests, senator claims victory; ", [("senator", "claims", "victory")]),
        ("Amid discord, Cruz claims nomination; ", [("Cruz", "claims", "nomination")]),
    ],
)
def test_sentence_case_headline_without_a_verb(
    text: str, found: list[tuple[str, str, str]]
) -> None:
    """The parser takes a headline's "calls" for a plural noun; the line has no verb."""
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "source", "cue", "content"),
    [
        # the parser gives "said" the quotation's subject too; the one nearest the verb speaks
        (
            "\"She's smart. She's tough. The fact that she, in her first year in the House,"
            ' really passed a bill," Lopez said.',
            "Lopez",
            "said",
            "She's smart. She's tough. The fact that she, in her first year in the House,"
            " really passed a bill",
        ),
        # a no-break space between the quotation and its frame
        ("“Not in Boston, not in Denver,”\u00a0Lopez said.", "Lopez", "said", None),
        (
            'The closure of the plant signals "the end of an era" for the town, said Tom Reed,'
            " the mayor of Millfield.",
            "Tom Reed, the mayor of Millfield",
            "said",
            'The closure of the plant signals "the end of an era" for the town',
        ),
    ],
)
def test_the_frame_subject_is_the_one_nearest_the_verb(
    text: str, source: str, cue: str, content: str | None
) -> None:
    found = [t for t in triples(text) if t[0] == source and t[1] == cue]
    assert found, triples(text)
    assert content is None or found[0][2] == content


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Those who take on heavy debt struggle, even with a good job, the economist said.",
            [
                (
                    "the economist",
                    "said",
                    "Those who take on heavy debt struggle, even with a good job",
                )
            ],
        ),
        # a phrase of the occasion before the subject is no statement of its own
        (
            "In an interview with the local paper, the mayor joked about the weather.",
            [("the mayor", "joked about", "the weather")],
        ),
        # (the conditional "If the two spoke about ..." is no report: see
        # test_reports_not_asserted)
        (
            "If the two spoke about the budget, neither side would say so.",
            [("neither side", "would say", "so")],
        ),
    ],
)
def test_statement_before_a_closing_frame(text: str, found: list[tuple[str, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The city responded by saying the bridge would reopen in May.",
            [("The city", "responded by saying", "the bridge would reopen in May")],
        ),
        (
            "The union responded Friday, saying the offer was too low.",
            [("The union", "responded Friday, saying", "the offer was too low")],
        ),
        (
            "The union hit back, saying the offer was too low.",
            [("The union", "hit back, saying", "the offer was too low")],
        ),
        # the quotation is the reply; the participle is a second report
        (
            "“No,” the mayor replied, adding that the bridge would reopen.",
            [("the mayor", "replied", "No"), ("the mayor", "adding", "the bridge would reopen")],
        ),
    ],
)
def test_a_reply_carried_out_by_a_participle(text: str, found: list[tuple[str, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the parser made the name the head of a sentence with no verb
        (
            "Park, a Denver lawyer, tweeted on Friday that the ruling was shameful.",
            [("Park, a Denver lawyer", "tweeted", "the ruling was shameful")],
        ),
        # a participle with an agent, or after "when", is no main verb
        ("Comments posted by readers on the website.", []),
        ("Park, a Denver lawyer, when asked about the ruling.", []),
    ],
)
def test_verb_of_a_sentence_headed_by_a_name(text: str, found: list[tuple[str, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The senator listed her failures on the economy.",
            [("The senator", "listed", "her failures on the economy")],
        ),
        (
            "The governor named her to the state court in 2015.",
            [("The governor", "named", "her to the state court")],
        ),
        # a participle naming a thing reports nothing
        ("A dog named Rex barked at the mailman.", []),
    ],
)
def test_listing_and_naming_with_a_subject(text: str, found: list[tuple[str, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a finding on the object of a verb, reported in a poll
        (
            "Last week, Green had 41 percent support in a Daily Ledger poll.",
            ("a Daily Ledger poll", "in", "Green had 41 percent support"),
        ),
        # a person or group opening the sentence after "to" holds the view it states
        (
            "To Martinez, the tax is a disaster for farmers.",
            ("Martinez", "To", "the tax is a disaster for farmers"),
        ),
        (
            "But to many voters, the plan looks like a trick.",
            ("many voters", "to", "the plan looks like a trick"),
        ),
        # the reckoning a figure is given by
        (
            "By one estimate, the storm destroyed 4,000 homes.",
            ("one estimate", "By", "the storm destroyed 4,000 homes"),
        ),
        (
            "He has won 212 delegates so far, by the league's count.",
            ("the league's count", "by", "He has won 212 delegates so far"),
        ),
        # a named source after "per"
        (
            "The factory closed in March after years of losses, per Harbor Daily.",
            ("Harbor Daily", "per", "The factory closed in March after years of losses"),
        ),
        # "in the eyes of X"
        (
            "The deal, in the eyes of most farmers, is a betrayal.",
            (
                "most farmers",
                "in the eyes of",
                "The deal, in the eyes of most farmers, is a betrayal",
            ),
        ),
    ],
)
def test_prepositional_frames(text: str, expected: tuple[str, str, str]) -> None:
    assert triples(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "To date, the fund has raised little money.",
        "To the extent that prices rise, the bank will act.",
        "The lead in the new city poll was small.",
        "The team won the game by a wide margin.",
        "Each ticket costs ten dollars per person.",
        "She looked him in the eyes and left.",
    ],
)
def test_prepositional_frames_that_report_nothing(text: str) -> None:
    assert triples(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The goalkeeper is best known for his long throws.",
            [(None, "is best known for", "The goalkeeper is best known for his long throws")],
        ),
        (
            "The old mill was known as the heart of the town.",
            [(None, "was known as", "The old mill was known as the heart of the town")],
        ),
        (
            "The new coach is widely seen as a safe choice.",
            [(None, "is widely seen as", "The new coach is widely seen as a safe choice")],
        ),
        (
            "The harbor is considered the best in the region.",
            [(None, "is considered", "The harbor is considered the best in the region")],
        ),
        (
            "The bakery, which praised the new rules, is regarded as a local treasure.",
            [
                ("which", "praised", "the new rules"),
                (
                    None,
                    "is regarded as",
                    "The bakery, which praised the new rules, is regarded as a local treasure",
                ),
            ],
        ),
        (
            "The referee was widely criticized for the penalty.",
            [
                (
                    None,
                    "was widely criticized for",
                    "The referee was widely criticized for the penalty",
                )
            ],
        ),
        (
            "The clerk is accused of stealing stamps.",
            [(None, "is accused of", "The clerk is accused of stealing stamps")],
        ),
        (
            "The home team was declared the winner.",
            [(None, "was declared", "The home team was declared the winner")],
        ),
        # a modal reading, a view under another verb, a stranded "for" and seeing with the
        # eyes: no unsourced view
        ("The delay can be seen as a warning.", []),
        (
            "She said the delay is seen as a warning.",
            [("She", "said", "the delay is seen as a warning")],
        ),
        ("The speed the car is known for - and its price - sold it.", []),
        ("The tower can be seen from the river.", []),
    ],
)
def test_views_held_by_unnamed_people(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The council passed a measure strongly opposed by the teachers.",
            [("the teachers", "strongly opposed", "a measure")],
        ),
        (
            "The route favored by the mayor runs along the river.",
            [("the mayor", "favored", "The route")],
        ),
        # support of another kind, and a participle without an agent
        ("Troops backed by artillery crossed the river.", []),
        ("The council passed a measure opposed in committee.", []),
    ],
)
def test_reduced_passive_reports(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The coach drove to the stadium to say the season was over.",
            [("The coach", "to say", "the season was over")],
        ),
        (
            "The farmers came to the market to tell buyers the harvest had failed.",
            [("The farmers", "to tell", "the harvest had failed")],
        ),
        # a purpose that is an act, not a report
        ("The coach drove to the stadium to explain the new schedule.", []),
    ],
)
def test_purpose_infinitive_of_saying(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The baker posted a photo, saying: “This took all night.”",
            [("The baker", "saying", "This took all night.")],
        ),
        (
            "The baker posted a photo of the cake, saying, “This took all night.”",
            [
                ("The baker", "posted", "a photo of the cake"),
                ("The baker", "saying", "This took all night."),
            ],
        ),
        # a report in a clause, not a participle: each verb keeps its own words
        (
            "I hope the judge says, “Case dismissed.”",
            [
                ("I", "hope", "the judge says, “Case dismissed.”"),
                ("the judge", "says", "Case dismissed."),
            ],
        ),
    ],
)
def test_quotation_after_a_participle_of_saying(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the reported clause alone, without the relative and the frame, as the seed gold
        # has it
        (
            "The council cut the grant, which they said had been wasted.",
            [("they", "said", "had been wasted")],
        ),
        (
            "The council cut the grant, which the auditors said had been wasted.",
            [("the auditors", "said", "had been wasted")],
        ),
        # a relative clause that reports nothing
        (
            "The mayor praised the budget that she wrote.",
            [("The mayor", "praised", "the budget that she wrote")],
        ),
    ],
)
def test_relative_clause_said_of_its_antecedent(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "But neighbors clamoring to save the park say they are gaining support.",
            [("neighbors clamoring to save the park", "say", "they are gaining support")],
        ),
    ],
)
def test_speaker_described_by_a_participle(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the parser reads "the system developed" as a clause and "could cut ..." as a
        # second one: the second is the first's predicate
        (
            "He said the system developed in Japan could cut delays on the line.",
            [("He", "said", "the system developed in Japan could cut delays on the line")],
        ),
        # a clause set off by a comma is a report of its own
        (
            "He said the system was developed in Japan, adding that it could cut delays.",
            [
                ("He", "said", "the system was developed in Japan"),
                ("He", "adding", "it could cut delays"),
            ],
        ),
    ],
)
def test_predicate_the_parser_splits_off(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a participle right after the object goes on with it
        (
            "The senator recalled her father teaching her how to fish.",
            [("The senator", "recalled", "her father teaching her how to fish")],
        ),
        # the parser makes the second object of "called" an object of its own
        (
            "He called the streak 40 months of steady growth.",
            [("He", "called", "the streak 40 months of steady growth")],
        ),
        # set off by a comma, it is the speaker's
        (
            "The senator praised the teachers, hoping to win their votes.",
            [
                ("The senator", "praised", "the teachers"),
                ("The senator", "hoping", "to win their votes"),
            ],
        ),
    ],
)
def test_rest_of_the_object(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        # a relative clause is the speaker's own statement, not part of what was praised
        (
            "The mayor praised the budget, which she said was balanced.",
            ("she", "said", "was balanced"),
        ),
        (
            "The coach thanked the fans, who he said had carried the team.",
            ("he", "said", "had carried the team"),
        ),
    ],
)
def test_same_speakers_report_in_a_relative_clause(text: str, inner: tuple[str, str, str]) -> None:
    assert inner in triples(text)


def test_same_speakers_report_in_the_content_is_not_separate() -> None:
    assert [t[1] for t in triples("The mayor said she hoped the budget would pass.")] == ["said"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the occasion of a quotation after the frame is not what was said
        (
            'When asked whether the plan would work, the mayor said, "We will see," and left.',
            [
                (None, "asked", "whether the plan would work"),
                ("the mayor", "said", '"We will see," and left'),
            ],
        ),
        (
            'After the vote, she said, "We will win this race."',
            [("she", "said", "We will win this race.")],
        ),
        # a quotation opening in lower case goes on with the sentence the frame interrupts
        (
            'When the rule takes effect, Dr. Lee added, "it will feel better."',
            [
                (
                    "Dr. Lee",
                    "added",
                    'When the rule takes effect, Dr. Lee added, "it will feel better."',
                )
            ],
        ),
        # ... unless a "that" opens it
        (
            'On the other hand, he added that "our plan was sound."',
            [("he", "added", "our plan was sound.")],
        ),
    ],
)
def test_part_before_a_frame_and_its_quotation(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # commas set the frame off though the parser hangs them on the clause around it
        (
            "In the long run, many economists say, this effect could ripple through the economy.",
            [
                (
                    "many economists",
                    "say",
                    "In the long run, many economists say, this effect could ripple through the"
                    " economy",
                )
            ],
        ),
        (
            "The bridge, the engineers say, will open in May.",
            [("the engineers", "say", "The bridge, the engineers say, will open in May")],
        ),
        # a frame closing the sentence takes nothing after it
        (
            "In the long run, this effect could ripple through the economy, many economists say.",
            [
                (
                    "many economists",
                    "say",
                    "In the long run, this effect could ripple through the economy",
                )
            ],
        ),
    ],
)
def test_frame_inside_its_sentence(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the parser hangs the clause's subject on the source as an apposition
        (
            "According to Sen. Mary Lee, Congressional probing of the scandal was partly"
            " responsible for the exposure.",
            [
                (
                    "Sen. Mary Lee",
                    "According to",
                    "Congressional probing of the scandal was partly responsible for the exposure",
                )
            ],
        ),
        # an apposition closed by a comma is the source's
        (
            "According to a study by Mary Lee, a Yale economist, trade is partly to blame for"
            " lost jobs.",
            [
                (
                    "a study by Mary Lee, a Yale economist",
                    "According to",
                    "trade is partly to blame for lost jobs",
                )
            ],
        ),
    ],
)
def test_subject_after_according_to(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a phrase opening the statement before the frame is part of it
        (
            "Over the long term, according to the budget office, the rise in deficits is"
            " mainly due to aging.",
            "Over the long term, according to the budget office, the rise in deficits is"
            " mainly due to aging",
        ),
        # ... but not the "But" that links it to the sentence before
        (
            "But the next day, according to the lawyer, the firm made new demands.",
            "the next day, according to the lawyer, the firm made new demands",
        ),
        # the reporter's link is not
        (
            "In addition, according to the department, nine million more workers will"
            " qualify for overtime.",
            "nine million more workers will qualify for overtime",
        ),
    ],
)
def test_phrase_before_according_to(text: str, content: str) -> None:
    assert only(text).content.text == content


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the preposition brings what is pointed to or apologized for, clause and all
        (
            "The mayor pointed to reports that the budget was cut.",
            [("The mayor", "pointed to", "reports that the budget was cut")],
        ),
        (
            "He apologized for the suggestion that the vote was rigged.",
            [("He", "apologized for", "the suggestion that the vote was rigged")],
        ),
        # the parser makes the rest of the object a clause of the verb
        (
            "The mayor pointed to the many times the council has cut the budget.",
            [("The mayor", "pointed to", "the many times the council has cut the budget")],
        ),
        # a statement is the act of saying: its clause is what was said
        (
            "She said in a statement that the plant will close.",
            [("She", "said in a statement", "the plant will close")],
        ),
    ],
)
def test_object_of_the_preposition(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "“We will win,” Lee said, referring to Smith.",
            [("Lee", "said", "We will win"), ("Lee", "referring to", "Smith")],
        ),
        ("He talked about immigration.", [("He", "talked about", "immigration")]),
        # a bare pronoun of a thing names nothing; a vote for someone is a choice
        ("He was referring to it.", []),
        ("She will vote for Lee.", []),
    ],
)
def test_one_word_object(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "“We will win this state,” Lee said, referring to Smith. “Last week we were ahead"
            " by ten points.”",
            [
                (
                    "Lee",
                    "said",
                    "We will win this state,” Lee said, referring to Smith. “Last week we were"
                    " ahead by ten points.",
                ),
                ("Lee", "referring to", "Smith"),
            ],
        ),
        (
            "“We will win this state,” Lee said, adding that the polls were wrong. “Last week"
            " we were ahead by ten points.”",
            [
                (
                    "Lee",
                    "said",
                    "We will win this state,” Lee said, adding that the polls were wrong. “Last"
                    " week we were ahead by ten points.",
                ),
                ("Lee", "adding", "the polls were wrong"),
            ],
        ),
        # no quotation: the naming inside the interrupted sentence is part of what was said
        (
            "Too often, Mr. Lee said, the vote is what he called a farce.",
            [("Mr. Lee", "said", "Too often, Mr. Lee said, the vote is what he called a farce")],
        ),
    ],
)
def test_quotation_goes_on_past_the_frames_participle(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The governor laid out his plan for the schools.",
            [("The governor", "laid out", "his plan for the schools")],
        ),
        ("The report spells out its concerns.", [("The report", "spells out", "its concerns")]),
        ("The senator weighed in on the merger.", [("The senator", "weighed in on", "the merger")]),
        ("The mayor came out against the tax.", [("The mayor", "came out against", "the tax")]),
        # an act still to come, one without an object, and a coming out for an event
        ("The mayor will lay out his plan.", []),
        ("The senator weighed in.", []),
        ("Many fans came out for the game.", []),
    ],
)
def test_verb_with_particle(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "made clear" without "that": the parser makes the clause one of "clear"
        (
            "The mayor has also made clear he will seek a second term.",
            [("The mayor", "has also made clear", "he will seek a second term")],
        ),
        ("The storm made it clear.", []),
        # the conjunction before an "as" frame is the writer's link, not what was put
        (
            "Or, as Tom Reed, a former mayor, put it, ''The bridge is no longer safe.''",
            [("Tom Reed, a former mayor", "put it", "The bridge is no longer safe")],
        ),
    ],
)
def test_made_clear_and_put_it(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the parser reads the speaker's description as a clause of its own and leaves the
        # verb without a subject: the phrase opening the sentence is the speaker
        (
            "One voter, who like others spoke on the condition of anonymity to discuss the "
            "vote, said the mood was tense.",
            [
                (
                    "One voter, who like others spoke on the condition of anonymity to discuss "
                    "the vote",
                    "said",
                    "the mood was tense",
                )
            ],
        ),
        (
            "Large numbers of young voters in four states going to the polls on Tuesday said "
            "they support a ban on assault weapons.",
            [
                (
                    "Large numbers of young voters in four states going to the polls on Tuesday",
                    "said",
                    "they support a ban on assault weapons",
                )
            ],
        ),
        # two clauses, not a speaker and its description
        (
            "The mayor praised the teachers, then says the budget will grow next year.",
            [("The mayor", "praised", "the teachers")],
        ),
    ],
)
def test_speaker_the_parser_took_for_a_clause(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the quotation after "and said," is the second verb's, not the first's
        (
            'The coach praised his players and said, "We have never played better than this."',
            [
                ("The coach", "praised", "his players"),
                ("The coach", "said", "We have never played better than this."),
            ],
        ),
        (
            "The coach told reporters, “We have never played better.”",
            [("The coach", "told", "We have never played better.")],
        ),
        # an opening participle describes the speaker of the verb after it
        (
            "Responding to the criticism in the interview, the mayor said: “He does not know me.”",
            [("the mayor", "said", "He does not know me.")],
        ),
        # a participle after the verb says the quotation itself
        (
            "The senator posted a comment online, saying, “We will not back down.”",
            [("The senator", "saying", "We will not back down.")],
        ),
    ],
)
def test_quotation_of_a_second_verb(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the that-clause hangs on a noun deep in the phrase after the verb
        (
            "The mayor said in one of a series of Twitter messages that the truck was "
            "carrying arms.",
            [("The mayor", "said", "the truck was carrying arms")],
        ),
        # a relative clause of that noun is not what was said
        ("The minister spoke in one of a series of radio interviews that were broadcast.", []),
    ],
)
def test_that_clause_deep_in_a_phrase(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a condition opening the reported clause right after "that" is part of it
        (
            "Prosecutors argued that although the man confessed, he showed no remorse and "
            "will probably return to crime.",
            [
                (
                    "Prosecutors",
                    "argued",
                    "although the man confessed, he showed no remorse and will probably "
                    "return to crime",
                )
            ],
        ),
        # one opening the sentence is the writer's
        (
            "Though the senator won the vote, the campaign argued that he would lose support.",
            [("the campaign", "argued", "he would lose support")],
        ),
    ],
)
def test_condition_opening_the_reported_clause(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "did" carries the tense of the speaker's own second report
        (
            "The manager said that the plant would reopen but did not say when the workers "
            "would return.",
            [
                ("The manager", "said", "the plant would reopen"),
                ("The manager", "did not say", "when the workers would return"),
            ],
        ),
        # a second predicate of what was said stays in the content
        (
            "The manager said that the plant would reopen but would not hire new workers.",
            [("The manager", "said", "the plant would reopen but would not hire new workers")],
        ),
    ],
)
def test_second_report_with_did(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a closing frame the parser joined to the statement with no conjunction
        (
            "This includes a special force to assist Kurdish fighters, Defense Secretary John "
            "Keller told a Senate panel Wednesday.",
            [
                (
                    "Defense Secretary John Keller",
                    "told",
                    "This includes a special force to assist Kurdish fighters",
                )
            ],
        ),
        # with "and" it is a clause of its own, with nothing told
        (
            "This includes a special force to assist Kurdish fighters, and Defense Secretary John "
            "Keller told a Senate panel Wednesday.",
            [],
        ),
    ],
)
def test_closing_frame_joined_as_a_conjunct(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the parser hangs the noun's own infinitive on the verb
        (
            "Residents decried the council's repeated calls to close the library.",
            [("Residents", "decried", "the council's repeated calls to close the library")],
        ),
        # what the object is pushed to do
        (
            "The union pushed the governors to adopt stricter rules for the mines.",
            [("The union", "pushed", "the governors to adopt stricter rules for the mines")],
        ),
        # the subject's own purpose is not part of what was highlighted or invoked
        (
            "The governor highlighted the floods to make the case for new levees.",
            [("The governor", "highlighted", "the floods")],
        ),
        (
            "The coach invoked the old rivalry to rally his players.",
            [("The coach", "invoked", "the old rivalry")],
        ),
    ],
)
def test_infinitive_after_the_object(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The farmers want their money back.", [("The farmers", "want", "their money back")]),
        (
            "The senator might oppose him politically.",
            [("The senator", "might oppose", "him politically")],
        ),
        (
            "She warned the players away from the casino.",
            [("She", "warned", "the players away from the casino")],
        ),
        # an adverb of time or place is the reporter's
        (
            "The minister endorsed the mayor here on Sunday.",
            [("The minister", "endorsed", "the mayor")],
        ),
    ],
)
def test_adverb_after_the_object(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a clause of reason or condition of the reported clause is reported too, even
        # when its verb is one of thinking or deciding
        (
            "She said the team had lost because the coach had decided to rest the starters.",
            [
                (
                    "She",
                    "said",
                    "the team had lost because the coach had decided to rest the starters",
                )
            ],
        ),
        (
            "Officials said the road would stay closed if the rain continued.",
            [("Officials", "said", "the road would stay closed if the rain continued")],
        ),
        (
            "She has pledged to sell the team if she wins the election.",
            [("She", "has pledged", "to sell the team if she wins the election")],
        ),
        # the reason for a stance toward an object is the speaker's, not its object
        (
            "The mayor has praised the plan because it creates jobs.",
            [("The mayor", "has praised", "the plan")],
        ),
    ],
)
def test_reason_or_condition_of_the_content(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # what a colon on the same line opens spells the content out
        (
            "The report offered one explanation: the plant had run out of parts.",
            [("The report", "offered", "one explanation: the plant had run out of parts")],
        ),
        (
            "The mayor praised one group in particular: the volunteers who cleaned the river.",
            [
                (
                    "The mayor",
                    "praised",
                    "one group in particular: the volunteers who cleaned the river",
                )
            ],
        ),
        # a report of its own after the colon, or a list on the next line, stays apart
        (
            "The mayor praised the plan: critics said it was too costly.",
            [("The mayor", "praised", "the plan"), ("critics", "said", "it was too costly")],
        ),
        (
            "The director praised two things:\nthe staff and the budget.",
            [("The director", "praised", "two things")],
        ),
    ],
)
def test_elaboration_after_a_colon(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a report in a condition is not said to have been made
        ("The mayor will resign if she thinks the budget cannot pass.", []),
        ("He will not campaign unless the party backs his plan.", []),
        # asserted, it is
        (
            "The mayor thinks the budget cannot pass.",
            [("The mayor", "thinks", "the budget cannot pass")],
        ),
        # a gerund after a preposition of reason, topic or lack names an act, not a report
        ("The union sued the city for ignoring the contract.", []),
        ("She refrained from criticizing the mayor.", []),
        ("The senator left the hearing without offering an alternative.", []),
        # after a preposition of time the act was done
        (
            "After criticizing the mayor, she left the room.",
            [("she", "criticizing", "the mayor")],
        ),
        # the causer's doing is no report of the one it makes think or feel
        ("The ads made voters feel that the city was unsafe.", []),
        ("The coach helped the players believe that they could win.", []),
        (
            "The players believe that they could win.",
            [("The players", "believe", "they could win")],
        ),
        # "let me say" is the speaker's own statement
        ("Let me say that the plan is sound.", [("me", "say", "the plan is sound")]),
    ],
)
def test_reports_not_asserted(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a gerund of phase or avoidance joins the cue, as the infinitive does
        (
            "The senator began calling for a recount.",
            [("The senator", "began calling for", "a recount")],
        ),
        (
            "The mayor kept asking the board to resign.",
            [("The mayor", "kept asking", "the board to resign")],
        ),
        (
            "The senator avoided mentioning the scandal.",
            [("The senator", "avoided mentioning", "the scandal")],
        ),
        (
            "The union voted to endorse the mayor.",
            [("The union", "voted to endorse", "the mayor")],
        ),
    ],
)
def test_gerund_of_phase_joins_the_cue(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # an agentless passive of making known: the subject is what unnamed people announced
        (
            "The merger was announced on Monday.",
            [(None, "was announced", "The merger")],
        ),
        (
            "The price of the house was not disclosed.",
            [(None, "was not disclosed", "The price of the house")],
        ),
        # with a complement of its own the verb says something else of its subject
        ("The tenant was announced the winner.", []),
        # an agent is the source (left to the ordinary passes)
        ("The storm was not announced by anyone.", []),
    ],
)
def test_agentless_passive_of_announcing(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the participle: the infinitive is the request
        (
            "When asked to resign, the mayor refused.",
            [(None, "asked", "to resign")],
        ),
        # "about" parted from the participle opens the question
        (
            "Asked on Tuesday about the merger, the chief executive declined to comment.",
            [
                (None, "Asked", "about the merger"),
                ("the chief executive", "declined", "to comment"),
            ],
        ),
        # next to it, it joins the cue
        (
            "Asked about the merger, the chief executive laughed.",
            [(None, "Asked about", "the merger")],
        ),
        # with a subject of its own the ordinary reading stands
        ("The board asked for a delay.", [("The board", "asked for", "a delay")]),
    ],
)
def test_asked_to_and_asked_later_about(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a view of unnamed people: "is described as", "is remembered as"
        (
            "The senator is often described as a pragmatist.",
            [(None, "is often described", "The senator is often described as a pragmatist")],
        ),
        (
            "The old mayor is remembered as a builder of parks.",
            [(None, "is remembered as", "The old mayor is remembered as a builder of parks")],
        ),
        # hypothetical: the writer's reading
        ("He will be remembered as a builder.", []),
    ],
)
def test_held_view_described_as(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the day or the medium of the statement hung on the speaker is the verb's
        ("A county report on Wednesday found that the bridge was unsafe.", "A county report"),
        ("Ms. Ortiz during a Sunday interview said the levy was a mistake.", "Ms. Ortiz"),
        ("The senator in a statement said the bill would fail.", "The senator"),
        (
            "Dr. Hale, a county health officer, via email said the clinic would close.",
            "Dr. Hale, a county health officer",
        ),
        # a place, or where a document appeared, says which source it is
        ("Farmers in the valley say the drought is the worst in decades.", "Farmers in the valley"),
        ("A report in the local paper said the bridge was unsafe.", "A report in the local paper"),
        ("A survey in March found that most tenants want repairs.", "A survey in March"),
        (
            "The mayor during the campaign called the levy a mistake.",
            "The mayor during the campaign",
        ),
    ],
)
def test_source_without_the_occasion_of_the_statement(text: str, source: str) -> None:
    a = only(text)
    assert a.source is not None and a.source.text == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a count keeps its approximation and a pair its "both"
        ("Nearly half of the tenants said the rent was too high.", "Nearly half of the tenants"),
        ("About a third of the farmers say the rule hurts them.", "About a third of the farmers"),
        (
            "Almost everyone in the room agreed that the plan was sound.",
            "Almost everyone in the room",
        ),
        (
            "Both the union and the company say the talks went well.",
            "Both the union and the company",
        ),
        # a focusing adverb before the source is not part of it
        ("Even the mayor says the plan failed.", "the mayor"),
    ],
)
def test_source_keeps_the_words_of_its_count(text: str, source: str) -> None:
    a = only(text)
    assert a.source is not None and a.source.text == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the parser may split a hyphenated word into subjects of their own
        ("Co-host Dana Reyes asked whether the show would return.", "Co-host Dana Reyes"),
        ("The ex-wife of the pitcher blames him for the debts.", "The ex-wife of the pitcher"),
        ("Our co-founder said the firm would grow.", "Our co-founder"),
        ('"It is over," said UC-AFT President Bob Roe.', "UC-AFT President Bob Roe"),
        # a hyphen with spaces parts a dateline from the source
        ("DENVER - The governor said the roads would reopen.", "The governor"),
    ],
)
def test_source_keeps_whole_hyphenated_words(text: str, source: str) -> None:
    a = only(text)
    assert a.source is not None and a.source.text == source


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # what stands between an auxiliary and its verb is inside the verb group
        (
            "The mayor has since said that the bridge is safe.",
            [("The mayor", "has since said", "the bridge is safe")],
        ),
        (
            "The two senators have both argued that taxes are too high.",
            [("The two senators", "have both argued", "taxes are too high")],
        ),
        (
            "The governor had last month claimed that the deal was dead.",
            [("The governor", "had last month claimed", "the deal was dead")],
        ),
        # a subject between them ends it
        (
            "Has the mayor ever said that the bridge is safe?",
            [("the mayor", "ever said", "the bridge is safe")],
        ),
    ],
)
def test_verb_group_encloses_its_modifiers(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a look or a sound the words came with is the manner of saying
        (
            "“It will pass,” the senator said with a grin.",
            [("the senator", "said with a grin", "It will pass")],
        ),
        (
            "“We are not worried,” she replied, with a shrug.",
            [("she", "replied, with a shrug", "We are not worried")],
        ),
        # other "with" phrases are not
        (
            "“It will pass,” the senator said with confidence.",
            [("the senator", "said", "It will pass")],
        ),
    ],
)
def test_manner_of_saying_joins_the_cue(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the platform a text was written or posted on is part of the act
        (
            "“This is a great day,” the mayor wrote on Facebook.",
            [("the mayor", "wrote on Facebook", "This is a great day")],
        ),
        (
            "The senator posted on Twitter that the vote was rigged.",
            [("The senator", "posted on Twitter", "the vote was rigged")],
        ),
        ("“We lost,” she wrote in a blog post.", [("she", "wrote in a blog post", "We lost")]),
        # a letter is not a platform, and speaking is not posting
        ("“We lost,” she wrote in a letter.", [("she", "wrote", "We lost")]),
        ("“We lost,” she said on Twitter.", [("she", "said", "We lost")]),
    ],
)
def test_platform_of_a_written_statement_joins_the_cue(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # what a preposition right after the verb brings is its content, not a quotation or
        # a clause before it
        (
            "The coach said the team was “ready to win.” He pointed to the new stadium as proof.",
            [
                ("The coach", "said", "the team was “ready to win.”"),
                ("He", "pointed to", "the new stadium as proof"),
            ],
        ),
        (
            "He wants a large stimulus for roads; she calls for a smaller one.",
            [("He", "wants", "a large stimulus for roads"), ("she", "calls for", "a smaller one")],
        ),
        (
            "Few like the mayor, so they are reluctantly voting for a rival they distrust.",
            [("they", "are reluctantly voting for", "a rival they distrust")],
        ),
        (
            "Young voters lean left: most identify with the governor's party.",
            [("most", "identify with", "the governor's party")],
        ),
        # without such a preposition the statement before the frame is the content
        ("Costs are rising, the mayor argued.", [("the mayor", "argued", "Costs are rising")]),
    ],
)
def test_reporting_preposition_brings_the_content(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "only" before the clause's "that" limits the saying, and joins the cue
        (
            "The spokesman said only that the talks were continuing.",
            [("The spokesman", "said only", "the talks were continuing")],
        ),
        # inside the clause, or before an object, it limits what was said
        (
            "He said that only the mayor could decide.",
            [("He", "said", "only the mayor could decide")],
        ),
        ("The mayor said only one thing.", [("The mayor", "said", "only one thing")]),
    ],
)
def test_said_only_that(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the parser may fold a naming verb's object into the name it gives
        (
            "Fields called both Lee and Park “dishonest” and said the race was over.",
            [
                ("Fields", "called", "both Lee and Park “dishonest”"),
                ("Fields", "said", "the race was over"),
            ],
        ),
        (
            "The mayor later mocked her accent, called her “second-rate” and skipped the hearing.",
            [
                ("The mayor", "later mocked", "her accent"),
                ("The mayor", "called", "her “second-rate”"),
            ],
        ),
        # whom the verb called, with no name given, is no report
        ("The coach called Jordan at home on Sunday.", []),
    ],
)
def test_object_folded_into_the_name(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "showed no sign of", "has shown little interest in": a stance shown
        (
            "Mr. Ortiz showed no sign of backing down.",
            [("Mr. Ortiz", "showed no sign of", "backing down")],
        ),
        (
            "The party has shown little interest in the bill.",
            [("The party", "has shown little interest in", "the bill")],
        ),
        (
            "The firm expressed confidence in the new manager.",
            [("The firm", "expressed confidence in", "the new manager")],
        ),
        # signs raised are no stance
        ("The senator raised signs of every color.", []),
        # a thing's signs are no stance
        ("The economy is showing signs of recovery.", []),
    ],
)
def test_stance_shown(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a headline's speaker owns its line, whatever report the line holds
        (
            "Senator Ames: I still believe the tax plan is unfair.\n\nShe spoke on Monday.",
            [("Senator Ames", ":", "I still believe the tax plan is unfair")],
        ),
        (
            "Mayor Lind: Voters should have approved the bridge bond.\n\nThe vote failed.",
            [("Mayor Lind", ":", "Voters should have approved the bridge bond")],
        ),
        # below the headline the report inside stays the speaker line's own
        (
            "The hearing opened on Monday.\nAmes: I believe the plan is unfair.",
            [("I", "believe", "the plan is unfair")],
        ),
        # a label or an exclamation before a headline's colon names no speaker
        ("The Latest: Storm closes the coastal highway.\n\nThe road reopened later.", []),
        ("Wow: Mayor Shuts Down The Old Pier.\n\nThe pier closed.", []),
        (
            "The Latest: Governor says schools will reopen.\n\nSchools reopen.",
            [("Governor", "says", "schools will reopen")],
        ),
    ],
)
def test_headline_speaker_before_a_colon(
    text: str, found: list[tuple[str | None, str | None, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a document's first line is its headline: a verb in -s after a bare subject
        # reports, with the preposition it takes
        (
            "Ames hints at run for governor; \nMore text follows.",
            [("Ames", "hints at", "run for governor")],
        ),
        (
            "Governor hints at tax cut in budget speech.\n\nThe speech ran long.",
            [("Governor", "hints at", "tax cut in budget speech")],
        ),
        # verbs of attack that headlines use for criticism
        (
            "Governor Rips Transit Budget.\n\nThe budget passed.",
            [("Governor", "Rips", "Transit Budget")],
        ),
        (
            "Council swipes at mayor over budget delays.\n\nThe budget passed.",
            [("Council", "swipes at", "mayor over budget delays")],
        ),
        # a verb in its base form after a plural subject
        (
            "Nurses rebuke hospital over staffing cuts.\n\nThe talks went on.",
            [("Nurses", "rebuke", "hospital over staffing cuts")],
        ),
        # a plural noun with a verb of its own, a noun with one, a subject with an
        # article, and a lone sentence are no headline's report
        ("Blistering attacks upend the mayor's plans.\n\nThe campaign went on.", []),
        ("Union campaign buys radio ads.\n\nThe ads ran.", []),
        ("The mayor will resign if she thinks the budget cannot pass.\n\nShe left.", []),
        ("Ames hints at run for governor.", []),
    ],
)
def test_headline_verb_the_parser_missed(
    text: str, found: list[tuple[str | None, str | None, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a report told inside the frame after a quotation does not stop the speaker's
        # quotation from going on with the next one
        (
            "“We lost the vote,” said Ann Smith, a teacher who said she left the party last"
            " year. “Nobody listened to us at all.”",
            [
                (
                    "Ann Smith, a teacher who said she left the party last year",
                    "said",
                    "We lost the vote,” said Ann Smith, a teacher who said she left the party"
                    " last year. “Nobody listened to us at all.",
                ),
                ("who", "said", "she left the party last year"),
            ],
        ),
        # a content that ends with a quotation before its frame goes on, as a quotation does
        (
            'Mr. Lee "apologized many times on the radio," Jones said. "I think it is time'
            ' for all of us to move on."',
            [
                (
                    "Jones",
                    "said",
                    'Mr. Lee "apologized many times on the radio," Jones said. "I think it is'
                    " time for all of us to move on.",
                )
            ],
        ),
        # without a frame after it the writer's sentence stays apart
        (
            'Mr. Lee "apologized many times on the radio." "I think it is time for all of us'
            ' to move on," Jones said.',
            [("Jones", "said", "I think it is time for all of us to move on")],
        ),
    ],
)
def test_quotation_continues_past_its_frame(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a quotation after a full stop is not the reported words' own
        (
            'The senator pledged to oppose the new tax. "It is wrong for the city," she said.',
            [
                ("The senator", "pledged", "to oppose the new tax"),
                ("she", "said", "It is wrong for the city"),
            ],
        ),
        # a second quotation with its own speaker is that speaker's
        (
            'The senator claimed that farmers from the north "cannot sell their crops here"'
            ' but the mayor said traders "can sell so easily."',
            [
                ("The senator", "claimed", 'farmers from the north "cannot sell their crops here"'),
                ("the mayor", "said", 'traders "can sell so easily."'),
            ],
        ),
    ],
)
def test_quotation_after_reported_words_kept_apart(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a quotation opened in the reported clause is said to its end, even where the parse
        # ends the clause inside it
        (
            'The senator said the ruling was "in direct conflict with the spirit of the law.'
            ' The threat of this ruling to our schools is very clear."',
            'the ruling was "in direct conflict with the spirit of the law. The threat of'
            ' this ruling to our schools is very clear."',
        ),
        # a quotation right after the reported words completes them
        (
            'The senator pledged to oppose the new tax "today, tomorrow, forever."',
            'to oppose the new tax "today, tomorrow, forever."',
        ),
        # a second quotation later in the same sentence goes on with the first
        (
            'The senator claimed that farmers from the north "cannot sell their crops here"'
            ' but traders from the south "can sell so easily."',
            'farmers from the north "cannot sell their crops here" but traders from the south'
            ' "can sell so easily.',
        ),
        # not past the end of the sentence
        (
            'The senator claimed that farmers from the north "cannot sell their crops here."'
            ' Traders from the south "can sell so easily."',
            'farmers from the north "cannot sell their crops here."',
        ),
        # a noun phrase set off before the frame is the subject the quotation goes on with
        (
            'An early loan, he said, "could pay off the debt before the next election."',
            'An early loan, he said, "could pay off the debt before the next election.',
        ),
        # an adverb set off before the frame is not
        (
            'Still, she added, "we cannot ignore the changes to the budget."',
            "we cannot ignore the changes to the budget.",
        ),
    ],
)
def test_quotation_in_reported_speech(text: str, content: str) -> None:
    assert only(text).content.text == content


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a stance inside what someone else said is part of what was said, whatever word
        # carries it: a verb of ordering, an adjective
        (
            "Officials said the commander ordered the troops to wait.",
            [("Officials", "said", "the commander ordered the troops to wait")],
        ),
        (
            "The coach said the owner was confident that the team would win.",
            [("The coach", "said", "the owner was confident that the team would win")],
        ),
        (
            "The union said its members are worried about the layoffs.",
            [("The union", "said", "its members are worried about the layoffs")],
        ),
        # so is knowing, agreeing or judging
        (
            "Aides said the governor knew that the bridge was unsafe.",
            [("Aides", "said", "the governor knew that the bridge was unsafe")],
        ),
        (
            "The mediator said both sides agreed that the talks should resume.",
            [("The mediator", "said", "both sides agreed that the talks should resume")],
        ),
        # a thought of another speaker stays, nested in the statement
        (
            "The agency said the soldier thought he was going to a training camp.",
            [
                ("The agency", "said", "the soldier thought he was going to a training camp"),
                ("the soldier", "thought", "he was going to a training camp"),
            ],
        ),
        # a frame inside a statement stays
        (
            "Aides said that according to their count, the mayor won.",
            [
                ("Aides", "said", "according to their count, the mayor won"),
                ("their count", "according to", "the mayor won"),
            ],
        ),
        # the same stance not inside a report is one
        (
            "The owner was confident that the team would win.",
            [("The owner", "was confident", "the team would win")],
        ),
        (
            "The governor knew that the bridge was unsafe.",
            [("The governor", "knew", "the bridge was unsafe")],
        ),
    ],
)
def test_stance_inside_another_report(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # an adjective said of an empty "it": a remark on saying, by no one
        ("It is fair to say that the plan failed.", []),
        ("It's important to remember that the council voted twice.", []),
        ("Even in March, it is premature to assume the bill will pass.", []),
        # the infinitive's own subject, or a subject that says, keeps the report
        (
            "The mayor was quick to say that the plan failed.",
            [("The mayor", "was quick to say", "the plan failed")],
        ),
        (
            "It will be hard for the mayor to deny that the plan failed.",
            [("the mayor", "to deny", "the plan failed")],
        ),
    ],
)
def test_remark_on_saying_by_no_one(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a question put to "you" asks; it reports no one's view
        ("Do you support the new budget? Tell us below.", []),
        ("Who do you think will win the race?", []),
        # an interviewer's question keeps it, and so does a statement about "you"
        (
            "Q: Do you think the council will vote for it?",
            [("you", "think", "the council will vote for it")],
        ),
        ("You said the plan would fail.", [("You", "said", "the plan would fail")]),
    ],
)
def test_question_to_the_reader(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a poll's verb of placing a candidate reports what the poll found
        (
            "The county poll has the mayor leading the sheriff by nine points.",
            [("The county poll", "has", "the mayor leading the sheriff by nine points")],
        ),
        (
            "A campus survey puts the dean's approval at 41 percent.",
            [("A campus survey", "puts", "the dean's approval at 41 percent")],
        ),
        (
            "The harbor poll gave the incumbent a narrow lead.",
            [("The harbor poll", "gave", "the incumbent a narrow lead")],
        ),
        # placing no one: no report
        ("The county poll has a margin of error of three points.", []),
        ("The new survey gave residents a chance to weigh in.", []),
    ],
)
def test_poll_placing(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a poll's participle reports its finding when the poll is any poll of its kind
        (
            "The mayor kept campaigning despite polls showing her far behind.",
            [("polls", "showing", "her far behind")],
        ),
        (
            "The sheriff cut spending, with a new poll showing most residents upset about crime.",
            [("a new poll", "showing", "most residents upset about crime")],
        ),
        # "the polls showing ..." picks out which polls: they report nothing here
        (
            "Rubin doubts the polls showing the mayor ahead.",
            [("Rubin", "doubts", "the polls showing the mayor ahead")],
        ),
    ],
)
def test_poll_participle(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a date right after the poll says which poll it is
        (
            "A harbor survey last week found that most tenants want rent limits.",
            "A harbor survey last week",
        ),
        (
            "A county poll in December found that most voters back the levy.",
            "A county poll in December",
        ),
        # the date of several surveys does not pick one out
        ("Surveys of tenants last week found that most want rent limits.", "Surveys of tenants"),
        # nor is a speaker's date part of the speaker
        ("The mayor on Monday said that the levy would pass.", "The mayor"),
    ],
)
def test_poll_date_in_source(text: str, source: str) -> None:
    found = attributions(text)
    assert found and found[0].source is not None and found[0].source.text == source


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the parser took the participle describing the speakers for the subject
        (
            "Most tenants going to the meetings Tuesday said they want rent limits.",
            [("Most tenants going to the meetings Tuesday", "said", "they want rent limits")],
        ),
        # "overall" after the speakers counts them; it is no part of the saying
        (
            "But 58 percent of the tenants overall said they were unhappy with the rules.",
            [
                (
                    "58 percent of the tenants overall",
                    "said",
                    "they were unhappy with the rules",
                )
            ],
        ),
    ],
)
def test_poll_respondents(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("subject", "lemma", "found"),
    [
        # "..., the survey found." read as a relative clause of the last noun: a closing frame
        ("survey", "find", [("the survey", "found", "Most tenants dislike the landlord")]),
        # not a poll, and a clause-only verb: no report
        ("tenant", "find", []),
    ],
)
def test_closing_frame_read_as_relative_clause(
    subject: str, lemma: str, found: list[tuple[str | None, str, str]]
) -> None:
    import spacy
    from spacy.tokens import Doc

    from claimledger import attribution, entities

    words = ["Most", "tenants", "dislike", "the", "landlord", ",", "the", subject, "found", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True] * 4 + [False, True, True, True, False, False],
        heads=[1, 2, 2, 4, 2, 4, 7, 8, 4, 2],
        deps=["amod", "nsubj", "ROOT", "det", "dobj", "punct", "det", "nsubj", "relcl", "punct"],
        tags=["JJS", "NNS", "VBP", "DT", "NN", ",", "DT", "NN", "VBD", "."],
        pos=["ADJ", "NOUN", "VERB", "DET", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
        lemmas=["most", "tenant", "dislike", "the", "landlord", ",", "the", subject, lemma, "."],
    )
    attrs, _ = attribution.find_attributions(doc, entities.link_entities(doc))
    assert [(a.source and a.source.text, a.cue and a.cue.text, a.content.text) for a in attrs] == (
        found
    )


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        (
            "The bakery chain is reportedly weighing a sale of its northern stores.",
            "reportedly",
            "The bakery chain is reportedly weighing a sale of its northern stores",
        ),
        (
            "Reportedly, the coach left the stadium before the final whistle.",
            "Reportedly",
            "the coach left the stadium before the final whistle",
        ),
    ],
)
def test_hearsay_adverb_reports_by_no_one(sentence: str, cue: str, content: str) -> None:
    """ "X is reportedly doing Y": a report whose source the text does not name."""
    attrs = extract(Document(id="d", text=sentence)).attributions
    assert [(a.source, a.cue and a.cue.text, a.content.text) for a in attrs] == [
        (None, cue, content)
    ]
    assert attrs[0].hedge == "reportedly"


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor reportedly said the budget was balanced.",  # a hedge on "said"
        "The museum allegedly lost the painting in a fire.",  # the writer's hedge
    ],
)
def test_hearsay_adverb_on_a_report_or_not_hearsay(sentence: str) -> None:
    attrs = extract(Document(id="d", text=sentence)).attributions
    assert all(a.cue is None or a.cue.text not in ("reportedly", "allegedly") for a in attrs)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a press release is a statement: the phrase joins the cue as "in a statement" does
        (
            "“The plant will stay open,” the company said in a press release.",
            [("the company", "said in a press release", "The plant will stay open")],
        ),
        (
            "“Sales doubled,” the chief executive said in the release week.",
            [("the chief executive", "said", "Sales doubled")],
        ),
        # "call upon" takes its object as "call on" does
        (
            "The mayor has called upon residents to conserve water.",
            [("The mayor", "has called upon", "residents to conserve water")],
        ),
        (
            "The mayor called on residents to conserve water.",
            [("The mayor", "called on", "residents to conserve water")],
        ),
        # "That's according to X": the copula joins the frame, its subject is what X says
        (
            "Turnout fell by a third. That was according to the county clerk.",
            [("the county clerk", "was according to", "That")],
        ),
        (
            "Turnout fell by a third, according to the county clerk.",
            [("the county clerk", "according to", "Turnout fell by a third")],
        ),
        # a bare participle of attempt or phase governs the report it carries, and joins the
        # cue; one of seeking reports on its own
        (
            "The coaches spent the whole week trying to explain that the team was rebuilding.",
            [("The coaches", "trying to explain", "the team was rebuilding")],
        ),
        (
            "After struggling to persuade voters that he was ready, the mayor dropped out.",
            [("the mayor", "struggling to persuade", "he was ready")],
        ),
        (
            "The coaches spent the week seeking to explain that the team was rebuilding.",
            [("The coaches", "seeking", "to explain that the team was rebuilding")],
        ),
        # an adverb linking the clause to the text, or summing up its subject, is not the
        # cue's; one of time or manner is
        (
            "The mayor however said the tax would stay.",
            [("The mayor", "said", "the tax would stay")],
        ),
        (
            "Most voters overall said they liked the plan.",
            [("Most voters overall", "said", "they liked the plan")],
        ),
        (
            "The mayor later said the tax would stay.",
            [("The mayor", "later said", "the tax would stay")],
        ),
        # "twice" and "aloud" after the verb qualify the saying, as "again" does
        (
            "“We will win,” the coach said twice.",
            [("the coach", "said twice", "We will win")],
        ),
        (
            "“Is this the best we can do?” the coach wondered aloud.",
            [("the coach", "wondered aloud", "Is this the best we can do?")],
        ),
        (
            "“We will win,” the coach said once.",
            [("the coach", "said", "We will win")],
        ),
        # an adverb of the adverb before the verb joins the cue with it, and so does an
        # auxiliary before them
        (
            "The agency almost immediately disclosed that the files were lost.",
            [("The agency", "almost immediately disclosed", "the files were lost")],
        ),
        (
            "The board has once again decided that the fee will rise.",
            [("The board", "has once again decided", "the fee will rise")],
        ),
        (
            "The coach explained that the team was rebuilding.",
            [("The coach", "explained", "the team was rebuilding")],
        ),
        # a second space, or a no-break space, between the auxiliary and the verb
        (
            "The council has  acknowledged that the budget is short.",
            [("The council", "has  acknowledged", "the budget is short")],
        ),
        (
            "The council has\u00a0acknowledged that the budget is short.",
            [("The council", "has\u00a0acknowledged", "the budget is short")],
        ),
    ],
)
def test_cue_extents(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # verbs that report through a noun of their own, with what the noun is about
        (
            "The auditor cast doubt on the official figures.",
            [("The auditor", "cast doubt on", "the official figures")],
        ),
        (
            "The senator had harsh words for the agency.",
            [("The senator", "had harsh words for", "the agency")],
        ),
        (
            "The coach has high praise for her new assistant.",
            [("The coach", "has high praise for", "her new assistant")],
        ),
        (
            "The board has no illusions about the cost of the merger.",
            [("The board", "has no illusions about", "the cost of the merger")],
        ),
        (
            "The mayor floated the idea of a new tax on parking.",
            [("The mayor", "floated the idea of", "a new tax on parking")],
        ),
        (
            "The comedians poked fun at the new stadium.",
            [("The comedians", "poked fun at", "the new stadium")],
        ),
        (
            "The chef made fun of the old menu.",
            [("The chef", "made fun of", "the old menu")],
        ),
        (
            "The bishop made an impassioned call for calm.",
            [("The bishop", "made an impassioned call for", "calm")],
        ),
        (
            "The dean has made veiled references to the scandal.",
            [("The dean", "has made veiled references to", "the scandal")],
        ),
        (
            "The union unleashed a harsh attack on the contract.",
            [("The union", "unleashed a harsh attack on", "the contract")],
        ),
        (
            "The owner took offense at the question.",
            [("The owner", "took offense at", "the question")],
        ),
        (
            "The banker sounded a cautious note about the housing market.",
            [("The banker", "sounded a cautious note about", "the housing market")],
        ),
        (
            "The coach has provided no details about the trade.",
            [("The coach", "has provided no details about", "the trade")],
        ),
        (
            "The teachers turned their attention to the budget.",
            [("The teachers", "turned their attention to", "the budget")],
        ),
        (
            "The governor left no doubt that she would sign the bill.",
            [("The governor", "left no doubt", "she would sign the bill")],
        ),
        # a stance kept up or stepped up
        (
            "The governor continued his attacks on the mayor.",
            [("The governor", "continued his attacks on", "the mayor")],
        ),
        (
            "The critic has stepped up her criticism of the museum.",
            [("The critic", "has stepped up her criticism of", "the museum")],
        ),
        (
            "The tenants renewed their calls for a rent freeze.",
            [("The tenants", "renewed their calls for", "a rent freeze")],
        ),
        # the same verbs with other nouns, or without what the noun is about, report nothing
        ("The team had a great season.", []),
        ("The storm left no damage in the valley.", []),
        ("The company continued its expansion into Asia.", []),
        ("The clerk made calls all afternoon.", []),
        ("The ship cast anchor near the island.", []),
    ],
)
def test_noun_of_a_report_after_its_verb(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # an idiom of effort lends the report its subject and joins its cue
        (
            "The governor went out of his way to praise the new budget.",
            [("The governor", "went out of his way to praise", "the new budget")],
        ),
        (
            "The mayor took pains to say that the plan was legal.",
            [("The mayor", "took pains to say", "the plan was legal")],
        ),
        (
            "The senator used her speech to attack the new tax.",
            [("The senator", "used her speech to attack", "the new tax")],
        ),
        # the same idioms without a report
        ("The neighbor went out of her way to help him.", []),
        ("The crew took pains to hide the boxes.", []),
        ("The town used the money to build a school.", []),
    ],
)
def test_idiom_of_effort_joins_the_cue(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a verb of the manner of a retort reports the quotation next to it
        (
            "“Go back to your seat,” the chairman barked as the guards walked in.",
            [("the chairman", "barked", "Go back to your seat")],
        ),
        (
            "“That is not what the report says,” Lee shot back.",
            [("Lee", "shot back", "That is not what the report says")],
        ),
        (
            "“And it is a worry to me because it ends the plans we have,” she went on.",
            [("she", "went on", "And it is a worry to me because it ends the plans we have")],
        ),
        # without a quotation, or going on to do something, it reports nothing
        ("She went on to win the race.", []),
        ('He started the engine, "loud" as usual.', []),
    ],
)
def test_verb_that_reports_only_by_its_quotation(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a frame with its own speaker nearer the quotation owns it
        (
            'As the mayor attacked her rival, the crowd chanted, "Lock him up!"',
            [("the mayor", "attacked", "her rival"), ("the crowd", "chanted", "Lock him up!")],
        ),
        # a report inside the verb's own clause does not take the quotation from it
        (
            'She hopes voters say, "Thank you for the work."',
            [
                ("She", "hopes", 'voters say, "Thank you for the work."'),
                ("voters", "say", "Thank you for the work."),
            ],
        ),
    ],
)
def test_quotation_after_a_nearer_frame(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a quotation closed by a full stop is no frame's object of its own
        (
            "“We cannot win this way.” Her critics cited the speech as proof of weakness.",
            [("Her critics", "cited", "the speech as proof of weakness")],
        ),
        # a quotation before its speaker is not what a verb with an object of its own reports
        (
            'Speaking on the radio show "Morning Talk," Senator Lee identified rising prices as'
            " the main worry.",
            [
                ("Senator Lee", "Speaking on", 'the radio show "Morning Talk,"'),
                ("Senator Lee", "identified", "rising prices as the main worry"),
            ],
        ),
        # a verb of saying alone, or with a pronoun for the quotation, still frames it
        (
            "“We cannot win this way.” She said it twice.",
            [("She", "said", "We cannot win this way.")],
        ),
        ("“A total failure,” Lee called it.", [("Lee", "called", "A total failure")]),
    ],
)
def test_quotation_before_a_verb_with_its_own_object(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the participle's speaker is its clause's subject, not the subject of a verb
        # inside the quotation after it
        (
            "The mayor did not seem impressed, telling reporters, “Many people said the"
            " governor should resign.”",
            [("The mayor", "telling", "Many people said the governor should resign.")],
        ),
        (
            "She said the plan was wrong, arguing that it costs too much.",
            [("She", "said", "the plan was wrong"), ("She", "arguing", "it costs too much")],
        ),
    ],
)
def test_participle_before_a_quotation(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the closing mark of the quotation before is not part of the speaker
        ("“We were wrong to wait,” Jones, 58, told reporters.", "Jones, 58"),
        # an opening mark of a quoted name is
        ("“Daily Show” host Ann Lee said the plan failed.", "“Daily Show” host Ann Lee"),
    ],
)
def test_source_without_the_closing_mark_before_it(text: str, source: str) -> None:
    assert only(text).source.text == source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two frames for one quotation: the one right after it reports it, not the verb of
        # the question before the colon
        (
            "Asked whether he had tried to find records that would support his earlier claims:"
            ' "I am too busy right now. Good luck with the article," he wrote.',
            ("he", "wrote", "I am too busy right now. Good luck with the article"),
        ),
        # a verb of saying that opens the quotation, not a stance verb the parser linked to it
        (
            'Lopez, who also campaigned in the county this month, tweeted, "Thank you Ohio!'
            ' #Vote2024" on Monday morning.',
            ("Lopez", "tweeted", "Thank you Ohio! #Vote2024"),
        ),
        # an opening mark typed for the closing one still closes the quotation
        (
            "“Do you want to be compared with a dictator?“ he asked.",
            ("he", "asked", "Do you want to be compared with a dictator?"),
        ),
        # a speaker after the verb that opens with a participle ("retired"), whose name the
        # parser gave to the participle after it
        (
            '"I am not going to call it a mistake, so drop it," said retired surgeon Paul Reed,'
            " asked about his remarks on the hospital board.",
            (
                "retired surgeon Paul Reed",
                "said",
                "I am not going to call it a mistake, so drop it",
            ),
        ),
        # a speaker whose description the parser gave to the participle set off before the verb
        (
            'But Sen. Anna K. Moore (D-Vt.), noting the size of the union vote, said, "Let me tell'
            ' you, she has a heck of a donor list."',
            (
                "Sen. Anna K. Moore (D-Vt.)",
                "said",
                "Let me tell you, she has a heck of a donor list.",
            ),
        ),
    ],
)
def test_frame_of_a_quotation(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle with content of its own keeps it, beside the verb's own report
        (
            "The mayor, citing the rising costs, said the plan was dead.",
            ("The mayor", "citing", "the rising costs"),
        ),
        (
            "The mayor, citing the rising costs, said the plan was dead.",
            ("The mayor", "said", "the plan was dead"),
        ),
        # a stance verb keeps a quotation no verb of saying opens or closes
        (
            'Lopez pledged to protect "every single job in the county."',
            ("Lopez", "pledged", 'to protect "every single job in the county."'),
        ),
    ],
)
def test_frame_of_a_quotation_keeps_the_others(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text)


def _misparsed_frame() -> tuple[str, object]:
    """ "“We were wrong to wait,” Ramos, 58, told AFP." as the parser sometimes reads it: the
    name and the verb conjuncts of the quoted verb, the verb with no subject of its own."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words = ["“", "We", "were", "wrong", "to", "wait", ",", "”", "Ramos", ",", "58", ",", "told"]
    words += ["AFP", "."]
    spaces = [False, True, True, True, True, False, False, True, False, True, False, True, True]
    spaces += [False, False]
    heads = [2, 2, 2, 2, 5, 3, 2, 8, 2, 8, 8, 8, 2, 12, 2]
    deps = ["punct", "nsubj", "ROOT", "acomp", "aux", "xcomp", "punct", "punct", "conj"]
    deps += ["punct", "appos", "punct", "conj", "dobj", "punct"]
    tags = ["``", "PRP", "VBD", "JJ", "TO", "VB", ",", "''", "NNP", ",", "CD", ",", "VBD"]
    tags += ["NNP", "."]
    pos = ["PUNCT", "PRON", "AUX", "ADJ", "PART", "VERB", "PUNCT", "PUNCT", "PROPN", "PUNCT"]
    pos += ["NUM", "PUNCT", "VERB", "PROPN", "PUNCT"]
    lemmas = ["“", "we", "be", "wrong", "to", "wait", ",", "”", "Ramos", ",", "58", ",", "tell"]
    lemmas += ["AFP", "."]
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, tags=tags)
    for tok, p, lemma in zip(doc, pos, lemmas, strict=True):
        tok.pos_ = p
        tok.lemma_ = lemma
    return doc.text, doc


@pytest.mark.parametrize(
    ("verb", "expected"),
    [
        # the words between the closing mark and the verb are the speaker
        (12, ("Ramos, 58", "told", "We were wrong to wait")),
        # a word that is no verb of saying frames nothing
        (8, None),
    ],
)
def test_speaker_between_quotation_and_verb(verb: int, expected: tuple[str, ...] | None) -> None:
    from claimledger.attribution_speakers import speaker_between
    from claimledger.quotes import find_quotes

    text, doc = _misparsed_frame()
    tok = doc[verb]  # type: ignore[index]
    quotes, _ = find_quotes(text)
    c = speaker_between(text, tok, tok.sent, quotes)
    if expected is None:
        assert c is None
        return
    assert c is not None and c.source is not None and c.cue is not None
    got = (text[slice(*c.source)], text[slice(*c.cue)], text[slice(*c.content)])
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle after a clause the parser hung on a later "you know": the clause's
        # subject says it
        (
            "The governor on Friday stepped up his attacks on the mayor, saying he is weak on"
            " crime, you know that.",
            ("The governor", "saying", "he is weak on crime"),
        ),
        # a participle after a reported clause is still the reporter's
        (
            "The mayor said the plan was too costly, arguing that the city cannot pay for it.",
            ("The mayor", "arguing", "the city cannot pay for it"),
        ),
        # a closed quoted sentence before a verb with an object of its own is not its content
        (
            "“We will finish the bridge on time and I fully support the new budget.” He went on"
            " to endorse the governor, calling her “a true partner.”",
            ("He", "went on to endorse", "the governor"),
        ),
        (
            "“We will finish the bridge on time and I fully support the new budget.” He went on"
            " to endorse the governor, calling her “a true partner.”",
            ("He", "calling", "her “a true partner.”"),
        ),
        # a series of predicates whose first the parser took for a reported clause
        (
            "The mayor further summed up the governor as “weak,” denounced her record as"
            " treasurer and said she should not be allowed to run again.",
            ("The mayor", "denounced", "her record as treasurer"),
        ),
        (
            "The mayor further summed up the governor as “weak,” denounced her record as"
            " treasurer and said she should not be allowed to run again.",
            ("The mayor", "said", "she should not be allowed to run again"),
        ),
        # a second report in the tense of the first, not of the clause it reports
        (
            "She continues to insist that she will stay in the race and refuses to answer"
            " questions about the delegates.",
            ("She", "continues to insist", "she will stay in the race"),
        ),
        (
            "She continues to insist that she will stay in the race and refuses to answer"
            " questions about the delegates.",
            ("She", "refuses", "to answer questions about the delegates"),
        ),
        (
            "They fear that the mayor has already missed a chance and warn that the budget is"
            " too small.",
            ("They", "warn", "the budget is too small"),
        ),
        # a participle after a closing frame the parser took for an aside
        (
            "“Too much hate,” she said, blaming some of it on the senator.",
            ("she", "said", "Too much hate"),
        ),
        (
            "“Too much hate,” she said, blaming some of it on the senator.",
            ("she", "blaming", "some of it on the senator"),
        ),
        # a quotation that goes on after the aside is still one statement
        (
            "“Every time you say that,” Lee said, referring to the excuse, “you give ammunition"
            " to the critics.”",
            (
                "Lee",
                "said",
                "Every time you say that,” Lee said, referring to the excuse, “you give"
                " ammunition to the critics.",
            ),
        ),
    ],
)
def test_second_report_of_the_same_speaker(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a verb after a modal or an infinitive goes on with it
        (
            "They say they will fight and refuse to answer questions.",
            "they will fight and refuse to answer questions",
        ),
        (
            "Both hosts say the owners have never told them what to say or not say.",
            "the owners have never told them what to say or not say",
        ),
        # a quotation closing with a comma before the frame is what was said
        ("“We will win the vote,” he told reporters.", "We will win the vote"),
    ],
)
def test_first_report_keeps_its_content(text: str, content: str) -> None:
    assert only(text).content.text == content


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a verb of judging reports its object with what the object is judged to be
        (
            "The council deemed the proposal a reasonable compromise.",
            [("The council", "deemed", "the proposal a reasonable compromise")],
        ),
        (
            "The court declared the new law void.",
            [("The court", "declared", "the new law void")],
        ),
        # a passive of "deem" is a view of people the text does not name
        (
            "The vote was delayed when many ballots were deemed invalid.",
            [(None, "were deemed", "many ballots were deemed invalid")],
        ),
        # with one object only, nothing is judged
        ("The council considered the proposal on Monday.", []),
    ],
)
def test_judged_object(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # an outlet quoting someone as saying reports the pair, speaker and words
        (
            "The local paper quoted a neighbor as saying he heard two shots.",
            [("The local paper", "quoted", "a neighbor as saying he heard two shots")],
        ),
        # quoting a text is no report of this kind
        ("The pastor quoted a psalm at the funeral.", []),
    ],
)
def test_quoted_as_saying(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a participle of suggesting or claiming speaks for the noun it follows
        (
            "There is new evidence suggesting that the river is cleaner.",
            [("new evidence", "suggesting", "the river is cleaner")],
        ),
        (
            "Officials dismissed rumors claiming that the bridge was unsafe.",
            [
                ("Officials", "dismissed", "rumors claiming that the bridge was unsafe"),
                ("rumors", "claiming", "the bridge was unsafe"),
            ],
        ),
        # with an object and no clause it reports nothing
        ("The team has a coach suggesting new drills.", []),
    ],
)
def test_participle_with_a_clause(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # news made known on a day by people the text does not name
        (
            "A large merger announced Tuesday would create the biggest bank in the region.",
            [(None, "announced Tuesday", "A large merger")],
        ),
        (
            "The new contract, announced on Friday, runs for three years.",
            [(None, "announced on Friday", "The new contract")],
        ),
        # with no time, or with an agent, it is not this frame
        ("The cuts announced last week by the board were deep.", []),
    ],
)
def test_announced_on_a_day(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # what someone remembers is a memory they report, an object as well as a clause
        (
            "The old coach remembered the boxer as a kind man.",
            [("The old coach", "remembered", "the boxer as a kind man")],
        ),
        (
            "The adoptee remembers putting his hand over his heart.",
            [("The adoptee", "remembers", "putting his hand over his heart")],
        ),
        # inside a quotation it is the speaker's words
        (
            "“I remember the flood well,” the farmer said.",
            [("the farmer", "said", "I remember the flood well")],
        ),
    ],
)
def test_remembered(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # verbs of stance whose object is what the stance is about
        (
            "The senator is mulling a run for governor.",
            [("The senator", "is mulling", "a run for governor")],
        ),
        (
            "The chef extolled the virtues of fresh bread.",
            [("The chef", "extolled", "the virtues of fresh bread")],
        ),
        ("The union repudiated the deal.", [("The union", "repudiated", "the deal")]),
        # and those whose object follows a preposition
        (
            "The governor alluded to the scandal in her speech.",
            [("The governor", "alluded to", "the scandal")],
        ),
        (
            "The banks balked at paying the fine.",
            [("The banks", "balked at", "paying the fine")],
        ),
        ("The critic scoffed at the idea.", [("The critic", "scoffed at", "the idea")]),
        (
            "The lawmakers sparred over the budget.",
            [("The lawmakers", "sparred over", "the budget")],
        ),
        # verbs of saying or thinking that take a clause
        (
            "The economist posited that wages would rise.",
            [("The economist", "posited", "wages would rise")],
        ),
        (
            "An aide later clarified that the mayor had misspoken.",
            [("An aide", "later clarified", "the mayor had misspoken")],
        ),
        (
            "The paper queried whether the plan would work.",
            [("The paper", "queried", "whether the plan would work")],
        ),
        # a list ticked off, a judgement pegged, a wary stance
        (
            "She ticked off a list of failures.",
            [("She", "ticked off", "a list of failures")],
        ),
        (
            "One ranking pegs the firm as the largest.",
            [("One ranking", "pegs", "the firm as the largest")],
        ),
        (
            "Investors are leery of the new rules.",
            [("Investors", "are leery of", "the new rules")],
        ),
        # "clarify" with an object reports nothing; a bare "balked" has nothing it is about
        ("The ruling did not clarify the matter.", []),
        ("The banks balked.", []),
    ],
)
def test_stance_and_speech_lexicon(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the parser hangs the name and its apposition on the phrase before them and leaves
        # the verb without a subject: the appositions set off by commas are the speaker
        (
            "On the eve of a meeting in Ohio, the party chairman, Carl Weber, bluntly suggested"
            " that the nominee should withdraw.",
            [
                (
                    "the party chairman, Carl Weber",
                    "bluntly suggested",
                    "the nominee should withdraw",
                )
            ],
        ),
        (
            "In a phone call to the Sentinel, her chief of staff, Omar Reyes, said: “She will not"
            " resign.”",
            [("her chief of staff, Omar Reyes", "said", "She will not resign.")],
        ),
        (
            "At a town hall in Ohio, Mayor Ruth Ames, the council's longest-serving member, openly"
            " criticized the budget.",
            [
                (
                    "Mayor Ruth Ames, the council's longest-serving member",
                    "openly criticized",
                    "the budget",
                )
            ],
        ),
        # appositions that name no one are no speaker
        (
            "On the eve of a meeting in Ohio, the party chairman, a cautious man, bluntly"
            " suggested that the nominee should withdraw.",
            [],
        ),
    ],
)
def test_appositive_subject(text: str, found: list[tuple[str | None, str, str]]) -> None:
    assert triples(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # the parser takes the subject for part of the opening prepositional phrase: the noun
        # phrase between the phrase's comma and the verb is the speaker
        (
            "Through real-time analytics, coaches and scouts know how many miles each player runs.",
            [("coaches and scouts", "know", "how many miles each player runs")],
        ),
        (
            "Through real-time analytics, managers and owners clearly know how many fans are"
            " buying tickets.",
            [("managers and owners", "clearly know", "how many fans are buying tickets")],
        ),
    ],
)
def test_subject_taken_into_opening_phrase(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found


def test_subject_after_according_to_is_not_recovered() -> None:
    # "According to X," names a source of its own: the verb after it gets no speaker
    text = (
        "According to live web statistics, writers and producers know how many readers are"
        " following their reports."
    )
    assert all(cue != "know" for _, cue, _ in triples(text))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a quotation mark typed with no space between the punctuation and the next word
        (
            "The mayor said,“Look, the bridge is not safe for trucks.”",
            [("The mayor", "said", "Look, the bridge is not safe for trucks.")],
        ),
        (
            "“The bridge is not safe for trucks,”Lopez said.",
            [("Lopez", "said", "The bridge is not safe for trucks")],
        ),
        (
            "The council met on Tuesday. Councilwoman Ortiz wrote:“We cannot keep it open.”",
            [("Councilwoman Ortiz", "wrote", "We cannot keep it open.")],
        ),
        # a closing quote run into the next sentence reports nothing
        ("“We tried everything!”After the vote, Ortiz left.", []),
    ],
)
def test_quotation_mark_without_a_space(
    text: str, found: list[tuple[str | None, str, str]]
) -> None:
    assert triples(text) == found
