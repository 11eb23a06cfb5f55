"""The learned pair reader: a second opinion on two entities of one sentence that the rules left unrelated.

The frames and roles read the ways of telling a relation that someone wrote down; real reporting has more.
For every two entities of a sentence and every predicate the ontology admits between their types, a logistic
model scores what lies between them in the parse: the dependency path (its labels, its words, and the frame or
role each word belongs to, so "retook" and "overran" weigh alike even when only one was seen in training), the
words between and the entities' own attachments. It does not see what the rules read: it is a reader of its own.

What it is used for was decided by measuring. On annotated reports it never saw (folds by report) the model alone
reads relations at F1 0.60, and when it agrees with a rule's relation that relation is right 98 times in 100 (73
when it does not): so it raises or caps the confidence of the rules' relations, which is what the thresholds of
``kg query``/the view rank by. Adding the relations it reads where the rules read none was measured too and left
off: those were right about one time in seven (in folds, and on 12 reports written for the check), since what the
rules miss is what is hard to read; a model file with a ``threshold`` turns it on.

The model is data (``data/pair_model.json``): weights of named features, made only from annotated reports by
``python tools/train_pairs.py GOLD_DIR ... --write``, which also measures, with folds by report, how precise the
added relations are at each threshold; a relation's confidence is that measured precision, not the raw
probability. Without the file nothing is added.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..model import ENTITY_TYPES, PREDICATES, SYMMETRIC_PREDICATES, allowed
from .found import FoundRelation
from .frames import load_frames
from .spans import doc_memo, tokens_of, word_forms
from .words import word_list

MODEL_FILE = Path(__file__).parent / "data" / "pair_model.json"
#: Longer paths than this (in arcs) are not scored: far apart in the parse, two names are rarely related, and
#: every pair costs time.
MAX_PATH = 7
#: The rule name learned relations carry in their evidence.
RULE = "learned"


@lru_cache(maxsize=1)
def word_classes() -> dict[str, str]:
    """Lemma -> the frame or role it belongs to ('seize' -> 'frame:captured', 'spokesman' -> 'roles:spokesperson')."""
    classes: dict[str, str] = {}
    for section, names in (("roles", ("spokesperson", "office", "membership", "figure", "body_part")),
                           ("control", ("held", "hold_nouns"))):
        for name in names:
            for word in word_list(section, name):
                classes.setdefault(word, f"{section}:{name}")
    for frame in load_frames():
        for word in frame.verbs | frame.nouns:
            classes.setdefault(word.split()[0], f"frame:{frame.predicate}")
    return classes


def word_key(token: Token) -> tuple[str, str]:
    """(lemma, class): the class is the frame or role of any form of the word, else its part of speech."""
    return _word_key(token.lower_, token.lemma_, token.pos_)


@lru_cache(maxsize=65536)
def _word_key(lower: str, lemma: str, pos: str) -> tuple[str, str]:
    classes = word_classes()
    lemma = lemma.lower()
    for form in (lemma, *sorted(word_forms(lower, lemma))):
        if form in classes:
            return lemma, classes[form]
    return lemma, pos


#: Nouns that stand for the entity that modifies them ("Taliban fighters", "ISIL positions"): the path starts at
#: the noun, where the rules would take the entity as the argument.
PROXIES = word_list("arguments", "people") | word_list("arguments", "things")
PROXY_DEPS = {"compound", "amod", "poss", "nmod"}


def anchor(span: Span) -> Token:
    """Where an entity sits in the sentence: its root, or the proxy noun it modifies."""
    token = span.root
    if token.dep_ in PROXY_DEPS and token.head.lemma_.lower() in PROXIES and token.head.i >= span.end:
        return token.head
    return token


def _up(token: Token) -> list[Token]:
    """The token and its ancestors, nearest first."""
    return [token, *token.ancestors]


@dataclass
class Path_:
    """The parse between two entity heads: from ``first`` up to ``top`` (their lowest common ancestor) and down."""

    up_first: list[Token]  # first's head chain below top, first itself included (empty when first is top)
    up_second: list[Token]
    top: Token

    @property
    def length(self) -> int:
        return len(self.up_first) + len(self.up_second)


def parse_path(first: Token, second: Token) -> Path_ | None:
    chain_first, chain_second = _up(first), _up(second)
    on_second = {t.i: n for n, t in enumerate(chain_second)}
    for n, token in enumerate(chain_first):
        if token.i in on_second:
            return Path_(chain_first[:n], chain_second[:on_second[token.i]], token)
    return None


def path_features(subject: Span, obj: Span, path: Path_, subject_first: bool) -> list[str]:
    """Features of ``subject`` -> ``obj`` over ``path`` (made for the pair in text order; flipped as needed)."""
    up_s, up_o = (path.up_first, path.up_second) if subject_first else (path.up_second, path.up_first)
    top_lemma, top_class = word_key(path.top)
    s_dep = up_s[-1].dep_ if up_s else "SELF"
    o_dep = up_o[-1].dep_ if up_o else "SELF"
    deps = "/".join(t.dep_ for t in up_s) + "^" + "/".join(t.dep_ for t in reversed(up_o))
    feats = [
        f"types:{subject.label_}>{obj.label_}",
        f"order:{'fwd' if subject_first else 'back'}",
        f"len:{min(path.length, MAX_PATH)}",
        f"deps:{deps}",
        f"top:{top_lemma}", f"topc:{top_class}",
        f"arg:{top_lemma}|{s_dep}|{o_dep}", f"argc:{top_class}|{s_dep}|{o_dep}",
        f"argc-deps:{top_class}|{deps}",
        f"argc-types:{top_class}|{s_dep}|{o_dep}|{subject.label_}>{obj.label_}",
        f"deps-types:{deps}|{subject.label_}>{obj.label_}",
    ]
    for side, span, chain in (("s", subject, up_s), ("o", obj, up_o)):
        start = chain[0] if chain else path.top
        feats.append(f"{side}dep:{start.dep_}|{word_key(start.head)[1]}")
        if start.i >= span.end:  # the path starts at a noun that stands for the entity
            feats.append(f"{side}proxy:{word_key(start)[0]}")
    for token in [*up_s[1:], *up_o[1:]]:
        lemma, cls = word_key(token)
        feats.append(f"on:{lemma}")
        feats.append(f"onc:{cls}")
    for child in path.top.children:
        if child.dep_ == "neg":
            feats.append("negated")
        elif child.dep_ in ("aux", "auxpass") and child.lower_ in ("will", "would", "could", "may", "might"):
            feats.append("modal")
    return feats


def between_features(first: Span, second: Span, subject_first: bool, entities_between: int) -> list[str]:
    between = tokens_of(first.doc)[first.end:second.start]
    side = "fwd" if subject_first else "back"
    feats = [f"nents:{min(entities_between, 2)}"]
    if len(between) <= 4:
        feats.append(f"btw:{side}:{' '.join(t.lower_ for t in between)}")
    for token in between:
        cls = word_key(token)[1]
        if ":" in cls:
            feats.append(f"btwc:{side}:{cls}")
    return feats


@dataclass(frozen=True)
class Candidate:
    """One (subject, predicate, object) the model may score, with its features."""

    subject: Span
    predicate: str
    object: Span
    features: tuple[str, ...]


def sentence_ids(doc: Doc) -> list[int]:
    """The number of each token's sentence (made once per Doc: ``span.sent`` walks the Doc every time)."""
    memo = doc_memo(doc)
    if "sentence_ids" not in memo:
        ids, n = [], -1
        for token in tokens_of(doc):
            n += bool(token.is_sent_start) or n < 0
            ids.append(n)
        memo["sentence_ids"] = ids
    return memo["sentence_ids"]


def candidates(doc: Doc, only: dict[tuple[int, int], set[str]] | None = None) -> Iterator[Candidate]:
    """Every ordered pair of entities of one sentence and every predicate their types admit, with features;
    ``only``: just the predicates it holds for each (subject start, object start) (symmetric ones in text order)."""
    ents = [e for e in doc.ents if e.label_ in ENTITY_TYPES]
    sentence = sentence_ids(doc)
    for n, first in enumerate(ents):
        for m in range(n + 1, len(ents)):
            second = ents[m]
            if sentence[second.start] != sentence[first.start]:
                break
            if first.text == second.text or only is not None and (first.start, second.start) not in only \
                    and (second.start, first.start) not in only:
                continue
            path = parse_path(anchor(first), anchor(second))
            if path is None or path.length > MAX_PATH:
                continue
            for subject, obj, subject_first in ((first, second, True), (second, first, False)):
                wanted = PREDICATES if only is None else only.get((subject.start, obj.start))
                if not wanted:
                    continue
                base = (*path_features(subject, obj, path, subject_first),
                        *between_features(first, second, subject_first, m - n - 1))
                for predicate in PREDICATES:
                    if predicate not in wanted or predicate in SYMMETRIC_PREDICATES and not subject_first:
                        continue
                    if not (allowed(predicate, subject.label_, obj.label_)
                            or predicate in SYMMETRIC_PREDICATES and allowed(predicate, obj.label_, subject.label_)):
                        continue
                    yield Candidate(subject, predicate, obj, base)


def logistic(score: float) -> float:
    """The probability a weighted sum of features stands for (clamped: a sum of many weights can overflow exp)."""
    return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))


def probability(weights: dict[str, float], bias: dict[str, float], predicate: str, features: Iterable[str]) -> float:
    """The model's probability that ``predicate`` holds for a pair with ``features`` (weights of 'predicate|feature')."""
    return logistic(bias.get(predicate, 0.0) + sum(weights.get(f"{predicate}|{f}", 0.0) for f in features))


def _wanted(found: list[FoundRelation]) -> dict[tuple[int, int], set[str]]:
    """(subject start, object start) -> predicates, for the rules' relations (symmetric ones in text order)."""
    wanted: dict[tuple[int, int], set[str]] = {}
    for rel in found:
        key = (rel.subject.start, rel.object.start)
        if rel.predicate in SYMMETRIC_PREDICATES:
            key = (min(key), max(key))
        wanted.setdefault(key, set()).add(rel.predicate)
    return wanted


@dataclass(frozen=True)
class PairModel:
    """Weights of ``predicate|feature`` and a bias per predicate, and what was measured of them in folds.

    - ``threshold``: a pair the rules did not relate becomes a relation at this probability; None: never (the
      default: see below)
    - ``added_confidence``: (lowest probability, precision measured in folds) of such added relations
    - ``agree_at``: a rule's relation the model gives at least this probability is one it agrees with
    - ``agree_precision`` / ``disagree_precision``: the precision, measured in folds, of the rules' relations
      the model agreed with / did not; a relation's confidence is raised to the first or capped at the second
    """

    weights: dict[str, float]
    bias: dict[str, float]
    threshold: float | None
    added_confidence: tuple[tuple[float, float], ...]
    agree_at: float
    agree_precision: float
    disagree_precision: float

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> PairModel | None:
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        bands = tuple(sorted((tuple(band) for band in data["added_confidence"]), reverse=True))
        return cls(data["weights"], data["bias"], data["threshold"], bands, data["agree_at"],
                   data["agree_precision"], data["disagree_precision"])

    def probability(self, candidate: Candidate) -> float:
        return probability(self.weights, self.bias, candidate.predicate, candidate.features)

    def added_confidence_of(self, probability: float) -> float:
        return next((precision for lowest, precision in self.added_confidence if probability >= lowest), 0.0)

    def read(self, doc: Doc, found: list[FoundRelation]) -> list[FoundRelation]:
        """The rules' relations with confidences the model agrees or disagrees with, then the relations the model
        reads between pairs the rules did not relate (at most one predicate per pair)."""
        # Without additions only what the rules read needs a probability.
        only = None if self.threshold is not None else _wanted(found)
        scored = {(c.subject.start, c.predicate, c.object.start): (self.probability(c), c)
                  for c in candidates(doc, only)}
        rescored = [self._rescored(rel, scored) for rel in found]
        if self.threshold is None:
            return rescored
        taken = {(r.subject.start, r.object.start) for r in found} | {(r.object.start, r.subject.start) for r in found}
        best: dict[tuple[int, int], tuple[float, Candidate]] = {}
        for (subject, _, obj), (probability, candidate) in scored.items():
            if probability < self.threshold or (subject, obj) in taken:
                continue
            pair = (min(subject, obj), max(subject, obj))
            if pair not in best or probability > best[pair][0]:
                best[pair] = (probability, candidate)
        added = [FoundRelation(c.subject, c.predicate, c.object, f"{c.predicate}-{RULE}",
                               self.added_confidence_of(p), c.subject.sent) for p, c in best.values()]
        return rescored + added

    def _rescored(self, rel: FoundRelation, scored: dict) -> FoundRelation:
        key = (rel.subject.start, rel.predicate, rel.object.start)
        probability = max(scored.get(key, (0.0,))[0], scored.get((key[2], key[1], key[0]), (0.0,))[0]
                          if rel.predicate in SYMMETRIC_PREDICATES else 0.0)
        if probability >= self.agree_at:
            confidence = max(rel.confidence, self.agree_precision)
        else:
            confidence = min(rel.confidence, self.disagree_precision)
        return replace(rel, confidence=round(confidence, 2))
