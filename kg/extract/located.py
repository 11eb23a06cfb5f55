"""Where places are: locatedIn from the words that put one place inside another ("Qala-e-Zal in Kunduz
province", "Helmand's Sangin district", "the Imam Sahib district of Kunduz Province")."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from .arguments import PLACE_NOUNS, PLACE_RANK, PLACE_TYPES, Arguments
from .found import FoundRelation, found


def located_in_rules(doc: Doc, args: Arguments) -> Iterator[FoundRelation]:
    """'Qala-e-Zal in Kunduz province', 'the Imam Sahib district of Kunduz Province', 'the Afghan city of Farah'."""
    for span in doc.ents:
        if span.label_ not in PLACE_TYPES:
            continue
        holders = [span.root]
        head = span.root.head
        if span.root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS:
            holders.append(head.head)  # "the district of X in Y", "the city of X"
        if span.root.dep_ == "compound" and head.lemma_.lower() in PLACE_NOUNS:
            holders.append(head)  # "X district" with "district" outside the entity
        owners = [o for h in holders for c in h.children if c.dep_ == "poss" for o in args.entities(c)]
        for owner in owners:  # "Helmand's Sangin district", "the province's Dasht-e-Archi district"
            if larger(owner, span):
                yield found(span, "locatedIn", owner, "locatedIn-possessive")
        for holder in holders:
            targets = args.prep_objects(holder, ("in",) if holder is span.root and span.label_ == "City"
                                        else ("in", "of"))
            if holder is not span.root:
                targets += args.modifiers(holder, types=PLACE_TYPES)
            for target in targets:
                if larger(target, span):
                    yield found(span, "locatedIn", target, "locatedIn-prep")


def larger(target: Span, place: Span) -> bool:
    return (target.label_ in PLACE_RANK and place.label_ in PLACE_RANK
            and PLACE_RANK[target.label_] > PLACE_RANK[place.label_])
