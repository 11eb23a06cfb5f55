"""Plain data passed between the stages of a build.

article -> (extract) ArticleMentions -> (resolve) ArticleGraph -> (triples) RDF

Everything here is a frozen dataclass without behaviour beyond small derived
properties, so that stages can be tested on hand-made values and results can be
pickled across worker processes.
"""
from __future__ import annotations

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


@dataclass(frozen=True)
class RelationMention:
    """A relation as found in one sentence, between two mentions."""

    subject: Mention
    predicate: str  # one of PREDICATES
    object: Mention
    evidence: Evidence


@dataclass(frozen=True)
class ArticleMentions:
    """The extraction stage's output for one article."""

    article: Article
    mentions: tuple[Mention, ...]
    relations: tuple[RelationMention, ...]
    sentences: tuple[tuple[int, int], ...] = ()  # (start, end) of every sentence


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


@dataclass(frozen=True)
class Skipped:
    """An input that could not be used, and why (shown in the build summary)."""

    source: str
    reason: str
