"""Benchmark: extraction quality on annotated sets, one row per set.

    python benchmarks/bench_quality.py                        # every set below, each a row
    python benchmarks/bench_quality.py benchmarks/sets/ce     # chosen folders only
    python benchmarks/bench_quality.py --json scores.json     # also write the figures as JSON

With no folder given it scores every folder of benchmarks/sets/ (articles written for kg's evaluation, see
benchmarks/sets/README.md), the bundled sample (kg/data/sample) and, when it sits beside the checkout,
../shared/corpus/dev. Each article is built on its own and scored as `kg eval` scores it (the shared corpus
scorer's rules): typed entity F1, relation F1 with its precision and recall, the core three predicates' F1
(clashedWith, spokesmanFor, capitalOf), and the precision of the relations kept at confidence 0.5, 0.7 and 0.9.
The figures depend on the code and the spaCy model only, not on the machine.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.evaluate import evaluate  # noqa: E402
from kg.extract import load_pipeline  # noqa: E402

THRESHOLDS = (0.5, 0.7, 0.9)


def default_folders() -> list[Path]:
    sets = sorted(p for p in (ROOT / "benchmarks" / "sets").glob("*") if p.is_dir())
    shared_dev = ROOT.parent / "shared" / "corpus" / "dev"
    return sets + [ROOT / "kg" / "data" / "sample"] + ([shared_dev] if shared_dev.is_dir() else [])


def scores(folder: Path, nlp) -> dict:
    result = evaluate(folder, nlp=nlp)
    relations = result.relation_all
    return {
        "articles": result.articles,
        "gold_relations": relations.tp + relations.fn,
        "entity_typed_f1": round(result.entity_typed.f1, 3),
        "relation": relations.triple(),
        "core_f1": round(result.relation_core.f1, 3),
        "precision_at": {str(t): round(result.at_threshold(t).precision, 3) for t in THRESHOLDS},
    }


def row(name: str, figures: dict) -> str:
    p, r, f1 = figures["relation"]
    at = " / ".join(f"{figures['precision_at'][str(t)]:.2f}" for t in THRESHOLDS)
    return (f"{name:<18} {figures['articles']:>8} {figures['gold_relations']:>9} {figures['entity_typed_f1']:>7.3f} "
            f"{f1:>8.3f} ({p:.2f}, {r:.2f}) {figures['core_f1']:>6.3f}   {at}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, help="folders of NAME.txt + NAME.gold.json")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--model", help="installed spaCy pipeline (default: kg's English model)")
    args = parser.parse_args()
    folders = args.folders or default_folders()
    missing = [str(f) for f in folders if not f.is_dir()]
    if missing:
        print(f"error: not a folder: {', '.join(missing)}; pass folders of NAME.txt + NAME.gold.json",
              file=sys.stderr)
        return 2
    logging.getLogger("kg").setLevel(logging.ERROR)  # the build's notes (contested facts) would drown the table
    nlp = load_pipeline(args.model)
    print(f"{'set':<18} {'articles':>8} {'relations':>9} {'entity':>7} {'relation F1 (P, R)':>20} {'core':>6}   "
          f"P at {' / '.join(map(str, THRESHOLDS))}")
    figures = {}
    started = time.perf_counter()
    for folder in folders:
        name = folder.name if folder.parent.name == "sets" else str(folder.relative_to(ROOT.parent)) \
            if folder.is_relative_to(ROOT.parent) else str(folder)
        figures[name] = scores(folder, nlp)
        print(row(name, figures[name]), flush=True)
    print(f"({len(folders)} sets in {time.perf_counter() - started:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
