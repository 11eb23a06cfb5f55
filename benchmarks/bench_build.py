"""Benchmark kg build: throughput against bare spaCy, the speed-up of 2 workers, peak memory on 10,000 articles.

    python benchmarks/bench_build.py                    # the full run (several minutes on 2 cores)
    python benchmarks/bench_build.py --articles 2000 --speed-articles 300   # a quick look

Three measurements on synthetic articles made here from template sentences
(made-up names, so no real text is needed or copied):

1. words/s of ``kg.build`` (ingest, spaCy, kg's components, resolution,
   triples, outputs; the model loaded once, outside the timing) against bare
   ``nlp.pipe`` of the same spaCy model on the same texts (target >= 0.7x),
   and against ``nlp.pipe`` of kg's pipeline (the model plus kg's
   extraction components): the gap to that one is what ingest, resolution,
   triples and outputs cost.
2. the speed-up of ``build(workers=2)`` over ``build(workers=1)`` (target >= 1.6x on 2 cores), and
   of the spaCy stage alone, which is the part --workers spreads out (resolution,
   triples and outputs stay in the build's own process).
3. the peak resident memory of ``kg build`` (a fresh process, the CLI as a
   user runs it, without the HTML view) on 10,000 articles. Target < 2 GiB.

The machine's load average is printed with the figures: the cores may be shared, so each throughput
figure is the best of ``--repeat`` rounds (5 by default), the measurements taken in turn in each round; the build's
ratio to bare spaCy is also given round by round (``build_vs_bare_paired_median`` and ``_lowest``), since a slow
spell of the machine slows the two runs of one round alike.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GROUPS = ["Northern Front", "Valley Brigade", "Mountain Corps", "River Militia", "Desert Lions", "Eastern Guard"]
FORCES = ["army units", "police commandos", "border guards", "government forces", "special forces"]
PLACES = ["Qarabagh", "Ferozan", "Kohistan", "Nahrin", "Ghormach", "Talqan", "Sarband", "Dasht-e Laila",
          "Mirzaka", "Bandar Tal", "Shirkot", "Alvand"]
PROVINCES = ["Ferozan Province", "Kohistan Province", "Talqan Province", "Sarband Province"]
PEOPLE = ["Amir Haidari", "Laila Sadat", "Tomas Brenner", "Yusuf Karimi", "Nadia Orlov", "Farid Rahimi"]
TEMPLATES = [
    "Fighters of the {group} clashed with {force} near {place} on {day}, a district official said.",
    "The {group} captured {place} after two days of heavy fighting, residents told reporters.",
    "{person}, a spokesman for the {group}, said its fighters had attacked a checkpoint outside {place}.",
    "The governor of {province}, {person}, said the road between {place} and {other} was closed.",
    "{place} is the capital of {province} and lies about forty kilometres from {other}.",
    "{person} met with elders from {place} to discuss the safety of families fleeing the fighting.",
    "Aid groups said hundreds of families had left {other} for camps on the edge of {place}.",
    "Officials in {other} said {force} had pushed the {group} back from the river crossing.",
    "Shops in the old bazaar of {place} stayed shut for a third day as the clashes went on.",
    "A commander of the {group} said his men would not withdraw from the hills above {other}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def synthetic_articles(count: int, seed: int = 7):
    """``count`` different articles of 4-7 template sentences each (about 85 words)."""
    rng = random.Random(seed)
    for i in range(count):
        sentences = []
        for _ in range(rng.randint(4, 7)):
            place, other = rng.sample(PLACES, 2)
            sentences.append(rng.choice(TEMPLATES).format(
                group=rng.choice(GROUPS), force=rng.choice(FORCES), place=place, other=other,
                province=rng.choice(PROVINCES), person=rng.choice(PEOPLE), day=rng.choice(DAYS)))
        yield {"id": f"bench-{i}", "title": f"Dispatch {i}", "published": "2023-03-14", "text": " ".join(sentences)}


def write_corpus(path: Path, count: int) -> int:
    words = 0
    with path.open("w") as handle:
        for record in synthetic_articles(count):
            words += len(record["text"].split())
            handle.write(json.dumps(record) + "\n")
    return words


def pipe_seconds(nlp, texts: list[str]) -> float:
    for _ in nlp.pipe(texts[:20]):  # warm up
        pass
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - started


def build_seconds(nlp, corpus: Path, out: Path, workers: int) -> float:
    import kg

    started = time.perf_counter()
    report = kg.build([corpus], out, nlp=nlp, html=False, workers=workers)
    elapsed = time.perf_counter() - started
    assert report.articles > 0, report
    return elapsed


def extract_seconds(nlp, texts: list[str], workers: int) -> float:
    """The spaCy stage alone (kg's pipeline, in ``workers`` processes): what --workers spreads out."""
    from kg.distributed import pool_extract
    from kg.extract import extract_articles
    from kg.model import Article

    articles = [Article(id=str(i), text=text) for i, text in enumerate(texts)]
    started = time.perf_counter()
    for _ in (pool_extract(nlp, iter(articles), workers) if workers > 1 else extract_articles(nlp, articles)):
        pass
    return time.perf_counter() - started


def peak_memory_of_cli_build(corpus: Path, out: Path) -> tuple[float, float]:
    """(peak RSS in MiB, seconds) of ``kg build`` in a fresh process (run before this process forks any other)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", "build", str(corpus), "-o", str(out),
                    "--no-html", "-q"], check=False)
    elapsed = time.perf_counter() - started
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles for the memory run")
    parser.add_argument("--speed-articles", type=int, default=1_000, help="articles for the throughput runs")
    parser.add_argument("--repeat", type=int, default=5,
                        help="rounds of the throughput measurements (the best of each counts, and the paired ratios)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--skip-memory", action="store_true", help="only the throughput runs")
    args = parser.parse_args()

    import kg
    from kg.extract.pipeline import _resolve_model_name

    figures: dict[str, float | str] = {"load_average_at_start": " ".join(f"{x:.1f}" for x in os.getloadavg())}
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        tmp = Path(tmp)
        if not args.skip_memory:
            big = tmp / "big.jsonl"
            figures["memory_articles"] = args.articles
            figures["memory_words"] = write_corpus(big, args.articles)
            peak, seconds = peak_memory_of_cli_build(big, tmp / "out-big")
            figures["memory_peak_mib"] = round(peak)
            figures["memory_build_seconds"] = round(seconds, 1)
            print(f"peak memory of kg build, {args.articles:,} articles: {peak:,.0f} MiB in {seconds:.0f} s",
                  flush=True)

        corpus = tmp / "speed.jsonl"
        words = write_corpus(corpus, args.speed_articles)
        texts = [json.loads(line)["text"] for line in corpus.open()]
        model = _resolve_model_name(None)
        import spacy

        bare_nlp, nlp = spacy.load(model), kg.load_pipeline(model)
        # Best of --repeat runs of each, taken in turn: the cores may be shared, and one slow run says more
        # about the neighbours than about kg (timeit takes the minimum for the same reason).
        runs: dict[str, list[float]] = {"bare": [], "kg_pipe": [], "build": [], "build_2": []}
        for round_ in range(args.repeat):
            runs["bare"].append(pipe_seconds(bare_nlp, texts))
            runs["kg_pipe"].append(pipe_seconds(nlp, texts))
            runs["build"].append(build_seconds(nlp, corpus, tmp / "out-1", workers=1))
            runs["build_2"].append(build_seconds(nlp, corpus, tmp / "out-2", workers=2))
            print(f"round {round_ + 1}/{args.repeat}: bare {words / runs['bare'][-1]:,.0f} words/s, "
                  f"build {words / runs['build'][-1]:,.0f} ({runs['bare'][-1] / runs['build'][-1]:.2f}x)", flush=True)
        bare, with_components, one, two = (min(runs[k]) for k in ("bare", "kg_pipe", "build", "build_2"))
        # The same work takes up to 40% longer in one run than in another on a shared machine (the bare pipe
        # alone, timed in one process with nothing else running: 12.1-17.1 s of CPU time for the same 600 articles),
        # so besides the best of each, the ratio of the bare pipe and the build run next to it in the same round,
        # which a slow minute slows both of: its median, and its lowest.
        paired = sorted(b / o for b, o in zip(runs["bare"], runs["build"]))
        extract_one, extract_two = extract_seconds(nlp, texts, 1), extract_seconds(nlp, texts, 2)
        figures.update({
            "model": model, "speed_articles": args.speed_articles, "speed_words": words, "repeat": args.repeat,
            "bare_pipe_words_per_s": round(words / bare),
            "kg_components_pipe_words_per_s": round(words / with_components),
            "build_words_per_s": round(words / one), "build_vs_bare": round(bare / one, 2),
            "build_vs_bare_paired_median": round(statistics.median(paired), 2),
            "build_vs_bare_paired_lowest": round(paired[0], 2),
            "build_vs_kg_components_pipe": round(with_components / one, 2), "build_2_workers_words_per_s": round(words / two),
            "speedup_2_workers": round(one / two, 2),
            "extract_only_speedup_2_workers": round(extract_one / extract_two, 2),
            "load_average_at_end": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        })
    for key, value in figures.items():
        print(f"{key:32s} {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
