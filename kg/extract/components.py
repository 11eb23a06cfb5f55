"""kg's spaCy components, registered as factories.

kg_gazetteer      before ``ner``: known names from data files become typed entities
kg_entity_typer   after ``ner``: maps NER labels to the nine ontology types, finds
                  force phrases and officials, drops what is neither actor nor place
kg_relations      after typing: dependency rules that read relations between entities
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..model import ENTITY_TYPES

DATA = Path(__file__).parent / "data"
GAZETTEER_FILES = (DATA / "gazetteer.jsonl",)

for _name, _default in (("kg_canonical", None), ("kg_links", None), ("kg_origin", None)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)
if not Doc.has_extension("kg_relations"):
    Doc.set_extension("kg_relations", default=[])


def read_gazetteer(paths: Iterable[Path]) -> list[dict]:
    """Entries from JSONL files: {"name", "type", "aliases"?, "wikidata"?, "geonames"?, "lat"?, "lon"?}."""
    entries = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                entry = json.loads(line)
                if entry.get("type") not in ENTITY_TYPES or not entry.get("name"):
                    raise ValueError(f"{path}:{number}: a gazetteer entry needs a name and one of the nine types")
                entries.append(entry)
    return entries


class Gazetteer:
    """Marks every known name (and alias) as an entity of its gazetteer type."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.ruler = SpanRuler(nlp, name=f"{name}_ruler", annotate_ents=True, spans_key=None,
                               phrase_matcher_attr="LOWER", overwrite=True)
        self.entries: dict[tuple[str, str], dict] = {}

    def load(self, extra: Iterable[Path] = ()) -> None:
        patterns = []
        for entry in read_gazetteer([*GAZETTEER_FILES, *extra]):
            key = (entry["type"], entry["name"])
            self.entries[key] = entry
            for surface in {entry["name"], *entry.get("aliases", [])}:
                patterns.append({"label": entry["type"], "pattern": surface, "id": entry["name"]})
        self.ruler.clear()
        self.ruler.add_patterns(patterns)

    def __call__(self, doc: Doc) -> Doc:
        doc = self.ruler(doc)
        for span in doc.ents:
            entry = self.entries.get((span.label_, span.id_))
            if entry is not None:
                span._.kg_canonical = entry["name"]
                span._.kg_origin = "gazetteer"
        return doc

    def links_for(self, type_: str, name: str) -> dict:
        entry = self.entries.get((type_, name)) or {}
        return {k: str(entry[k]) for k in ("wikidata", "geonames", "lat", "lon") if k in entry}


@Language.factory("kg_gazetteer", assigns=["doc.ents"])
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(nlp, name)


NER_TO_TYPE = {"PERSON": "Person", "ORG": "Organization", "GPE": "City", "LOC": "City", "FAC": None, "NORP": None}
ROLE_WORDS = {"spokesman", "spokeswoman", "spokesperson", "governor", "deputy", "president", "minister",
              "commander", "chief", "official", "mayor", "member", "head", "general", "leader", "ambassador",
              "secretary", "envoy", "prime", "police chief"}
FORCE_NOUNS = {"forces", "troops", "army", "soldiers", "police", "military", "force"}


class EntityTyper:
    """Give every entity one of the nine types; drop the rest."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for span in doc.ents:
            typed = self._type(span)
            if typed is not None:
                spans.append(typed)
        spans.extend(self._force_phrases(doc, spans))
        doc.ents = filter_spans(spans)
        return doc

    def _type(self, span: Span) -> Span | None:
        if span.label_ in ENTITY_TYPES:
            return span
        new_type = NER_TO_TYPE.get(span.label_)
        if new_type is None:
            return None
        last = span[-1].lower_
        if span.label_ in ("GPE", "LOC") and last == "province":
            new_type = "Province"
        elif span.label_ in ("GPE", "LOC") and last == "district":
            new_type = "District"
        elif new_type == "Person" and _has_role(span):
            new_type = "Official"
        typed = Span(span.doc, span.start, span.end, label=new_type)
        typed._.kg_origin = "ner"
        return typed

    def _force_phrases(self, doc: Doc, taken: list[Span]) -> list[Span]:
        """'Afghan security forces', 'government forces', 'U.S. forces' as Force."""
        used = {i for span in taken for i in range(span.start, span.end)}
        found = []
        for token in doc:
            if token.lower_ not in FORCE_NOUNS or token.tag_ not in ("NNS", "NN", "NNP", "NNPS"):
                continue
            left = [t for t in token.lefts if t.dep_ in ("amod", "compound", "nmod", "npadvmod") and t.i < token.i]
            if not left:
                continue
            start = min(t.left_edge.i for t in left)
            if any(i in used for i in range(start, token.i + 1)):
                # a gazetteer/NER name inside the phrase ("U.S.", "Afghan") still makes a Force phrase
                if not all(doc[i].ent_type_ in ("", "NORP", "GPE", "Country") for i in range(start, token.i)):
                    continue
            span = Span(doc, start, token.i + 1, label="Force")
            span._.kg_origin = "force-phrase"
            found.append(span)
        return found


def _has_role(span: Span) -> bool:
    head = span.root
    neighbours = [t for t in head.children if t.dep_ == "appos"]
    if head.dep_ == "appos":
        neighbours.append(head.head)
    neighbours.extend(t for t in span.doc[max(0, span.start - 3): span.start])
    return any(t.lower_ in ROLE_WORDS or t.lemma_.lower() in ROLE_WORDS for t in neighbours)


@Language.factory("kg_entity_typer", assigns=["doc.ents"], requires=["doc.ents"])
def make_entity_typer(nlp: Language, name: str) -> EntityTyper:
    return EntityTyper(nlp, name)


@Language.factory("kg_relations", assigns=["doc._.kg_relations"], requires=["doc.ents", "token.dep"])
def make_relations(nlp: Language, name: str):
    from .relations import RelationExtractor

    return RelationExtractor(nlp, name)
