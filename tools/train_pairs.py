"""Train the learned pair reader (kg/extract/pairs.py) on annotated reports and measure it with folds by report.

    python tools/train_pairs.py GOLD_DIR [GOLD_DIR ...] [--folds 5] [--threshold T] [--write]

Every report is parsed once by kg's pipeline with the rules only. Each candidate (two entities of one sentence,
a predicate their types admit) is labelled by the gold file: true when the gold relates the two gold entities
the names stand for. A logistic model (L2, AdaGrad) is trained on the candidates' features.

What is printed is measured out of fold: the reports are cut into ``--folds`` folds, each scored by a model
trained without it, and only what the model would add is counted (pairs the rules did not relate), as distinct
(predicate, subject, object) per report: added right, added wrong, and the relation P/R/F1 of rules plus model
at each threshold; then the precision of the rules' relations the model agrees with (probability >= --agree-at)
and of the others, which the model file keeps as ``agree_precision`` / ``disagree_precision`` (kg raises or caps
a relation's confidence to them), and the precision at confidence 0.5 / 0.7 / 0.9 that gives. Run
tools/calibrate_relations.py first: the rules' own confidences come from its table. ``--write`` trains on all
reports and writes kg/extract/data/pair_model.json (adding stays off unless ``--threshold`` is given).

Example:
    python tools/train_pairs.py ../shared/corpus/dev kg/data/sample            # measure only
    python tools/train_pairs.py ../shared/corpus/dev kg/data/sample --write    # and write the model
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kg.evaluate import gold_pairs, match_form, read_gold  # noqa: E402
from kg.extract import pairs  # noqa: E402
from kg.model import SYMMETRIC_PREDICATES  # noqa: E402

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
EPOCHS = 12
L2 = 1e-4
RATE = 0.2
#: a feature must be seen in this many reports to get a weight
MIN_REPORTS = 2


@dataclass
class Example:
    report: int
    predicate: str
    features: tuple[str, ...]
    pair: tuple[int, int]  # (subject start, object start) in the report's Doc
    key: tuple  # (predicate, subject id, object id): gold entity indexes, or names for entities not in the gold
    label: bool
    ruled: bool  # the rules related this pair (any predicate)
    note: str = ""  # 'subject -predicate-> object | sentence', for reading errors


def gold_index(gold: dict):
    forms = [{match_form(e["name"]), *(match_form(m) for m in e.get("mentions", []))} for e in gold["entities"]]

    def index(span) -> int | str:
        names = {match_form(span.text), match_form(span._.kg_canonical or "")} - {""}
        same_type = [i for i, f in enumerate(forms) if names & f and gold["entities"][i]["type"] == span.label_]
        any_type = [i for i, f in enumerate(forms) if names & f]
        found = same_type or any_type
        return found[0] if found else match_form(span._.kg_canonical or span.text)
    return index


def relation_key(predicate: str, s, o) -> tuple:
    if predicate in SYMMETRIC_PREDICATES:
        s, o = sorted((s, o), key=str)
    return (predicate, s, o)


def collect(gold_dirs: list[Path], model: str | None):
    """(examples, per report: (gold keys, keys the rules read)) for every report of ``gold_dirs``."""
    import kg
    from kg.extract.pairs import candidates
    from kg.extract.pipeline import doc_for
    from kg.ingest import iter_articles
    from kg.model import Article

    nlp = kg.load_pipeline(model)
    nlp.get_pipe("kg_relations").pair_model = None
    examples: list[Example] = []
    reports = []
    for gold_dir in gold_dirs:
        for name, text_file, gold_file in gold_pairs(gold_dir):
            gold = read_gold(gold_file)
            article = next(a for a in iter_articles([text_file]) if isinstance(a, Article))
            doc = nlp(doc_for(nlp, article))
            index = gold_index(gold)
            names = [e["name"] for e in gold["entities"]]
            gold_keys = {relation_key(r["predicate"], names.index(r["subject"]), names.index(r["object"]))
                         for r in gold["relations"] if r["subject"] in names and r["object"] in names}
            ruled: dict[tuple, float] = {}  # key -> the best confidence the rules gave it
            for r in doc._.kg_relations:
                key = relation_key(r.predicate, index(r.subject), index(r.object))
                ruled[key] = max(ruled.get(key, 0.0), r.confidence)
            ruled_pairs = {(r.subject.start, r.object.start) for r in doc._.kg_relations}
            ruled_pairs |= {(o, s) for s, o in ruled_pairs}
            n = len(reports)
            reports.append((name, gold_keys, ruled))
            for c in candidates(doc):
                key = relation_key(c.predicate, index(c.subject), index(c.object))
                pair = (c.subject.start, c.object.start)
                note = f"{c.subject.text} -{c.predicate}-> {c.object.text} | {c.subject.sent.text.strip()}"
                examples.append(Example(n, c.predicate, c.features, pair, key, key in gold_keys, pair in ruled_pairs,
                                        note))
            print(f"  {name}: {sum(1 for e in examples if e.report == n)} candidates", file=sys.stderr)
    return examples, reports


def frequent_features(examples: list[Example], min_reports: int) -> set[str]:
    """'predicate|feature' names seen in at least ``min_reports`` reports: a feature of one report is its words."""
    reports_of: dict[str, set[int]] = defaultdict(set)
    for ex in examples:
        for f in ex.features:
            reports_of[f"{ex.predicate}|{f}"].add(ex.report)
    return {name for name, seen in reports_of.items() if len(seen) >= min_reports}


def train(examples: list[Example], epochs: int = EPOCHS, seed: int = 0) -> tuple[dict[str, float], dict[str, float]]:
    """Logistic regression over 'predicate|feature' weights, AdaGrad with L2, a bias per predicate."""
    kept = frequent_features(examples, MIN_REPORTS)
    weights: dict[str, float] = defaultdict(float)
    squares: dict[str, float] = defaultdict(lambda: 1e-8)
    bias: dict[str, float] = defaultdict(float)
    bias_sq: dict[str, float] = defaultdict(lambda: 1e-8)
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            ex = examples[i]
            names = [n for n in (f"{ex.predicate}|{f}" for f in ex.features) if n in kept]
            score = bias[ex.predicate] + sum(weights[n] for n in names)
            p = pairs.logistic(score)
            g = p - float(ex.label)
            for n in names:
                grad = g + L2 * weights[n]
                squares[n] += grad * grad
                weights[n] -= RATE * grad / math.sqrt(squares[n])
            bias_sq[ex.predicate] += g * g
            bias[ex.predicate] -= RATE * g / math.sqrt(bias_sq[ex.predicate])
    return {n: round(w, 4) for n, w in weights.items() if abs(w) >= 1e-3}, {p: round(b, 4) for p, b in bias.items()}


def probability(ex: Example, weights, bias) -> float:
    return pairs.probability(weights, bias, ex.predicate, ex.features)


def added(examples: list[Example], probs: list[float], threshold: float) -> list[tuple[Example, float]]:
    """What the model adds at ``threshold``: per unruled pair, its most probable predicate at or above it."""
    best: dict[tuple, tuple[float, Example]] = {}
    for ex, p in zip(examples, probs):
        if ex.ruled or p < threshold:
            continue
        pair = (ex.report, *sorted(ex.pair))
        if pair not in best or p > best[pair][0]:
            best[pair] = (p, ex)
    return [(ex, p) for p, ex in best.values()]


def tally(adds, reports) -> tuple[int, int, dict]:
    right, wrong, seen = 0, 0, set()
    per_predicate: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for ex, _ in adds:
        key = (ex.report, ex.key)
        if key in seen or ex.key in reports[ex.report][2]:
            continue
        seen.add(key)
        right += ex.label
        wrong += not ex.label
        per_predicate[ex.predicate][0 if ex.label else 1] += 1
    return right, wrong, per_predicate


def out_of_fold(examples, reports, folds: int) -> list[float]:
    fold_of = {n: n % folds for n in range(len(reports))}
    probs = [0.0] * len(examples)
    for fold in range(folds):
        train_set = [ex for ex in examples if fold_of[ex.report] != fold]
        weights, bias = train(train_set)
        for i, ex in enumerate(examples):
            if fold_of[ex.report] == fold:
                probs[i] = probability(ex, weights, bias)
    return probs


def report(examples, reports, probs) -> dict[float, float]:
    gold_total = sum(len(g) for _, g, _ in reports)
    rule_right = sum(len(g & r.keys()) for _, g, r in reports)
    rule_read = sum(len(r) for _, _, r in reports)
    print(f"rules alone (keys): right {rule_right} of {rule_read} read, {gold_total} gold: "
          f"{prf(rule_right, rule_read, gold_total)}")
    precision_at = {}
    for threshold in THRESHOLDS:
        right, wrong, per_predicate = tally(added(examples, probs, threshold), reports)
        precision_at[threshold] = right / (right + wrong) if right + wrong else 0.0
        detail = " ".join(f"{p}:{r}/{r + w}" for p, (r, w) in sorted(per_predicate.items()))
        print(f"  >= {threshold}: added right {right}, wrong {wrong}; rules + model "
              f"{prf(rule_right + right, rule_read + right + wrong, gold_total)}  [{detail}]")
    return precision_at


def agreement(examples, reports, probs, agree_at: float) -> tuple[float, float]:
    """Out-of-fold precision of the rules' relations the model agrees with (probability >= agree_at) and not."""
    best: dict[tuple, float] = {}
    for ex, p in zip(examples, probs):
        best[(ex.report, ex.key)] = max(best.get((ex.report, ex.key), 0.0), p)
    counts = {True: [0, 0], False: [0, 0]}
    for n, (_, gold, ruled) in enumerate(reports):
        for key in ruled:
            agrees = best.get((n, key), 0.0) >= agree_at
            counts[agrees][0] += key in gold
            counts[agrees][1] += 1
    for agrees, (right, read) in counts.items():
        print(f"  rules' relations the model {'agrees' if agrees else 'does not agree'} with: {right} right of {read}")
    return tuple(round(counts[a][0] / counts[a][1], 2) if counts[a][1] else 0.5 for a in (True, False))


def thresholds_combined(examples, reports, probs, model_threshold, agree_at, agree_p, disagree_p, bands):
    """Precision and recall at confidence 0.5 / 0.7 / 0.9 with the confidences the model gives (out of fold)."""
    best: dict[tuple, float] = {}
    for ex, p in zip(examples, probs):
        best[(ex.report, ex.key)] = max(best.get((ex.report, ex.key), 0.0), p)
    kept: list[tuple[float, bool]] = []
    for n, (_, gold, ruled) in enumerate(reports):
        for key, conf in ruled.items():
            conf = max(conf, agree_p) if best.get((n, key), 0.0) >= agree_at else min(conf, disagree_p)
            kept.append((conf, key in gold))
    seen = set()
    for ex, p in added(examples, probs, model_threshold) if model_threshold is not None else []:
        if (ex.report, ex.key) in seen or ex.key in reports[ex.report][2]:
            continue
        seen.add((ex.report, ex.key))
        kept.append((next((c for lo, c in sorted(bands, reverse=True) if p >= lo), 0.0), ex.label))
    gold_total = sum(len(g) for _, g, _ in reports)
    for t in (0.5, 0.7, 0.9):
        right = sum(1 for c, ok in kept if c >= t and ok)
        read = sum(1 for c, _ in kept if c >= t)
        print(f"  confidence >= {t}: {right} right of {read} kept: {prf(right, read, gold_total)}")


def prf(right: int, read: int, gold: int) -> str:
    p = right / read if read else 0.0
    r = right / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold_dirs", type=Path, nargs="+")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--threshold", type=float, default=None,
                        help="also add the relations the model reads at this probability where the rules read none "
                             "(default: never; see kg/extract/pairs.py)")
    parser.add_argument("--agree-at", type=float, default=0.7,
                        help="the probability at which the model agrees with a rule's relation (default 0.7)")
    parser.add_argument("--write", action="store_true", help="train on all reports and write the model file")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: kg's default)")
    args = parser.parse_args(argv)

    from kg.extract.pairs import MODEL_FILE

    examples, reports = collect(args.gold_dirs, args.model)
    print(f"{len(reports)} reports, {len(examples)} candidates, {sum(e.label for e in examples)} of them gold")
    probs = out_of_fold(examples, reports, args.folds)
    print(f"out of fold ({args.folds} folds by report):")
    precision_at = report(examples, reports, probs)
    agree_p, disagree_p = agreement(examples, reports, probs, args.agree_at)
    bands = [(t, round(precision_at[t], 2)) for t in THRESHOLDS if args.threshold is not None and t >= args.threshold]
    print("with the confidences the model gives:")
    thresholds_combined(examples, reports, probs, args.threshold, args.agree_at, agree_p, disagree_p, bands)
    if args.write:
        weights, bias = train(examples)
        MODEL_FILE.write_text(json.dumps({
            "trained_on": sorted(name for name, _, _ in reports),
            "threshold": args.threshold, "added_confidence": bands, "agree_at": args.agree_at,
            "agree_precision": agree_p, "disagree_precision": disagree_p, "bias": bias,
            "weights": dict(sorted(weights.items())),
        }, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_FILE.relative_to(REPO)} ({len(weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
