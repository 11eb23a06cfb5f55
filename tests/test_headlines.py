"""A Title Case headline read again in the case the body writes its words (kg.extract.headlines).

The example articles are written for these tests.
"""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

ARTICLE = ("Rebels Seize Northern Port City of Sarwa\n\n"
           "The Red Hand seized Sarwa on Sunday after two days of fighting with the army, residents said. "
           "The group now holds the port city.")


def test_the_headline_is_parsed_in_the_bodys_case_and_its_text_kept(nlp):
    doc = nlp(ARTICLE)
    assert doc.text == ARTICLE  # offsets and text are the article's own
    seize = doc[1]
    assert seize.text == "Seize" and seize.pos_ == "VERB" and seize.dep_ == "ROOT"
    assert [t.head.i for t in doc[:7]] == [t.head.i for t in nlp(ARTICLE.replace(
        "Seize Northern Port City", "seize northern port city"))[:7]]


def test_a_headline_relation_is_read_from_the_headline(nlp):
    doc = nlp("Taliban Capture Northern Afghan City of Kunduz\n\n"
              "The Taliban captured Kunduz on Sunday after clashes with Afghan forces, officials said.")
    headline = [r for r in doc._.kg_relations if r.sentence is not None and r.sentence.start == 0]
    assert ("Taliban", "captured", "Kunduz") in {(r.subject.text, r.predicate, r.object.text) for r in headline}


def test_a_headline_in_sentence_case_is_left_alone(nlp):
    text = "Rebels seize the port of Sarwa\n\nThe Red Hand seized Sarwa on Sunday, residents said."
    doc = nlp(text)
    assert doc.text == text and doc[1].pos_ == "VERB"


def test_headlines_read_in_a_batch_as_one_by_one(nlp):
    """``nlp.pipe`` reads a batch's recased headlines together (HeadlineReader.pipe): the same parse as ``nlp``."""
    texts = [ARTICLE, "Taliban Capture Northern Afghan City of Kunduz\n\nThe Taliban captured Kunduz on Sunday.",
             "Rebels seize the port of Sarwa\n\nThe Red Hand seized Sarwa on Sunday, residents said."]
    for one, batched in zip([nlp(t) for t in texts], nlp.pipe(texts, batch_size=3)):
        assert [(t.tag_, t.dep_, t.head.i, t.lemma_) for t in one] == [
            (t.tag_, t.dep_, t.head.i, t.lemma_) for t in batched]
        assert [(e.start, e.end, e.label_) for e in one.ents] == [(e.start, e.end, e.label_) for e in batched.ents]
