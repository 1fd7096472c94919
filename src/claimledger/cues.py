"""Words that signal attribution: reporting verbs and nouns, channels, hedges.

The lists are ours, written from the reporting-verb literature (Krestel et al. 2008; Pareti
2015) and the constructions of English news; they name word classes, never particular
articles. Verbs are lemmas as spaCy's English lemmatizer gives them.
"""

from __future__ import annotations

import re

#: Verbs of saying, writing, thinking and claiming that take reported content.
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    say tell write add claim allege warn believe think argue note report announce explain
    insist suggest acknowledge admit confirm deny declare state stress assert contend
    maintain predict promise recall reply respond reveal testify tweet post ask urge
    complain concede conclude estimate fear hope indicate mention observe emphasize
    emphasise reiterate repeat underscore agree disagree dispute doubt feel worry forecast
    guess speculate suspect wonder question joke quip boast brag lament muse counter retort
    shout scream yell whisper continue recount confide signal hint imply show find
    acknowledge disclose proclaim remark charge accuse caution vow pledge threaten blog
    testify inform assure advise propose recommend demand
    describe answer protest object cry exclaim concur affirm figure reckon predict
    envision envisage anticipate calculate conclude determine discover establish judge
    presume assume believe point counsel confess grumble gripe groan sigh snap rule brief
    testify swear attest certify corroborate verify rebut refute contradict dismiss
    know expect understand recognize recognise remember consider deem interpret decide
    learn hear read remind request
    posit surmise gloat snipe grouse vent gush marvel foresee profess paraphrase clarify query
    specify
    """.split()
)

#: Reporting verbs that distance the reporter from the content (the reporter's hedge).
HEDGE_VERBS: frozenset[str] = frozenset({"allege", "claim", "purport", "contend", "insist"})

#: Adverbs by which the reporter distances itself from a claim.
HEDGE_ADVERBS: frozenset[str] = frozenset(
    {"reportedly", "allegedly", "purportedly", "supposedly", "ostensibly", "apparently"}
)

#: Relative pronouns: "who", "which", ... opening a relative clause.
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which", "that", "whom", "whose"})

#: Verbs of knowing, agreeing and judging: inside someone else's report ("Aides said he knew
#: the risks", "officials said both sides agreed to a truce") the state is part of what was
#: said, not a statement of its holder, as a thought ("said the soldier thought ...") is.
KNOWING_VERBS: frozenset[str] = frozenset(
    {"know", "realize", "understand", "recognize", "learn", "agree", "consider"}
)

#: Adverbs that report on their own, with no reporting verb: "The company is reportedly
#: weighing a sale" says that unnamed reports have it so ("allegedly" mostly hedges the
#: writer's own account of a charge, "the gun he allegedly used").
HEARSAY_ADVERBS: frozenset[str] = frozenset({"reportedly"})

#: Stance verbs whose content follows a preposition only ("talked about", not "speak Russian").
PREPOSITIONAL_STANCE: frozenset[str] = frozenset(
    """
    talk speak comment rail lash boast brag joke testify complain advocate campaign vote
    allude balk acquiesce dwell bristle spar marvel gush fulminate grouse vent tussle agonize
    reminisce gloat snipe backpedal scoff yearn carp
    """.split()
)

#: Verbs of stance whose content is their object ("called for a ban", "wants to win",
#: "criticized the decision") rather than a clause.
_OBJECT_STANCE: frozenset[str] = frozenset(
    """
    call criticize criticise attack blast condemn praise defend support endorse want urge
    promise pledge vow deny accuse cite slam denounce applaud welcome reject oppose
    demand propose recommend back blame thank question dismiss mock warn push
    seek offer refuse discuss express challenge prefer decline echo highlight tout
    identify compare plan ignore favor favour intend decry address approve hail embrace
    congratulate cheer expect hope
    reference refer invoke label liken bemoan downplay admire despise promote
    portray chant assail credit apologize apologise lambaste chide scold rebuke berate
    laud commend fault disparage belittle ridicule deride taunt castigate excoriate bash
    reaffirm dub term brand characterize characterise retweet retweete grill champion vouch
    disavow outline
    lambast contemplate mull ponder relish herald revile revere extol extoll savage
    repudiate pan trumpet rubbish chastise pummel eviscerate parrot restate rescind recant
    renounce foreshadow heckle idolize preach reprise attribute articulate peg
    prescribe satirize chronicle propound harangue telegraph spout impart sugarcoat
    crave
    """.split()
)
#: All verbs of stance: with an object, or with a preposition only.
STANCE_VERBS: frozenset[str] = _OBJECT_STANCE | PREPOSITIONAL_STANCE

#: Verbs of attack that headlines use for criticism ("Senator Rips Plan", "Union trashes
#: deal"); they report only where a headline's shape gives them a speaker.
HEADLINE_VERBS: frozenset[str] = frozenset("rip trash whack swipe rebuff".split())

#: Reporting verbs whose direct object is the addressee, not the content ("told reporters").
ADDRESSEE_VERBS: frozenset[str] = frozenset(
    "tell ask inform assure advise brief remind notify answer".split()
)

#: Verbs of asking someone to act: their content names who is to act and what ("asked the
#: board to resign"). Those not in STANCE_VERBS report only in that frame ("encouraged
#: growth" is no report).
REQUEST_VERBS: frozenset[str] = frozenset(
    """
    ask urge encourage implore beg beseech order instruct direct invite press persuade
    convince challenge pressure lobby exhort entreat petition
    """.split()
)

#: Light verbs that report through a noun of stance ("expressed concern about", "voiced
#: doubts that", "declared war on"): the noun is the cue's, what it is about the content.
LIGHT_VERBS: frozenset[str] = frozenset(
    """
    express voice raise offer declare embrace show throw sound register lodge air signal
    pledge lend withhold
    """.split()
)

#: Stance nouns given "to" someone and withheld "from" them, besides the prepositions
#: of any stance noun: "threw their support to the governor", "withheld support from".
BACKING_NOUNS: dict[str, frozenset[str]] = {
    n: frozenset({"to", "from"}) for n in ("support", "backing", "endorsement")
}

#: Nouns of feeling and stance that a light verb reports with.
STANCE_NOUNS: frozenset[str] = frozenset(
    """
    concern concerns outrage misgiving misgivings doubt doubts support opposition frustration
    skepticism scepticism insight insights idea war hope hopes fear fears regret anger worry
    worries alarm dismay sympathy condolence condolences praise criticism confidence
    reservation reservations optimism pessimism objection objections displeasure
    disappointment gratitude admiration interest
    inclination willingness desire defense defence critique
    thought thoughts opinion enthusiasm wish amusement astonishment discomfort disapproval
    appetite note
    """.split()
)

#: Nouns of a stance that only "show" reports with: "showed no sign of backing down".
SHOWN_NOUNS: frozenset[str] = frozenset("sign signs hint hints".split())

#: Stance nouns with a preposition of their own besides the common ones: "showed little
#: interest in the bill", "expressed confidence in the mayor", "turned her attention to the
#: budget", "made a reference to the scandal".
IN_NOUNS: dict[str, frozenset[str]] = {n: frozenset({"in"}) for n in ("interest", "confidence")} | {
    n: frozenset({"to"}) for n in ("attention", "reference")
}

#: Verbs of thinking and finding: their content is a clause ("found that ..."), never an
#: object ("found a way", "know the answer"); and verbs of saying whose object is seldom
#: what was said ("maintained a lead", "addressed the crowd", "countered the attack").
CLAUSE_ONLY_VERBS: frozenset[str] = frozenset(
    """
    know expect understand recognize recognise consider deem interpret decide learn
    maintain counter contradict address
    hear read think believe find show feel suspect wonder guess figure reckon realize realise
    assume presume discover determine establish judge calculate conclude clarify
    """.split()
)

#: Verbs of judging that report an object with what it is judged to be: "deemed the plan a
#: fair trade", "declared the law void".
JUDGING_VERBS: frozenset[str] = frozenset(
    "deem consider declare judge find rule pronounce proclaim".split()
)

#: Looks and sounds that words come with, a manner of saying: "said with a grin", "replied,
#: with a shrug", "said with an eye roll".
EXPRESSION_NOUNS: frozenset[str] = frozenset(
    """
    smile grin smirk laugh chuckle giggle sigh shrug wink nod frown scowl grimace roll scoff
    """.split()
)

#: Verbs that report speech only next to a quotation ("“...,” he continued", "“No,” she
#: snapped back", "he interjected: “...”"): verbs of going on and of the manner of a
#: retort. Those in QUOTE_PARTICLES report only with their particle ("went on", "shot
#: back"; "went home" is no report).
QUOTE_ONLY_VERBS: frozenset[str] = frozenset(
    """
    continue go shoot fire hit chime cut interject begin start bark beam opine elaborate
    """.split()
)
QUOTE_PARTICLES: dict[str, str] = {
    "go": "on",
    "shoot": "back",
    "fire": "back",
    "hit": "back",
    "chime": "in",
    "cut": "in",
}

#: Verbs that report only with a particle, by the particle and what brings the content: an
#: object ("laid out his plan", "spelled out its concerns") or a preposition ("weighed in on
#: the merger", "came out against the tax").
PARTICLE_REPORTS: dict[str, tuple[str, frozenset[str]]] = {
    "lay": ("out", frozenset({"dobj"})),
    "spell": ("out", frozenset({"dobj"})),
    "weigh": ("in", frozenset({"on", "with", "about", "regarding"})),
    "come": ("out", frozenset({"against"})),
    "tick": ("off", frozenset({"dobj"})),
}

#: Verbs whose preposition right after them brings what they report: "pointed to the
#: budget", "called for a recount", "voted for the bill", "identify with the party".
REPORTING_PREPOSITIONS: dict[str, frozenset[str]] = {
    "point": frozenset({"to"}),
    "refer": frozenset({"to"}),
    "call": frozenset({"for"}),
    "vote": frozenset({"for", "against"}),
    "argue": frozenset({"for", "against"}),
    "ask": frozenset({"for"}),
    "identify": frozenset({"with"}),
    "push": frozenset({"for"}),
    "advocate": frozenset({"for"}),
    "lobby": frozenset({"for", "against"}),
    "allude": frozenset({"to"}),
    "acquiesce": frozenset({"to"}),
}

#: Verbs by which an outlet relays another source's statement ("..., Reuters reported").
RELAY_VERBS: frozenset[str] = frozenset({"report", "cite", "quote", "relay", "carry"})

#: Stances that someone keeps up, steps up or renews: "continued his attacks on", "stepped
#: up her criticism of", "renewed their calls for".
_KEPT_UP_NOUNS: frozenset[str] = frozenset(
    "attack assault criticism critique call broadside offensive demand plea tirade".split()
)

#: Verbs other than the light verbs above that report through a noun of their own: "made no
#: mention of", "has made no secret of", "took issue with", "took aim at", "delivered a
#: sharp critique of", "continued his attacks on".
NOUN_FRAMES: dict[str, frozenset[str]] = {
    "make": frozenset(
        """
        mention secret comment remark statement case point claim allegation charge promise
        pledge apology joke observation suggestion argument accusation reference commitment
        call plea appeal fun
        """.split()
    ),
    "take": frozenset("issue aim shot swipe jab credit exception umbrage offense offence".split()),
    "launch": frozenset("attack broadside salvo assault tirade".split()),
    "level": frozenset("accusation charge criticism attack".split()),
    "pay": frozenset("tribute homage".split()),
    "heap": frozenset("praise scorn criticism blame".split()),
    "deliver": frozenset("defense defence critique tirade rebuke broadside rebuttal".split()),
    "unleash": frozenset("attack broadside salvo assault tirade barrage".split()),
    "have": frozenset("praise word doubt illusion qualm reservation".split()),
    "leave": frozenset({"doubt"}),
    "cast": frozenset("doubt aspersion aspersions".split()),
    "float": frozenset("idea notion possibility prospect".split()),
    "poke": frozenset({"fun"}),
    "mince": frozenset({"word"}),
    "provide": frozenset({"detail"}),
    "turn": frozenset({"attention"}),
} | {
    v: _KEPT_UP_NOUNS
    for v in "continue escalate intensify step ratchet ramp sharpen renew redouble".split()
}

#: Nouns that make a preposition of stance with "in" and their own preposition: "voted in
#: favor of the bill", "spoke in support of the strike", "wrote in opposition to the plan".
STANCE_PREPOSITIONS: dict[str, frozenset[str]] = {
    "favor": frozenset({"of"}),
    "favour": frozenset({"of"}),
    "support": frozenset({"of"}),
    "defense": frozenset({"of"}),
    "defence": frozenset({"of"}),
    "praise": frozenset({"of"}),
    "opposition": frozenset({"to"}),
    "protest": frozenset({"of", "against"}),
}

#: Nouns of a stance that someone receives from others: "drew criticism from", "won the
#: endorsement of".
RECEIVED_NOUNS: frozenset[str] = frozenset(
    "criticism support endorsement backing opposition praise condemnation rebuke scorn".split()
)
#: Verbs by which a stance is received.
RECEIVING_VERBS: frozenset[str] = frozenset(
    "have win receive face draw enjoy earn pick get snag secure attract spark".split()
)

#: Nouns of one who takes a side: "is a vocal supporter of the bill", "a critic of the plan".
PARTISAN_NOUNS: frozenset[str] = frozenset(
    """
    supporter critic proponent opponent advocate defender champion booster backer foe
    admirer detractor fan
    """.split()
)

#: Nouns that name a statement and can carry its content ("the claim that ...").
SPEECH_NOUNS: frozenset[str] = frozenset(
    """
    claim allegation statement assertion warning belief announcement argument suggestion
    insistence promise report view assessment estimate prediction accusation admission
    acknowledgment acknowledgement charge contention declaration denial insinuation
    conclusion fear hope assurance pledge vow testimony suspicion speculation theory rumor rumour
    forecast finding confirmation revelation remark comment threat complaint
    """.split()
)

#: Nouns of what was said that its speaker owns, besides the speech nouns, when "be" gives
#: what was said: "the senator's answer was that ...", "her point is that ...".
STATED_NOUNS: frozenset[str] = frozenset("answer response point message impression".split())

#: Documents and events whose participle reports for their author ("a statement calling
#: for calm", "a news conference announcing the suit").
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    """
    statement letter tweet post posting message ad advertisement commercial release email
    e-mail memo op-ed column editorial speech conference briefing filing lawsuit motion
    resolution petition note essay paper video story piece robocall mailer flyer ruling
    injunction
    """.split()
)

#: Verbs by which an author puts out a document ("issued a statement saying").
ISSUING_VERBS: frozenset[str] = frozenset(
    "issue release send post publish sign write deliver give tweet share air run file pen "
    "circulate hold unveil distribute".split()
)

#: Verbs by which a record or a count reports what it shows: "polls show Clinton with a
#: lead", "the survey found most voters undecided".
EVIDENCE_VERBS: frozenset[str] = frozenset({"show", "find"})
#: Records and counts that speak for their makers.
EVIDENCE_NOUNS: frozenset[str] = frozenset(
    """
    poll polls survey surveys record records data datum study studies video videos footage
    email emails document documents figure figures number numbers analysis result results
    tally tallies count counts research photo photos image images report reports filing
    filings statistic statistics chart map memo transcript log logs
    """.split()
)

#: Polls and surveys that a finding is reported "in": "leads in the latest NBC poll".
RECORD_NOUNS: frozenset[str] = frozenset({"poll", "survey", "average"})
#: Those and "polling", as the subject of a poll's finding: "polling shows her ahead".
POLL_NOUNS: frozenset[str] = RECORD_NOUNS | {"polling"}

#: Nouns of a reckoning that a figure is given by: "by one estimate", "by the league's count".
RECKONING_NOUNS: frozenset[str] = frozenset(
    "estimate count tally reckoning calculation measure".split()
)

#: Verbs that report only in one construction: "made (it) clear that ...", "sees (views,
#: regards, names, lists, ranks) X as Y", "as X put it, ...", "took issue with".
CONSTRUCTION_VERBS: frozenset[str] = frozenset(
    {"make", "see", "view", "regard", "put", "name", "list", "rank", "quote"}
) | frozenset(NOUN_FRAMES)

#: Addressee and clause-only verbs that also report with one preposition: "asked for a
#: recount", "asked about the merger", "believes in the program", "agreed with the mayor".
ALSO_PREPOSITIONAL: dict[str, frozenset[str]] = {
    "ask": frozenset({"for", "about"}),
    "believe": frozenset({"in"}),
    "agree": frozenset({"with"}),
    "disagree": frozenset({"with"}),
    "identify": frozenset({"with"}),
}

#: Verbs that give something a name: "what he called “a disgrace”", "which she described
#: as reckless".
NAMING_VERBS: frozenset[str] = frozenset(
    "call describe dub term label brand characterize characterise".split()
)

#: Stances a participle gives its noun: "a super PAC supporting Jeb Bush".
BACKING_PARTICIPLES: frozenset[str] = frozenset(
    "support back endorse oppose denounce blast condemn urge".split()
)

#: Nouns of a claim that news reports without naming who made it: "amid reports that ...".
UNSOURCED_NOUNS: frozenset[str] = frozenset(
    "report allegation claim complaint speculation rumor rumour accusation revelation".split()
)

#: Verbs whose passive subject is what the agent reported or took a stand on ("was first
#: reported by", "is backed by"); the passive of a verb of making, deciding or knowing ("was
#: decided by", "is known by") is no report.
PASSIVE_REPORTS: frozenset[str] = frozenset(
    """
    report support back endorse reject oppose criticize criticise condemn denounce praise
    dispute
    """.split()
)

#: Verbs whose agentless passive reports what unnamed people say, think or expect.
UNSOURCED_PASSIVES: frozenset[str] = frozenset(
    "say report believe think expect allege rumor rumour understand suspect".split()
)

#: Verbs whose agentless passive with no complement makes its subject the news of unnamed
#: people: "the merger was announced on Monday", "the price was not disclosed".
NEWS_PASSIVES: frozenset[str] = frozenset("announce disclose reveal confirm".split())

#: Verbs whose participle after a noun, with a "by" agent, reports the agent's stand on it:
#: "a measure opposed by the unions".
REDUCED_PASSIVE_REPORTS: frozenset[str] = frozenset(
    "oppose favor favour endorse criticize criticise condemn denounce reject praise".split()
)

#: Verbs whose agentless passive reports a view held by unnamed people, with the
#: prepositions (or "oprd", an object predicate) of the view: "is known for his temper", "is
#: widely seen as a moderate", "is considered the favorite", "is accused of fraud".
HELD_VIEW_PASSIVES: dict[str, frozenset[str]] = {
    "know": frozenset({"for", "as"}),
    "see": frozenset({"as"}),
    "view": frozenset({"as"}),
    "regard": frozenset({"as"}),
    "perceive": frozenset({"as"}),
    "consider": frozenset({"oprd"}),
    "criticize": frozenset({"for", "as"}),
    "criticise": frozenset({"for", "as"}),
    "accuse": frozenset({"of"}),
    "declare": frozenset({"oprd"}),
    "deem": frozenset({"oprd", "as"}),
    "describe": frozenset({"as"}),
    "remember": frozenset({"as", "for"}),
    "portray": frozenset({"as"}),
    "characterize": frozenset({"as"}),
    "characterise": frozenset({"as"}),
}


#: Participles that "as" makes an expectation of unnamed people: "passed as expected".
EXPECTATION_PARTICIPLES: frozenset[str] = frozenset(
    "expect predict anticipate forecast fear hope".split()
)

#: Subjects that name no one: "it is certain that", "there is ...", "it's said that ...".
DUMMY_SUBJECTS: frozenset[str] = frozenset({"it", "there", "this", "that", "which"})

#: Sources that are not sources: "according to a translation" marks a translation.
NOT_SOURCES: frozenset[str] = frozenset(
    {"translation", "transcript", "definition", "dictionary", "tradition", "legend"}
)

#: Social platforms by the words that name them, a channel each.
_PLATFORM_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"\bTelegram\b", "Telegram"),
    (r"\b(?:X|x\.com)\b(?=\s*(?:\(|,|\.|$|\s+(?:post|account|feed)))", "X"),
    (r"\bon X\b", "X"),
    (r"\bTwitter\b|\btweet(?:s|ed|ing)?\b", "X"),
    (r"\bFacebook\b", "Facebook"),
    (r"\bInstagram\b", "Instagram"),
    (r"\bYouTube\b", "YouTube"),
    (r"\bTikTok\b", "TikTok"),
    (r"\bTruth Social\b", "Truth Social"),
    (r"\bThreads\b", "Threads"),
    (r"\bBluesky\b", "Bluesky"),
    (r"\bWeibo\b", "Weibo"),
)
#: The social platforms' channel names: a text is posted "on" them ("wrote on Facebook").
PLATFORMS: frozenset[str] = frozenset(name for _, name in _PLATFORM_PATTERNS)
#: Channels by the words that name them, platforms first (the most specific wins).
_CHANNEL_PATTERNS: tuple[tuple[str, str], ...] = _PLATFORM_PATTERNS + (
    (r"\bpress conference\b|\bnews conference\b", "press conference"),
    (r"\bpress briefing\b|\bbriefing\b", "briefing"),
    (r"\binterview\b", "interview"),
    (r"\btelevis(?:ed|ion)\b|\bon TV\b|\bbroadcast\b", "television"),
    (r"\bradio\b", "radio"),
    (r"\bpodcast\b", "podcast"),
    (r"\bspeech\b|\baddress(?:ed)? (?:to )?(?:the )?nation\b", "speech"),
    (r"\bstatement\b", "statement"),
    (r"\bpress release\b", "press release"),
    (r"\bop-ed\b|\bcolumn\b", "op-ed"),
    (r"\bletter\b", "letter"),
    (r"\be-?mail(?:ed)?\b", "email"),
    (r"\btestimony\b|\btestif(?:y|ied)\b", "testimony"),
    (r"\brally\b", "rally"),
    (r"\bdebate\b", "debate"),
    (r"\breport\b", "report"),
)

CHANNELS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), name) for p, name in _CHANNEL_PATTERNS
)


def channel_of(text: str) -> str | None:
    """The medium named in ``text`` (the attribution's frame), the most specific first.

    Platforms win over generic forms: "a statement on X" is on X.
    """
    for pattern, name in CHANNELS:
        if pattern.search(text):
            return name
    return None
