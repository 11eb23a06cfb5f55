"""Small helpers on entity spans shared by kg's components: building and retyping spans, names
without articles, the headline, merging phrase spans over NER spans."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .lexicon import DASHES, FACILITY_NAME_HEADS, ROLE_WORDS, SETTLEMENT_NOUNS, TOWN_RANKS, UNOFFICIAL_ROLE_QUALIFIERS


# ---------------------------------------------------------------- span extensions
for _name in ("kg_canonical", "kg_links", "kg_origin"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


if not Doc.has_extension("kg_relations"):
    Doc.set_extension("kg_relations", default=[])


# ---------------------------------------------------------------- the three span annotations, read and written fast
# ``span._.kg_origin`` makes a new Underscore object on every access (about 2 microseconds; some 200,000 accesses,
# half a second, for the 600 benchmark articles). spaCy keeps a span's extension values in ``doc.user_data`` under
# ("._.", name, start_char, end_char): these read and write that entry, as ``span._`` does, without the object
# (a test in tests/test_entities.py checks that both ways agree). All three default to None.
def span_canonical(span: Span) -> str | None:
    """``span._.kg_canonical``: the name kg gave the span, if any."""
    return span.doc.user_data.get(("._.", "kg_canonical", span.start_char, span.end_char))


def span_origin(span: Span) -> str | None:
    """``span._.kg_origin``: the rule that typed the span, if any."""
    return span.doc.user_data.get(("._.", "kg_origin", span.start_char, span.end_char))


def span_links(span: Span) -> dict | None:
    """``span._.kg_links``: the span's identifiers and coordinates, if any."""
    return span.doc.user_data.get(("._.", "kg_links", span.start_char, span.end_char))


def set_canonical(span: Span, canonical: str | None) -> None:
    span.doc.user_data[("._.", "kg_canonical", span.start_char, span.end_char)] = canonical


def set_origin(span: Span, origin: str | None) -> None:
    span.doc.user_data[("._.", "kg_origin", span.start_char, span.end_char)] = origin


_LAST_DOC: list = [None, {}]


def spaced_dash(token: Token) -> bool:
    """A dash standing between spaces ('Mali \u2014 The', the end of a dateline), not a hyphen inside a name
    ('al-Qaeda')."""
    return token.text in DASHES and bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


def glued_hyphen(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen with no space on either side, inside a name ('Lac-Megantic', 'Dasht-e-Archi')."""
    return doc[i].text == "-" and 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def title_dateline_dash(doc: Doc, start: int) -> Token | None:
    """'Tripoli, Libya, June 5 - ...', 'Beirut, Dec. 5 - ...': the spaced dash closing a dateline in Title Case
    that opens a paragraph at ``start`` (names, commas and a date only, at least one comma), if there is one."""
    for token in doc[start: start + 10]:
        if spaced_dash(token):
            return token if token.i > start + 1 and any(t.text == "," for t in doc[start: token.i]) else None
        if not (token.is_title or token.like_num or token.text in (",", ".")) or "\n" in token.whitespace_:
            return None
    return None


def text_in(text: str, span: Span) -> str:
    """``span.text``, cut out of the text its Doc was made from (spaCy keeps every character of it, so
    ``start_char``/``end_char`` index it): ``Span.text`` makes a new Token object per word to join them."""
    return text[span.start_char:span.end_char]


def name_of(span: Span) -> str:
    """The name a span stands for: the canonical name kg gave it (an acronym's full name, a name without its
    title), else its text."""
    return span_canonical(span) or span.text


def name_key(span: Span) -> str:
    """`name_of` in lower case: two spans with one key are one thing."""
    return name_of(span).lower()


def doc_memo(doc: Doc) -> dict:
    """A dict of what was worked out about the Doc met last, emptied when another Doc comes. Only for what its
    text and parse decide (kg never retokenizes), never its entities, which the components change."""
    if _LAST_DOC[0] is not doc:
        _LAST_DOC[:] = [doc, {}]
    return _LAST_DOC[1]


def tokens_of(doc: Doc) -> list[Token]:
    """The Doc's tokens as one list. Walking a Doc makes a new Token object for every token, every time, and the
    typing rules each walk the whole Doc: a list made once saves most of that."""
    if _LAST_DOC[0] is not doc:  # (doc_memo, written out: this and children_of are asked some 200,000 times
        _LAST_DOC[:] = [doc, {}]  # for the 600 benchmark articles)
    memo = _LAST_DOC[1]
    tokens = memo.get("tokens")
    if tokens is None:
        tokens = memo["tokens"] = list(doc)
    return tokens


def children_of(token: Token) -> tuple[Token, ...]:
    """``token.children``, worked out once per token of the Doc met last (the parse is final before kg's readers
    run): spaCy walks the parse and makes a new Token object per child on every access, and the argument readers
    ask for the children of the same words again and again."""
    doc = token.doc
    if _LAST_DOC[0] is not doc:  # (doc_memo, written out: see tokens_of)
        _LAST_DOC[:] = [doc, {}]
    memo = _LAST_DOC[1]
    table = memo.get("children")
    if table is None:
        table = memo["children"] = [None] * len(doc)
    children = table[token.i]
    if children is None:
        tokens = tokens_of(doc)
        children = table[token.i] = tuple(tokens[child.i] for child in token.children)
    return children


def sentence_start_of(doc: Doc, i: int) -> int:
    """Where the sentence of token ``i`` starts, as ``doc[i:i + 1].sent.start`` says it (in a parsed Doc): worked out
    once per Doc for every token, where ``.sent`` walks back to the sentence start and makes a Span every time."""
    memo = doc_memo(doc)
    starts = memo.get("sentence_starts")
    if starts is None:
        starts, start = [], 0
        for token in tokens_of(doc):
            if token.is_sent_start:
                start = token.i
            starts.append(start)
        memo["sentence_starts"] = starts
    return starts[i]


def lemmas(token: Token) -> frozenset[str]:
    """The token's lemma plus simple de-inflections of its text: the small model's lemmatiser says
    'stag' for 'staged' and 'fighting' for 'fighting', and a missed lemma is a missed relation."""
    return word_forms(token.lower_, token.lemma_)


#: Irregular past forms of the verbs of fighting, taking and meeting. The lemmatiser knows "took" but not "retook" or
#: "overtook": with a prefix (PREFIXES) the form is looked up without it.
IRREGULAR_PASTS = {"took": "take", "taken": "take", "overran": "overrun", "held": "hold", "fought": "fight",
                   "struck": "strike", "shot": "shoot", "met": "meet", "led": "lead", "fell": "fall", "fallen": "fall",
                   "drove": "drive", "driven": "drive", "won": "win", "beaten": "beat", "broke": "break",
                   "broken": "break", "blew": "blow", "blown": "blow", "threw": "throw", "thrown": "throw", "ran": "run"}
PREFIXES = ("re", "over", "out")


@lru_cache(maxsize=65536)  # asked for every content word by several readers; the words of news repeat a lot
def word_forms(lower: str, lemma: str) -> frozenset[str]:
    forms = {lemma.lower(), lower}
    if lower in IRREGULAR_PASTS:
        forms.add(IRREGULAR_PASTS[lower])
    for prefix in PREFIXES:  # "retook" -> "retake", "overtook" -> "overtake"
        if lower.startswith(prefix) and lower[len(prefix):] in IRREGULAR_PASTS:
            forms.add(prefix + IRREGULAR_PASTS[lower[len(prefix):]])
    for suffix, repl in (("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("es", ""), ("s", "")):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            forms.add(lower[: -len(suffix)] + repl)
    if len(lower) > 4 and lower[-3] == lower[-4] and lower.endswith(("ed", "ing")):  # "shelled", "hitting"
        forms.add(lower[: -3] if lower.endswith("ed") else lower[: -4])
    return frozenset(forms)


def set_span(span: Span, canonical: str | None, origin: str, links: dict | None = None) -> Span:
    user_data, start, end = span.doc.user_data, span.start_char, span.end_char  # (as ``span._`` does: see above)
    user_data[("._.", "kg_canonical", start, end)] = canonical
    user_data[("._.", "kg_origin", start, end)] = origin
    user_data[("._.", "kg_links", start, end)] = links if links is not None else {}
    return span


def retype(span: Span, label: str, canonical: str | None = None, origin: str | None = None,
            start: int | None = None, end: int | None = None) -> Span:
    """A copy of ``span`` with another label (and optionally other bounds), keeping its annotations."""
    new = Span(span.doc, span.start if start is None else start, span.end if end is None else end, label=label)
    links = span_links(span) if label == span.label_ else {}
    return set_span(new, canonical if canonical is not None else span_canonical(span),
                    origin or span_origin(span), links)


def plain_name(span: Span) -> str:
    """The span's text without a leading article and a trailing possessive (worked out once per span: the
    typing and reading rules ask for the names of the same spans dozens of times)."""
    memo = doc_memo(span.doc)
    key = ("name", span.start, span.end)
    name = memo.get(key)
    if name is None:
        name = memo[key] = _plain_name(span)
    return name


def _plain_name(span: Span) -> str:
    doc, start, end = span.doc, span.start, span.end  # indices, not a token list: this runs for every span often
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and doc[end - 1].lower_ in ("'s", "\u2019s", "'", "\u2019"):
        end -= 1
    return doc[start:end].text if start < end else span.text


def longest_first(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, longest first, then leftmost."""
    chosen, taken = [], set()
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not taken.intersection(range(span.start, span.end)):
            chosen.append(span)
            taken.update(range(span.start, span.end))
    return sorted(chosen, key=lambda s: s.start)


#: Doc.user_data key: the offset where the article's headline ends (0: the text has no headline). Set by
#: kg.extract.pipeline from the Article; a Doc made from bare text falls back to its first line.
HEADLINE_END = "kg_headline_end"


#: A first line longer than this is a paragraph, not a headline.
MAX_HEADLINE_CHARS = 250


def in_headline(span: Span) -> bool:
    """True inside the title of an article: Title Case there fools the NER."""
    return span.start_char < headline_end_char(span.doc)


def headline_end_token(doc: Doc) -> int:
    """The index of the first token after the headline (0 when the article has none)."""
    end = headline_end_char(doc)
    return next((t.i for t in doc if t.idx >= end), len(doc)) if end else 0


def headline_end_char(doc: Doc) -> int:
    """Computed once per Doc (``Doc.text`` is rebuilt on every access, so asking it for each span made long
    articles quadratic)."""
    end = doc.user_data.get(HEADLINE_END)
    if end is None:
        end = 0
        # (one look at the text first: a text with no line break, or none early enough, has no headline, and the
        # walk over its tokens below is skipped)
        first_break = doc.text.find("\n")
        for token in doc if -1 < first_break <= MAX_HEADLINE_CHARS else ():
            found = token.text_with_ws.find("\n")
            if found != -1:
                newline = token.idx + found
                rest_has_text = any(not t.is_space for t in doc[token.i + 1:token.i + 3])
                end = newline if newline <= MAX_HEADLINE_CHARS and rest_has_text else 0
                break
        doc.user_data[HEADLINE_END] = end
    return end


NESTED_KEY = "kg_nested"
#: doc.spans key of the dates and times the statistical NER found (before typing drops them).
DATES_KEY = "kg_dates"


def merge_phrases(spans: list[Span], phrases: list[Span]) -> list[Span]:
    """Phrase rules win over the NER spans they overlap; gazetteer names inside a phrase give way too.

    A country named inside a phrase ("U.S. forces", "the government of Iraq") is still a mention of the
    country: it is kept in ``doc.spans["kg_nested"]``, which ``to_mentions`` reads beside ``doc.ents``.
    """
    taken = set()
    out = []
    for phrase in longest_first(phrases):
        out.append(phrase)
        taken.update(range(phrase.start, phrase.end))
    for span in spans:
        if not taken.intersection(range(span.start, span.end)):
            out.append(span)
        elif span.label_ == "Country" and span_origin(span) == "gazetteer" and span.doc.spans is not None:
            nested = list(span.doc.spans.get(NESTED_KEY, []))
            if all((s.start, s.end) != (span.start, span.end) for s in nested):
                span.doc.spans[NESTED_KEY] = [*nested, span]
    return sorted(out, key=lambda s: s.start)


#: Words that open a list of what a plural noun before them holds: "Helmand's districts, among them A, B and C".
MEMBER_LIST_OPENERS = {("among", "them"), ("among", "those"), ("among", "which")}


def members_listed_after(noun: Token) -> list[Token]:
    """'most of Helmand's districts, among them Nawa, Nad Ali and Garmsir': the head words of the names listed
    after a plural noun (the parser hangs the list on the verb, not on the noun)."""
    doc = noun.doc
    i = noun.i + 1 + (noun.i + 1 < len(doc) and doc[noun.i + 1].text == ",")
    if noun.tag_ != "NNS" or i + 2 >= len(doc) or (doc[i].lower_, doc[i + 1].lower_) not in MEMBER_LIST_OPENERS:
        return []
    first = doc[i + 2]
    while first.dep_ == "compound" and first.head.i > first.i:  # "Nad Ali": the name's last word heads it
        first = first.head
    return [first, *first.conjuncts]


def including_noun(prep: Token) -> Token | None:
    """The plural noun whose members a list after 'including' names, by the text's order: 'several villages north
    of the bazaar, including A and B' (the parser may hang 'including' on the verb, or on the subject)."""
    doc = prep.doc
    for token in reversed(doc[max(prep.sent.start, prep.i - 10): prep.i]):
        if token.pos_ in ("VERB", "AUX"):
            return None
        if token.tag_ == "NNS":
            return token
    return None


def member_list_noun(token: Token) -> Token | None:
    """The plural noun whose members a list that ``token`` opens names ('districts' for 'Nawa' in 'districts,
    among them Nawa and Garmsir'), or None."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i >= start:  # "Nad (Ali)"
        start -= 1
    j = start - 3
    if j >= 0 and doc[j].text == ",":
        j -= 1
    if j < 0 or (doc[start - 2].lower_, doc[start - 1].lower_) not in MEMBER_LIST_OPENERS:
        return None
    return doc[j] if doc[j].tag_ == "NNS" else None


def first_conjunct(token: Token) -> Token:
    """The first of the list ``token`` is in ('A, B and C': A), whichever of them the parser made the head."""
    return min([token, *token.conjuncts], key=lambda t: t.i)


def indefinite_town(noun: Token) -> bool:
    """'a village', 'an unincorporated community', 'two towns': a town (or towns) described as one of its kind."""
    return noun.lemma_.lower() in SETTLEMENT_NOUNS and (
        noun.tag_ == "NN" and any(c.lower_ in ("a", "an") for c in noun.children)
        or noun.tag_ == "NNS" and any(c.dep_ == "nummod" for c in noun.children))


def one_of_several(kind: Token) -> bool:
    """'a district of Palermo', 'two districts of Basra': one of the parts of the place named after 'of', not the
    place's name ('the district of Qala-e-Zal')."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") or c.dep_ == "nummod" for c in kind.children)


def ranked_town(noun: Token) -> bool:
    """'the largest city in X', "X's main town": a town ranked among the others of a larger place."""
    return noun.lemma_.lower() in SETTLEMENT_NOUNS and noun.tag_ == "NN" and any(
        c.dep_ == "amod" and (c.lower_ in TOWN_RANKS or c.tag_ == "JJS") for c in noun.children)


def names_listed_before(noun: Token) -> bool:
    """'the Kafouri and Shambat districts of X', 'the Nawa and Marja districts': names joined by 'and' before a
    plural place noun are those places (what follows 'of' holds them), unlike 'the Queensland towns of A and B'."""
    doc = noun.doc
    named = [t.pos_ == "PROPN" or t.ent_type_ != "" for t in doc[max(noun.i - 6, 0): noun.i]]
    return noun.tag_ == "NNS" and len(named) > 2 and named[-1] and any(
        t.lower_ == "and" and named[i - 1] for i, t in enumerate(doc[noun.i - len(named): noun.i - 1]) if i > 0)


def unofficial_role(noun: Token) -> bool:
    """'a civil society leader in Beni', 'a community leader': a role that is no office (the one named is a person)."""
    return noun.i > 0 and noun.doc[noun.i - 1].lower_ in UNOFFICIAL_ROLE_QUALIFIERS


def past_titles(doc: Doc, i: int) -> int:
    """The index of the first word at or after ``i`` that is no title: ', Gen. John Nicholson,' -> 'John'."""
    start = i
    while i < len(doc) and i - start < 3 and doc[i].is_title and doc[i].lower_ in ROLE_WORDS:
        i += 1
    return i


def facility_name(span: Span) -> bool:
    """'the al-Nuri Mosque', 'Hamid Karzai International Airport', 'the Cathedral of Our Lady', 'Camp Lemonnier',
    'Mount Carmel': a building or a site by its name. Facilities are no entities (the guidelines: an attack on one
    is an attack on the force that holds it), whatever the NER took them for."""
    words = [t for t in span if t.lower_ != "the"]
    if len(words) < 2:
        return False
    first, last = words[0], words[-1]
    return (last.lower_ in FACILITY_NAME_HEADS and not last.is_upper and not last.text == "Works"  # ("Public Works")
            or first.is_title and (first.lower_ in FACILITY_NAME_HEADS and words[1].lower_ == "of"
                                   or first.lower_ in ("camp", "mount")))
