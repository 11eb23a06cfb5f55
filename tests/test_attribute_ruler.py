"""kg's attribute ruler (kg.extract.attribute_ruler) gives what spaCy's gives, with the model's patterns and others."""
from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from kg.extract.attribute_ruler import KgAttributeRuler, use_kg_attribute_ruler

TEXTS = [
    "Fighters of the Northern Front clashed with army units near Qarabagh on Monday, a district official said.",
    "Y'all gonna come? I ain't goin' nowhere, c'mon. Let's see 'em. It was nothin'. He'd had it, hadn't he?",
    "There is a man. There were men. I saw you and it. You and I did it; it gets worse and they got tired.",
    "ADDIS ABABA, Ethiopia \u2014 Fighters  of the Fano militia have taken\n\nthe town of Lalibela, residents said.",
    "",
    "  \n\n  ",
]
ATTRS = [TAG, POS, LEMMA, MORPH, DEP]


def _annotations(doc: Doc) -> list:
    return [tuple(row) for row in doc.to_array(ATTRS).tolist()]


def test_the_models_ruler_is_replaced_and_gives_the_same_annotations(nlp):
    from kg.extract.pipeline import _resolve_model_name

    assert isinstance(nlp.get_pipe("attribute_ruler"), KgAttributeRuler)  # kg's pipeline has it
    bare, ours = spacy.load(_resolve_model_name(None)), spacy.load(_resolve_model_name(None))
    use_kg_attribute_ruler(ours)
    theirs, ruler = bare.get_pipe("attribute_ruler"), ours.get_pipe("attribute_ruler")
    assert type(theirs) is AttributeRuler and isinstance(ruler, KgAttributeRuler)
    assert ours.pipe_names == bare.pipe_names and ruler.patterns == theirs.patterns
    for text in TEXTS:
        assert _annotations(ours(text)) == _annotations(bare(text)), text
    with bare.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        for text in TEXTS:
            doc = bare(text)
            assert ruler.match(doc) == theirs.match(doc), text


@pytest.mark.parametrize("patterns", [
    # later patterns win; two-token patterns with a positive and a negative index; IN, NOT_IN, REGEX, flags
    [{"patterns": [[{"LOWER": "the"}]], "attrs": {"TAG": "DT", "LEMMA": "the-1"}},
     {"patterns": [[{"LOWER": {"IN": ["the", "a"]}}]], "attrs": {"LEMMA": "the-2"}},
     {"patterns": [[{"LOWER": "new"}, {"LOWER": "york"}]], "attrs": {"LEMMA": "NYC"}, "index": -1},
     {"patterns": [[{"LOWER": "new"}, {"LOWER": "york"}], [{"LOWER": "la"}]], "attrs": {"POS": "PROPN"}},
     {"patterns": [[{"LOWER": {"REGEX": "^y"}, "IS_SPACE": False}]], "attrs": {"MORPH": "Case=Nom"}},
     {"patterns": [[{"LOWER": {"NOT_IN": ["the", "new"]}, "IS_SPACE": False}]], "attrs": {"TAG": "XX"}}],
    # beyond the fast path (an operator): spaCy's Matcher does the work
    [{"patterns": [[{"LOWER": "new"}, {"LOWER": "york", "OP": "?"}]], "attrs": {"LEMMA": "new!"}}],
])
def test_own_patterns_give_what_spacys_ruler_gives(patterns):
    nlp = spacy.blank("en")
    ours, theirs = KgAttributeRuler(nlp.vocab), AttributeRuler(nlp.vocab)
    ours.add_patterns(patterns)
    theirs.add_patterns(patterns)
    for text in ("The new York times and the New York Times.", "yes, la la land   yonder", "", "new"):
        a, b = ours(nlp.make_doc(text)), theirs(nlp.make_doc(text))
        assert _annotations(a) == _annotations(b), text
        assert ours.match(nlp.make_doc(text)) == theirs.match(nlp.make_doc(text))


def test_blank_pipeline_without_a_ruler_is_left_alone():
    nlp = spacy.blank("en")
    use_kg_attribute_ruler(nlp)
    assert "attribute_ruler" not in nlp.pipe_names
