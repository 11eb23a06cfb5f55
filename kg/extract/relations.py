"""Dependency rules that read relations between typed entities.

Each rule looks at the parse around an entity and names the rule that fired,
with a confidence; the rules never pair two names just because they share a sentence.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

CAPTURE_VERBS = {"capture", "seize", "take", "overrun", "occupy", "conquer", "retake", "recapture"}
ATTACK_VERBS = {"attack", "assault", "strike", "shell", "bomb", "raid", "target", "storm", "hit"}
CLASH_VERBS = {"clash", "fight", "battle"}
MEET_VERBS = {"meet"}
NEGATIONS = {"not", "never", "n't", "no"}
HYPOTHETICAL_MARKERS = {"plan", "try", "attempt", "threaten", "want", "aim", "seek", "could", "would", "might",
                        "may", "cannot", "can", "if", "hope"}


@dataclass(frozen=True)
class FoundRelation:
    subject: Span
    predicate: str
    object: Span
    rule: str
    confidence: float


class RelationExtractor:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ent_of = {}
        for span in doc.ents:
            for token in span:
                ent_of[token.i] = span
        found: list[FoundRelation] = []
        for span in doc.ents:
            found.extend(self._appositions(span, ent_of))
        for token in doc:
            if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
                found.extend(self._verb_relations(token, ent_of))
        doc._.kg_relations = _dedupe(found)
        return doc

    def _appositions(self, span: Span, ent_of: dict[int, Span]):
        """'Maimana, the capital of Faryab Province'; 'X, a Taliban spokesman'."""
        for appos in (t for t in span.root.children if t.dep_ == "appos"):
            noun = appos.lemma_.lower()
            if noun == "capital" and span.label_ == "City":
                for target in _pobj_entities(appos, "of", ent_of):
                    yield FoundRelation(span, "capitalOf", target, "appos-capital-of", 0.9)
            elif noun in ("spokesman", "spokeswoman", "spokesperson") and span.label_ in ("Person", "Official"):
                for target in _modifier_entities(appos, ent_of):
                    yield FoundRelation(span, "spokesmanFor", target, "appos-spokesman", 0.85)


    def _verb_relations(self, verb: Token, ent_of: dict[int, Span]):
        if _negated_or_hypothetical(verb):
            return
        lemma = verb.lemma_.lower()
        subjects = [ent_of[t.i] for t in _expand(verb, ("nsubj",)) if t.i in ent_of]
        objects = [ent_of[t.i] for t in _expand(verb, ("dobj",)) if t.i in ent_of]
        passive_subjects = [ent_of[t.i] for t in _expand(verb, ("nsubjpass",)) if t.i in ent_of]
        agents = [ent_of[t.i] for a in verb.children if a.dep_ == "agent" for t in _expand(a, ("pobj",))
                  if t.i in ent_of]
        with_objects = _pobj_entities(verb, "with", ent_of)
        predicate = ("captured" if lemma in CAPTURE_VERBS else "attacked" if lemma in ATTACK_VERBS
                     else "clashedWith" if lemma in CLASH_VERBS else "metWith" if lemma in MEET_VERBS else None)
        if predicate is None:
            return
        if predicate in ("clashedWith", "metWith"):
            for s in subjects:
                for o in with_objects + objects:
                    yield FoundRelation(s, predicate, o, f"{predicate}-with", 0.8)
            return
        for s in subjects:
            for o in objects:
                yield FoundRelation(s, predicate, o, f"{predicate}-active", 0.75)
        for o in passive_subjects:
            for s in agents:
                yield FoundRelation(s, predicate, o, f"{predicate}-passive", 0.75)


def _expand(head: Token, deps: tuple[str, ...]):
    """Children with the given dependency, plus their conjuncts ('Kunduz and Taloqan')."""
    for child in head.children:
        if child.dep_ in deps:
            yield child
            yield from child.conjuncts


def _pobj_entities(head: Token, preposition: str, ent_of: dict[int, Span]) -> list[Span]:
    out = []
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == preposition:
            out.extend(ent_of[t.i] for t in _expand(prep, ("pobj",)) if t.i in ent_of)
    return out


def _modifier_entities(noun: Token, ent_of: dict[int, Span]) -> list[Span]:
    """'a Taliban spokesman', 'a spokesman for the Taliban', 'the ministry's spokesman'."""
    out = [ent_of[t.i] for t in noun.subtree if t.i in ent_of and t.i < noun.i]
    out.extend(_pobj_entities(noun, "for", ent_of))
    return out


def _negated_or_hypothetical(verb: Token) -> bool:
    markers = {t.lower_ for t in verb.children if t.dep_ in ("neg", "aux", "mark")}
    if markers & (NEGATIONS | HYPOTHETICAL_MARKERS):
        return True
    governor = verb.head if verb.dep_ in ("xcomp", "ccomp", "advcl") else None
    return governor is not None and governor.lemma_.lower() in HYPOTHETICAL_MARKERS


def _dedupe(found: list[FoundRelation]) -> list[FoundRelation]:
    best: dict[tuple, FoundRelation] = {}
    for rel in found:
        if rel.subject == rel.object:
            continue
        key = (rel.subject.start, rel.predicate, rel.object.start)
        if key not in best or rel.confidence > best[key].confidence:
            best[key] = rel
    return list(best.values())
