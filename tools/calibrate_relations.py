"""Measure every relation rule's precision and write it into kg/extract/confidence.py as its confidence.

    python tools/calibrate_relations.py [GOLD_DIR ...] [--write] [--model NAME]

With no GOLD_DIR it scores the bundled sample (kg/data/sample) and, when it is
beside the checkout, ../shared/corpus/dev. Each gold folder is built and scored
exactly as ``kg eval`` does; every system relation counts as correct or not for
each rule that read it.

A rule's confidence is its precision smoothed towards a prior for its predicate
(halfway between 0.5 and the predicate's smoothed precision; also what rules
never seen fire get), so a rule seen twice does not claim 1.0:
(correct + S * prior) / (read + S) with S = SMOOTHING. A rule that read one of
its entities through an anaphor ("its fighters") starts from the same rule's
confidence less ANAPHOR_DISCOUNT.
Rules never seen fall back to their predicate's value at run time. ``--write``
replaces the generated block in confidence.py; without it the table is printed.
The precision at each threshold is then printed with the new confidences (the
numbers the README quotes).
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RELATIONS = REPO / "kg" / "extract" / "confidence.py"
DEFAULT_GOLD = [REPO / "kg" / "data" / "sample", REPO.parent / "shared" / "corpus" / "dev"]
SMOOTHING = 3.0
THRESHOLDS = (0.5, 0.7, 0.9)
ANAPHOR = "-anaphor"
BEGIN, END = "# BEGIN RULE_CONFIDENCE (generated)", "# END RULE_CONFIDENCE"


def predicate_of(rule: str) -> str:
    return rule.split("-", 1)[0]


def smoothed(correct: int, read: int, prior: float) -> float:
    return (correct + SMOOTHING * prior) / (read + SMOOTHING)


def calibrate(scored) -> tuple[dict[str, float], dict[str, float], dict[str, tuple[int, int]]]:
    """(rule -> confidence, predicate -> confidence, rule -> (correct, read)) from ScoredRelations."""
    from kg.extract.confidence import ANAPHOR_DISCOUNT

    per_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for rel in scored:
        for rule in rel.rules:
            per_rule[rule][0] += int(rel.correct)
            per_rule[rule][1] += 1
    per_predicate: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for rule, (correct, read) in per_rule.items():
        per_predicate[predicate_of(rule)][0] += correct
        per_predicate[predicate_of(rule)][1] += read
    # What a rule of a predicate is worth before it has been seen: halfway between a coin toss and the
    # predicate's precision (itself smoothed towards a coin toss), so new rules start modest.
    predicate_conf = {p: round((smoothed(c, n, 0.5) + 0.5) / 2, 2) for p, (c, n) in sorted(per_predicate.items())}
    rule_conf: dict[str, float] = {}
    for rule in sorted(per_rule, key=lambda r: (r.endswith(ANAPHOR), r)):  # plain rules first: anaphors lean on them
        correct, read = per_rule[rule]
        prior = predicate_conf[predicate_of(rule)]
        if rule.endswith(ANAPHOR):  # a rule reading through "its fighters" starts below the same rule on names
            base = rule[: -len(ANAPHOR)]
            prior = max(0.05, rule_conf.get(base, prior) - ANAPHOR_DISCOUNT)
        rule_conf[rule] = round(min(0.97, max(0.05, smoothed(correct, read, prior))), 2)
    return dict(sorted(rule_conf.items())), predicate_conf, {r: (c, n) for r, (c, n) in per_rule.items()}


def generated_block(rule_conf, predicate_conf, counts, sources) -> str:
    lines = [BEGIN, f"# measured on: {', '.join(sources)}; correct/read after each entry",
             "RULE_CONFIDENCE: dict[str, float] = {"]
    for rule, conf in rule_conf.items():
        correct, read = counts[rule]
        lines.append(f'    "{rule}": {conf},  # {correct}/{read}')
    lines.append("}")
    lines.append("#: Fallback for rules the calibration never saw fire, by predicate.")
    lines.append("PREDICATE_CONFIDENCE: dict[str, float] = {")
    lines.extend(f'    "{p}": {c},' for p, c in predicate_conf.items())
    lines.append("}")
    lines.append(END)
    return "\n".join(lines)


def write_block(block: str) -> None:
    text = RELATIONS.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        raise SystemExit(f"no generated block in {RELATIONS}")
    RELATIONS.write_text(pattern.sub(lambda _: block, text), encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold_dirs", type=Path, nargs="*")
    parser.add_argument("--write", action="store_true", help="rewrite the table in kg/extract/confidence.py")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: kg's default)")
    parser.add_argument("--folds", type=int, default=5, help="folds for the out-of-fold precision (default 5)")
    args = parser.parse_args(argv)

    import kg
    from kg.evaluate import PRF

    gold_dirs = args.gold_dirs or [d for d in DEFAULT_GOLD if d.is_dir()]
    nlp = kg.load_pipeline(args.model)
    scored = []
    gold_total = 0
    for gold_dir in gold_dirs:
        result = kg.evaluate(gold_dir, nlp=nlp)
        scored.extend(result.relations)
        gold_total += result.relation_all.tp + result.relation_all.fn
        print(f"{gold_dir}: relation_all {result.relation_all.triple()} core {result.relation_core.triple()}")
    rule_conf, predicate_conf, counts = calibrate(scored)
    block = generated_block(rule_conf, predicate_conf, counts, [d.name for d in gold_dirs])
    print(block)
    if args.write:
        write_block(block)
        print(f"wrote {RELATIONS.relative_to(REPO)}")
    out_of_fold = cross_validated(scored, args.folds)
    print(f"precision at each threshold, {args.folds}-fold by report (confidences from the other folds) "
          "(P, R, F1, relations kept):")
    print_thresholds(out_of_fold, gold_total, PRF)
    print("the same on the reports the table was made from (optimistic, for comparison):")
    print_thresholds([(r, lookup(r.rules, rule_conf, predicate_conf)) for r in scored], gold_total, PRF)
    return 0


def lookup(rules, rule_conf: dict[str, float], predicate_conf: dict[str, float]) -> float:
    """A relation's confidence from a table: its best rule's, a rule the table never saw taking its predicate's
    (less for an anaphor), as kg.extract.confidence.confidence_of does at run time."""
    from kg.extract.confidence import ANAPHOR_DISCOUNT, DEFAULT_CONFIDENCE

    def one(rule: str) -> float:
        if rule in rule_conf:
            return rule_conf[rule]
        if rule.endswith(ANAPHOR):
            return max(0.05, round(one(rule[: -len(ANAPHOR)]) - ANAPHOR_DISCOUNT, 2))
        return predicate_conf.get(predicate_of(rule), DEFAULT_CONFIDENCE)

    return max((one(rule) for rule in rules), default=0.0)


def cross_validated(scored, folds: int):
    """(relation, confidence from a table made without its report's fold) for every scored relation."""
    articles = sorted({r.article for r in scored})
    fold_of = {article: i % folds for i, article in enumerate(articles)}
    out = []
    for fold in range(folds):
        rule_conf, predicate_conf, _ = calibrate([r for r in scored if fold_of[r.article] != fold])
        out.extend((r, lookup(r.rules, rule_conf, predicate_conf)) for r in scored if fold_of[r.article] == fold)
    return out


def print_thresholds(pairs, gold_total: int, PRF) -> None:
    for level in THRESHOLDS:
        kept = [r for r, confidence in pairs if confidence >= level]
        tp = sum(r.correct for r in kept)
        counts_at = PRF(tp=tp, fp=len(kept) - tp, fn=gold_total - tp)
        print(f"  >= {level}: {counts_at.triple()} kept={len(kept)}")


if __name__ == "__main__":
    sys.exit(main())
