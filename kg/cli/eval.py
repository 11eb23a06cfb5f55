"""kg eval"""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import InputError
from ..evaluate import CORE_PREDICATES, DEFAULT_THRESHOLDS, EvaluationResult, evaluate

SUMMARY_KEYS = ("entity_untyped", "entity_typed", "relation_all", "relation_core")


def parse_thresholds(text: str) -> list[float]:
    """'0.5,0.7,0.9' -> [0.5, 0.7, 0.9]; each between 0 and 1."""
    try:
        values = [float(part) for part in text.split(",") if part.strip()]
    except ValueError as err:
        raise InputError(f"--thresholds wants numbers between 0 and 1 separated by commas, not {text!r}") from err
    if not values or any(not 0.0 <= v <= 1.0 for v in values):
        raise InputError(f"--thresholds wants numbers between 0 and 1 separated by commas, not {text!r}")
    return values


@click.command("eval")
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.option("--errors", "show_errors", is_flag=True,
              help="List every missed and spurious entity and relation, with its sentence.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--thresholds", default=None, is_flag=False, flag_value=",".join(map(str, DEFAULT_THRESHOLDS)),
              metavar="[T1,T2,...]",
              help="Also report relation precision at these confidence thresholds (alone: "
                   f"{', '.join(map(str, DEFAULT_THRESHOLDS))}) and the precision of every rule.")
@click.option("--model", default=None, metavar="NAME", help="Installed spaCy pipeline to use (package name or path).")
def command(gold_dir: Path, show_errors: bool, as_json: bool, thresholds: str | None, model: str | None) -> None:
    """Score kg on GOLD_DIR: every NAME.txt built on its own against NAME.gold.json.

    Counts follow the shared corpus scorer: precision, recall and F1 of entities
    (ignoring type and by type) and relations (all nine predicates, the core
    three clashedWith/spokesmanFor/capitalOf, and each predicate), micro-averaged
    over the articles. Gold files with "events" also score events: found when
    class, place and an actor are right; of those, date, toll, actors, stance,
    and whether reports that share an event id were merged into one.

    \b
    Example:
        kg eval kg/data/sample                        # the bundled annotated sample
        kg eval ../shared/corpus/dev --errors         # every miss and false alarm, with its sentence
        kg eval gold/ --thresholds 0.5,0.8 --json     # machine-readable, with precision by confidence
    """
    levels = parse_thresholds(thresholds) if thresholds is not None else []
    result = evaluate(gold_dir, model=model)
    if as_json:
        summary = result.summary(levels)
        if levels:
            summary["rules"] = {rule: {"tp": c.tp, "fp": c.fp, "precision": round(c.precision, 3)}
                                for rule, c in result.by_rule().items()}
        if show_errors:
            summary["errors"] = [vars(e) for e in result.errors]
            if result.events.gold:
                summary["event_errors"] = result.events.errors
        click.echo(json.dumps(summary, indent=2))
        return
    print_scores(result, levels)
    if show_errors:
        click.echo("")
        for error in [*result.errors, *result.events.errors]:
            click.echo(str(error))


def print_event_scores(result: EvaluationResult) -> None:
    """Events: found (class, place and an actor right), then the date, toll, actors and stance of those found."""
    events = result.events
    summary = events.summary()
    tp, fp, fn = events.prf()
    click.echo(f"  {'events':15s} {summary['events']}  tp={tp} fp={fp} fn={fn}  (class, place and an actor right)")
    for name, counts in events.found.items():
        click.echo(f"    {name:13s} {summary['by_class'][name]}  tp={counts[0]} fp={counts[1]} fn={counts[2]}")
    for label, tally in (("date", events.dates), ("toll", events.tolls), ("stance", events.stance),
                         ("contested", events.contested), ("dedup", events.dedup)):
        click.echo(f"    {label + ' right':13s} {tally.right}/{tally.total}  ({tally.share:.2f})")
    click.echo(f"    {'actors':13s} {summary['actors']}  (P, R, F1 of the actors of events found)")
    if events.unsupported_dates:
        click.echo(f"    dated where the text gives no date: {events.unsupported_dates}")


def print_scores(result: EvaluationResult, levels: list[float]) -> None:
    summary = result.summary(levels)
    click.echo(f"articles scored: {result.articles}   (P, R, F1)")
    for key in SUMMARY_KEYS:
        click.echo(f"  {key:15s} {summary[key]}")
    for name, counts in result.by_type.items():
        click.echo(f"    {name:13s} {counts.triple()}  tp={counts.tp} fp={counts.fp} fn={counts.fn}")
    for name, counts in result.by_predicate.items():
        core = "  (core)" if name in CORE_PREDICATES else ""
        click.echo(f"    {name:13s} {counts.triple()}  tp={counts.tp} fp={counts.fp} fn={counts.fn}{core}")
    if result.events.gold:
        print_event_scores(result)
    if not levels:
        return
    click.echo("relations kept at each confidence threshold (P, R, F1):")
    for level in levels:
        counts = result.at_threshold(level)
        click.echo(f"  >= {level:<5g} {counts.triple()}  kept={counts.tp + counts.fp}")
    click.echo("rules (relations read, correct, precision):")
    for rule, counts in result.by_rule().items():
        click.echo(f"  {rule:36s} {counts.tp + counts.fp:4d} {counts.tp:4d}  {counts.precision:.2f}")
