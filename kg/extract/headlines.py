"""The ``kg_headline`` component: a Title Case headline parsed again in the case its words have in the body.

The statistical tagger, parser and NER read "Taliban Capture Northern Afghan City of Kunduz" as a row of names:
every capitalised word looks like one, so the verb is lost and "Northern Afghan City" becomes a place. Written as
the article writes those words ("Taliban capture northern Afghan city of Kunduz"), the same models read it well.
This component, right after the NER, lowers the first letter of every headline word that the body writes in lower
case (or that is a function word or one of the frames' trigger words), runs the statistical components on that copy,
and puts its tags, lemmas, parse and entities back on the headline's tokens. Lower-casing keeps every offset, so the Doc's text, and with it every
character offset kg records, is the article's own.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import minibatch

from .frames import load_frames
from .spans import headline_end_char

log = logging.getLogger("kg")

#: Components whose annotations the recased headline gives (those of the English pipelines; others are skipped).
STATISTICAL = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
ATTRS = [HEAD, DEP, TAG, POS, LEMMA, MORPH]
#: Letters a headline word shares with a body word written in lower case for both to be one word.
STEM = 5
#: Share of a headline's words that must be capitalised for it to count as Title Case.
TITLE_CASE_SHARE = 0.6


class HeadlineReader:
    """Re-reads a Title Case headline in body case (see the module's docstring)."""

    def __init__(self, nlp: Language, name: str = "kg_headline"):
        self.nlp = nlp
        self.name = name
        #: the frames' trigger words ("seize", "meet", "clash"): a headline's verb even when the body has none
        self.triggers = frozenset(w for f in load_frames() for w in f.verbs | f.nouns if " " not in w)

    def __call__(self, doc: Doc) -> Doc:
        copy = self._recased(doc)
        if copy is not None:
            for name, component in self.nlp.pipeline:
                if name in STATISTICAL:
                    copy = component(copy)
            self._put_back(doc, copy)
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 16) -> Iterator[Doc]:
        """``__call__`` on each Doc, with the recased headlines of a batch read by the statistical components
        together: one by one, the models' fixed cost per call made this component cost as much as a fifth of
        kg's own time on real articles (265 of the eval sets: 1.7 s, 0.8 s batched). Same annotations: a
        headline's parse does not depend on the others read with it."""
        for batch in minibatch(docs, size=batch_size):
            pairs = [(doc, copy) for doc in batch if (copy := self._recased(doc)) is not None]
            if pairs:
                copies = [copy for _, copy in pairs]
                for name, component in self.nlp.pipeline:
                    if name in STATISTICAL:
                        copies = (list(component.pipe(copies, batch_size=len(copies))) if hasattr(component, "pipe")
                                  else [component(copy) for copy in copies])
                for (doc, _), copy in zip(pairs, copies):
                    self._put_back(doc, copy)
            yield from batch

    def _recased(self, doc: Doc) -> Doc | None:
        """The headline alone, tokenised, in body case; None when the Doc has no Title Case headline (or the
        recased text is tokenised otherwise)."""
        end = headline_end_char(doc)
        if not end:
            return None
        tokens = [t for t in doc if t.idx < end]
        words = [t for t in tokens if t.is_alpha]
        if len(words) < 3 or sum(t.is_title or t.is_upper for t in words) < TITLE_CASE_SHARE * len(words):
            return None
        body_lower = {t.text for t in doc[len(tokens):] if t.is_lower}
        body_lower |= {w[:STEM] for w in body_lower if len(w) >= STEM} | self.triggers
        recased = "".join(_body_case(t, body_lower) + t.whitespace_ for t in tokens)
        copy = self.nlp.make_doc(recased)
        if [t.text.lower() for t in copy] != [t.lower_ for t in tokens]:
            return None  # tokenised otherwise: nothing to copy back safely
        return copy

    def _put_back(self, doc: Doc, copy: Doc) -> None:
        try:
            self._copy_back(doc, copy)
        except ValueError as err:  # a parse spaCy will not take back: keep the first reading, not fail the article
            log.debug("headline kept as first parsed: %s", str(err).splitlines()[0])

    @staticmethod
    def _copy_back(doc: Doc, copy: Doc) -> None:
        n = len(copy)
        # a head never leaves the headline: the copy is the headline alone, so relative offsets stay inside it
        array = doc.to_array(ATTRS)
        array[:n] = copy.to_array(ATTRS)
        doc.from_array(ATTRS, array)
        body_ents = [e for e in doc.ents if e.start >= n]
        doc.ents = [Span(doc, e.start, e.end, label=e.label_) for e in copy.ents] + body_ents


def _body_case(token: Token, body_lower: set[str]) -> str:
    """The token as the body writes it: lower-cased when the body has it in lower case or it is a function word;
    the first word keeps its capital."""
    if token.i == 0 or not token.is_title:
        return token.text
    lower = token.text.lower()
    # "Capture" for the body's "captured", "Clash" for "clashes": the first letters of a longer word suffice;
    # "Seizes", "Meets": a trigger word with its ending
    stems = (lower, lower[:-1], lower[:-2]) if lower.endswith(("s", "d")) else (lower,)
    if any(s in body_lower for s in stems) or len(lower) >= STEM and lower[:STEM] in body_lower or token.is_stop:
        return lower
    return token.text


@Language.factory("kg_headline", assigns=["token.tag", "token.dep", "doc.ents"])
def make_headline_reader(nlp: Language, name: str) -> HeadlineReader:
    return HeadlineReader(nlp, name)
