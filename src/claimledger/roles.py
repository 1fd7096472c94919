"""Roles of named entities from titles and appositions ("U.S. Defense Secretary Lloyd Austin").

Pure functions over a parsed spaCy ``Doc``: given the token range of a name, they return the
role the text gives it, as written (cleaned of determiners, commas and honorifics), or ``None``.
Three constructions are read from the dependency parse:

- a pre-nominal title, the name's left modifiers: "Ukrainian President Volodymyr Zelensky";
- an apposition after the name: "the Institute for the Study of War, a Washington D.C.-based
  think tank," and "John Smith, a spokesman for the ministry,";
- a name that is itself the apposition of a common noun: "Trump's campaign manager Corey
  Lewandowski", "the agency's chief, John Smith".

It also holds the vocabulary that ``claimledger.entities`` resolves mentions with: which heads
are anonymous ("officials"), speak for someone ("spokesman"), describe an organisation ("the
agency") or a person ("the president"), and the cues of gender (honorifics, kin words, common
given names).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

#: Dependencies by which a title attaches to the name it precedes.
_TITLE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod", "case", "nummod"})

#: Honorifics: part of how a name is written, not a role.
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "messrs", "dr", "sir", "dame", "madam", "madame", "herr"}
)

#: Entity types that cut a title short: a date before a name is not part of its title.
_NOT_TITLE_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"})

#: Longest role kept, in tokens; a longer "apposition" is a parse error or a clause.
MAX_ROLE_TOKENS = 12

#: Entity types that say where someone is from, not what they are.
_PLACES = frozenset({"GPE", "NORP", "LOC"})

_STRIP = " \t\r\n,;:—–-\"“”'‘’()"


def name_root(doc: Doc, start: int, end: int) -> Token:
    """The syntactic head of the tokens ``doc[start:end]`` (the last one when the parse is odd).

    Raises:
        ValueError: an empty or out-of-range token range.
    """
    if not (0 <= start < end <= len(doc)):
        raise ValueError(
            f"token range must satisfy 0 <= start < end <= {len(doc)}, got {start}..{end}"
        )
    for tok in doc[start:end]:
        if not (start <= tok.head.i < end) or tok.head.i == tok.i:
            return tok
    return doc[end - 1]


def title_role(doc: Doc, start: int, end: int) -> str | None:
    """The title written before the name ``doc[start:end]``, or ``None``.

    "U.S. Defense Secretary Lloyd Austin" gives "U.S. Defense Secretary"; "Mr. Trump" gives
    ``None`` (an honorific is no role).
    """
    left = start
    for tok in doc[start:end]:
        for child in tok.lefts:
            if child.i < start and child.dep_ in _TITLE_DEPS:
                left = min(left, child.left_edge.i)
    if left == start:
        return None
    # Cut at anything that cannot belong to a title (a date, a verb, a clause boundary).
    first = left
    for tok in doc[left:start]:
        # A hyphen inside a word ("vice-president") is part of a title; a spaced dash or
        # any other punctuation ends what came before ("OTHER STATES - Michael P. McDonald").
        in_word = tok.text in {"-", "."} and not tok.whitespace_
        clause = tok.pos_ in {"VERB", "AUX", "PUNCT"} and not in_word
        if tok.ent_type_ in _NOT_TITLE_ENTS or clause:
            first = tok.i + 1
    return _clean(doc, first, start)


def apposition_role(doc: Doc, start: int, end: int) -> str | None:
    """The apposition describing the name ``doc[start:end]``, or ``None``.

    "X, a spokesman for the ministry, said" gives "spokesman for the ministry"; an apposition
    that is itself a name ("the capital, Kyiv") is not a role.
    """
    root = name_root(doc, start, end)
    for child in root.rights:
        if child.dep_ != "appos" or child.i < end:
            continue
        if child.ent_type_ or child.pos_ == "PROPN":
            continue
        stop = child.right_edge.i + 1
        # "co-director of X": a misparse may end the apposition at "co"; take the word after
        # the hyphen and what hangs on it.
        while (
            stop + 1 < len(doc)
            and doc[stop].text == "-"
            and not doc[stop].whitespace_
            and not doc[stop - 1].whitespace_
        ):
            stop = max(stop + 2, doc[stop + 1].right_edge.i + 1)
        # An apposition is set off: it ends at punctuation ("For Hillary Clinton, Britain's
        # uprising ... is" is a misparse, not a description of her).
        if stop < len(doc) and not doc[stop].is_punct:
            continue
        # A relative clause or a second comma ends the description.
        for tok in doc[child.i + 1 : stop]:
            if tok.text == "," or tok.tag_ in {"WDT", "WP", "WP$"}:
                stop = tok.i
                break
        return _clean(doc, child.left_edge.i, stop)
    head = root.head
    if root.dep_ == "appos" and head.i < start and head.pos_ == "NOUN":
        return _clean(doc, head.left_edge.i, start)
    return None


def roles_of(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    """Every role the text gives the name ``doc[start:end]``, title first."""
    found = [r for r in (title_role(doc, start, end), apposition_role(doc, start, end)) if r]
    return tuple(dict.fromkeys(found))


def _clean(doc: Doc, start: int, end: int) -> str | None:
    """The text of ``doc[start:end]`` without determiners, honorifics and edge punctuation."""
    toks = [t for t in doc[start:end]]
    while toks and (
        toks[0].dep_ in {"det", "predet", "punct", "cc", "prep"}
        or toks[0].pos_ == "ADV"
        or toks[0].lower_.rstrip(".") in HONORIFICS
    ):
        toks.pop(0)
    while toks and (toks[-1].is_punct or toks[-1].lower_.rstrip(".") in HONORIFICS):
        toks.pop()
    if not toks or len(toks) > MAX_ROLE_TOKENS:
        return None
    # A role needs a noun of its own: "South Korean", "former" or "Ukraine’s" alone is none.
    if not any(t.pos_ in {"NOUN", "PROPN"} and t.ent_type_ not in _PLACES for t in toks):
        return None
    if toks[-1].tag_ == "POS" or toks[-1].dep_ == "poss":
        return None
    # "Team Clinton", "Camp Trump": a group named for the person, not a title.
    if len(toks) == 1 and toks[0].lower_ in {"team", "camp"}:
        return None
    # A headline in capitals before a byline is no title.
    shouting = [t for t in toks if t.is_alpha and len(t.text) > 1]
    if len(shouting) >= 2 and all(t.is_upper for t in shouting):
        return None
    # Joining the tokens gives the text as written; ``doc.text`` would rebuild the whole text.
    text = "".join(t.text_with_ws for t in toks).strip(_STRIP)
    return text or None


# -- the vocabulary of mentions -------------------------------------------------------------
# What heads, pronouns and titles can denote; ``claimledger.entities`` resolves with these.

PRONOUNS_PERSON = frozenset({"he", "she", "him", "his", "her", "himself", "herself"})
PRONOUNS_THING = frozenset({"it", "its", "itself"})
PRONOUNS_PLURAL = frozenset({"they", "them", "their", "themselves"})

FEMALE_ROLE = (
    r"(woman|women)\b|\b(mrs|ms|madam|queen|princess|actress|daughter|wife|mother|sister"
    r"|girlfriend|widow|grandmother|aunt|niece)\b"
)
MALE_ROLE = (
    r"(man|men)\b|\b(mr|king|prince|actor|son|husband|father|brother|boyfriend|widower"
    r"|grandfather|uncle|nephew)\b"
)
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})

#: Heads of anonymous sources: nobody nameable made the claim.
ANONYMOUS = frozenset(
    {
        "official", "source", "analyst", "expert", "observer", "critic", "resident", "witness",
        "diplomat", "aide", "person", "people", "insider", "someone", "somebody", "anyone",
        "researcher", "scientist", "economist",
        "investor", "trader", "member", "supporter", "opponent", "voter", "lawmaker",
        "legislator", "activist", "officer", "employee", "staffer", "adviser", "advisor",
        "counselor", "strategist", "operative", "democrat", "republican", "i", "we", "you",
        "ally", "allies", "backer", "friend", "associate", "confidant", "loyalist", "surrogate",
        "donor", "veteran", "colleague",
        "me", "us", "one", "other", "others", "many", "some", "several", "few", "everyone",
    }
)
#: Documents: they speak for whoever made them when the text names that maker.
DOCUMENTS = frozenset(
    {
        "poll", "survey", "report", "study", "editorial", "article", "analysis", "ad",
        "memo", "letter", "column", "story", "review", "investigation", "filing", "document",
        "release", "post", "tweet", "video", "book", "forecast", "estimate", "data", "record",
        "records", "filings", "figures", "statistics", "numbers", "findings", "documents",
    }
)
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "whom", "that"})

#: Heads that speak for the organisation they are "for" ("a spokesman for the State Department").
SPOKESPEOPLE = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "representative", "statement", "spokespeople"}
)
#: Heads whose national modifier stands for the state: "the Ukrainian government" -> Ukraine.
STATE_HEADS = frozenset(
    {"government", "authority", "authorities", "regime", "state", "leadership"}
)

#: Descriptions of organisations: head lemma -> words one of which the name must contain.
ORG_KINDS: dict[str, tuple[str, ...]] = {
    "agency": ("agency", "service", "bureau", "intelligence", "directorate", "administration"),
    "service": ("service", "agency", "bureau", "intelligence"),
    "bureau": ("bureau", "agency", "service"),
    "ministry": ("ministry", "department"),
    "department": ("department", "ministry"),
    "committee": ("committee", "commission", "council"),
    "commission": ("commission", "committee"),
    "council": ("council", "committee"),
    "institute": ("institute", "institution", "center", "centre", "foundation", "tank"),
    "foundation": ("foundation", "fund", "trust", "charity"),
    "charity": ("foundation", "fund", "trust", "charity"),
    "court": ("court", "tribunal"),
    "army": ("army", "forces", "military", "guard"),
    "military": ("army", "forces", "military", "pentagon", "defense", "defence"),
    "party": ("party",),
    "union": ("union",),
    "campaign": ("campaign",),
    "university": ("university", "college"),
    "company": ("inc", "corp", "co", "company", "ltd", "llc", "group", "plc"),
    "firm": ("inc", "corp", "co", "company", "ltd", "llc", "group", "plc", "partners"),
    "corporation": ("corp", "corporation", "inc"),
    "group": ("group", "organization", "organisation", "association", "network", "coalition"),
    "organization": ("organization", "organisation", "association", "group"),
    "organisation": ("organization", "organisation", "association", "group"),
    "administration": ("administration", "white house"),
}
#: Descriptions vague enough to be said of any organisation that just spoke.
GENERIC_ORG_HEADS = frozenset(
    {"agency", "service", "bureau", "group", "organization", "organisation", "company",
     "firm", "ministry", "department", "administration"}
)
MEDIA_WORDS = (
    "post", "times", "journal", "news", "tribune", "herald", "gazette", "daily", "magazine",
    "guardian", "telegraph", "reuters", "bloomberg", "cnn", "bbc", "nbc", "abc", "cbs", "fox",
    "msnbc", "press", "chronicle", "economist", "politico", "axios", "breitbart", "examiner",
    "observer", "monitor", "review", "wire", "radio", "tv", "television", "yonhap", "tass",
    "interfax", "xinhua", "sun", "mail", "express", "independent", "atlantic", "hill",
    "globe", "star", "record", "inquirer", "register", "bulletin", "agency", "kommersant",
)
MEDIA_HEADS = frozenset(
    {
        "newspaper", "paper", "daily", "outlet", "publication", "magazine", "network",
        "broadcaster", "tabloid", "weekly", "site", "website", "channel", "wire", "newsroom",
    }
)
STATE_DESCRIPTIONS = frozenset({"country", "nation", "government", "kingdom", "republic"})
#: Descriptions of people: the head must occur in one of the person's roles.
PERSON_HEADS = frozenset(
    {
        "president", "minister", "secretary", "senator", "governor", "spokesman", "spokeswoman",
        "spokesperson", "candidate", "nominee", "leader", "chairman", "chairwoman", "chair",
        "chief", "director", "ceo", "mayor", "ambassador", "general", "commander",
        "congressman", "congresswoman", "chancellor", "premier", "king", "queen", "prince",
        "judge", "lawyer", "attorney", "businessman", "billionaire", "author", "professor",
        "founder", "head", "speaker", "mogul", "frontrunner", "official", "actor",
        "pope", "emperor", "monarch", "dictator", "host", "reporter", "journalist", "columnist",
        "diplomat", "strategist", "adviser", "advisor", "aide", "pollster", "historian",
        "economist", "scientist", "researcher", "lawmaker", "analyst", "expert", "critic",
        "editor", "writer", "representative", "envoy", "negotiator", "manager", "rival",
        "challenger", "incumbent", "contender", "hopeful", "woman", "man",
    }
)


_WORD = re.compile(r"\w+")

ABBREVIATIONS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "pres": "president", "sec": "secretary", "lt": "lieutenant", "col": "colonel",
    "adm": "admiral", "atty": "attorney", "supt": "superintendent", "amb": "ambassador",
}


def expand_abbreviations(role: str) -> str:
    """A role with its abbreviated titles written out ("Sen." -> "senator")."""
    return _WORD.sub(lambda m: ABBREVIATIONS.get(m.group(0).lower(), m.group(0)), role)


# -- gender cues ---------------------------------------------------------------------------
# Used only to keep "she" and "Mrs. X" from resolving to a man (and "he", "Mr. X" from a
# woman). Common given names of people in English-language news; a name in neither list
# says nothing.

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FEMALE_NAMES = _words(
    """
    abigail alexandria alice alicia amanda amy andrea angela ann anna anne barbara betsy
    betty beverly brenda carly carol carolyn catherine cathy charlotte cheryl christine
    claire cynthia dana deborah debbie dianne diane donna doris elaine eleanor elise
    elizabeth ellen emily emma erin gina gretchen hannah heather heidi helen hillary
    hope ilhan jane janet janice jeanne jennifer jessica jill joan joanne jodi joni
    josephine joyce judith judy julia julie karen kamala kate katherine kathleen kathy
    kellyanne kelly kim kirsten kristen laura lauren linda lisa liz lois loretta lori
    lynn margaret maria marie marine marsha martha mary maxine megan melania melissa
    michelle mia nancy natalie nicola nicole nikki olivia pam pamela patricia patty
    paula rachel rebecca rosa ruth sally samantha sandra sarah sharon sheila shirley
    stephanie susan suzanne tammy teresa theresa tiffany tulsi ursula valerie victoria
    virginia wendy yulia
    """
)
MALE_NAMES = _words(
    """
    adam alan albert alexander alexei andrew angus anthony antony arnold barack ben
    benjamin bernie bill bob boris brad brian bruce carl charles chris christopher chuck
    colin craig dan daniel david dennis dick donald doug douglas ed edward emmanuel eric
    frank fred gary george gerald greg gregory harry henry howard hugh ian jack jacob
    james jared jason jeb jeff jeffrey jerry jim jimmy joe joel john jon jonathan joseph
    josh justin keith ken kevin larry lee lindsey lloyd marco mark martin matt matthew
    michael mike mitch mitt nathan neil nick nicolas olaf patrick paul peter phil philip
    ralph randy ray richard rick rob robert roger ron ronald rudy rupert ryan sam samuel
    scott sean sergei sergey stephen steve steven ted terry thomas tim timothy todd tom
    tony vladimir volodymyr walter wayne william xi
    """
)
