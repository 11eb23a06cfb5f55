"""CPU seconds of kg's own spaCy components, one by one, on the benchmark articles: for tracing a slowdown.

    python benchmarks/bench_components.py                      # 600 articles, best of 3
    python benchmarks/bench_components.py --articles 300 --repeat 5
    python benchmarks/bench_components.py --against ../old-checkout   # the same for another checkout of kg

bench_build.py's ratio to bare spaCy moves by up to a fifth between rounds on a shared machine (the model's
matrix products are most of it), so it cannot tell whether a change made kg's readers slower. Here the model runs
once, outside the timing; each of kg's components after it (gazetteer, typing, relations, events) and the read-out
to mentions then runs on fresh copies of the same Docs, timed in process CPU seconds, best of ``--repeat``.
``--against`` runs the same in a second process on another checkout (its ``kg`` package imported instead of this
one), for a before-and-after in one sitting.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
KG_COMPONENTS = ("kg_gazetteer", "kg_entity_typer", "kg_relations", "kg_events")


def component_seconds(articles: int, repeat: int) -> dict[str, float]:
    """Best-of-``repeat`` CPU seconds of each kg component and of to_mentions over ``articles`` articles."""
    from bench_build import synthetic_articles
    from spacy.tokens import Doc

    from kg.extract import load_pipeline
    from kg.extract.pipeline import doc_for, to_mentions
    from kg.model import Article

    records = [Article(id=str(i), text=r["text"]) for i, r in enumerate(synthetic_articles(articles))]
    nlp = load_pipeline()
    with nlp.select_pipes(disable=list(KG_COMPONENTS)):
        stream = ((doc_for(nlp, article), article) for article in records)
        parsed = [(doc.to_bytes(), article) for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=64)]
    components = [(name, nlp.get_pipe(name)) for name in KG_COMPONENTS]
    best: dict[str, float] = {}
    for _ in range(repeat):
        docs = [(Doc(nlp.vocab).from_bytes(data), article) for data, article in parsed]
        for name, component in components:
            started = time.process_time()
            for doc, _article in docs:
                component(doc)
            best[name] = min(best.get(name, float("inf")), time.process_time() - started)
        started = time.process_time()
        for doc, article in docs:
            to_mentions(doc, article)
        best["to_mentions"] = min(best.get("to_mentions", float("inf")), time.process_time() - started)
    best["total"] = sum(best.values())
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=600, help="benchmark articles (about 85 words each)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each component; the fastest counts")
    parser.add_argument("--against", type=Path, help="another checkout of kg to time the same way, in its own process")
    args = parser.parse_args()
    if args.against:
        root = args.against.resolve()
        code = (f"import sys; sys.path[:0] = [{str(root)!r}, {str(HERE)!r}]; "
                f"from bench_components import component_seconds, show; "
                f"show({str(root)!r}, component_seconds({args.articles}, {args.repeat}))")
        subprocess.run([sys.executable, "-c", code], check=True)
    sys.path.insert(0, str(HERE.parent))
    show(str(HERE.parent), component_seconds(args.articles, args.repeat))


def show(label: str, seconds: dict[str, float]) -> None:
    print(f"{label}: " + "  ".join(f"{name} {value:.2f} s" for name, value in seconds.items()), flush=True)


if __name__ == "__main__":
    main()
