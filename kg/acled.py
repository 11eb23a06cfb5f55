"""The graph's events as a table with ACLED's columns: ``kg export -f events-csv`` and ``kg.events_df``.

Reads RDF only (a ``kg.Store``, an rdflib Graph or a graph file), through four small SPARQL queries (events,
their actors, their reports, their places) joined here, so that it is as fast on a large store as on a file.

Columns (ACLED's names, in ACLED's order, plus ``plover_type``):

- ``event_id``: the event's IRI without the namespace (``capture-2021-08-15--kabul--taliban``);
- ``event_date`` (ISO; empty when no report gives a date), ``year``, ``time_precision`` (ACLED's codes: 1 day,
  2 week, 3 month; the date of a week or month is its first day);
- ``event_type``, ``sub_event_type``: ACLED's codebook (kg.events.ACLED_EVENT_TYPES); meetings, which ACLED does
  not code as violence, are Strategic developments / Other;
- ``actor1`` (the first agent, or side), ``actor2`` (the first target, or the other side): kg's labels;
- ``country``, ``admin1`` (province), ``admin2`` (district): from the graph's locatedIn and capitalOf relations of
  the place, else from kg's gazetteer; ``location``, ``latitude``, ``longitude`` of the place, and
  ``geo_precision`` (1 a town, 2 a district, 3 a province or country);
- ``source``: the ids of the articles that report it; ``notes``: the first sentence that tells it, and who
  claims or denies it;
- ``fatalities``: the lowest toll any report gives (0 when none gives one, as ACLED records no known deaths);
- ``plover_type``: the PLOVER event type (FIGHT, ASSAULT, YIELD, CONSULT).
"""
from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from typing import Any

from .events import ACLED_GEO_PRECISION, ACLED_TIME_PRECISION, EVENT_TYPE_OF, PLOVER_OF, acled_sub_event
from .resolve import normalise
from .vocab import PREFIXES

COLUMNS = ("event_id", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
           "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source", "notes",
           "fatalities", "plover_type")

_PREFIXES = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())
_CORE = _PREFIXES + """
SELECT ?event ?class ?label ?sub ?date ?precision ?fatalities ?place ?contested WHERE {
  VALUES ?cls { kgo:Attack kgo:Capture kgo:Clash kgo:Meeting }
  ?event a ?cls .
  BIND(STRAFTER(STR(?cls), STR(kgo:)) AS ?class)
  OPTIONAL { ?event rdfs:label ?label }
  OPTIONAL { ?event kgo:subEventType ?sub }
  OPTIONAL { ?event sem:hasTimeStamp ?date OPTIONAL { ?event kgo:timePrecision ?precision } }
  OPTIONAL { ?event kgo:fatalities ?fatalities }
  OPTIONAL { ?event sem:hasPlace ?place }
  BIND(EXISTS { ?event kgo:contested true } AS ?contested)
}
"""
_ACTORS = _PREFIXES + """
SELECT ?event ?role ?name ?type WHERE {
  VALUES ?cls { kgo:Attack kgo:Capture kgo:Clash kgo:Meeting }
  VALUES (?p ?role) { (kgo:agent "agent") (kgo:target "target") (sem:hasActor "actor") }
  ?event a ?cls ; ?p ?actor .
  ?actor rdfs:label ?name .
  OPTIONAL { ?actor a ?t FILTER(STRSTARTS(STR(?t), STR(kgo:))) BIND(STRAFTER(STR(?t), STR(kgo:)) AS ?type) }
}
"""
_REPORTS = _PREFIXES + """
SELECT ?event ?article ?published ?start ?sentence ?stance ?source WHERE {
  ?e rdf:predicate rdf:type ; rdf:subject ?event ; prov:wasDerivedFrom ?a ; kgo:sentence ?sentence ;
     kgo:startChar ?start .
  ?a dcterms:identifier ?article .
  OPTIONAL { ?a schema:datePublished ?published }
  OPTIONAL { ?e kgo:stance ?s BIND(STRAFTER(STR(?s), STR(kgo:)) AS ?stance) }
  OPTIONAL { ?e kgo:accordingTo ?who . ?who rdfs:label ?source }
}
"""
_PLACES = _PREFIXES + """
SELECT ?place ?name ?type ?lat ?long ?in ?inName ?inType WHERE {
  ?event sem:hasPlace ?place .
  ?place rdfs:label ?name ; a ?t .
  FILTER(?t IN (kgo:City, kgo:District, kgo:Province, kgo:Country))
  BIND(STRAFTER(STR(?t), STR(kgo:)) AS ?type)
  OPTIONAL { ?place geo:lat ?lat ; geo:long ?long }
  OPTIONAL {
    { ?place kgo:locatedIn ?in } UNION { ?place kgo:capitalOf ?in } UNION
    { ?place kgo:locatedIn ?mid . ?mid kgo:locatedIn ?in }
    ?in rdfs:label ?inName ; a ?it .
    FILTER(?it IN (kgo:District, kgo:Province, kgo:Country))
    BIND(STRAFTER(STR(?it), STR(kgo:)) AS ?inType)
  }
}
"""


def event_table(source: Any) -> list[dict[str, Any]]:
    """One dict per event with ACLED's columns (see the module's docstring), ordered by date, undated last."""
    from .analysis import _select

    events = _rows(_select(source, _CORE, {}))
    actors: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for row in _rows(_select(source, _ACTORS, {})):
        item = (row["name"], row["type"] or "")
        if item not in actors[row["event"]][row["role"]]:
            actors[row["event"]][row["role"]].append(item)
    reports: dict[str, list[dict]] = defaultdict(list)
    for row in _rows(_select(source, _REPORTS, {})):
        reports[row["event"]].append(row)
    places = _places(_rows(_select(source, _PLACES, {})))
    merged: dict[str, dict] = {}
    for row in events:  # reports may disagree: the most precise date, the lowest toll
        item = merged.setdefault(row["event"], {**row, "dates": set(), "tolls": set()})
        if row["date"] is not None:
            item["dates"].add((ACLED_TIME_PRECISION.get(row["precision"] or "day", 1), str(row["date"])[:10]))
        if row["fatalities"] is not None:
            item["tolls"].add(int(row["fatalities"]))
    table = [_row(event, item, actors[event], reports[event], places) for event, item in merged.items()]
    return sorted(table, key=lambda r: (r["event_date"] == "", r["event_date"], r["event_id"]))


def _rows(result: tuple[list[str], list[tuple]]) -> list[dict]:
    names, rows = result
    return [dict(zip(names, row)) for row in rows]


def _row(event: str, item: dict, actors: dict, reports: list[dict], places: dict) -> dict[str, Any]:
    precision, date = min(item["dates"]) if item["dates"] else (None, "")
    agents = actors.get("agent") or actors.get("actor", [])
    others = actors.get("target") if actors.get("agent") else [a for a in actors.get("actor", []) if a not in agents[:1]]
    sub = item["sub"] or acled_sub_event(item["class"], None, [t for _, t in agents])
    place = places.get(item["place"], {})
    return {
        "event_id": event.rstrip("/").rsplit("/", 1)[-1],
        "event_date": date,
        "year": int(date[:4]) if date else None,
        "time_precision": precision,
        "event_type": EVENT_TYPE_OF.get(sub, "Strategic developments"),
        "sub_event_type": sub,
        "actor1": agents[0][0] if agents else "",
        "actor2": others[0][0] if others else "",
        "country": place.get("country", ""),
        "admin1": place.get("admin1", ""),
        "admin2": place.get("admin2", ""),
        "location": place.get("name", ""),
        "latitude": place.get("lat"),
        "longitude": place.get("long"),
        "geo_precision": ACLED_GEO_PRECISION.get(place.get("type", ""), None),
        "source": "; ".join(sorted({r["article"] for r in reports})),
        "notes": _notes(reports, bool(item["contested"])),
        "fatalities": min(item["tolls"]) if item["tolls"] else 0,
        "plover_type": PLOVER_OF.get(sub, "FIGHT"),
    }


def _notes(reports: list[dict], contested: bool) -> str:
    """The first sentence that tells the event (the earliest report's), and who claims or denies it."""
    if not reports:
        return ""
    first = min(reports, key=lambda r: (str(r["published"] or ""), r["article"], int(r["start"] or 0)))
    said = sorted({f"{r['stance'].lower()} by {r['source']}" for r in reports
                   if r["stance"] in ("Claimed", "Denied") and r["source"]})
    parts = [" ".join(str(first["sentence"]).split())]
    if said:
        parts.append(f"[{'; '.join(said)}{'; contested' if contested else ''}]")
    elif contested:
        parts.append("[contested]")
    return " ".join(parts)


#: The ACLED column a place of each type fills.
_ADMIN_COLUMN = {"Province": "admin1", "District": "admin2", "Country": "country"}


def _places(rows: list[dict]) -> dict[str, dict]:
    """Place IRI -> name, type, coordinates, and the country, province and district it lies in (or is)."""
    out: dict[str, dict] = {}
    for row in rows:
        place = out.setdefault(row["place"], {"name": row["name"], "type": row["type"]})
        if row["lat"] is not None:
            place["lat"], place["long"] = float(row["lat"]), float(row["long"])
        if row["inType"] in _ADMIN_COLUMN:
            place.setdefault(_ADMIN_COLUMN[row["inType"]], row["inName"])
    for place in out.values():
        if place["type"] in _ADMIN_COLUMN:
            place.setdefault(_ADMIN_COLUMN[place["type"]], place["name"])
        known = gazetteer_place(place["name"], place["type"])
        for column in ("country", "admin1"):
            if column not in place and known.get(column):
                place[column] = known[column]
    return out


# ---------------------------------------------------------------- the gazetteer, without spaCy


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, Any]:
    data = resources.files("kg").joinpath("extract/data")

    def rows(name: str):
        for line in data.joinpath(name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                yield json.loads(line)

    countries = {row["iso"]: row["name"] for row in rows("countries.jsonl") if row.get("iso")}
    provinces = {}
    for row in rows("provinces.jsonl"):
        for name in (row["name"], *row.get("aliases", [])):
            provinces.setdefault(normalise(name), row)
    capitals = {normalise(row["capital"]): row["province"] for row in rows("capitals.jsonl")}
    cities = {}
    for row in rows("cities.jsonl"):
        for name in (row["name"], *row.get("aliases", [])):
            cities.setdefault(normalise(name), row)
    return {"countries": countries, "provinces": provinces, "capitals": capitals, "cities": cities}


def gazetteer_place(name: str, place_type: str) -> dict[str, str]:
    """Country and province of a place by its name in kg's gazetteer ({} when it does not know it)."""
    table = _gazetteer()
    key = normalise(name)
    if place_type == "Province" and key in table["provinces"]:
        return {"country": table["countries"].get(table["provinces"][key].get("country", ""), "")}
    if place_type == "City" and key in table["cities"]:
        row = table["cities"][key]
        return {"country": table["countries"].get(row.get("country", ""), ""),
                "admin1": table["capitals"].get(key, "")}
    return {}


def events_csv(source: Any) -> str:
    """The event table as CSV text with ACLED's column names (a header row even when there is no event)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in event_table(source):
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return out.getvalue()


__all__ = ["COLUMNS", "event_table", "events_csv", "gazetteer_place"]
