"""Events and who says so: the ``kg_events`` component, run after ``kg_relations``.

From each reading of kg.extract.frames that is told (a fact or an attempt) or denied, an event reading:

- its class: the frame's event ("Attack", "Capture", "Clash", "Meeting"); an attempted capture is an attack;
- its actors: the reading's agents, and as targets its patients that are actors and the former holders of a
  place taken ("took Gao from the MNLA"); for a clash or a meeting every side is an agent;
- its place: the most specific place among the reading's places and its patients (a town before its province,
  a country only when nothing else is named);
- its time expression: a date the NER found (``doc.spans["kg_dates"]``) or a weekday, "yesterday" or
  "overnight" in the trigger's clause, or in a clause the trigger's clause is joined to by "and", an infinitive or
  a participle (but not in a reporting clause: in "X said on Friday that ..." Friday is when X spoke);
- its toll: deaths the sentence gives ("killing 12 soldiers", "at least 40 were killed", "a dozen dead",
  "six people died", "the death toll rose to 40"; the lower bound of a range; never the wounded), given to the
  event whose trigger governs the toll's word or, failing that, is nearest to it;
- the means, where the wording tells it (airstrikes, shelling, a suicide bomb, an IED, a grenade, a town handed
  over without a fight): ACLED's sub-event type;
- who says so (``Said``): the source of the statement ("according to police", "X said ...", "X claimed to have
  ...", "a Taliban spokesman said", "..., Mr. Haidai said") and its stance: Denied when a party denies it,
  Claimed when the source is a party (an armed group, a state's forces, a state, a defence, interior or security
  body, one of the event's own actors) or the verb is "claim", else Asserted. A spokesman's statement is the
  body's he speaks for (the article's spokesmanFor relations).

Relations get the same attribution (``doc._.kg_attributions``, one per ``doc._.kg_relations``), but only those of
actions (attacked, captured, clashedWith, metWith): "Kunduz, the capital of Kunduz Province" is no claim of the
person quoted. Readings in mode "denied" give relations too (``doc._.kg_denied``): what was denied, written as
Denied evidence and never as a direct triple.

Nothing here guesses a date: expressions are kept as written and resolved against the publication date at
resolution (kg.dates, kg.events).
"""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..events import duration, relative_time
from ..model import ASSERTED, CLAIMED, DENIED, Article, EventMention, Evidence, Mention
from .arguments import ACTOR_TYPES, PLACE_RANK, PLACE_TYPES, Arguments
from .confidence import confidence_of
from .coref import ANAPHOR, SPEECH_VERBS
from .found import FoundRelation
from .frames import (
    Reading,
    action_words,
    load_frames,
    relations_of,
    support_verb,
    supported,
)
from .modality import DENIAL_VERBS
from .relations import with_sentence
from .spans import (
    DATES_KEY,
    NESTED_KEY,
    children_of,
    in_headline,
    lemmas,
    name_key,
    name_of,
    text_in,
    tokens_of,
)

for _name in ("kg_events", "kg_attributions", "kg_denied"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=[])

#: Predicates of actions: only these take the stance of the sentence they are told in.
ACTION_PREDICATES = frozenset({"attacked", "captured", "clashedWith", "metWith"})
#: Verbs that report what someone says (beyond coreference's): their subject is the source.
REPORTING_VERBS = SPEECH_VERBS | {"tell", "allege", "boast", "acknowledge", "admit", "write", "post", "tweet",
                                  "quote", "assert", "maintain", "accuse"}
#: Verbs of saying and of denying, made once.
SAYING_VERBS = REPORTING_VERBS | DENIAL_VERBS
#: Verbs that present what follows as a claim whoever says it.
CLAIM_VERBS = frozenset({"claim", "allege", "boast"})
#: Sources that are parties to the fighting: their statements about it are claims.
PARTY_TYPES = frozenset({"ArmedGroup", "Force", "Country"})
#: Words in the name of an organisation that speaks for a state's forces ("Ministry of Defense", "Interior
#: Ministry", "the General Staff").
STATE_FORCE_BODY_WORDS = frozenset({"defense", "defence", "interior", "military", "army", "police", "security",
                                    "armed", "war", "staff", "intelligence", "pentagon"})
#: Nouns for who speaks for a body: "a Taliban spokesman said", "a spokesperson for the army said".
SPOKESPERSON_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen",
                                "representative", "official", "officials", "commander", "source", "sources"})
#: Words of holding a place rather than taking it: no event.
STATIVE_VERBS = frozenset({"hold", "control", "retain", "maintain", "keep"})
STATIVE_NOUNS = frozenset({"control", "grip", "occupation", "hold"})
#: Support verbs that make holding a taking: "took control of", "seized control of", "gained control over".
TAKING_VERBS = frozenset({"take", "seize", "gain", "assume", "establish", "wrest", "win", "grab", "regain"})
#: Nouns a reported clause may hang from: "said in a statement that ...".
STATEMENT_NOUNS = frozenset({"statement", "message", "announcement", "video", "post", "interview", "briefing",
                             "communique", "communiqué", "release", "tweet", "address", "claim"})
#: Words that stand for the time of an action when the NER missed them.
TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                        "yesterday", "overnight", "today", "tonight"})
#: Dependency labels of a clause's head.
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "parataxis", "acl", "csubj", "pcomp"})
#: Joins through which a clause shares the time of the clause it hangs from ("captured A on Sunday and attacked
#: B", "attacked A on Sunday, killing six"); not "said on Friday that ...".
TIME_SHARING_DEPS = frozenset({"conj", "xcomp", "advcl", "acl"})
#: Markers of a clause that happened at another time than the one it hangs from.
SEQUENCE_MARKS = frozenset({"after", "before", "since", "until", "till", "once"})

# ---- tolls

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
#: Words that multiply the number before them, or stand alone for a count (ACLED codes "dozens" as 12 and
#: "hundreds" as 100).
MULTIPLIERS = {"dozen": 12, "dozens": 12, "hundred": 100, "hundreds": 100, "thousand": 1000, "thousands": 1000}
#: People who can be killed one at a time: "killed a soldier" is one death.
PERSON_NOUNS = frozenset({"person", "civilian", "soldier", "fighter", "policeman", "officer", "child", "woman",
                          "man", "resident", "worker", "commander", "guard", "militant", "rebel", "insurgent",
                          "journalist", "official", "villager", "boy", "girl", "student", "trooper"})
#: Words of dying: their subject, object or number is the toll.
KILL_LEMMAS = frozenset({"kill", "die", "slay", "massacre"})
DEAD_WORDS = frozenset({"dead", "killed", "deaths", "fatalities", "lives"})
#: Words that, joined to "killed" by "or", make the toll a mix of dead and wounded: no toll.
HARM_LEMMAS = frozenset({"wound", "injure", "hurt", "maim"})

# ---- means (ACLED sub-event types, from the wording)

#: (ACLED sub-event type, words that tell it), the first that matches wins.
MEANS = (
    ("Suicide bomb", frozenset({"suicide"})),
    ("Remote explosive/landmine/IED", frozenset({"ied", "ieds", "landmine", "landmines", "mine", "mines",
                                                 "roadside", "car-bomb", "explosive", "explosives", "detonate",
                                                 "detonated"})),
    ("Air/drone strike", frozenset({"airstrike", "airstrikes", "air", "warplane", "warplanes", "jet", "jets",
                                    "drone", "drones", "aircraft", "helicopter", "helicopters", "bomber",
                                    "bombers", "aerial", "sortie", "sorties"})),
    ("Shelling/artillery/missile attack", frozenset({"shell", "shells", "shelled", "shelling", "artillery",
                                                     "mortar", "mortars", "rocket", "rockets", "missile",
                                                     "missiles", "howitzer", "howitzers", "bombardment",
                                                     "bombarded", "barrage"})),
    ("Grenade", frozenset({"grenade", "grenades"})),
)
#: A capture told as taken without fighting: ACLED's "Non-violent transfer of territory".
NON_VIOLENT = ("without a fight", "without a shot", "without resistance", "without fighting", "handed over",
               "negotiated the surrender", "surrendered the")
#: Words for unarmed people: an attack only on them is ACLED's "Violence against civilians".
CIVILIAN_WORDS = frozenset({"civilian", "civilians", "villager", "villagers", "resident", "residents",
                            "worshipper", "worshippers", "passenger", "passengers", "protester", "protesters",
                            "shopper", "shoppers", "pupils", "students"})


# ---------------------------------------------------------------- who says so


@dataclass(frozen=True)
class Said:
    """Whose statement a clause is and how it tells it: Asserted, Claimed or Denied, and the source (if named)."""

    stance: str = ASSERTED
    source: Span | None = None


NEUTRAL = Said()


class Attribution:
    """Finds who says so for any token of a parsed Doc."""

    def __init__(self, doc: Doc, args: Arguments):
        self.args = args
        #: person name (and surname) -> the body they speak for: the article's spokesmanFor relations, then its
        #: officialOf and memberOf relations to an actor ("Mullah X, a Taliban commander"; not "the mayor of
        #: Sloviansk")
        self.spokesman_for: dict[str, Span] = {}
        relations = getattr(doc._, "kg_relations", [])
        for predicate in ("spokesmanFor", "officialOf", "memberOf"):
            for rel in relations:
                if rel.predicate == predicate and rel.object.label_ in ACTOR_TYPES - {"Person", "Official"}:
                    for name in _names(rel.subject):
                        self.spokesman_for.setdefault(name, rel.object)
        #: reporting verb (its index) -> the actor its subject stands for: every event and relation of a sentence
        #: asks for the one "said" of it, and the answer is read from the parse and the entities, which stay put
        self._speakers: dict[int, Span | None] = {}
        #: sentence root (its index) -> the source an "according to" anywhere in its sentence names
        self._according_in: dict[int, Span | None] = {}

    def of(self, token: Token, actors: Iterable[Span] = (), denied: bool = False) -> Said:
        """Who says what ``token`` is part of, and how; ``actors`` are the action's own (a claim about oneself)."""
        verb, source = self.source(token)
        if source is not None:
            source = self.body_of(source)
        lemma = verb.lemma_.lower() if verb is not None else ""
        if denied or lemma in DENIAL_VERBS:
            return Said(DENIED, source)
        if source is None:
            # "Ukrainian officials said": a state's officials, though the text names no state entity
            state = verb is not None and any(self._national(c) for c in verb.children if c.dep_ == "nsubj")
            return Said(CLAIMED if lemma in CLAIM_VERBS or state else ASSERTED, None)
        party = lemma in CLAIM_VERBS or is_party(source) or _same_entity(source, actors)
        return Said(CLAIMED if party else ASSERTED, source)

    def source(self, token: Token) -> tuple[Token | None, Span | None]:
        """(the reporting verb, its source) of the clause ``token`` is in: walking up to the sentence's root,
        a reporting verb the clause is the complement of, or one added to it ('..., X said'), or 'according to
        X' on the way."""
        current = token
        for _ in range(12):
            according = self._according_to(current)
            if according is not None:
                return None, according
            if current.head == current:  # "X attacked Y on Sunday, killing six, according to Z": Z's clause too
                according = self._according_in_sentence(current)
                if according is not None:
                    return None, according
            aside = next((c for c in children_of(current) if c.dep_ == "parataxis" and _reports(c)), None)
            if aside is not None:
                return aside, self.speaker(aside)
            head = current.head
            if head == current:
                return None, None
            if current.dep_ in ("ccomp", "xcomp", "parataxis") and _reports(head):
                return head, self.speaker(head)
            if current.dep_ in ("ccomp", "acl") and head.lemma_.lower() in STATEMENT_NOUNS:
                verb = next((t for t in head.ancestors if _reports(t)), None)  # "said in a statement that ..."
                if verb is not None:
                    return verb, self.speaker(verb)
            current = head
        return None, None

    def speaker(self, verb: Token) -> Span | None:
        """The actor a reporting verb's subject stands for: 'the Taliban said', 'a Taliban spokesman said',
        'a spokesman for the army said', 'Ukrainian officials said', 'they said'."""
        if verb.i not in self._speakers:
            self._speakers[verb.i] = self._speaker(verb)
        return self._speakers[verb.i]

    def _speaker(self, verb: Token) -> Span | None:
        for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            found = self.actor_behind(subject)
            if found is not None:
                return found
        if verb.dep_ == "conj" and verb.head != verb and _reports(verb.head):
            return self.speaker(verb.head)  # "X said ... and added that ..."
        return None

    def _according_in_sentence(self, root: Token) -> Span | None:
        """The source of an 'according to' anywhere below the sentence's root (worked out once per sentence: it is
        a walk of the whole sentence, and every event and relation of it comes up to the root)."""
        if root.i not in self._according_in:
            self._according_in[root.i] = next((found for t in root.subtree if t.lower_ == "according"
                                               for found in [self._according_to(t.head)] if found is not None), None)
        return self._according_in[root.i]

    def _according_to(self, token: Token) -> Span | None:
        for child in children_of(token):
            if child.lower_ == "according":
                for to in (c for c in child.children if c.lower_ == "to"):
                    for obj in (c for c in to.children if c.dep_ == "pobj"):
                        return self.actor_behind(obj)
        return None

    def actor_behind(self, token: Token) -> Span | None:
        """The actor a source phrase names: its own name, the body a spokesperson noun names ('a Taliban
        spokesman', 'a spokesman for the army'), the state a country adjective names ('Ukrainian officials').
        Never a body found only by guessing whose unnamed officials they are; a pronoun may refer back."""
        named = [s for s in self.args.entities(token) if s.kb_id_ != ANAPHOR or token.pos_ == "PRON"]
        if not named and token.lemma_.lower() in SPOKESPERSON_NOUNS:
            named = self.args.modifiers(token) or self.args.prep_objects(token, ("for", "of"))
        if not named and token.pos_ in ("NOUN", "PROPN"):  # "the General Staff of Ukraine's armed forces"
            named = self.args.prep_objects(token, ("of",))
        if not named:
            countries = {self.args.country_adjectives[c.text] for c in token.children
                         if c.dep_ in ("amod", "compound") and c.text in self.args.country_adjectives}
            named = [e for e in (*self.args.ents, *token.doc.spans.get(NESTED_KEY, []))
                     if e.label_ == "Country" and name_of(e) in countries]
        actors = [s for s in named if s.label_ in ACTOR_TYPES]
        return actors[0] if actors else None

    def _national(self, token: Token) -> bool:
        """'Ukrainian officials', 'Afghan military officials': someone who speaks for a state."""
        return token.lemma_.lower() in NATIONAL_SPEAKERS and any(
            c.dep_ in ("amod", "compound") and c.text in self.args.country_adjectives for c in token.children)

    def body_of(self, source: Span) -> Span:
        """A spokesman's statement is the body's he speaks for."""
        if source.label_ in ("Person", "Official"):
            for name in _names(source):
                if name in self.spokesman_for:
                    return self.spokesman_for[name]
        return source


def _reports(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and bool({token.lemma_.lower(), token.lower_} & SAYING_VERBS)


def _names(span: Span) -> list[str]:
    """The name of a person and their surname, in lower case: 'Mr. Haidai' finds 'Serhiy Haidai'."""
    name = name_key(span)
    words = [w for w in name.replace(".", " ").split() if w not in ("mr", "mrs", "ms", "dr")]
    return [name, words[-1]] if words else [name]


def is_party(source: Span) -> bool:
    """An armed group, a state's forces, a state, or a body that speaks for a state's forces."""
    if source.label_ in PARTY_TYPES:
        return True
    if source.label_ == "Organization":
        words = set(name_key(source).replace("'s", "").split())
        return bool(words & STATE_FORCE_BODY_WORDS)
    return False


def _same_entity(source: Span, actors: Iterable[Span]) -> bool:
    name = name_key(source)
    return any(name_key(a) == name for a in actors)


# ---------------------------------------------------------------- events


@dataclass
class EventReading:
    """One event as read at one trigger, before it becomes plain data (kg.model.EventMention)."""

    event_class: str
    reading: Reading
    agents: list[Span]
    targets: list[Span]
    place: Span | None
    said: Said
    rule: str
    confidence: float
    time: Span | None = None
    #: the time expressions before ``time`` that "that day" or "two days earlier" may count from
    anchors: list[Span] = field(default_factory=list)
    fatalities: int | None = None
    sub_event_type: str | None = None

    @property
    def trigger(self) -> Token:
        return self.reading.trigger

    @property
    def has_participants(self) -> bool:
        return bool(self.agents or self.targets or self.place is not None)


def event_class(reading: Reading) -> str:
    """The frame's event; an attempt at a capture is an attack."""
    if reading.mode == "attempt" and reading.frame.attempt:
        return "Attack"
    return reading.frame.event


def stative(reading: Reading) -> bool:
    """'Russian troops held all of Luhansk Province', 'under the group's control': who holds a place is a relation,
    not an event; 'took control of Kabul' (a support verb of taking) is one."""
    words = lemmas(reading.trigger)
    if reading.kind == "verb":
        return bool(words & STATIVE_VERBS)
    return bool(words & STATIVE_NOUNS) and not (supported(reading.trigger)
                                                 and lemmas(support_verb(reading.trigger)) & TAKING_VERBS)


def participants(reading: Reading) -> tuple[list[Span], list[Span], Span | None]:
    """(agents, targets, place) of a reading."""
    agents = [a for a in reading.agents if a.label_ in ACTOR_TYPES]
    others = [p for p in reading.patients if p.label_ in ACTOR_TYPES and p.label_ != "Country" and p not in agents]
    if reading.frame.symmetric:
        agents, others = _unique(agents + others), []
    # A country struck is a target ("Russia attacked Ukraine"), not where it happened; a country is the place only
    # when the text says the action happened in it and names no town or region
    targets = _unique(others + [h for h in reading.holders if h not in agents]
                      + [p for p in reading.patients if p.label_ == "Country" and p not in agents])
    places = [p for p in (*reading.places, *reading.patients, *reading.from_places)
              if p.label_ in PLACE_TYPES and (p.label_ != "Country" or p in reading.places)]
    place = min(places, key=lambda p: PLACE_RANK[p.label_]) if places else None
    return agents, targets, place


def _unique(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        if all((span.start, span.end) != (s.start, s.end) for s in out):
            out.append(span)
    return out


#: Prepositions after which a place says where an action happened, when the frame read none there ("clashed
#: on the edge of the city", "fighting near an oil refinery on its outskirts").
PLACE_PREPOSITIONS = ("in", "near", "outside", "around", "at", "across", "inside", "on", "into", "within", "from")


def clause_place(trigger: Token, args: Arguments) -> Span | None:
    """The most specific place after a preposition in the trigger's own phrase ('clashed on the edge of the city',
    'killed four members of a militia in Dehdadi district'), when the frame read none; not in a clause of its own."""
    # (only words with one of the prepositions among their children can hold a place: prep_objects finds none
    # on the others, so the walk up to the trigger that _a_source is is left out for them)
    holders = [t for t in _own_phrase(trigger)
               if t.pos_ in ("VERB", "AUX", "NOUN", "PROPN", "PRON") and any(
                   c.lower_ in PLACE_PREPOSITIONS or c.lower_ == "to" for c in children_of(t))
               and not _a_source(t, trigger)]
    found = [(_depth(holder, trigger), p) for holder in holders
             for p in args.prep_objects(holder, PLACE_PREPOSITIONS + (("to",) if holder.pos_ == "NOUN" else ()))
             if p.label_ in PLACE_TYPES and p.label_ != "Country"]  # "on the approaches to the city"
    # the place said of the action itself before one said of a thing in it ("in Dehdadi, a district on the
    # approach to the city" is Dehdadi), then the most specific
    return min(found, key=lambda f: (f[0], PLACE_RANK[f[1].label_], abs(f[1].start - trigger.i)))[1] if found else None


def _own_phrase(trigger: Token) -> Iterator[Token]:
    """The trigger and the words below it, without the clauses of their own that hang from them."""
    stack = [trigger]
    while stack:
        token = stack.pop()
        yield token
        stack.extend(c for c in children_of(token) if not (c.pos_ in ("VERB", "AUX") and c.dep_ in CLAUSE_DEPS))


def _depth(token: Token, top: Token) -> int:
    depth = 0
    while token != top and token.head != token:
        token, depth = token.head, depth + 1
    return depth


#: nouns of those who say so ("officials said", "residents said"), and of a state's speakers ("Afghan military")
SOURCE_NOUNS = SPOKESPERSON_NOUNS | {"resident", "witness"}
NATIONAL_SPEAKERS = SPOKESPERSON_NOUNS | {"military", "army", "government", "authority"}


def _a_source(token: Token, trigger: Token) -> bool:
    """A word of who says so, not of what happened: 'according to officials in Kabul', 'residents of X said'."""
    for each in itertools.chain((token,), token.ancestors):  # walked lazily: it stops at the trigger
        if each == trigger:
            return False
        if each.lower_ == "according" or each.lemma_.lower() in SOURCE_NOUNS:
            return True
    return False


def clause_of(token: Token) -> Token:
    """The verb heading the clause ``token`` is in (the sentence's root for a noun phrase outside any verb)."""
    current = token
    for _ in range(40):
        if current.pos_ in ("VERB", "AUX") and current.dep_ in CLAUSE_DEPS or current.head == current:
            return current
        current = current.head
    return current


def shares_time(clause: Token, dated: Token) -> bool:
    """True when a time said in clause ``dated`` holds for ``clause``: the same clause, or one that hangs from it
    by 'and', an infinitive or a participle ('This week X captured A and attacked B', 'attacked A on Sunday,
    killing six'); not the other way round ('captured A, and on Monday declared ...')."""
    current = clause
    for _ in range(8):
        if current == dated:
            return True
        if current.dep_ not in TIME_SHARING_DEPS or current.head == current or any(
                c.dep_ == "mark" and c.lower_ in SEQUENCE_MARKS for c in current.children):
            return False  # "on Sunday, a day after the city fell": Sunday is not when it fell
        current = clause_of(current.head)
    return False


def anchors_of(time: Span, dates: list[Span], limit: int = 3) -> list[Span]:
    """The last time expressions before ``time`` that stand on their own, nearest last: what a relative one
    ("that day", "two days earlier") counts from, once resolution finds which of them names a day."""
    before = [d for d in dates if d.end <= time.start and not relative_time(d.text)]
    return before[-limit:]


def dated_clause(date: Span) -> Token:
    """The clause a time expression dates. The parser sometimes hangs a time before 'after ...' on the
    subordinate clause ('was seized by the Taliban last week after its commander surrendered'): a time that
    comes before its clause's 'after', 'before', 'when' dates the clause above."""
    clause = clause_of(date.root)
    if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.i >= date.end for c in clause.children):
        return clause_of(clause.head)
    if _reports(clause) and date.end <= clause.i:
        # "X took Y on Sunday, a commander said": the parser hangs the date on "said", which comes after it
        told = next((c for c in clause.children if c.dep_ in ("ccomp", "parataxis") and c.i < date.start), None)
        if told is not None:
            return told
    return clause


def time_of(trigger: Token, dates: list[Span]) -> Span | None:
    """The time expression said of the clause of ``trigger``: the nearest date of that clause (or of one joined
    to it), else a weekday, 'yesterday' or 'overnight' word the NER missed."""
    clause = clause_of(trigger)
    sentence = trigger.sent
    own = [d for d in dates if sentence.start <= d.start < sentence.end and shares_time(clause, dated_clause(d))]
    if own:
        return min(own, key=lambda d: (dated_clause(d) != clause, abs(d.root.i - trigger.i)))
    for token in tokens_of(sentence.doc)[sentence.start:sentence.end]:  # (no new Token per word)
        if token.lower_ in TIME_WORDS and shares_time(clause, clause_of(token)):
            return token.doc[token.i: token.i + 1]
    return None


def means_of(trigger: Token, event: str) -> str | None:
    """ACLED's sub-event type when the words around the trigger tell it (None: decide from the actors)."""
    if event not in ("Capture", "Attack"):
        return None
    clause = clause_of(trigger)
    if event == "Capture":
        text = " ".join(t.lower_ for t in clause.subtree)
        return "Non-violent transfer of territory" if any(p in text for p in NON_VIOLENT) else None
    words = {t.lower_ for t in clause.subtree} | {t.lower_ for t in trigger.subtree}
    for sub_event, cues in MEANS:
        if words & cues:
            return sub_event
    return None


def civilians_only(trigger: Token, targets: list[Span]) -> bool:
    """An attack whose only named victims are civilians ('attacked civilians', 'an attack on villagers')."""
    if targets:
        return False
    victims = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    victims += [o for p in trigger.children if p.dep_ == "prep" and p.lower_ in ("on", "against")
                for o in p.children if o.dep_ == "pobj"]
    return any(v.lower_ in CIVILIAN_WORDS for v in victims)


# ---------------------------------------------------------------- tolls


def number_of(tokens: Iterable[Token]) -> int | None:
    """The least count a run of number words gives: '12', '1,200', 'twenty-five', 'a dozen', 'two dozen',
    'hundreds', 'between 10 and 15' (10), '10 to 15' (10)."""
    values: list[int] = []
    previous_number = False
    for token in sorted(tokens, key=lambda t: t.i):
        word = token.lower_.replace(",", "")
        value = _number_word(word)
        if word in MULTIPLIERS:
            if previous_number and values:
                values[-1] *= MULTIPLIERS[word]
            else:
                values.append(MULTIPLIERS[word])
            previous_number = True
        elif value is not None:
            values.append(value)
            previous_number = True
        else:
            previous_number = False
    return min(values) if values else None


def _number_word(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    parts = word.split("-")
    if len(parts) == 2 and all(p in NUMBER_WORDS for p in parts):  # "twenty-five"
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def count_of(token: Token) -> int | None:
    """How many a noun phrase counts: its number ('12 soldiers', 'at least six people', 'a dozen'), a number
    standing alone ('40 were killed'), one for 'a soldier', summed over conjuncts ('12 soldiers and three
    civilians')."""
    total, found = 0, False
    for each in (token, *token.conjuncts):
        value = _one_count(each)
        if value is not None:
            total, found = total + value, True
    return total if found else None


def _one_count(token: Token) -> int | None:
    if _number_word(token.lower_.replace(",", "")) is not None or token.lower_ in MULTIPLIERS:
        return number_of(t for t in token.subtree if t.dep_ != "conj" or t == token)
    numbers = [c for c in token.children if c.dep_ in ("nummod", "quantmod") or (c.like_num and c.i < token.i)]
    if numbers:
        return number_of(t for c in numbers for t in c.subtree)
    if token.lemma_.lower() in PERSON_NOUNS and token.tag_ in ("NN", "NNP") and any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "one", "the") for c in token.children):
        return 1
    return None


def toll_at(token: Token) -> int | None:
    """The deaths ``token`` tells of, if it is a word of dying with a count: 'killing 12', 'at least 40 were
    killed', '12 soldiers killed', 'six people died', 'left 12 dead', 'a dozen dead', 'the death toll rose to 40'."""
    lemma = token.lemma_.lower()
    if lemma in KILL_LEMMAS and token.pos_ in ("VERB", "AUX"):
        if any(c.dep_ == "conj" and c.lemma_.lower() in HARM_LEMMAS and any(
                cc.lower_ == "or" for cc in token.children) for c in token.children):
            return None  # "killed or wounded 30": how many died is not said
        if lemma == "die":
            roles = ("nsubj",)
        elif any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
            roles = ("nsubjpass",)
        else:
            roles = ("dobj",)
        for child in token.children:
            if child.dep_ in roles:
                return count_of(child)
        if token.dep_ in ("acl", "amod") and token.tag_ == "VBN":  # "12 soldiers killed in the attack"
            return count_of(token.head)
        return None
    if token.lower_ == "dead" or (token.lower_ in DEAD_WORDS and token.pos_ == "NOUN"):
        counted = count_of(token)
        if counted is None and token.dep_ == "amod":  # "left a dozen dead"
            counted = count_of(token.head)
        if counted is None and token.dep_ in ("oprd", "acomp", "xcomp") and token.head.pos_ == "VERB":
            objects = [c for c in token.head.children if c.dep_ == "dobj"]
            counted = count_of(objects[0]) if objects else None  # "left 12 people dead"
        return counted
    if lemma == "toll" and any(c.lower_ == "death" for c in token.children):
        for prep in (c for c in token.head.children if c.dep_ == "prep" and c.lower_ in ("to", "at")):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                return count_of(obj)
        for attr in (c for c in token.head.children if c.dep_ in ("attr", "dobj")):
            return count_of(attr)
    return None


def tolls(sentence: Span) -> list[tuple[Token, int]]:
    out = []
    for token in tokens_of(sentence.doc)[sentence.start:sentence.end]:  # (no new Token per word)
        lemma = token.lemma_.lower()
        if lemma in KILL_LEMMAS or token.lower_ in DEAD_WORDS or lemma == "toll":
            counted = toll_at(token)
            if counted is not None and counted > 0:
                out.append((token, counted))
    return out


def _governs(upper: Token, lower: Token) -> bool:
    return upper == lower or upper in lower.ancestors


def _toll_rank(event: EventReading, word: Token) -> tuple:
    """Which event a word of dying belongs to: one whose trigger governs it (or it governs), one with
    participants, the nearest."""
    related = _governs(event.trigger, word) or _governs(word, event.trigger)
    return (not related, not event.has_participants, abs(event.trigger.i - word.i))


def give_tolls(events: list[EventReading]) -> None:
    """Each toll of a sentence to one event of it: the one whose trigger governs the word of dying (or is
    governed by it), else the nearest; meetings take none."""
    by_sentence: dict[int, list[EventReading]] = {}
    for event in events:
        if event.event_class != "Meeting":
            by_sentence.setdefault(event.trigger.sent.start, []).append(event)
    for candidates in by_sentence.values():
        sentence = candidates[0].trigger.sent
        for word, count in tolls(sentence):
            chosen = min(candidates, key=lambda event, word=word: _toll_rank(event, word))
            chosen.fatalities = count if chosen.fatalities is None else min(chosen.fatalities, count)


# ---------------------------------------------------------------- the component


class EventExtractor:
    """Reads events, their stance and the denied relations off the readings ``kg_relations`` left on a Doc."""

    def __init__(self, nlp: Language | None = None, name: str = "kg_events"):
        self.name = name
        self.frames = load_frames()
        self.by_name = {frame.name: frame for frame in self.frames}
        self.actions = action_words(self.frames)

    def __call__(self, doc: Doc) -> Doc:
        made = handed_over(doc)
        readings = list(getattr(doc._, "kg_readings", []) or [])
        relations = list(getattr(doc._, "kg_relations", []) or [])
        if not doc.has_annotation("DEP") or not (readings or relations):
            doc._.kg_events, doc._.kg_attributions, doc._.kg_denied = [], [NEUTRAL] * len(relations), []
            return doc
        args = made or Arguments(doc, self.actions)
        said = Attribution(doc, args)
        doc._.kg_attributions = [self.attribution_of(rel, said) for rel in relations]
        doc._.kg_denied = list(self.denied_relations(readings, args, said))
        dates = [d for d in doc.spans.get(DATES_KEY, []) if not duration(d.text)]  # "a two-day siege": how long
        doc._.kg_events = self.events(readings, args, said, dates)
        return doc

    def attribution_of(self, rel: FoundRelation, said: Attribution) -> Said:
        if rel.predicate not in ACTION_PREDICATES:
            return NEUTRAL
        anchor = rel.object if rel.object.kb_id_ != ANAPHOR else rel.subject
        if rel.sentence is not None and not (rel.sentence.start <= anchor.root.i < rel.sentence.end):
            return NEUTRAL
        return said.of(anchor.root, (rel.subject, rel.object))

    def denied_relations(self, readings: list[Reading], args: Arguments,
                         said: Attribution) -> Iterator[tuple[FoundRelation, Said]]:
        """What a party denies: the relations the reading would state were it told ('Police denied that
        al-Shabab had seized the town': captured(al-Shabab, the town))."""
        for reading in readings:
            if reading.mode != "denied":
                continue
            told = replace(reading, mode="fact")
            who = said.of(reading.trigger, reading.agents, denied=True)
            for rel in relations_of(told, self.by_name):
                yield with_sentence(rel, args), who

    def events(self, readings: list[Reading], args: Arguments, said: Attribution,
               dates: list[Span]) -> list[EventReading]:
        events = []
        for reading in readings:
            if not (reading.told or reading.mode == "denied") or stative(reading):
                continue
            cls = event_class(reading)
            agents, targets, place = participants(reading)
            if place is None:
                place = clause_place(reading.trigger, args)
            if cls == "Capture" and place is not None and not any(
                    p.label_ in PLACE_TYPES for p in (*reading.patients, *reading.from_places)):
                cls = "Attack"  # took something that is no town or region, at a place: an armed clash there
            frame = reading.frame
            rule = f"event-{frame.name}-{reading.kind}"
            anaphoric = any(s.kb_id_ == ANAPHOR for s in (*agents, *targets, *([place] if place else [])))
            confidence = confidence_of(f"{frame.predicate}-{frame.name}-{reading.kind}"
                                      + ("-anaphor" if anaphoric else ""))
            sub_event = means_of(reading.trigger, cls)
            if cls == "Attack" and sub_event is None and civilians_only(reading.trigger, targets):
                sub_event = "Attack"
            events.append(EventReading(
                event_class=cls, reading=reading, agents=agents, targets=targets, place=place,
                said=said.of(reading.trigger, (*agents, *targets), denied=reading.mode == "denied"),
                rule=rule + ("-anaphor" if anaphoric else ""), confidence=confidence,
                time=time_of(reading.trigger, dates), sub_event_type=sub_event,
            ))
            if events[-1].time is not None and relative_time(events[-1].time.text):
                events[-1].anchors = anchors_of(events[-1].time, dates)
        give_tolls(events)
        # A reading with no participant is kept only when it carries a toll ("the attack killed 12 soldiers"):
        # resolution joins it to the event of its class told just before, or drops it.
        return [e for e in events if e.has_participants or e.fatalities is not None]


def handed_over(doc: Doc) -> Arguments | None:
    """The Arguments index kg_relations left on the Doc, if it indexes the Doc's entities as they are now. It
    is taken off the Doc either way: it holds Spans, which a Doc sent to another process cannot carry."""
    args = getattr(doc._, "kg_arguments", None)
    if args is None:
        return None
    doc._.kg_arguments = None
    return args if args.ents == tuple(doc.ents) else None


@Language.factory("kg_events", assigns=["doc._.kg_events", "doc._.kg_attributions", "doc._.kg_denied"],
                  requires=["doc.ents", "token.dep"])
def make_events(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor(nlp, name)


# ---------------------------------------------------------------- plain values


def event_mentions(doc: Doc, article: Article, mention_of: dict[tuple[int, int], Mention]) -> list[EventMention]:
    """The Doc's event readings as plain EventMentions (participants that are no mention are left out)."""
    out = []
    for event in getattr(doc._, "kg_events", []) or []:
        sentence = event.trigger.sent
        agents = _mentions(event.agents, mention_of)
        targets = [m for m in _mentions(event.targets, mention_of) if m not in agents]
        place = _mentions([event.place], mention_of)[0] if event.place is not None and _mentions(
            [event.place], mention_of) else None
        out.append(EventMention(
            event_class=event.event_class, agents=tuple(agents), targets=tuple(targets), place=place,
            evidence=Evidence(article_id=article.id, sentence=text_in(article.text, sentence),
                              start=sentence.start_char, end=sentence.end_char, rule=event.rule,
                              confidence=event.confidence, stance=event.said.stance),
            time_text=event.time.text if event.time is not None else None,
            time_anchors=tuple(anchor.text for anchor in event.anchors),
            headline=in_headline(event.trigger.doc[event.trigger.i: event.trigger.i + 1]),
            fatalities=event.fatalities, sub_event_type=event.sub_event_type,
            according_to=_mention(event.said.source, mention_of), trigger=event.trigger.text,
        ))
    return out


def _mentions(spans: Iterable[Span | None], mention_of: dict[tuple[int, int], Mention]) -> list[Mention]:
    out: list[Mention] = []
    for span in spans:
        found = _mention(span, mention_of)
        if found is not None and found not in out:
            out.append(found)
    return out


def _mention(span: Span | None, mention_of: dict[tuple[int, int], Mention]) -> Mention | None:
    return None if span is None else mention_of.get((span.start, span.end))


def attributed_relations(doc: Doc) -> Iterator[tuple[FoundRelation, Said]]:
    """Every relation of the Doc with who says so: the told ones (``kg_relations``), then the denied ones."""
    relations = list(getattr(doc._, "kg_relations", []) or [])
    attributions = list(getattr(doc._, "kg_attributions", []) or [])
    for index, rel in enumerate(relations):
        yield rel, attributions[index] if index < len(attributions) else NEUTRAL
    yield from getattr(doc._, "kg_denied", []) or []


__all__ = ["Attribution", "EventExtractor", "EventReading", "Said", "attributed_relations", "count_of",
           "event_mentions", "is_party", "toll_at", "tolls"]
