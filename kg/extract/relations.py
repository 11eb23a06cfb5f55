"""The ``kg_relations`` component: relations between typed entities, read from the dependency parse.

Every reading starts from a word that carries a relation and follows the parse to the entities that
fill its slots; two names never become related just because they share a sentence. The readers:

- kg.extract.frames     actions: attacks, captures, clashes, meetings (the frames of data/frames.toml)
- kg.extract.roles      relational nouns and verbs of office: spokesman, governor, commander, member,
                        capital; "who heads", "led by", "speaks for"
- kg.extract.control    holding a place as a state: "Houthi-held", "under Taliban control"
- kg.extract.located    one place inside another

Arguments are found through kg.extract.arguments (proxies, appositions, relative pronouns) and
kg.extract.coref (generic nouns and pronouns). Each ``FoundRelation`` names the rule that read it and
carries that rule's confidence (kg.extract.confidence), which the learned pair reader (kg.extract.pairs) then
raises where it agrees and caps where it does not. Domain and range are checked later, by the
resolver. The frame readings themselves are kept on ``doc._.kg_readings`` for event building.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from .arguments import Arguments
from .control import held_place_rules, misparsed_capture_rules, stronghold_rules, under_control_rules
from .coref import ANAPHOR
from .found import FoundRelation
from .frames import FrameReader, action_words, load_frames, relations_of
from .located import located_in_rules
from .pairs import PairModel
from .parse_repairs import repair
from .roles import (capital_of_rules, copula_roles, leader_rules, office_holders, party_state_rules, role_rules,
                    verb_role_rules)
from .selection import correct_types
from .spans import NESTED_KEY, name_key, retype

if not Doc.has_extension("kg_readings"):
    Doc.set_extension("kg_readings", default=[])
#: the Arguments index kg_relations made, handed to kg_events (which removes it): making it is a walk over every
#: token, its coreference and dateline, and the events are read over the same entities
if not Doc.has_extension("kg_arguments"):
    Doc.set_extension("kg_arguments", default=None)

#: Readers of relations that are not frames, run after the frames. They walk ``args.ents``, the entities made once
#: for the Arguments: doc.ents, unchanged while they run, would make new Span objects for every reader.
READERS = (held_place_rules, under_control_rules, stronghold_rules, misparsed_capture_rules, role_rules, verb_role_rules,
           copula_roles, capital_of_rules, located_in_rules, leader_rules, party_state_rules)


class RelationExtractor:
    """Runs every reader over a Doc and keeps the best reading of each (subject, predicate, object)."""

    def __init__(self, nlp: Language | None = None, name: str = "kg_relations"):
        self.name = name
        self.frames = load_frames()
        self.by_name = {frame.name: frame for frame in self.frames}
        self.reader = FrameReader(self.frames)
        self.actions = action_words(self.frames)
        #: the learned reader of pairs the rules left unrelated (kg.extract.pairs); None reads rules only
        self.pair_model = PairModel.load()

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):  # a pipeline without a parser: nothing can be read
            doc._.kg_relations = []
            doc._.kg_readings = []
            return doc
        repair(doc)
        args = Arguments(doc, self.actions)
        readings = list(self.reader.read(doc, args))
        # The frames say what some names are: read again with the new types. Twice at most, since a name found
        # by its reading ("the UPCS seized Tessit": a town) can in turn say what the other side is (armed).
        for _ in range(2):
            if not correct_types(doc, readings):
                break
            args = Arguments(doc, self.actions)
            readings = list(self.reader.read(doc, args))
        readings = [r for r in readings if r.complete]
        results: list[FoundRelation] = []
        for reading in readings:
            results.extend(relations_of(reading, self.by_name))
        for reader in READERS:
            results.extend(reader(doc, args))
        doc._.kg_readings = readings
        doc._.kg_arguments = args
        relations = [with_sentence(rel, args) for rel in dedupe(results)]
        if self.pair_model is not None:
            relations = self.pair_model.read(doc, relations)
        doc._.kg_relations = relations
        _promote_office_holders(doc, relations)
        return doc


def _promote_office_holders(doc: Doc, relations: list[FoundRelation]) -> None:
    """A person the text gives an office is an Official (kg.extract.roles.office_holders); the relations keep
    their spans, which kg reads back by position."""
    holders = {(s.start, s.end) for s in office_holders(relations)}
    if holders:
        doc.ents = [retype(e, "Official") if (e.start, e.end) in holders else e for e in doc.ents]


def _plain_entity(span: Span, args: Arguments) -> Span:
    """The entity a relation's span stands for; a country named inside a phrase ("the government of Iraq") stays
    the country, a mention of its own (kg.extract.spans.merge_phrases)."""
    nested = span.label_ == "Country" and any(  # only countries are kept nested (merge_phrases)
        (s.start, s.end) == (span.start, span.end) for s in span.doc.spans.get(NESTED_KEY, []))
    return span if nested else args.entity(span.root) or span


def with_sentence(rel: FoundRelation, args: Arguments) -> FoundRelation:
    """Give the relation its evidence sentence and the plain entity spans (an anaphor's span becomes its entity)."""
    subject, obj = _plain_entity(rel.subject, args), _plain_entity(rel.object, args)
    anchor = rel.object if rel.subject.kb_id_ == ANAPHOR else rel.subject
    sentence = anchor.sent if rel.predicate != "capitalOf" else rel.subject.sent
    return FoundRelation(subject, rel.predicate, obj, rel.rule, rel.confidence, sentence)


def dedupe(results: Iterable[FoundRelation]) -> list[FoundRelation]:
    """One reading per (subject, predicate, object), the most confident; none between a span and itself."""
    best: dict[tuple, FoundRelation] = {}
    for rel in results:
        if rel.subject == rel.object or rel.subject.label_ == rel.object.label_ and (
                rel.subject.text == rel.object.text or name_key(rel.subject) == name_key(rel.object)):
            continue  # "the Kuki National Army" and "KNA": one thing, no relation with itself
        ends = [(rel.subject.start, rel.subject.end), (rel.object.start, rel.object.end)]
        if rel.predicate in ("clashedWith", "metWith"):
            ends.sort()
        key = (rel.predicate, *ends)
        if key not in best or rel.confidence > best[key].confidence:
            best[key] = rel
    # A capital is in its country or province, but the capitalOf says it: the annotated reports give no locatedIn
    # beside it ("Sanaa, Yemen's capital")
    capitals = {(name_key(r.subject), name_key(r.object)) for r in best.values() if r.predicate == "capitalOf"}
    # nor does an office holder meet the body he holds office in ("South Korea's President Moon opened a summit")
    offices = {frozenset((name_key(r.subject), name_key(r.object))) for r in best.values()
               if r.predicate in ("officialOf", "spokesmanFor", "memberOf")}
    kept = [r for r in best.values()
            if not (r.predicate == "locatedIn" and (name_key(r.subject), name_key(r.object)) in capitals)
            and not (r.predicate == "metWith" and frozenset((name_key(r.subject), name_key(r.object))) in offices)]
    return sorted(kept, key=lambda r: (r.subject.start, r.predicate, r.object.start))
