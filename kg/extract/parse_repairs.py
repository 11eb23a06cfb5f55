"""Repairs of the small parser's mistakes that every reader would otherwise have to know about.

Each repair changes a dependency label only where the tree itself shows the mistake (a label no English clause
can have there), so a correct parse is never touched. They run once, before the relation readers.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .spans import children_of, tokens_of


def repair(doc: Doc) -> None:
    """Mend ``doc``'s parse in place (the readers and kg_events see the mended labels)."""
    for token in tokens_of(doc):
        if token.pos_ == "VERB" and token.lemma_ != "be":  # ("what was the IS capital, Raqqa": a copula's)
            _second_subject_is_the_object(token)


def _second_subject_is_the_object(verb: Token) -> None:
    """'Ukrainian forces recaptured Snihurivka, a town in ...': the parser gives the verb a second subject after it,
    where an active clause has its object."""
    children = children_of(verb)
    if any(c.dep_ in ("dobj", "nsubjpass", "auxpass", "expl") for c in children):
        return
    before = [c for c in children if c.dep_ == "nsubj" and c.i < verb.i]
    after = [c for c in children if c.dep_ == "nsubj" and c.i > verb.i]
    if before and len(after) == 1 and after[0].pos_ in ("PROPN", "NOUN"):
        after[0].dep_ = "dobj"
