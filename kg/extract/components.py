"""kg's spaCy components, registered as factories.

kg_sentence_hints first: sentence boundaries the parser must keep (kg.extract.sentences)
kg_gazetteer      after ``ner``: known names from the data files become typed entities, overriding or
                  completing the statistical NER (kg.extract.gazetteer)
kg_entity_typer   after the gazetteer: the nine ontology types and canonical names (kg.extract.entity_typing)
kg_relations      after typing: relations between entities read from the parse (kg.extract.relations)

Contract with kg_relations: after kg_entity_typer, ``doc.ents`` holds only spans labelled with one of
the nine types, each with ``span._.kg_canonical`` (the name it stands for), ``span._.kg_links`` (dict of
wikidata / geonames / lat / lon) and ``span._.kg_origin`` (which rule typed it).
"""
from __future__ import annotations

from spacy.language import Language

from .entity_typing import EntityTyper
from .gazetteer import GazetteerComponent
from .relations import RelationExtractor
from .headlines import make_headline_reader  # noqa: F401  (registers kg_headline)
from .sentences import make_sentence_hints  # noqa: F401  (registers kg_sentence_hints)


@Language.factory("kg_gazetteer", assigns=["doc.ents"])
def make_gazetteer(nlp: Language, name: str) -> GazetteerComponent:
    return GazetteerComponent(nlp, name)


@Language.factory("kg_entity_typer", assigns=["doc.ents"], requires=["doc.ents"])
def make_entity_typer(nlp: Language, name: str) -> EntityTyper:
    return EntityTyper(nlp, name)


@Language.factory("kg_relations", assigns=["doc._.kg_relations", "doc.ents"], requires=["doc.ents", "token.dep"])
def make_relations(nlp: Language, name: str) -> RelationExtractor:
    return RelationExtractor(nlp, name)
