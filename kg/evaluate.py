"""Score extraction against gold annotations: ``evaluate(gold_dir)``.

Every ``NAME.txt`` in a gold folder is built on its own (a fresh Resolver per
article, in memory) and compared with ``NAME.gold.json`` under the rules of the
shared corpus's scorer (``../shared/corpus/README.md``):

- a system entity is a node with a label and one of the nine types (Official and
  Person together count as Official; any other two types make it "Ambiguous");
- names match after folding accents, case, punctuation, a possessive 's and a
  leading "the", against the gold name or any of its mentions; each gold entity
  pairs with at most one system node, same-type pairs first;
- relations match on (predicate, paired subject, paired object), ignoring order
  for the symmetric predicates; a relation touching an unpaired node is spurious.

Counts are micro-averaged over all articles. Because each system relation keeps
its confidence, the result also gives relation precision at confidence
thresholds and the precision of every extraction rule (what
``tools/calibrate_relations.py`` turns into the rule confidences).
"""
from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF, RDFS

from .errors import InputError
from .evaluate_events import EventScores, SystemEvent, read_events, score_dedup, score_events, shared_event_groups
from .model import ENTITY_TYPES, EVENT_CLASSES, PREDICATES, SYMMETRIC_PREDICATES, ArticleGraph
from .resolve import Resolver

log = logging.getLogger("kg")

#: The three predicates reported on their own.
CORE_PREDICATES = ("clashedWith", "spokesmanFor", "capitalOf")
#: Confidence thresholds at which relation precision is reported by default.
DEFAULT_THRESHOLDS = (0.5, 0.7, 0.9)
GOLD_SUFFIX = ".gold.json"


# ---------------------------------------------------------------- counting


@dataclass
class PRF:
    """True positives, false positives and false negatives, with the ratios derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def triple(self) -> tuple[float, float, float]:
        """(P, R, F1) rounded to three places, as the shared scorer prints them."""
        return round(self.precision, 3), round(self.recall, 3), round(self.f1, 3)

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def _sum(items: Iterable[PRF]) -> PRF:
    total = PRF()
    for item in items:
        total = total + item
    return total


@dataclass(frozen=True)
class ScoringError:
    """One missed or spurious item, with the sentence it comes from (when known)."""

    article: str
    kind: str  # "missed" or "extra"
    item: str  # "entity" or "relation"
    description: str  # e.g. "captured('Taliban', 'Kunduz')" or "'Kunduz' as City (gold: Province)"
    sentence: str = ""

    def __str__(self) -> str:
        text = f"{self.article}: {self.kind} {self.item} {self.description}"
        return f"{text}\n    | {self.sentence}" if self.sentence else text


@dataclass(frozen=True)
class ScoredRelation:
    """One system relation after matching: whether gold has it, its confidence and the rules that read it."""

    article: str
    predicate: str
    subject: str  # system labels
    object: str
    correct: bool
    confidence: float
    rules: tuple[str, ...]
    sentence: str = ""


@dataclass
class EvaluationResult:
    """Per-type and per-predicate counts, micro totals, errors and every scored relation."""

    articles: int = 0
    untyped: PRF = field(default_factory=PRF)
    by_type: dict[str, PRF] = field(default_factory=lambda: {t: PRF() for t in ENTITY_TYPES})
    by_predicate: dict[str, PRF] = field(default_factory=lambda: {p: PRF() for p in PREDICATES})
    errors: list[ScoringError] = field(default_factory=list)
    relations: list[ScoredRelation] = field(default_factory=list)
    #: events against the gold files' "events" (kg.evaluate_events)
    events: EventScores = field(default_factory=EventScores)

    @property
    def entity_typed(self) -> PRF:
        return _sum(self.by_type.values())

    @property
    def relation_all(self) -> PRF:
        return _sum(self.by_predicate.values())

    @property
    def relation_core(self) -> PRF:
        return _sum(self.by_predicate[p] for p in CORE_PREDICATES)

    def at_threshold(self, threshold: float) -> PRF:
        """Relation counts keeping only relations whose confidence is at least ``threshold``.

        Gold relations stay the same, so a dropped correct relation becomes a miss.
        """
        kept = [r for r in self.relations if r.confidence >= threshold]
        tp = sum(r.correct for r in kept)
        gold = self.relation_all.tp + self.relation_all.fn
        return PRF(tp=tp, fp=len(kept) - tp, fn=gold - tp)

    def by_rule(self) -> dict[str, PRF]:
        """Precision counts per extraction rule (a relation read by two rules counts for both)."""
        counts: dict[str, PRF] = defaultdict(PRF)
        for rel in self.relations:
            for rule in rel.rules:
                counts[rule] = counts[rule] + PRF(tp=int(rel.correct), fp=int(not rel.correct))
        return dict(sorted(counts.items()))

    def summary(self, thresholds: Iterable[float] = ()) -> dict:
        """The shared scorer's JSON summary (plus ``thresholds`` when asked for)."""
        out = {
            "articles": self.articles,
            "entity_untyped": self.untyped.triple(),
            "entity_typed": self.entity_typed.triple(),
            "relation_all": self.relation_all.triple(),
            "relation_core": self.relation_core.triple(),
            "by_type": {t: self.by_type[t].triple() for t in ENTITY_TYPES},
            "by_predicate": {p: c.triple() for p, c in self.by_predicate.items()},
        }
        thresholds = list(thresholds)
        if thresholds:
            out["thresholds"] = {f"{t:g}": self.at_threshold(t).triple() for t in thresholds}
        if self.events.gold:
            out["events"] = self.events.summary()
        return out


# ---------------------------------------------------------------- matching


def match_form(name: str) -> str:
    """The form two names are compared in: ASCII-folded, lower case, only letters, digits and single spaces.

    Non-ASCII apostrophes vanish with the accents (so "Afghanistan\u2019s" keeps its s), an ASCII
    possessive 's is dropped, and so is one leading "the".
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"'s\b", "", folded)
    words = re.findall(r"[a-z0-9]+", folded)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _local(iri) -> str:
    return re.split(r"[#/:]", str(iri))[-1]


@dataclass
class SystemGraph:
    """What the scorer sees in one article's graph: typed, labelled nodes and the relations between them."""

    entities: dict[str, tuple[str, str]]  # node -> (label, type)
    relations: set[tuple[str, str, str]]  # (subject node, predicate, object node)
    events: list[SystemEvent] = field(default_factory=list)


def read_system(graph: Graph) -> SystemGraph:
    """Typed, labelled nodes and the nine predicates' triples between them."""
    labels: dict[str, str] = {}
    for node, label in graph.subject_objects(RDFS.label):
        labels.setdefault(str(node), str(label))
    types: dict[str, set[str]] = defaultdict(set)
    for node, cls in graph.subject_objects(RDF.type):
        if _local(cls) in ENTITY_TYPES:
            types[str(node)].add(_local(cls))
    entities = {}
    for node, found in types.items():
        if node not in labels:
            continue
        if {"Official", "Person"} <= found:
            found = found - {"Person"}
        entities[node] = (labels[node], next(iter(found)) if len(found) == 1 else "Ambiguous")
    relations = set()
    for s, p, o in graph:
        s, o = str(s), str(o)
        if _local(p) in PREDICATES and s in entities and o in entities and s != o:
            relations.add((s, _local(p), o))
    return SystemGraph(entities, relations, read_events(graph))


def pair_entities(gold_entities: list[dict], system: dict[str, tuple[str, str]]) -> dict[str, int]:
    """System node -> index of its gold entity, one to one; a pass that wants the same type goes first."""
    gold_names = [{match_form(e["name"]), *(match_form(m) for m in e.get("mentions", []))} for e in gold_entities]
    paired: dict[str, int] = {}
    taken: set[int] = set()
    in_label_order = sorted(system.items(), key=lambda item: (item[1][0], item[0]))
    for same_type_only in (True, False):
        for node, (label, entity_type) in in_label_order:
            if node in paired:
                continue
            form = match_form(label)
            for index, gold in enumerate(gold_entities):
                if index in taken or form not in gold_names[index]:
                    continue
                if same_type_only and entity_type != gold["type"]:
                    continue
                paired[node] = index
                taken.add(index)
                break
    return paired


def relation_key(subject, predicate: str, obj) -> tuple:
    if predicate in SYMMETRIC_PREDICATES:
        subject, obj = sorted((subject, obj))
    return (predicate, subject, obj)


# ---------------------------------------------------------------- one article


@dataclass
class _Provenance:
    """What the system knows about its own relations: confidence, rules and sentence per triple."""

    confidence: dict[tuple[str, str, str], float] = field(default_factory=dict)
    rules: dict[tuple[str, str, str], tuple[str, ...]] = field(default_factory=dict)
    sentence: dict[tuple[str, str, str], str] = field(default_factory=dict)


def _provenance(resolved: Iterable[ArticleGraph]) -> _Provenance:
    from .triples import entity_iri

    prov = _Provenance()
    for graph in resolved:
        for rel in graph.relations:
            key = (str(entity_iri(rel.subject)), rel.predicate, str(entity_iri(rel.object)))
            prov.confidence[key] = max(prov.confidence.get(key, 0.0), rel.confidence)
            prov.rules[key] = tuple(sorted({*prov.rules.get(key, ()), *(e.rule for e in rel.evidence)}))
            if rel.evidence:
                prov.sentence.setdefault(key, rel.evidence[0].sentence)
    return prov


_BOUNDARY = re.compile(r"(?<=[.!?])[\"\u201d']?\s+(?=[\"\u201c']?[A-Z0-9])|\n\s*\n")
_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,2}|\b(?:[A-Z]\.)+[A-Z]?)\.$")  # "Col.", "Mr.", "U.S."


def sentences_of(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of ``text``, not cut after abbreviations such as "U.S." or "Col."."""
    spans, start = [], 0
    for boundary in _BOUNDARY.finditer(text):
        if _ABBREVIATION.search(text[start: boundary.start()].rstrip("\"\u201d'")):
            continue
        spans.append((start, boundary.start()))
        start = boundary.end()
    spans.append((start, len(text)))
    return spans


def sentence_naming(text: str, names: Iterable[str]) -> str:
    """The first sentence of ``text`` that contains one of ``names`` (for error listings)."""
    for name in names:
        found = re.search(re.escape(name), text, flags=re.IGNORECASE) if name else None
        if found:
            for start, end in sentences_of(text):
                if start <= found.start() < end:
                    return " ".join(text[start:end].split())
    return ""


def score_article(
    name: str, gold: dict, system: SystemGraph, result: EvaluationResult,
    provenance: _Provenance | None = None, text: str = "",
) -> None:
    """Add one article's counts, errors and scored relations to ``result``."""
    provenance = provenance or _Provenance()
    gold_entities = gold.get("entities", [])
    paired = pair_entities(gold_entities, system.entities)
    _score_entities(name, gold_entities, system, paired, result, text)
    _score_relations(name, gold, system, paired, result, provenance)
    score_events(name, gold, system.events, paired, result.events)
    result.articles += 1


def _score_entities(name, gold_entities, system, paired, result, text) -> None:
    for node, (label, entity_type) in system.entities.items():
        index = paired.get(node)
        if index is None:
            result.untyped.fp += 1
        else:
            result.untyped.tp += 1
        gold_type = gold_entities[index]["type"] if index is not None else None
        counts = result.by_type.setdefault(entity_type, PRF())
        if gold_type == entity_type:
            counts.tp += 1
            continue
        counts.fp += 1
        note = ""
        if gold_type is not None:
            result.by_type.setdefault(gold_type, PRF()).fn += 1
            note = f" (gold: {gold_type})"
        result.errors.append(ScoringError(name, "extra", "entity", f"{label!r} as {entity_type}{note}",
                                          sentence_naming(text, [label])))
    paired_gold = set(paired.values())
    for index, entity in enumerate(gold_entities):
        if index not in paired_gold:
            result.untyped.fn += 1
            result.by_type.setdefault(entity["type"], PRF()).fn += 1
            result.errors.append(ScoringError(
                name, "missed", "entity", f"{entity['name']!r} ({entity['type']})",
                sentence_naming(text, [*entity.get("mentions", []), entity["name"]])))


def _score_relations(name, gold, system, paired, result, provenance) -> None:
    gold_entities = gold.get("entities", [])
    index_of = {e["name"]: i for i, e in enumerate(gold_entities)}
    gold_keys: dict[tuple, str] = {}
    for rel in gold.get("relations", []):
        if rel["subject"] in index_of and rel["object"] in index_of:
            key = relation_key(index_of[rel["subject"]], rel["predicate"], index_of[rel["object"]])
            gold_keys.setdefault(key, rel.get("evidence", ""))
    found: dict[tuple, tuple[str, str, str]] = {}
    for triple in sorted(system.relations):
        s, predicate, o = triple
        labels = (system.entities[s][0], system.entities[o][0])
        if s in paired and o in paired:
            found.setdefault(relation_key(paired[s], predicate, paired[o]), triple)
            continue
        result.by_predicate[predicate].fp += 1
        _record(result, name, triple, labels, False, provenance, " [unmatched entity]")
    for key, triple in found.items():
        predicate = key[0]
        correct = key in gold_keys
        if correct:
            result.by_predicate[predicate].tp += 1
        else:
            result.by_predicate[predicate].fp += 1
        names = (gold_entities[key[1]]["name"], gold_entities[key[2]]["name"])
        _record(result, name, triple, names, correct, provenance)
    for key, evidence in gold_keys.items():
        if key not in found:
            predicate = key[0]
            result.by_predicate.setdefault(predicate, PRF()).fn += 1
            described = f"{predicate}({gold_entities[key[1]]['name']!r}, {gold_entities[key[2]]['name']!r})"
            result.errors.append(ScoringError(name, "missed", "relation", described, evidence))


def _record(result, name, triple, names, correct, provenance, note="") -> None:
    s, predicate, o = triple
    sentence = provenance.sentence.get(triple, "")
    result.relations.append(ScoredRelation(
        article=name, predicate=predicate, subject=names[0], object=names[1], correct=correct,
        confidence=provenance.confidence.get(triple, 1.0), rules=provenance.rules.get(triple, ()),
        sentence=sentence,
    ))
    if not correct:
        described = f"{predicate}({names[0]!r}, {names[1]!r}){note}"
        result.errors.append(ScoringError(name, "extra", "relation", described, sentence))


# ---------------------------------------------------------------- the corpus


def gold_pairs(gold_dir: Path) -> list[tuple[str, Path, Path]]:
    """(name, text file, gold file) for every NAME.gold.json in ``gold_dir``, in name order."""
    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir} is not a folder", hint="pass a folder of NAME.txt + NAME.gold.json pairs")
    pairs = []
    for gold_file in sorted(gold_dir.glob(f"*{GOLD_SUFFIX}")):
        name = gold_file.name[: -len(GOLD_SUFFIX)]
        pairs.append((name, gold_dir / f"{name}.txt", gold_file))
    if not pairs:
        raise InputError(f"no *{GOLD_SUFFIX} files in {gold_dir}",
                         hint="each article needs NAME.txt and its annotations in NAME.gold.json")
    return pairs


def read_gold(path: Path) -> dict:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"cannot read gold file {path}: {err}") from err
    if not isinstance(gold, dict) or not isinstance(gold.get("entities", []), list):
        raise InputError(f"gold file {path} is not an object with an 'entities' list")
    for entity in gold.get("entities", []):
        if not isinstance(entity, dict) or not {"name", "type"} <= entity.keys():
            raise InputError(f"gold file {path}: every entity needs a name and a type, not {entity!r}")
    for relation in gold.get("relations", []):
        if not isinstance(relation, dict) or not {"subject", "predicate", "object"} <= relation.keys():
            raise InputError(f"gold file {path}: every relation needs a subject, predicate and object")
    for event in gold.get("events", []):
        if not isinstance(event, dict) or event.get("class") not in EVENT_CLASSES or not isinstance(
                event.get("agents", []), list) or not isinstance(event.get("targets", []), list):
            raise InputError(f"gold file {path}: every event needs a class ({', '.join(EVENT_CLASSES)}) and lists "
                             "of agents and targets")
    return gold


def build_article(text_file: Path, nlp) -> tuple[Graph, list[ArticleGraph], str]:
    """One article built on its own, in memory: (its graph, its resolved values, its text)."""
    from .pipeline import extract_graphs
    from .triples import article_graph

    resolved = list(extract_graphs([text_file], nlp=nlp, resolver=Resolver()))
    graph = Graph()
    for item in resolved:
        article_graph(item, graph)
    text = resolved[0].article.text if resolved else ""
    return graph, resolved, text


def evaluate(gold_dir: str | Path, nlp=None, model: str | None = None) -> EvaluationResult:
    """Build every NAME.txt in ``gold_dir`` on its own and score it against NAME.gold.json.

    ``nlp`` is a pipeline from ``kg.load_pipeline`` (loaded from ``model`` when not given).
    A gold file without its text counts as an article where nothing was found.
    """
    pairs = gold_pairs(Path(gold_dir))
    if nlp is None:
        from .extract import load_pipeline

        nlp = load_pipeline(model)
    result = EvaluationResult()
    golds = {}
    for name, text_file, gold_file in pairs:
        gold = golds[name] = read_gold(gold_file)
        if text_file.is_file():
            graph, resolved, text = build_article(text_file, nlp)
        else:
            log.warning("%s: no %s beside the gold file; scored as an empty graph", name, text_file.name)
            graph, resolved, text = Graph(), [], ""
        score_article(name, gold, read_system(graph), result, _provenance(resolved), text)
    files = {name: text_file for name, text_file, _ in pairs if text_file.is_file()}
    for group in shared_event_groups({n: g for n, g in golds.items() if n in files}):
        score_dedup({n: golds[n] for n in group}, _built_together(group, files, golds, nlp), result.events)
    return result


def _built_together(names: list[str], files: dict[str, Path], golds: dict[str, dict], nlp) -> dict[str, dict]:
    """Articles built in one resolver, in name order: gold event id -> the event node each article matched."""
    from .pipeline import extract_graphs
    from .triples import article_graph

    matched = {}
    for resolved in extract_graphs([files[n] for n in names], nlp=nlp, resolver=Resolver()):
        name = next(n for n in names if files[n].stem == resolved.article.id.rsplit("/", 1)[-1])
        system = read_system(article_graph(resolved))
        paired = pair_entities(golds[name].get("entities", []), system.entities)
        matched[name] = score_events(name, golds[name], system.events, paired, EventScores())
    return matched


__all__ = ["CORE_PREDICATES", "DEFAULT_THRESHOLDS", "PRF", "EvaluationResult", "ScoredRelation", "ScoringError",
           "evaluate", "match_form", "pair_entities", "read_system", "score_article"]
