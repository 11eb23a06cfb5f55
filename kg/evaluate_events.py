"""Scoring events against gold: the ``events`` of ``NAME.gold.json`` (see kg/data/SAMPLE.md).

A gold event names its class, agents and targets and its place by gold entity names, and gives its date
(``YYYY-MM-DD`` with a precision, or null when the text gives none), its toll (or null), its stance
(Asserted, Claimed or Denied: the strongest of its sources) and whether it is contested. An ``id`` shared by
events of several articles says they are one event told by several reports.

- An event **counts** when its class, its place (both none, or the same paired entity) and one of its actors are
  right; each gold event pairs with at most one system event (the one sharing most actors, then the right date).
- Of the events that count: the **date** is right when the system's day (and precision) is the gold's, scored over
  the gold events whose text gives a date; the **toll** likewise over those whose text gives one; **actors** are
  scored as sets (precision and recall); **stance** and **contested** as agreement.
- **Dedup**: articles whose gold shares an event id are built together with one resolver, in name order; the
  event is merged when every article's matching system event is one node, and no node holds two gold events.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Graph
from rdflib.namespace import RDF

from .model import ASSERTED, CLAIMED, DENIED, EVENT_CLASSES
from .vocab import KGO, SEM


@dataclass
class Tally:
    """How many of ``total`` were right."""

    right: int = 0
    total: int = 0

    def add(self, right: bool) -> None:
        self.right += int(right)
        self.total += 1

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0

    def pair(self) -> tuple[int, int]:
        return self.right, self.total


@dataclass(frozen=True)
class SystemEvent:
    """An event node as the scorer sees it."""

    node: str
    event_class: str
    actors: frozenset[str]  # entity nodes
    place: str | None
    date: str | None  # ISO
    precision: str | None
    fatalities: int | None
    stance: str
    contested: bool


_STANCE_RANK = {ASSERTED: 0, CLAIMED: 1, DENIED: 2}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2}


def read_events(graph: Graph) -> list[SystemEvent]:
    """The event nodes of ``graph`` with what the scorer compares (the most precise date and the lowest toll when
    several reports give several)."""
    stances: dict[object, list[str]] = defaultdict(list)
    for evidence in graph.subjects(RDF.type, KGO.Evidence):
        if graph.value(evidence, RDF.predicate) == RDF.type:
            stance = graph.value(evidence, KGO.stance)
            stances[graph.value(evidence, RDF.subject)].append(str(stance).rsplit("#", 1)[-1] if stance else ASSERTED)
    events = []
    for cls in EVENT_CLASSES:
        for node in set(graph.subjects(RDF.type, KGO[cls])):
            dates = sorted((_PRECISION_RANK.get(str(graph.value(node, KGO.timePrecision)), 0), str(d))
                           for d in graph.objects(node, SEM.hasTimeStamp))
            tolls = [int(t) for t in graph.objects(node, KGO.fatalities)]
            told = stances.get(node, [ASSERTED])
            place = graph.value(node, SEM.hasPlace)
            events.append(SystemEvent(
                node=str(node), event_class=cls, actors=frozenset(str(a) for a in graph.objects(node, SEM.hasActor)),
                place=str(place) if place is not None else None, date=dates[0][1] if dates else None,
                precision=str(graph.value(node, KGO.timePrecision)) if dates else None,
                fatalities=min(tolls) if tolls else None,
                stance=min(told, key=lambda s: _STANCE_RANK.get(s, 0)),
                contested=any(v.toPython() is True for v in graph.objects(node, KGO.contested)),
            ))
    return sorted(events, key=lambda e: e.node)


@dataclass
class EventScores:
    """Event counts over a corpus."""

    found: dict[str, list[int]] = field(default_factory=lambda: {c: [0, 0, 0] for c in EVENT_CLASSES})  # tp fp fn
    dates: Tally = field(default_factory=Tally)
    tolls: Tally = field(default_factory=Tally)
    stance: Tally = field(default_factory=Tally)
    contested: Tally = field(default_factory=Tally)
    dedup: Tally = field(default_factory=Tally)
    actors: list[int] = field(default_factory=lambda: [0, 0, 0])  # tp fp fn over matched events
    #: dates the system gave where the gold has none (a guess the text does not support)
    unsupported_dates: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def gold(self) -> int:
        return sum(tp + fn for tp, _, fn in self.found.values())

    def prf(self, classes: Iterable[str] = EVENT_CLASSES) -> tuple[int, int, int]:
        tp = sum(self.found[c][0] for c in classes)
        fp = sum(self.found[c][1] for c in classes)
        fn = sum(self.found[c][2] for c in classes)
        return tp, fp, fn

    def summary(self) -> dict:
        from .evaluate import PRF

        def triple(counts) -> tuple[float, float, float]:
            return PRF(*counts).triple()

        return {
            "events": triple(self.prf()),
            "by_class": {c: triple(self.found[c]) for c in EVENT_CLASSES},
            "actors": triple(self.actors),
            "date_right": self.dates.pair(),
            "toll_right": self.tolls.pair(),
            "stance_right": self.stance.pair(),
            "contested_right": self.contested.pair(),
            "dedup_right": self.dedup.pair(),
            "unsupported_dates": self.unsupported_dates,
        }


def _gold_index(gold: dict) -> dict[str, int]:
    return {e["name"]: i for i, e in enumerate(gold.get("entities", []))}


def match_events(gold: dict, system: list[SystemEvent], paired: dict[str, int],
                 ) -> tuple[list[tuple[dict, SystemEvent]], list[dict], list[SystemEvent]]:
    """(pairs of gold and system events that count, gold events missed, system events spurious)."""
    index = _gold_index(gold)
    left = list(system)
    pairs, missed = [], []
    for event in gold.get("events", []):
        actors = {index[n] for n in (*event.get("agents", []), *event.get("targets", [])) if n in index}
        place = index.get(event["place"]) if event.get("place") else None
        candidates = [c for c in left if _fits(c, event["class"], place, actors, paired)]
        if not candidates:
            missed.append(event)
            continue
        best = max(candidates, key=lambda c: (len(actors & _gold_of(c.actors, paired)), c.date == event.get("date")))
        left.remove(best)
        pairs.append((event, best))
    return pairs, missed, left


def _gold_of(nodes: Iterable[str], paired: dict[str, int]) -> set[int]:
    return {paired[n] for n in nodes if n in paired}


def _fits(candidate: SystemEvent, event_class: str, place: int | None, actors: set[int],
          paired: dict[str, int]) -> bool:
    """The class, the place (both none, or the same paired entity) and one actor right."""
    system_place = paired.get(candidate.place, -1) if candidate.place is not None else None
    return candidate.event_class == event_class and system_place == place and bool(actors & _gold_of(
        candidate.actors, paired))


def score_events(name: str, gold: dict, system: list[SystemEvent], paired: dict[str, int],
                 scores: EventScores) -> dict[str, str]:
    """Add one article's event counts to ``scores``; returns gold event id -> the system node it matched."""
    if "events" not in gold:
        return {}
    index = _gold_index(gold)
    pairs, missed, spurious = match_events(gold, system, paired)
    for event, found in pairs:
        scores.found[event["class"]][0] += 1
        gold_actors = {index[n] for n in (*event.get("agents", []), *event.get("targets", [])) if n in index}
        system_actors = {paired.get(a, f"unpaired:{a}") for a in found.actors}
        scores.actors[0] += len(gold_actors & system_actors)
        scores.actors[1] += len(system_actors - gold_actors)
        scores.actors[2] += len(gold_actors - system_actors)
        if event.get("date"):
            right = found.date == event["date"] and (found.precision or "day") == (event.get("precision") or "day")
            scores.dates.add(right)
            if not right:
                scores.errors.append(f"{name}: {event['id']}: date {found.date} ({found.precision}), gold "
                                     f"{event['date']} ({event.get('precision')})")
        elif found.date:
            scores.unsupported_dates += 1
            scores.errors.append(f"{name}: {event['id']}: dated {found.date} where the gold gives no date")
        if event.get("fatalities") is not None:
            scores.tolls.add(found.fatalities == event["fatalities"])
            if found.fatalities != event["fatalities"]:
                scores.errors.append(f"{name}: {event['id']}: toll {found.fatalities}, gold {event['fatalities']}")
        scores.stance.add(found.stance == event.get("stance", ASSERTED))
        scores.contested.add(found.contested == bool(event.get("contested")))
        if found.stance != event.get("stance", ASSERTED) or found.contested != bool(event.get("contested")):
            scores.errors.append(f"{name}: {event['id']}: {found.stance}{' contested' * found.contested}, gold "
                                 f"{event.get('stance', ASSERTED)}{' contested' * bool(event.get('contested'))}")
    for event in missed:
        scores.found[event["class"]][2] += 1
        scores.errors.append(f"{name}: missed event {event['id']} ({event['class']} at {event.get('place')})"
                             f"\n    | {event.get('evidence', '')}")
    for found in spurious:
        scores.found[found.event_class][1] += 1
        scores.errors.append(f"{name}: extra event {found.node.rsplit('/', 1)[-1]}")
    return {event["id"]: found.node for event, found in pairs if "id" in event}


def shared_event_groups(golds: dict[str, dict]) -> list[list[str]]:
    """Names of articles whose gold shares an event id, each group once, in name order."""
    by_id: dict[str, set[str]] = defaultdict(set)
    for name, gold in golds.items():
        for event in gold.get("events", []):
            if "id" in event:
                by_id[event["id"]].add(name)
    groups: list[set[str]] = []
    for names in by_id.values():
        if len(names) < 2:
            continue
        joined = [g for g in groups if g & names]
        merged = set(names).union(*joined)
        groups = [g for g in groups if not g & names] + [merged]
    return [sorted(g) for g in sorted(groups, key=lambda g: sorted(g))]


def score_dedup(golds: dict[str, dict], matched: dict[str, dict[str, str]], scores: EventScores) -> None:
    """Each gold event told by several articles of a group counts right when all of them matched one node, and
    that node holds no other gold event."""
    ids: dict[str, list[str]] = defaultdict(list)
    for found in matched.values():
        for event_id, node in found.items():
            ids[event_id].append(node)
    owners: dict[str, set[str]] = defaultdict(set)
    for event_id, nodes in ids.items():
        for node in nodes:
            owners[node].add(event_id)
    for event_id in sorted({e["id"] for g in golds.values() for e in g.get("events", []) if "id" in e}):
        tellers = [n for n, g in golds.items() if any(e.get("id") == event_id for e in g.get("events", []))]
        if len(tellers) < 2:
            continue
        nodes = ids.get(event_id, [])
        right = len(nodes) == len(tellers) and len(set(nodes)) == 1 and owners[nodes[0]] == {event_id}
        scores.dedup.add(right)
        if not right:
            scores.errors.append(f"{', '.join(tellers)}: {event_id} not merged into one event "
                                 f"({len(set(nodes))} nodes for {len(nodes)} of {len(tellers)} reports found)")


__all__ = ["EventScores", "SystemEvent", "Tally", "match_events", "read_events", "score_dedup", "score_events",
           "shared_event_groups"]
