"""Plain data passed between the stages of a build.

article -> (extract) ArticleMentions -> (resolve) ArticleGraph -> (triples) RDF

Everything here is a frozen dataclass without behaviour beyond small derived
properties, so that stages can be tested on hand-made values and results can be
pickled across worker processes.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

#: The nine entity types of the ontology (local names of its classes).
ENTITY_TYPES = (
    "Official", "Person", "ArmedGroup", "Force", "Organization",
    "City", "Province", "Country", "District",
)
#: The nine relation predicates of the ontology (local names of its properties).
PREDICATES = (
    "clashedWith", "spokesmanFor", "capitalOf", "officialOf", "attacked",
    "captured", "locatedIn", "memberOf", "metWith",
)
#: Predicates whose direction carries no meaning.
SYMMETRIC_PREDICATES = frozenset({"clashedWith", "metWith"})

#: Which entity types each predicate accepts as subject and object: ontologies/kg.ttl's
#: rdfs:domain / rdfs:range expanded to the nine leaf classes (Country is both a
#: Place and an Actor). Relations outside these are dropped at resolution;
#: tests/test_ontology.py checks these tables against the Turtle.
ACTOR_TYPES = frozenset({"Official", "Person", "ArmedGroup", "Force", "Organization", "Country"})
PLACE_TYPES = frozenset({"City", "Province", "District", "Country"})
PERSON_TYPES = frozenset({"Official", "Person"})
#: Words after a family name that are no part of it ("Lloyd J. Austin III" is "Austin" later on), lower case,
#: without their full stop.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def without_name_suffixes(words: list[str]) -> list[str]:
    """A name's words without the suffixes after its family name ('Lloyd J. Austin III' -> 'Lloyd J. Austin'),
    keeping two words at least."""
    words = list(words)
    while len(words) > 2 and words[-1].lower().rstrip(".,") in NAME_SUFFIXES:
        words.pop()
    return words


#: Words that name a country's ruling forces on their own ("Junta spokesman X", "the regime"): a body's name, not a
#: bare common noun like "forces".
STATE_BODY_NOUNS = frozenset({"junta", "military", "regime"})
_ALL_TYPES = frozenset(ENTITY_TYPES)
DOMAIN = {
    "clashedWith": ACTOR_TYPES, "spokesmanFor": PERSON_TYPES, "capitalOf": frozenset({"City"}),
    "officialOf": PERSON_TYPES, "attacked": ACTOR_TYPES, "captured": ACTOR_TYPES,
    "locatedIn": _ALL_TYPES, "memberOf": ACTOR_TYPES, "metWith": ACTOR_TYPES,
}
RANGE = {
    "clashedWith": ACTOR_TYPES, "spokesmanFor": _ALL_TYPES, "capitalOf": PLACE_TYPES - {"City"},
    "officialOf": _ALL_TYPES - PERSON_TYPES, "attacked": _ALL_TYPES, "captured": _ALL_TYPES,
    "locatedIn": PLACE_TYPES, "memberOf": ACTOR_TYPES - PERSON_TYPES, "metWith": ACTOR_TYPES,
}


#: The four event classes of the ontology (kgo:Attack, kgo:Capture, kgo:Clash, kgo:Meeting; each a sem:Event).
EVENT_CLASSES = ("Attack", "Capture", "Clash", "Meeting")
#: Who says so: the outlet's own voice or a neutral report, a party's claim, a party's denial (kgo:Asserted ...).
STANCES = ("Asserted", "Claimed", "Denied")
ASSERTED, CLAIMED, DENIED = STANCES
#: How precisely an event's date is known (kgo:timePrecision); kg.dates reads these.
TIME_PRECISIONS = ("day", "week", "month")


def allowed(predicate: str, subject_type: str, object_type: str) -> bool:
    """True when the ontology admits ``subject_type --predicate--> object_type``."""
    return subject_type in DOMAIN[predicate] and object_type in RANGE[predicate]


@dataclass(frozen=True)
class Article:
    """One news report as read from disk; no NLP has touched it yet."""

    id: str
    text: str
    title: str = ""
    url: str | None = None
    published: str | None = None  # ISO 8601 date, as given by the source
    source: str | None = None  # the file (and line) it was read from
    author: str | None = None

    @property
    def content_hash(self) -> str:
        """sha256 of title and text: the article's identity for re-builds."""
        digest = hashlib.sha256()
        digest.update(self.title.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
        digest.update(self.text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()


@dataclass(frozen=True)
class Mention:
    """A stretch of article text that names an actor or a place."""

    text: str
    type: str  # one of ENTITY_TYPES
    start: int  # character offsets in Article.text
    end: int
    sentence: int  # index of the sentence it is in
    #: The name this mention stands for when it differs from its text
    #: ("the province of the same name" -> "Kunduz Province"; "Mr. Ghani" -> "Ghani").
    canonical: str | None = None
    #: Knowledge-base ids from the gazetteer, e.g. {"wikidata": "Q...", "geonames": "..."}.
    links: tuple[tuple[str, str], ...] = ()
    #: Source of the typing decision: "ner", "gazetteer", "role", "force-phrase", ...
    origin: str = "ner"

    @property
    def name(self) -> str:
        return self.canonical or self.text


@dataclass(frozen=True)
class Evidence:
    """Where and why a relation was read: the audit trail of one fact."""

    article_id: str
    sentence: str
    start: int  # character offsets of the sentence in Article.text
    end: int
    rule: str  # the name of the extraction rule that fired
    confidence: float  # 0..1, see kg.extract.relations for what each rule earns
    #: Who says so (one of STANCES): "Denied" evidence never makes a direct triple on its own.
    stance: str = ASSERTED
    #: Entity.key of whose statement it is ("according to police", "the Taliban claimed"), when the text says.
    according_to: str | None = None
    #: True when one party claims or asserts what another denies (set at resolution, across the build).
    contested: bool = False


@dataclass(frozen=True)
class RelationMention:
    """A relation as found in one sentence, between two mentions."""

    subject: Mention
    predicate: str  # one of PREDICATES
    object: Mention
    evidence: Evidence
    #: Whose statement the sentence is, as a mention (resolved to ``Evidence.according_to``).
    according_to: Mention | None = None


@dataclass(frozen=True)
class EventMention:
    """One reading of an attack, capture, clash or meeting in one sentence (kg.extract.events)."""

    event_class: str  # one of EVENT_CLASSES
    agents: tuple[Mention, ...]  # who did it (for a clash or meeting: every side)
    targets: tuple[Mention, ...]  # whom it was done to (actors only; places go to ``place``)
    place: Mention | None  # the most specific place named for it
    evidence: Evidence  # the sentence, its offsets, rule, confidence and stance
    #: The time expression as written ("on Sunday", "last week"), resolved against publication by kg.dates.
    time_text: str | None = None
    #: The time expressions named last before it that are not themselves relative to another ("Saturday" before
    #: "earlier in the day"), nearest last: what "that day" or "two days earlier" count from.
    time_anchors: tuple[str, ...] = ()
    fatalities: int | None = None  # deaths the sentence gives for it (the lower bound of a range)
    #: ACLED's sub-event type as the wording tells it ("Air/drone strike", "Armed clash", ...); None: decide from
    #: the actors' types at resolution (a capture by a state's forces or by a non-state group).
    sub_event_type: str | None = None
    according_to: Mention | None = None
    trigger: str = ""  # the word that named it
    headline: bool = False  # read in the article's headline (a summary of what its body tells)


@dataclass(frozen=True)
class Event:
    """One attack, capture, clash or meeting after resolution, merged across the reports that tell it."""

    key: str  # stable identity, minted into the event's IRI by kg.triples
    event_class: str
    label: str = ""  # "Capture of Kabul by Taliban, 2021-08-15": made by the first report, kept by the others
    agents: tuple[str, ...] = ()  # Entity.key, in the order the reports name them
    targets: tuple[str, ...] = ()
    place: str | None = None  # Entity.key
    date: dt.date | None = None
    precision: str | None = None  # one of TIME_PRECISIONS when ``date`` is known
    fatalities: int | None = None
    sub_event_type: str | None = None
    #: One per sentence that tells it (this article's, and, in ``ArticleGraph.events``, only this article's).
    evidence: tuple[Evidence, ...] = ()
    contested: bool = False

    @property
    def actors(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.agents, *self.targets)))


@dataclass(frozen=True)
class ArticleMentions:
    """The extraction stage's output for one article."""

    article: Article
    mentions: tuple[Mention, ...]
    relations: tuple[RelationMention, ...]
    sentences: tuple[tuple[int, int], ...] = ()  # (start, end) of every sentence
    events: tuple[EventMention, ...] = ()


@dataclass(frozen=True)
class Entity:
    """One real-world actor or place, after resolution."""

    key: str  # stable identity: "<Type family>/<normalised canonical name>"
    type: str  # one of ENTITY_TYPES
    label: str  # canonical name
    aliases: frozenset[str] = frozenset()  # other surface forms seen
    links: tuple[tuple[str, str], ...] = ()
    coordinates: tuple[float, float] | None = None  # (lat, lon) WGS84


@dataclass(frozen=True)
class Relation:
    """A resolved fact: subject --predicate--> object, with its evidence."""

    subject: str  # Entity.key
    predicate: str
    object: str  # Entity.key
    evidence: tuple[Evidence, ...] = field(default=())

    @property
    def confidence(self) -> float:
        return max((e.confidence for e in self.evidence), default=0.0)


@dataclass(frozen=True)
class ArticleGraph:
    """Everything one article contributes to the knowledge graph."""

    article: Article
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    #: The events this article tells (each with this article's evidence; an event other articles told too keeps
    #: their key, so the graphs of all of them describe one node).
    events: tuple[Event, ...] = ()
    #: Relations this article only denies ("Police denied that al-Shabab had seized the town"): written as
    #: Denied evidence, never as a direct triple.
    denied: tuple[Relation, ...] = ()
    #: Evidence of earlier articles that this one contests (a denial of their claim, or a claim they denied):
    #: (the relation or event it supports, the evidence), flagged kgo:contested in this article's graph.
    contests: tuple[tuple[Relation | Event, Evidence], ...] = ()


@dataclass(frozen=True)
class Skipped:
    """An input that could not be used, and why (shown in the build summary)."""

    source: str
    reason: str
