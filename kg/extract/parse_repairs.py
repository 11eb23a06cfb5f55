"""Repairs of the small parser's mistakes that every reader would otherwise have to know about.

Each repair changes a dependency label only where the tree itself shows the mistake (a label no English clause
can have there), so a correct parse is never touched. They run once, before the relation readers.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .coref import SAYING_VERBS
from .spans import children_of, tokens_of


def repair(doc: Doc) -> None:
    """Mend ``doc``'s parse in place (the readers and kg_events see the mended labels)."""
    for token in tokens_of(doc):
        if token.pos_ == "VERB" and token.lemma_ != "be":  # ("what was the IS capital, Raqqa": a copula's)
            _second_subject_is_the_object(token)
        elif token.dep_ == "conj" and token.pos_ == "PROPN":
            _speaker_made_a_conjunct(token)


def _speaker_made_a_conjunct(name: Token) -> None:
    """'... killed Abu Bakr al-Baghdadi, the leader of ISIS, Gen. Kenneth McKenzie, commander of CENTCOM, told
    reporters': the parser joins the speaker to the name before by the comma alone and leaves the verb of saying
    after them without a subject. A name joined without 'and' or 'or', described by a noun of its own, before a
    verb of saying with no subject, is that verb's subject (the one change here that moves a word: its head)."""
    head = name.head
    if any(c.dep_ == "cc" and head.i < c.i < name.i for c in head.children):
        return  # "A and B": a true conjunct
    first = name.left_edge
    if first.i == 0 or name.doc[first.i - 1].text != ",":
        return
    verb = head.sent.root
    if verb.i < name.i or verb.lemma_.lower() not in SAYING_VERBS or verb.pos_ != "VERB" \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return
    if not any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in name.children):
        return  # (a role of its own: "commander of U.S. Central Command")
    name.head = verb
    name.dep_ = "nsubj"


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
