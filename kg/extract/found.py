"""A relation as a rule found it in a Doc, before it becomes plain data (kg.model.RelationMention)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span

from .confidence import confidence_of
from .coref import ANAPHOR


@dataclass(frozen=True)
class FoundRelation:
    subject: Span
    predicate: str
    object: Span
    rule: str
    confidence: float
    #: The sentence the relation was read in (the evidence); the subject's sentence when not given.
    sentence: Span | None = None


def found(subject: Span, predicate: str, obj: Span, rule: str) -> FoundRelation:
    if ANAPHOR in (subject.kb_id_, obj.kb_id_):
        rule = f"{rule}-anaphor"
    return FoundRelation(subject, predicate, obj, rule, confidence_of(rule))


def each_pair(subjects: Iterable[Span], objects: Iterable[Span], predicate: str, rule: str,
              subject_types: set[str] | None = None) -> Iterator[FoundRelation]:
    """``predicate`` from every subject (of ``subject_types``, if given) to every other object."""
    objects = list(objects)
    for subject in subjects:
        if subject_types is None or subject.label_ in subject_types:
            yield from (found(subject, predicate, obj, rule) for obj in objects if obj != subject)


def with_others_or_among(subjects: list[Span], others: list[Span], predicate: str, rule: str,
                         ) -> Iterator[FoundRelation]:
    """'X clashed with Y' -> X-Y; with nobody named after 'with', 'X and Y clashed' -> X-Y (rule '...-coordinated')."""
    yield from each_pair(subjects, others, predicate, rule)
    if not others:
        yield from among(subjects, predicate, f"{rule}-coordinated")


def among(spans: list[Span], predicate: str, rule: str) -> Iterator[FoundRelation]:
    """A symmetric predicate between every two coordinated entities ('X and Y clashed')."""
    for i, first in enumerate(spans):
        yield from (found(first, predicate, second, rule) for second in spans[i + 1:])
