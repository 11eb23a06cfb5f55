"""kg's spaCy components, registered as factories.

kg_gazetteer      after ``ner``: known names from the data files (countries, provinces, cities, armed
                  groups, forces, organisations, users' own entries) become typed entities, overriding
                  or completing the statistical NER
kg_entity_typer   after the gazetteer: maps NER labels to the nine ontology types and corrects them from
                  context (titles make Officials, "X Province" a Province, "Afghan troops" a Force, ...),
                  sets each span's canonical name, drops what is neither actor nor place
kg_relations      after typing: dependency rules that read relations between entities

Contract with kg_relations: after kg_entity_typer, ``doc.ents`` holds only spans labelled with one of
the nine types, each with ``span._.kg_canonical`` (the name it stands for), ``span._.kg_links`` (dict of
wikidata / geonames / lat / lon) and ``span._.kg_origin`` (which rule typed it).
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..errors import GazetteerError
from ..model import ENTITY_TYPES

# ---------------------------------------------------------------- gazetteer data
DATA = Path(__file__).parent / "data"
#: Bundled entry files, in order of precedence when two entries claim the same surface form.
ENTRY_FILES = ("actors.jsonl", "countries.jsonl", "cities.jsonl", "provinces.jsonl")
#: Gazetteer fields a matched span carries in ``kg_links``: ids and coordinates for the graph, and the ISO
#: codes ("iso" of a country, "country" of a city) that let relation rules tell whose capital a city is.
LINK_FIELDS = ("wikidata", "geonames", "lat", "lon", "iso", "country")


@lru_cache(maxsize=1)
def country_adjectives() -> dict[str, str]:
    """'Yemeni' -> 'Yemen', from the bundled demonym file (the first country to claim an adjective keeps it)."""
    table: dict[str, str] = {}
    for _, row in _rows(DATA / "demonyms.jsonl"):
        for adjective in row["adjectives"]:
            table.setdefault(adjective, row["country"])
    return table


def _rows(path: Path) -> Iterable[tuple[int, dict]]:
    try:
        handle = open(path, encoding="utf-8")
    except OSError as err:
        raise GazetteerError(f"cannot read gazetteer {path}: {err.strerror}") from err
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise GazetteerError(f"{path}:{number}: not a JSON object ({err.msg})") from err
            if not isinstance(row, dict):
                raise GazetteerError(f"{path}:{number}: not a JSON object")
            yield number, row


def read_entries(paths: Iterable[Path]) -> list[dict]:
    """Entries from JSONL files: {"name", "type", "aliases"?, "wikidata"?, "geonames"?, "lat"?, "lon"?}."""
    entries = []
    for path in paths:
        for number, entry in _rows(Path(path)):
            if entry.get("type") not in ENTITY_TYPES or not isinstance(entry.get("name"), str) or not entry["name"]:
                raise GazetteerError(f"{path}:{number}: a gazetteer entry needs a name and one of the nine types "
                                     f"({', '.join(ENTITY_TYPES)})")
            if not isinstance(entry.get("aliases", []), list):
                raise GazetteerError(f"{path}:{number}: 'aliases' must be a list of names")
            entries.append(entry)
    return entries


def links_of(entry: dict) -> dict[str, str]:
    return {k: str(entry[k]) for k in LINK_FIELDS if entry.get(k) not in (None, "")}


@dataclass
class Gazetteer:
    """Every known name, indexed by surface form, plus demonyms and province capitals."""

    entries: dict[tuple[str, str], dict] = field(default_factory=dict)  # (type, name) -> entry
    surfaces: dict[str, tuple[str, str]] = field(default_factory=dict)  # surface -> (type, name)
    adjectives: dict[str, str] = field(default_factory=dict)  # "Afghan" -> "Afghanistan"
    plurals: dict[str, str] = field(default_factory=dict)  # "Afghans" -> "Afghan"
    capitals: dict[str, str] = field(default_factory=dict)  # city name -> province canonical name
    forces: dict[str, str] = field(default_factory=dict)  # country -> name of its forces as a whole

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> Gazetteer:
        gaz = cls()
        # Users' own entries first: they win over the bundled ones for the same surface form.
        for entry in read_entries([*extra, *(DATA / name for name in ENTRY_FILES)]):
            gaz.add(entry)
        gaz.adjectives.update(country_adjectives())
        for _, row in _rows(DATA / "demonyms.jsonl"):
            for plural in row["plurals"]:
                if row["adjectives"]:
                    gaz.plurals.setdefault(plural, row["adjectives"][0])
        for _, row in _rows(DATA / "capitals.jsonl"):
            gaz.capitals.setdefault(row["capital"], row["province"])
        return gaz

    def add(self, entry: dict) -> None:
        key = (entry["type"], entry["name"])
        if key in self.entries:
            return
        self.entries[key] = entry
        if entry.get("forces_of"):
            self.forces.setdefault(entry["forces_of"], entry["name"])
        for surface in (entry["name"], *entry.get("aliases", [])):
            # Files are read in order of precedence (users' own, actors, countries, cities, provinces):
            # the first entry to claim a surface form keeps it ("Georgia" the country, not the state).
            self.surfaces.setdefault(surface, key)

    def lookup(self, surface: str) -> tuple[str, dict] | None:
        """(type, entry) of a surface form, or None."""
        key = self.surfaces.get(surface)
        return (key[0], self.entries[key]) if key else None

    def national_forces(self, adjective: str) -> str:
        """The name of a country's forces as a whole: the gazetteer's ("Sudanese Armed Forces") if it
        knows one, else "<adjective> forces"; "Sudanese troops" and "SAF" are then one entity."""
        return self.forces.get(self.adjectives.get(adjective, ""), f"{adjective} forces")

    def forces_of_country(self, country: str) -> str | None:
        """The name of ``country``'s forces as a whole ("Yemen" -> "Yemeni forces"), if its adjective is known."""
        if country in self.forces:
            return self.forces[country]
        adjective = next((a for a, c in self.adjectives.items() if c == country), None)
        return self.national_forces(adjective) if adjective else None

    def country_of_forces(self, name: str) -> str | None:
        """The country whose national forces ``name`` (as given by ``national_forces``) are."""
        for country, forces in self.forces.items():
            if forces == name:
                return country
        adjective = name[: -len(" forces")] if name.endswith(" forces") else None
        return self.adjectives.get(adjective) if adjective else None

    def province_label(self, stem: str, kind: str = "Province") -> str:
        """The name of the province "<stem> <kind>" stands for: the gazetteer's, else "<stem> <kind>" itself."""
        entry = self.province_named(stem)
        return entry["name"] if entry else f"{stem} {kind}"

    def province_named(self, stem: str) -> dict | None:
        """The Province entry that "<stem> Province" / "<stem> province" / "<stem>" names, if any."""
        for surface in (f"{stem} Province", f"{stem} province", f"{stem} Oblast", f"{stem} oblast",
                        f"{stem} Governorate", f"{stem} State", f"{stem} Region", stem):
            key = self.surfaces.get(surface)
            if key and key[0] == "Province":
                return self.entries[key]
        return None


# ---------------------------------------------------------------- span extensions
for _name in ("kg_canonical", "kg_links", "kg_origin"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Doc.has_extension("kg_relations"):
    Doc.set_extension("kg_relations", default=[])


USER_ENTRIES = "user_entries.jsonl"


class GazetteerComponent:
    """Marks every known name (case-sensitive) as an entity of its gazetteer type.

    Runs after the statistical NER and merges with it: a gazetteer match wins over an NER span it equals,
    contains or overlaps, except that a longer NER name containing a gazetteer name is kept when it is a
    multi-word proper name outside a headline ("Kunduz Provincial Council", "U.S. Embassy").

    Matching is a lookup of token texts in an index keyed by each name's first token: with tens of
    thousands of names this loads in a fraction of the time a PhraseMatcher needs (which makes a
    lexeme for every word of every name) and finds the same spans.
    """

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.nlp = nlp
        self.data = Gazetteer()
        self.user_entries: list[dict] = []
        self.index: dict[str, list[tuple[tuple[str, ...], tuple[str, str]]]] = {}

    def load(self, extra: Iterable[Path] = ()) -> None:
        """Read the bundled data files and ``extra`` users' files; index every name by its tokens."""
        extra = [Path(p) for p in extra]
        self.user_entries = read_entries(extra)
        self.data = Gazetteer.load(extra)
        index: dict[str, list[tuple[tuple[str, ...], tuple[str, str]]]] = {}
        for surface, key in self.data.surfaces.items():
            words = self._tokens(surface)
            if words:
                index.setdefault(words[0], []).append((words, key))
        for candidates in index.values():
            candidates.sort(key=lambda item: -len(item[0]))
        self.index = index

    def _tokens(self, surface: str) -> tuple[str, ...]:
        """The tokens of a name as the tokenizer cuts them (names of plain words are cut at spaces,
        which gives the same tokens many times faster)."""
        words = surface.split(" ")
        if all(word.isalpha() for word in words):
            return tuple(words)
        return tuple(token.text for token in self.nlp.tokenizer(surface) if not token.is_space)

    def initialize(self, get_examples=None, nlp=None) -> None:
        self.load()

    def to_disk(self, path, *, exclude=()) -> None:
        """Save the users' own entries (the bundled data ships with kg): ``nlp.to_disk`` keeps them."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        with open(path / USER_ENTRIES, "w", encoding="utf-8") as handle:
            handle.write("# kg gazetteer: users' own entries. Source: the files given to load_pipeline(gazetteer=...)\n")
            for entry in self.user_entries:
                handle.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def from_disk(self, path, *, exclude=()) -> GazetteerComponent:
        saved = Path(path) / USER_ENTRIES
        self.load([saved] if saved.exists() else [])
        return self

    def matches(self, doc: Doc) -> Iterable[tuple[int, int, tuple[str, str]]]:
        """(start, end, (type, name)) of every known name in ``doc``, overlapping ones included."""
        texts = [token.text for token in doc]
        for i, text in enumerate(texts):
            for words, key in self.index.get(text, ()):
                if tuple(texts[i: i + len(words)]) == words:
                    yield i, i + len(words), key

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for start, end, (entity_type, name) in self.matches(doc):
            if _inside_hyphenated(doc, start, end):
                continue
            entry = self.data.entries[(entity_type, name)]
            span = _set(Span(doc, start, end, label=entity_type), name, "gazetteer", links_of(entry))
            found.append(span)
        doc.ents = merge_with_ner(doc, _longest_first(found))
        return doc


def _inside_hyphenated(doc: Doc, start: int, end: int) -> bool:
    """'Qala' in 'Qala-e-Zal' is not the name 'Qala' (but 'Iran' in 'Iran-backed' is 'Iran')."""
    def name_part(token: Token) -> bool:
        return token.is_title or token.text in HYPHEN_LINKS

    glued_after = (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
                   and not doc[end].whitespace_ and name_part(doc[end + 1]))
    glued_before = (start > 1 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_
                    and not doc[start - 2].whitespace_ and name_part(doc[start - 2]))
    return glued_after or glued_before


def _longest_first(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, longest first, then leftmost."""
    chosen, taken = [], set()
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not taken.intersection(range(span.start, span.end)):
            chosen.append(span)
            taken.update(range(span.start, span.end))
    return sorted(chosen, key=lambda s: s.start)


def merge_with_ner(doc: Doc, gazetteer_spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    ner = list(doc.ents)
    for span in gazetteer_spans:
        overlapping = [e for e in ner if e.start < span.end and span.start < e.end]
        if any(_ner_name_wins(e, span) for e in overlapping):
            continue
        ner = [e for e in ner if e not in overlapping]
        kept.append(span)
    for ent in ner:
        if ent._.kg_origin is None:
            ent._.kg_origin = "ner"
    return sorted(kept + ner, key=lambda s: s.start)


#: Lower-case words inside multi-word proper names ("High Council for National Reconciliation").
NAME_LINKS = {"of", "the", "and", "'s", "for", "in", "on", "de", "du", "al", "el", "la"}


def _ner_name_wins(ent: Span, gaz: Span) -> bool:
    """Keep an NER name that strictly contains a gazetteer name and adds capitalised words to it."""
    if ent.label_ in ENTITY_TYPES or in_headline(ent):
        return False
    if not (ent.start <= gaz.start and gaz.end <= ent.end) or (ent.start, ent.end) == (gaz.start, gaz.end):
        return False
    extra = [t for t in ent if not gaz.start <= t.i < gaz.end]
    if ent.label_ not in ("ORG", "PERSON", "FAC", "GPE", "LOC", "NORP"):
        return False
    if gaz.label_ in ("ArmedGroup", "Force") and ent.label_ == "PERSON":
        return False
    return all(t.is_title or t.is_upper or t.is_punct or t.like_num or t.lower_ in NAME_LINKS
               for t in extra) and any(t.is_alpha and (t.is_title or t.is_upper) and t.pos_ != "DET" for t in extra)


@Language.factory("kg_gazetteer", assigns=["doc.ents"])
def make_gazetteer(nlp: Language, name: str) -> GazetteerComponent:
    return GazetteerComponent(nlp, name)


# ---------------------------------------------------------------- entity typing
#: NER labels that can name one of the nine types, and the type they default to.
NER_TO_TYPE = {"PERSON": "Person", "ORG": "Organization", "GPE": "City", "NORP": None, "LOC": None, "FAC": None}
#: Words that, as a title before a name or in an apposition, make a person an Official.
ROLE_WORDS = {
    "spokesman", "spokeswoman", "spokesperson", "governor", "gov.", "deputy", "president", "vice", "minister",
    "commander", "chief", "official", "officials", "mayor", "general", "gen.", "gen", "colonel", "col.", "col",
    "lieutenant", "lt.", "major", "maj.", "captain", "capt.", "sergeant", "sgt.", "admiral", "adm.", "brig.",
    "ambassador", "envoy", "secretary", "senator", "sen.", "director", "head", "leader", "chairman", "chairwoman",
    "lawmaker", "legislator", "mp", "premier", "prime", "king", "emir", "prince", "representative", "negotiator",
    "adviser", "advisor", "officer", "councilman", "councilwoman", "prosecutor", "judge", "diplomat", "member",
    "administrator", "police", "chancellor", "defense", "foreign",
}
#: Head nouns of phrases naming state forces ("Afghan troops", "government forces").
FORCE_HEADS = {"forces", "force", "troops", "soldiers", "soldier", "army", "military", "police", "navy", "commandos",
               "marines", "paratroopers", "warplanes", "jets", "personnel", "units", "servicemen", "guard"}
#: Heads whose phrase means the national forces as a whole: these merge ("Afghan troops" = "Afghan forces").
NATIONAL_FORCE_HEADS = {"forces", "troops", "soldiers", "soldier", "personnel", "servicemen"}
#: Modifiers that keep a phrase the national forces ("Afghan national defense and security forces").
NATIONAL_FILLERS = {"security", "national", "defense", "defence", "and", "government", "armed", "state",
                    "regular", "loyalist", "-"}
GENERIC_QUALIFIERS = {"government", "security", "pro-government", "regime", "state", "army"}
MULTINATIONAL = {"coalition", "international", "allied", "foreign", "western", "nato", "u.n.", "un",
                 "peacekeeping", "multinational"}
#: Last words of an organisation name that make it a Force ("Iraqi Army", "Anbar Operations Command").
FORCE_NAME_HEADS = {"army", "forces", "force", "command", "division", "brigade", "battalion", "regiment",
                    "corps", "navy", "guard", "guards", "marines", "police", "gendarmerie", "militia"}
UNIT_WORDS = {"headquarters", "division", "brigade", "battalion", "command", "unit", "base", "post", "convoy",
              "chief", "spokesman", "spokeswoman", "commander", "official", "officer"}
ARMED_GROUP_HEADS = {"militia", "militias", "militiamen", "rebels", "insurgents"}
#: Group names of ethnicities and faiths: neither actor nor place on their own.
ETHNONYMS = {"pashtun", "pashtuns", "tajik", "tajiks", "hazara", "hazaras", "uzbeks", "kurd", "kurds", "baluch",
             "baloch", "shiite", "shiites", "shia", "sunni", "sunnis", "muslim", "muslims", "christian",
             "christians", "arab", "arabs", "alawite", "alawites", "druze", "yazidi", "yazidis", "rohingya",
             "bamar", "tuareg", "fulani", "arabic", "english", "dari", "pashto", "jewish", "jews", "islamic",
             "tutsi", "tutsis", "hutu", "hutus", "banyamulenge", "oromo", "oromos", "tigrayan", "tigrayans",
             "amharas", "dinka", "nuer", "masalit", "zaghawa", "hausa", "kanuri", "yoruba", "igbo", "dogon",
             "bambara", "peul", "fulbe", "tuaregs", "mossi", "isaaq", "hawiye", "darod", "catholic", "catholics",
             "orthodox", "hindu", "hindus", "sikh", "sikhs", "buddhist", "buddhists"}
MONTHS_AND_DAYS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                   "saturday", "sunday", "today", "yesterday"}
MINISTRY_TOPICS = {"defense": "Defense", "defence": "Defense", "interior": "Interior", "foreign": "Foreign Affairs",
                   "health": "Health", "information": "Information", "justice": "Justice", "finance": "Finance"}
PLACE_TYPES = {"City", "Province", "District", "Country"}
#: "the town of X": X is a town even when no gazetteer lists it.
TOWN_WORDS = {"town", "city", "village"}
#: Second-level units: Afghan districts, Congolese territories, Liberian or Kenyan sub-counties.
DISTRICT_WORDS = {"district", "territory", "county"}
#: Words that, after a name, say what kind of place it is ("Somali Region", "Kunduz province").
PLACE_KIND_WORDS = {"region", "province", "state", "district", "oblast", "governorate", "city", "town", "county",
                    "zone", "territory", "prefecture", "department"}


def _set(span: Span, canonical: str | None, origin: str, links: dict | None = None) -> Span:
    span._.kg_canonical = canonical
    span._.kg_origin = origin
    span._.kg_links = links if links is not None else {}
    return span


def _retype(span: Span, label: str, canonical: str | None = None, origin: str | None = None,
            start: int | None = None, end: int | None = None) -> Span:
    """A copy of ``span`` with another label (and optionally other bounds), keeping its annotations."""
    new = Span(span.doc, span.start if start is None else start, span.end if end is None else end, label=label)
    links = span._.kg_links if label == span.label_ else {}
    return _set(new, canonical if canonical is not None else span._.kg_canonical, origin or span._.kg_origin,
                links)


def plain_name(span: Span) -> str:
    """The span's text without a leading article and a trailing possessive."""
    tokens = list(span)
    while tokens and tokens[0].lower_ in ("the", "a", "an"):
        tokens = tokens[1:]
    while tokens and tokens[-1].lower_ in ("'s", "\u2019s", "'", "\u2019"):
        tokens = tokens[:-1]
    if not tokens:
        return span.text
    return span.doc[tokens[0].i: tokens[-1].i + 1].text


class EntityTyper:
    """Give every entity one of the nine types and a canonical name; drop the rest."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.nlp = nlp

    def gazetteer(self) -> Gazetteer:
        """The data of the pipeline's kg_gazetteer (looked up, not copied: users' files load later)."""
        for _, component in self.nlp.pipeline:
            if isinstance(component, GazetteerComponent):
                return component.data
        return Gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        gaz = self.gazetteer()
        ents = _longest_first([_extend_spaced_link(_extend_hyphens(_extend_person(span))) for span in doc.ents])
        spans = [typed for span in ents if (typed := self._type(span, gaz)) is not None
                 and not _adjective_before_noun(typed, gaz)]
        spans = _merge(spans, _place_words(doc, spans, gaz) + _bylines(doc, spans))
        spans = sorted(spans + _unnamed_officials(doc, spans), key=lambda s: s.start)
        spans = _headline_filter(doc, spans)
        phrases = (_force_phrases(doc, spans, gaz) + _demonym_actors(doc, spans, gaz) + _coalitions(doc, spans)
                   + _groups_named_before_fighters(doc, spans, gaz)
                   + _government_phrases(doc, spans, gaz) + _same_name_provinces(doc, spans, gaz))
        phrases = [p for p in phrases if not in_headline(p)]  # Title Case there makes every noun a name
        spans = _merge(spans, phrases)
        spans = _acronyms(doc, spans)
        spans = _propagate_places(spans, gaz)
        spans = _surnames(spans)
        spans = _officials(spans)
        _home_forces(spans, gaz)
        for span in spans:
            if span._.kg_canonical is None:
                span._.kg_canonical = plain_name(span)
            if span._.kg_links is None:
                span._.kg_links = {}
        doc.ents = spans
        return doc

    def _type(self, span: Span, gaz: Gazetteer) -> Span | None:
        """Type one span from its NER label, its own words and its immediate context."""
        span = _trim_titles(span)
        if span is None or _is_junk(span):
            return None
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        before = doc[span.start - 2: span.start] if span.start >= 2 else None
        name = plain_name(span)
        if span.label_ in ENTITY_TYPES:
            typed = span
        else:
            label = NER_TO_TYPE.get(span.label_)
            last = span[-1].lower_
            if span.label_ in ("ORG", "NORP", "GPE", "PERSON") and last in ARMED_GROUP_HEADS:
                label = "ArmedGroup"
            elif span.label_ in ("ORG", "NORP", "GPE") and last in FORCE_NAME_HEADS and _rebel_name(span):
                label = "ArmedGroup"  # "Sudan Liberation Army", "Kachin Independence Army"
            elif span.label_ in ("ORG", "GPE", "PERSON") and after is not None and after.lower_ in GROUP_WORDS | FIGHTER_WORDS:
                label = "ArmedGroup"  # "the CSP-DPA rebel alliance", "the M23 militia"
            elif span.label_ in ("ORG", "NORP", "GPE") and last in FORCE_NAME_HEADS and len(span) > 1:
                label = "Force"
            elif span.label_ == "ORG" and last in ("ministry",):
                return _set(_retype(span, "Organization"), _ministry_name(span, gaz), "ministry")
            elif span.label_ == "ORG" and name.lower().startswith("government of "):
                country = gaz.lookup(name[len("government of "):])
                adjective = _adjective_of(country[1]["name"], gaz) if country and country[0] == "Country" else None
                if adjective:
                    return _set(_retype(span, "Organization"), f"{adjective} government", "government")
            elif span.label_ in ("ORG", "GPE", "NORP") and _titled_name(span):
                label = "Official"
            if label is None and span.label_ == "LOC" and after is not None and after.lower_ in ("province", "district"):
                label = "City"
            if span.label_ in ("GPE", "LOC", "ORG", "PERSON") and last in ("province", "district") and len(span) > 1:
                stem = doc[span.start: span.end - 1].text if span[0].lower_ != "the" else doc[span.start + 1: span.end - 1].text
                if last == "district":
                    return _set(Span(doc, span.start, span.end, label="District"), stem, "place-word")
                entry = gaz.province_named(stem)
                return _set(Span(doc, span.start, span.end, label="Province"),
                            entry["name"] if entry else f"{stem} Province", "place-word", links_of(entry) if entry else {})
            if label is None:
                return None
            typed = _set(Span(doc, span.start, span.end, label=label), None, "ner")
        if after is not None and after.is_lower and typed._.kg_origin == "ner" and typed.label_ in ("Person", "Organization", "City"):
            if after.lower_ in ("village", "town"):
                return _retype(typed, "City", name, "place-word")  # "Zarghun village"
            if after.lower_ in NOT_ACTOR_PLACES:
                return None  # "Zamzam camp", "Bagram airfield": neither actor nor one of the place types
        kind = _apposition_kind(typed) if typed.label_ in ("Person", "Organization", "City") else None
        if kind is not None and kind != typed.label_:  # "Zaranj, the capital of Nimroz", "Dehdadi, a district in"
            return _retype(typed, kind, name, "apposition")
        # "Kunduz province", "Sangin district", "Kunduz city": the following word says what the place is.
        if typed.label_ in ("City", "Province", "District", "Person", "Organization") and after is not None:
            if after.lower_ == "province" and typed.label_ != "Province":
                return _retype(typed, "Province", gaz.province_label(name), "place-word", end=after.i + 1)
            if after.lower_ in ("oblast", "governorate", "region", "state") and typed.label_ in ("City", "Person", "Organization"):
                canonical = gaz.province_label(name, after.text.capitalize())
                return _retype(typed, "Province", canonical, "place-word", end=after.i + 1)
            if after.lower_ in DISTRICT_WORDS and typed.label_ in ("City", "Person", "Organization", "District"):
                return _retype(typed, "District", name, "place-word", end=after.i + 1)
            if after.lower_ == "city" and after.is_lower and typed.label_ in ("City", "Person", "Organization") \
                    and name not in gaz.adjectives:  # "the eastern Ukrainian city" is no city named Ukrainian
                return _retype(typed, "City", typed._.kg_canonical or name, "place-word", end=after.i + 1)
        if before is not None and before[1].lower_ == "of" and typed.label_ not in ("Country",):
            word = before[0].lower_
            if word == "province" and typed.label_ != "Province":
                return _retype(typed, "Province", gaz.province_label(name), "place-word")
            if word == "district" and typed.label_ not in ("District", "Province", "Country"):
                return _retype(typed, "District", name, "place-word")
            if word in ("town", "city", "village") and typed.label_ in ("Person", "Organization"):
                return _retype(typed, "City", name, "place-word")  # "the coastal town of Harardhere"
            # "the provincial capital of Lashkar Gah", "the capital of Sanaa": the name is the capital itself.
            provincial = span.start >= 3 and doc[span.start - 3].lower_ in ("provincial", "regional")
            national_capital = typed.label_ == "City" and _entry(typed, gaz).get("capital_of")
            if word == "capital" and typed.label_ in ("City", "Person", "Organization") and not (provincial or national_capital):
                return _retype(typed, "Province", gaz.province_label(name), "capital-of")
        kind = _kind_named_after(typed)
        if kind is not None and typed.label_ in ("City", "Person", "Organization"):
            label, word = kind
            if label == "District":
                return _retype(typed, "District", name, "place-word")
            # named as "Galmudug state" would be
            return _retype(typed, "Province", gaz.province_label(name, word), "place-word")
        if _place_by_role(typed):
            return _retype(typed, "City", name, "place-role")
        return typed


#: Kind words that follow two coordinated names ("the Amhara and Afar regions") and what they make of both.
PLURAL_KINDS = {"regions": ("Province", "Region"), "provinces": ("Province", "Province"),
                "states": ("Province", "State"), "oblasts": ("Province", "Oblast"),
                "districts": ("District", "District"), "territories": ("District", "Territory")}


def _kind_named_after(span: Span) -> tuple[str, str] | None:
    """(type, kind word) for 'Mobbar local government area' (a Nigerian district) and for both names of
    'the Amhara and Afar regions'."""
    doc, end = span.doc, span.end
    following = [t.lower_ for t in doc[end: end + 3]]
    if following == ["local", "government", "area"]:
        return "District", "District"
    if following[:1] in (["and"], [","]) and len(following) == 3 and doc[end + 1].is_title:
        return PLURAL_KINDS.get(following[2])  # "Amhara and Afar regions"
    if following[:1] and following[0] in PLURAL_KINDS and span.start > 0 and doc[span.start - 1].text in ("and", ","):
        return PLURAL_KINDS[following[0]]  # the second of the two: "Afar regions", "Blue Nile states"
    return None


#: Prepositions of place: a one-word name the NER calls a person after them is a town ("fighting near Anefis").
PLACE_PREPOSITIONS = {"near", "outside", "around", "towards", "toward", "into", "in"}
#: Verbs whose object is a place when it is not a known actor ("the army retook Anefis").
PLACE_TAKING_VERBS = {"capture", "seize", "retake", "recapture", "overrun", "occupy",
                      "retook", "overran"}  # irregular pasts the small model's lemmatiser leaves as they are


def _place_by_role(span: Span) -> bool:
    """A one-word name the NER typed as a person or organisation that stands where only a place can: the small
    towns no gazetteer lists ("clashes near Maungdaw", "the army retook Anefis")."""
    if span._.kg_origin != "ner" or span.label_ not in ("Person", "Organization") or " " in span.text:
        return False  # one word, maybe hyphenated ("Croix-des-Bouquets")
    token = span.root
    if token.is_upper or not token.is_title:  # "RSF", "MINUSMA": acronyms name organisations
        return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in PLACE_PREPOSITIONS:
        return span.label_ == "Person" or head.lower_ not in ("in", "into")  # "in Hamas", "into the RSF"
    return token.dep_ in ("dobj", "nsubjpass") and (head.lemma_.lower() in PLACE_TAKING_VERBS
                                                     or head.lower_ in PLACE_TAKING_VERBS)


TITLE_ABBREVIATIONS = {"col", "gen", "lt", "maj", "capt", "sgt", "adm", "brig", "cpl", "pvt", "cmdr", "lt.",
                       "col.", "gen.", "maj.", "capt.", "sgt."}
#: Weapons and equipment that the NER takes for organisations.
EQUIPMENT = {"ied", "ieds", "vbied", "vbieds", "rpg", "rpgs", "himars", "manpads", "atgm", "atgms", "uav", "uavs",
             "drone", "drones", "humvee", "humvees", "mrap", "mraps"}


def _trim_titles(span: Span) -> Span | None:
    """'U.S. Army Col' -> 'U.S. Army': a military title at the end of an organisation belongs to the next name."""
    end = span.end
    while end > span.start and span.doc[end - 1].lower_.rstrip(".") in {t.rstrip(".") for t in TITLE_ABBREVIATIONS}:
        end -= 1
    if end == span.end:
        return span
    if end == span.start:
        return None
    trimmed = Span(span.doc, span.start, end, label=span.label_)
    _set(trimmed, span._.kg_canonical, span._.kg_origin, span._.kg_links)
    return trimmed


#: Words that make a capitalised name an organisation's, not a person's.
ORGANISATION_WORDS = {"council", "ministry", "department", "party", "agency", "committee", "commission", "office",
                      "society", "union", "bank", "group", "front", "movement", "news", "times", "post", "press",
                      "network", "service", "institute", "university", "company", "corporation", "association"}


def _titled_name(span: Span) -> bool:
    """A two- or three-word Title Case name right after a role word ('lawmaker Hashim Alokozai') is a person."""
    doc = span.doc
    if not 2 <= len(span) <= 3 or not all(t.is_title and t.is_alpha for t in span):
        return False
    if any(t.lower_ in FORCE_NAME_HEADS | ORGANISATION_WORDS for t in span):
        return False
    titled = span.start > 0 and doc[span.start - 1].lower_ in ROLE_WORDS and doc[span.start - 1].is_lower
    return titled or _has_role(span)


#: Lower-case links inside hyphenated place names (Mazar-i-Sharif, Qala-e-Zal, Deir ez-Zor).
HYPHEN_LINKS = {"e", "i", "ul", "al", "el", "ez", "az", "as", "ad", "ash", "e-", "o",
                "des", "de", "du", "la", "le", "les", "sur", "au", "aux", "da", "do", "dos", "das", "del", "di"}
#: Lower-case words inside spaced place names: "Mocimboa da Praia", "Ciudad del Este".
SPACED_LINKS = {"da", "de", "do", "dos", "das", "del", "di", "du", "des"}


def _extend_hyphens(span: Span) -> Span:
    """'Qala' + '-e-Zal': a name goes on over hyphens written without spaces."""
    doc, start, end = span.doc, span.start, span.end
    while (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
           and not doc[end].whitespace_ and (doc[end + 1].is_title or doc[end + 1].is_upper
                                             or doc[end + 1].text in HYPHEN_LINKS)):
        end += 2  # "CSP-DPA", "Qala-e-Zal"; not "Iran-backed", "U.S.-led"
    while (start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_
           and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha and doc[start - 2].is_title):
        start -= 2
    if start >= 3 and doc[start - 1].text in HYPHEN_LINKS and doc[start - 2].text == "-" and doc[start - 3].is_title:
        start -= 3  # "Nad-e Ali"
    if (start, end) == (span.start, span.end):
        return span
    new = Span(doc, start, end, label=span.label_)
    return _set(new, None if span._.kg_origin == "gazetteer" else span._.kg_canonical, "ner", {})


def _extend_spaced_link(span: Span) -> Span:
    """'Mocimboa da Praia': a name that goes on to the left over a lower-case link word is another, longer
    name (not the Praia the gazetteer knows), so it keeps no links."""
    doc, start = span.doc, span.start
    if not (start >= 2 and doc[start - 1].text in SPACED_LINKS and doc[start - 2].is_title
            and doc[start - 2].is_alpha and doc[start - 2].ent_type_ == "" and not doc[start - 2].is_sent_start):
        return span
    while start - 3 >= 0 and doc[start - 3].is_title and doc[start - 3].is_alpha and doc[start - 3].ent_type_ == "" \
            and doc[start - 3].pos_ == "PROPN":
        start -= 1
    return _set(Span(doc, start - 2, span.end, label=span.label_), None, "ner", {})


def _extend_person(span: Span) -> Span:
    """'Abdrabbu' + 'Mansour Hadi': a person's name takes in the capitalised names just before it."""
    if span.label_ != "PERSON":
        return span
    doc, start = span.doc, span.start
    while (start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and doc[start - 1].is_alpha
           and doc[start - 1].ent_type_ in ("", "PERSON") and doc[start - 1].lower_ not in ROLE_WORDS):
        start -= 1
    if start == span.start:
        return span
    return Span(doc, start, span.end, label="PERSON")


def _place_words(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """'Sangin district', 'Qala-e-Zal District', 'Takhar province' where the NER saw no name."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = []
    for token in doc:
        if token.lower_ in TOWN_WORDS and token.i not in taken:
            named = _name_after_of(doc, token, taken)
            if named is not None:  # "the town of Damasak" where the NER saw no name
                found.append(_set(Span(doc, named.start, named.end, label="City"), named.text, "place-word"))
            continue
        if token.lower_ not in DISTRICT_WORDS | {"province"} or token.i == 0 or token.i in taken:
            continue
        named = _name_after_of(doc, token, taken)
        if named is not None:  # "the district of Qala-e-Zal"
            found.append(_set(named, named.text, "place-word") if token.lower_ in DISTRICT_WORDS else
                         _set(Span(doc, named.start, named.end, label="Province"), f"{named.text} Province", "place-word"))
            continue
        start = token.i
        while start > 0 and (doc[start - 1].is_title or (doc[start - 1].text == "-" and not doc[start - 1].whitespace_)
                             or (doc[start - 1].text in HYPHEN_LINKS and start >= 2 and doc[start - 2].text == "-")
                             ) and doc[start - 1].i not in taken:
            start -= 1
        while start < token.i and not doc[start].is_title:
            start += 1
        if start == token.i or doc[start].is_sent_start and doc[start].pos_ != "PROPN":
            continue
        name = doc[start: token.i].text
        if in_headline(doc[start: token.i]) or name in gaz.adjectives or doc[token.i - 1].pos_ not in ("PROPN", "NOUN"):
            continue
        if token.lower_ in DISTRICT_WORDS:
            found.append(_set(Span(doc, start, token.i + 1, label="District"), name, "place-word"))
        else:
            entry = gaz.province_named(name)
            found.append(_set(Span(doc, start, token.i + 1, label="Province"),
                              entry["name"] if entry else f"{name} Province", "place-word",
                              links_of(entry) if entry else {}))
    return found


def _name_after_of(doc: Doc, token: Token, taken: set[int]) -> Span | None:
    """The capitalised (maybe hyphenated) name in 'district of <name>', or None."""
    i = token.i + 2
    if i >= len(doc) or doc[token.i + 1].lower_ != "of" or not doc[i].is_title or i in taken:
        return None
    end = i + 1
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and (
            doc[end + 1].is_title or doc[end + 1].text in HYPHEN_LINKS):
        end += 2
    while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN" and end not in taken:
        end += 1
    if any(k in taken for k in range(i, end)):
        return None
    return Span(doc, i, end, label="District")


def _bylines(doc: Doc, spans: list[Span]) -> list[Span]:
    """'By Jane Doe and John Roe' on a line of its own: the authors are Persons."""
    found = []
    for token in doc:
        if token.text != "By" or not (token.i == 0 or "\n" in doc[token.i - 1].text):
            continue
        i = token.i + 1
        while i < len(doc) and "\n" not in doc[i].text:
            start = i
            while i < len(doc) and doc[i].is_title and doc[i].is_alpha or (i < len(doc) and doc[i].text == "-" and start < i):
                i += 1
            if i - start >= 2:
                found.append(_set(Span(doc, start, i, label="Person"), None, "byline"))
            if i < len(doc) and doc[i].lower_ in ("and", ",", "&"):
                i += 1
                continue
            break
    return found


#: Lower-case words after a name that make it a site, which is none of the nine types.
NOT_ACTOR_PLACES = {"camp", "airport", "airfield", "base", "river", "valley", "crossing", "prison", "hospital",
                    "mosque", "market", "bridge", "dam", "highway", "road", "square", "mountains", "mountain"}
#: Words right after a name that make it an armed group's.
GROUP_WORDS = {"rebel", "rebels", "militia", "militias", "militant", "militants", "jihadist", "jihadists",
               "insurgent", "insurgents", "guerrilla", "guerrillas", "paramilitary", "paramilitaries"}
#: Words in the name of an army that make it a rebel army, not a state's.
REBEL_WORDS = {"liberation", "independence", "resistance", "revolutionary", "free", "people's", "popular",
               "islamic", "salvation", "rebel", "patriotic", "mujahideen", "jihad", "democratic"}


def _rebel_name(span: Span) -> bool:
    return any(t.lower_ in REBEL_WORDS for t in span)


APPOSITION_KINDS = {"capital": "City", "city": "City", "town": "City", "village": "City", "district": "District"}


def _apposition_kind(span: Span) -> str | None:
    """The place type a following apposition gives a name: ', the capital of' / ', the provincial capital' /
    ', a town in' make it a City, ', a district in' a District; None otherwise."""
    words = [t.lower_ for t in span.doc[span.end: span.end + 5]]
    if not words or words[0] != ",":
        return None
    words = words[1:]
    if words and words[0] in ("the", "a"):
        words = words[1:]
    while words and words[0] in ("provincial", "small", "key", "strategic", "northern", "southern", "eastern",
                                 "western", "nearby", "border", "rural", "remote"):
        words = words[1:]
    return APPOSITION_KINDS.get(words[0]) if words else None


def _entry(span: Span, gaz: Gazetteer) -> dict:
    """The gazetteer entry a span was matched to ({} for other spans)."""
    if span._.kg_origin != "gazetteer" or span._.kg_canonical is None:
        return {}
    return gaz.entries.get((span.label_, span._.kg_canonical), {})


def _is_junk(span: Span) -> bool:
    text = span.text.strip()
    words = [t for t in span if any(ch.isalpha() for ch in t.text)]
    if not words or span.label_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY",
                                     "LAW", "LANGUAGE", "EVENT", "WORK_OF_ART", "PRODUCT"):
        return True
    if span.label_ not in ENTITY_TYPES:
        if text.islower() or all(t.lower_ in MONTHS_AND_DAYS for t in words):
            return True
        if len(words) == 1 and words[0].lower_ in ETHNONYMS | EQUIPMENT:
            return True
        if len(span) == 1 and span[0].is_sent_start and span[0].tag_ in ("NN", "NNS") and span.label_ == "ORG":
            return True  # "Media reported ...": a capitalised common noun at the start of a sentence
        if len(span) == 1 and span.end < len(span.doc) and span.doc[span.end].lower_ in ROLE_WORDS:
            return True  # "Defense Secretary James Mattis": the NER's "Defense" is part of a title
        before = span.doc[max(0, span.start - 2): span.start]
        if len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in ("secretary", "minister", "ministry"):
            return True  # "Secretary of Defense": part of a title
        if any(t.like_num for t in span) and span[-1].lower_ not in FORCE_NAME_HEADS:
            return True
        if any(ch.isdigit() for ch in text) and span[-1].lower_ not in FORCE_NAME_HEADS:
            return True
    return False


#: Doc.user_data key: the offset where the article's headline ends (0: the text has no headline). Set by
#: kg.extract.pipeline from the Article; a Doc made from bare text falls back to its first line.
HEADLINE_END = "kg_headline_end"
#: A first line longer than this is a paragraph, not a headline.
MAX_HEADLINE_CHARS = 250


def in_headline(span: Span) -> bool:
    """True inside the title of an article: Title Case there fools the NER."""
    return span.start_char < _headline_end(span.doc)


def _headline_end(doc: Doc) -> int:
    """Computed once per Doc (``Doc.text`` is rebuilt on every access, so asking it for each span made long
    articles quadratic)."""
    end = doc.user_data.get(HEADLINE_END)
    if end is None:
        end = 0
        for token in doc:
            found = token.text_with_ws.find("\n")
            if found != -1:
                newline = token.idx + found
                rest_has_text = any(not t.is_space for t in doc[token.i + 1:token.i + 3])
                end = newline if newline <= MAX_HEADLINE_CHARS and rest_has_text else 0
                break
        doc.user_data[HEADLINE_END] = end
    return end


def _adjective_before_noun(span: Span, gaz: Gazetteer) -> bool:
    """'Somali troops', 'Afar fighters': a place whose name is also a country's adjective (Ethiopia's Somali
    Region), written before a noun that is no place word, is the adjective."""
    doc = span.doc
    if span.label_ not in ("City", "Province", "District") or span.text not in gaz.adjectives:
        return False
    following = next((t for t in doc[span.end:] if t.pos_ != "ADJ"), None)  # "the Somali militant group"
    return (following is not None and following.pos_ in ("NOUN", "PROPN")
            and following.lower_ not in PLACE_KIND_WORDS - {"city", "town"})  # "Ukrainian city", not "Somali Region"


def _headline_filter(doc: Doc, spans: list[Span]) -> list[Span]:
    """Keep a headline's names only when the body names them too, unless the gazetteer knows them as an
    actor: in Title Case every word looks like a name ("Officials Say" is not the town of Say)."""
    body = {plain_name(s).lower() for s in spans if not in_headline(s)}
    trusted = {"ArmedGroup", "Force", "Organization", "Country"}
    return [s for s in spans if not in_headline(s) or plain_name(s).lower() in body
            or s._.kg_origin == "gazetteer" and s.label_ in trusted]


NESTED_KEY = "kg_nested"


def _merge(spans: list[Span], phrases: list[Span]) -> list[Span]:
    """Phrase rules win over the NER spans they overlap; gazetteer names inside a phrase give way too.

    A country named inside a phrase ("U.S. forces", "the government of Iraq") is still a mention of the
    country: it is kept in ``doc.spans["kg_nested"]``, which ``to_mentions`` reads beside ``doc.ents``.
    """
    taken = set()
    out = []
    for phrase in _longest_first(phrases):
        out.append(phrase)
        taken.update(range(phrase.start, phrase.end))
    for span in spans:
        if not taken.intersection(range(span.start, span.end)):
            out.append(span)
        elif span.label_ == "Country" and span._.kg_origin == "gazetteer" and span.doc.spans is not None:
            nested = list(span.doc.spans.get(NESTED_KEY, []))
            if all((s.start, s.end) != (span.start, span.end) for s in nested):
                span.doc.spans[NESTED_KEY] = [*nested, span]
    return sorted(out, key=lambda s: s.start)


# ----- forces
def _qualifier(doc: Doc, tokens: list[Token], spans_at: dict[int, Span], gaz: Gazetteer) -> tuple[str, str] | None:
    """What a force phrase's modifiers say about whose force it is: ("national", "Afghan"), ("generic", ...)."""
    for token in tokens:
        span = spans_at.get(token.i)
        if span is not None and span.label_ == "Country":
            adjective = _adjective_of(span._.kg_canonical or span.text, gaz)
            if adjective:
                return "national", adjective
        if token.text in gaz.adjectives:
            return "national", _adjective_of(gaz.adjectives[token.text], gaz) or token.text
    for token in tokens:
        if token.lower_ in MULTINATIONAL:
            return "multinational", token.text
    for token in tokens:
        if token.lower_ in GENERIC_QUALIFIERS:
            return "generic", token.lower_
    return None


def _adjective_of(country: str, gaz: Gazetteer) -> str | None:
    for adjective, name in gaz.adjectives.items():
        if name == country:
            return adjective
    return None


MODIFIER_POS = {"ADJ", "NOUN", "PROPN", "CCONJ", "PART"}


def _modifier_start(doc: Doc, head: Token) -> int:
    """Start of the run of modifiers right before a head noun ("Afghan national defense and security")."""
    start = head.i
    while start > 0:
        prev = doc[start - 1]
        if prev.pos_ == "CCONJ" and start >= 2 and doc[start - 2].tag_ in ("NNS", "NNPS", "NNP"):
            break  # "insurgents and Afghan troops", "SAF and Sudanese troops": two phrases, not one
        if prev.pos_ in MODIFIER_POS and prev.lower_ not in ("more", "most", "than", "other", "some", "many", "or", "but"):
            start -= 1
        elif prev.text == "-" and start >= 2 and not doc[start - 2].whitespace_:
            start -= 1
        else:
            break
    while start < head.i and doc[start].pos_ in ("CCONJ", "PART"):
        start += 1
    return start


def _force_phrases(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """'Afghan security forces', 'government troops', 'U.S. forces', 'Afghanistan's army' as Force."""
    spans_at = {i: s for s in spans for i in range(s.start, s.end)}
    found = []
    for head in doc:
        if head.lower_ not in FORCE_HEADS | ARMED_GROUP_HEADS or head.pos_ not in ("NOUN", "PROPN"):
            continue
        owner = spans_at.get(head.i)
        if owner is not None and (owner._.kg_origin == "gazetteer" or owner.end != head.i + 1):
            continue  # a known name, or a word inside a longer name ("16th Iraqi Army Division")
        if head.dep_ == "compound" and head.head.i == head.i + 1 and (
                head.head.tag_ in ("NNS", "NNPS") or head.head.lower_ in UNIT_WORDS):
            continue  # "Iraqi Army brigades", "army headquarters": the phrase goes on
        start = _modifier_start(doc, head)
        modifiers = [t for t in doc[start: head.i] if not t.is_punct or t.text == "-"]
        if not modifiers and head.lower_ not in ARMED_GROUP_HEADS:
            continue
        possessor = next((t for t in modifiers if t.lower_ in ("'s", "\u2019s")), None)
        if possessor is not None and not (possessor.i - 1 in spans_at and spans_at[possessor.i - 1].label_ == "Country"):
            continue  # "the government's most elite forces": a part of some force, not a force of its own
        # A proper name of its own in the phrase ("Taliban fighters", "Wagner troops") is not a Force phrase.
        inner = [spans_at[t.i] for t in modifiers if t.i in spans_at and spans_at[t.i] is not owner]
        if any(s.label_ in ("ArmedGroup", "Force", "Organization", "Person", "Official") for s in inner):
            if head.lower_ in ARMED_GROUP_HEADS or any(s.label_ in ("Person", "Official") for s in inner):
                continue
            if not any(s.label_ == "Organization" and s.text in ("NATO", "U.N.", "UN") for s in inner):
                continue
        if head.lower_ in ARMED_GROUP_HEADS:
            if any(_code_name(t, gaz) for t in modifiers):
                continue  # "CODECO militiamen": the group has a name (_groups_named_before_fighters)
            if head.lower_ in ("militia", "militias", "militiamen"):
                span = Span(doc, start, head.i + 1, label="ArmedGroup")
                found.append(_set(span, "militias", "force-phrase"))
            continue
        qualifier = _qualifier(doc, modifiers, spans_at, gaz)
        if qualifier is None:
            continue
        kind, who = qualifier
        middle = [t.lower_ for t in modifiers if not (t.i in spans_at and spans_at[t.i].label_ == "Country")
                  and t.text not in gaz.adjectives and t.lower_ not in ("'s", "\u2019s")]
        # Lower-case "army" is the country's forces ("the Russian army"); "Iraqi Army" names an institution.
        national_head = head.lower_ in NATIONAL_FORCE_HEADS or head.text in ("army", "military")
        national = national_head and set(middle) <= NATIONAL_FILLERS | MULTINATIONAL
        if kind == "national" and national:
            canonical = gaz.national_forces(who)
        elif kind == "multinational" and national:
            canonical = "coalition" if who.lower() == "coalition" else f"{who} forces"
        elif kind == "generic" and national:
            canonical = "government forces"
            kind = "generic"
        else:
            kind = "unit"  # "Afghan special security forces", "U.S. military": named by its own words
            canonical = None
        span = Span(doc, start, head.i + 1, label="Force")
        found.append(_set(span, canonical, f"force-phrase:{kind}"))
    return found


def _coalitions(doc: Doc, spans: list[Span]) -> list[Span]:
    """'the coalition', 'the U.S.-led coalition', 'the Saudi-led coalition' as a Force. One article's
    coalitions are one unless it names two leaders."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = []
    for token in doc:
        if token.lower_ != "coalition" or token.i in taken or token.dep_ == "compound" or token.i == 0:
            continue
        start = token.i
        if start >= 3 and doc[start - 1].lower_ == "led" and doc[start - 2].text == "-":
            start -= 3  # "<Saudi>-led coalition"
            while start > 0 and doc[start - 1].text == "-" and start >= 2:
                start -= 2
        if start == token.i and doc[start - 1].lower_.endswith("-led"):
            start -= 1  # "U.S.-led" is one token
        if start == token.i and doc[token.i - 1].lower_ != "the":
            continue  # "a coalition of parties": a coalition, not the one fighting
        found.append(_set(Span(doc, start, token.i + 1, label="Force"), None, "force-phrase:coalition"))
    leaders = {plain_name(s) for s in found if len(s) > 1}
    for span in found:
        span._.kg_canonical = plain_name(span) if len(span) > 1 or len(leaders) != 1 else next(iter(leaders))
    return found


#: Plural nouns after which a short unknown name is an armed group's: "M23 rebels", "ADF militants".
FIGHTER_WORDS = {"rebels", "militants", "jihadists", "insurgents", "guerrillas", "militiamen", "fighters",
                 "gunmen", "militia", "militias"}


def _groups_named_before_fighters(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """'M23 rebels took Kitshanga', 'CODECO militia attacked a camp': an acronym or code name that no
    gazetteer knows, right before a word for fighters, names an armed group."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = []
    for token in doc[:-1]:
        if token.i in taken or doc[token.i + 1].lower_ not in FIGHTER_WORDS:
            continue
        if _code_name(token, gaz):
            found.append(_set(Span(doc, token.i, token.i + 1, label="ArmedGroup"), token.text, "group-before-fighters"))
    return found


def _code_name(token: Token, gaz: Gazetteer) -> bool:
    """An acronym or code name ('ADF', 'M23', 'CODECO'), not a country's adjective or a number."""
    text = token.text
    shaped = len(text) >= 2 and (text.isupper() and text.isalpha() or any(c.isdigit() for c in text)
                                 and text[0].isupper() and any(c.isalpha() for c in text))
    return (shaped and text not in gaz.adjectives and text.lower() not in ETHNONYMS | EQUIPMENT
            and token.ent_type_ != "NORP")


#: What a people does that an army does not: their plural demonym is then no Force.
CIVILIAN_VERBS = {"flee", "die", "live", "vote", "protest", "queue", "wait", "shelter", "starve", "suffer",
                  "emigrate", "migrate", "travel", "celebrate", "mourn", "pray", "work", "buy", "need", "want",
                  "feel", "believe", "support", "oppose", "elect", "return", "evacuate", "displace"}


def _demonym_actors(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """'the Russians', 'Ukrainians' as the subject or object of an action: that country's forces."""
    found = []
    for token in doc:
        adjective = gaz.plurals.get(token.text)
        if adjective is None or token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj"):
            continue
        if token.dep_ == "pobj" and token.head.lower_ not in ("by", "against", "with", "from", "to"):
            continue
        if any(c.dep_ in ("amod", "compound", "nummod") for c in token.children):
            continue
        if token.head.lemma_ in CIVILIAN_VERBS:
            continue  # "Afghans fled to Pakistan": people, not an army
        span = Span(doc, token.i, token.i + 1, label="Force")
        found.append(_set(span, gaz.national_forces(adjective), "force-phrase:national"))
    return found


DASHES = {"\u2014", "\u2013", "--", "-"}


def _home_forces(spans: list[Span], gaz: Gazetteer) -> None:
    """'government forces' and 'security forces' are the forces of the country an article is about:
    the nation whose forces it names most, when one does; else the one country it names most."""
    home = _most_named_forces(spans, gaz)
    if home is None:
        return
    for span in spans:
        if span._.kg_origin == "force-phrase:generic":
            span._.kg_canonical = home


def _before_dateline_dash(span: Span) -> bool:
    """'Afghanistan —' ends a dateline; 'Iran-backed' (no space before the hyphen) does not."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].text in DASHES and bool(span[-1].whitespace_)


def _most_named_forces(spans: list[Span], gaz: Gazetteer) -> str | None:
    national = [s._.kg_canonical for s in spans if s._.kg_origin == "force-phrase:national"
                or s._.kg_origin == "gazetteer" and s._.kg_canonical in gaz.forces.values()]
    countries = Counter(s._.kg_canonical for s in spans if s.label_ == "Country")
    for span in spans:  # a dateline ("KABUL, Afghanistan -") says where the story is
        if span.label_ == "Country" and _before_dateline_dash(span):
            countries[span._.kg_canonical] += 3
    if national:
        counts = Counter(national)
        for canonical in counts:  # "Afghan forces" gains from every "Afghanistan" in the article
            counts[canonical] += countries[gaz.country_of_forces(canonical)]
        first_named = {canonical: i for i, canonical in reversed(list(enumerate(national)))}
        return max(counts, key=lambda canonical: (counts[canonical], -first_named[canonical]))
    ranked = countries.most_common(2)
    # Only a clear favourite, named more than once, stands for "the government" of an article.
    if ranked and ranked[0][1] > 1 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return gaz.forces_of_country(ranked[0][0])
    return None


# ----- governments, ministries, councils
def _government_phrases(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    spans_at = {i: s for s in spans for i in range(s.start, s.end)}
    found = []
    for token in doc:
        lower = token.lower_
        if lower == "government" and token.pos_ in ("NOUN", "PROPN"):
            owner = _owner_country(doc, token, spans_at, gaz)
            if owner is not None:
                adjective, start, end = owner
                found.append(_set(Span(doc, start, end, label="Organization"), f"{adjective} government", "government"))
        elif lower == "ministry" and not (token.i in spans_at and spans_at[token.i]._.kg_origin == "gazetteer"):
            span = _ministry_span(doc, token)
            if span is not None:
                found.append(_set(span, _ministry_name(span, gaz), "ministry"))
        elif lower == "council" and token.i > 0 and doc[token.i - 1].lower_ == "provincial":
            start = token.i - 1
            place = None
            if start >= 2 and doc[start - 1].lower_ in ("'s", "\u2019s") and doc[start - 2].i in spans_at:
                place = spans_at[doc[start - 2].i]
            elif start >= 1 and doc[start - 1].i in spans_at:
                place = spans_at[doc[start - 1].i]
            if place is not None and place.label_ in PLACE_TYPES:
                name = plain_name(place)
                stem = name[: -len(" Province")] if name.endswith(" Province") else name
                found.append(_set(Span(doc, place.start, token.i + 1, label="Organization"),
                                  f"{stem} Provincial Council", "council"))
            else:
                found.append(_set(Span(doc, start, token.i + 1, label="Organization"), "provincial council", "council"))
    return found


def _owner_country(doc: Doc, token: Token, spans_at: dict[int, Span], gaz: Gazetteer) -> tuple[str, int, int] | None:
    """'Afghan government', 'Iraq's government', 'government of Iraq' -> (the country's adjective, start,
    end of the phrase); None when the word 'government' names no country."""
    prev = doc[token.i - 1] if token.i > 0 else None
    if prev is not None and prev.text in gaz.adjectives:
        return _adjective_of(gaz.adjectives[prev.text], gaz) or prev.text, prev.i, token.i + 1
    country = None
    if prev is not None and prev.lower_ in ("'s", "\u2019s") and token.i >= 2:
        country = spans_at.get(token.i - 2)
        start, end = (country.start, token.i + 1) if country is not None else (0, 0)
    elif token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of":
        country = spans_at.get(token.i + 2)
        start, end = (token.i, country.end) if country is not None else (0, 0)
    if country is None or country.label_ != "Country":
        return None
    adjective = _adjective_of(country._.kg_canonical or country.text, gaz)
    return (adjective, start, end) if adjective else None


def _ministry_span(doc: Doc, token: Token) -> Span | None:
    """'defense ministry', 'Ministry of Defense', 'the Interior Ministry' around the word 'ministry'."""
    if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of" and doc[token.i + 2].lower_ in MINISTRY_TOPICS:
        return Span(doc, token.i, token.i + 3, label="Organization")
    if token.i > 0 and doc[token.i - 1].lower_ in MINISTRY_TOPICS:
        start = token.i - 1
        if start > 0 and doc[start - 1].pos_ in ("ADJ", "PROPN") and doc[start - 1].is_title:
            start -= 1  # "the Russian Defense Ministry"
        return Span(doc, start, token.i + 1, label="Organization")
    return None


def _ministry_name(span: Span, gaz: Gazetteer) -> str:
    topic = next((MINISTRY_TOPICS[t.lower_] for t in span if t.lower_ in MINISTRY_TOPICS), None)
    if topic is None:
        return plain_name(span)
    owner = next((t.text for t in span if t.text in gaz.adjectives), None)
    doc = span.doc
    if owner is None and span.start >= 2 and doc[span.start - 1].lower_ in ("'s", "\u2019s"):
        country = gaz.lookup(doc[span.start - 2].text)  # "Russia's Defense Ministry"
        if country is not None and country[0] == "Country":
            owner = _adjective_of(country[1]["name"], gaz)
    return f"{owner} Ministry of {topic}" if owner else f"Ministry of {topic}"


# ----- descriptions of places
def _same_name_provinces(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """'the province (region, state) of the same name' stands for '<the city just named> Province'."""
    found = []
    for token in doc:
        kind = SAME_NAME_KINDS.get(token.lower_)
        if kind is None or doc[token.i + 1: token.i + 5].text.lower() != "of the same name":
            continue
        city = next((s for s in reversed(spans) if s.end <= token.i and s.label_ in ("City", "District")), None)
        if city is None:
            continue
        stem = plain_name(city)
        stem = city._.kg_canonical or stem
        entry = gaz.province_named(stem)
        start = token.i - 1 if token.i > 0 and doc[token.i - 1].lower_ == "the" else token.i
        found.append(_set(Span(doc, start, token.i + 5, label="Province"),
                          entry["name"] if entry else f"{stem} {kind}", "description",
                          links_of(entry) if entry else {}))
    return found


#: "the <kind> of the same name": the kind word and how a province of that kind is named.
SAME_NAME_KINDS = {"province": "Province", "region": "Region", "state": "State", "governorate": "Governorate",
                   "oblast": "Oblast"}


#: Words after a name that make it a first-level subdivision ("Galmudug state", "Kidal Region").
PROVINCE_WORDS = (" Province", " State", " Region", " Oblast", " Governorate")


def _propagate_places(spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """A name the article calls a district, a town (or an unknown province) is one everywhere in the article,
    also where the NER took it for a person or an organisation."""
    districts = {s._.kg_canonical for s in spans if s.label_ == "District"}
    provinces = {s._.kg_canonical[: -len(word)]: s._.kg_canonical for s in spans
                 if s.label_ == "Province" and s._.kg_origin == "place-word"
                 for word in PROVINCE_WORDS if s._.kg_canonical.endswith(word)}
    towns = {plain_name(s) for s in spans if s.label_ == "City" and s._.kg_origin in ("place-word", "apposition")}
    out = []
    for span in spans:
        name = plain_name(span)
        retypable = span.label_ in ("City", "Person", "Organization") and span._.kg_origin != "gazetteer"
        if retypable and name in districts:
            span = _retype(span, "District", name, "place-word")
        elif retypable and name in provinces:
            span = _retype(span, "Province", provinces[name], "place-word")
        elif retypable and span.label_ != "City" and name in towns:
            span = _retype(span, "City", name, "place-word")
        out.append(span)
    return out


# ----- people
def _surnames(spans: list[Span]) -> list[Span]:
    """'Hadi' after 'Abdrabbu Mansour Hadi': a name's last word(s) stand for the person named before,
    whether the NER typed them otherwise or missed them."""
    people = [s for s in spans if s.label_ in ("Person", "Official") and len(plain_name(s).split()) > 1]
    if not people:
        return spans
    out = []
    for span in spans:
        name = plain_name(span)
        surname_like = span._.kg_origin == "ner" or span._.kg_origin == "gazetteer" and span.label_ == "City"
        if span.label_ not in ("Person", "Official") and surname_like and len(span) <= 2:
            # before or after: a headline names "Haftar" before the body's "Khalifa Haftar"
            match = next((p for p in people if p is not span and plain_name(p).endswith(" " + name)), None)
            if match is not None:
                span = _retype(span, match.label_, None, "surname")
        out.append(span)
    doc = spans[0].doc
    taken = {i for s in out for i in range(s.start, s.end)}
    last_words = {}
    for person in people:
        last_words.setdefault(person[-1].text, person)
    for token in doc:
        person = last_words.get(token.text)
        if person is not None and token.i not in taken and token.i > person.start and token.pos_ in ("PROPN", ""):
            out.append(_set(Span(doc, token.i, token.i + 1, label=person.label_), None, "surname"))
    return sorted(out, key=lambda s: s.start)


def _officials(spans: list[Span]) -> list[Span]:
    """A person with a title or a role in apposition is an Official; so are their other mentions."""
    out = [(_retype(s, "Official", None, "role") if s.label_ == "Person" and _has_role(s) else s) for s in spans]
    official_names = {w for s in out if s.label_ == "Official" for w in plain_name(s).split()[-1:]}
    return [(_retype(s, "Official") if s.label_ == "Person" and plain_name(s).split()[-1] in official_names else s)
            for s in out]


def _unnamed_officials(doc: Doc, spans: list[Span]) -> list[Span]:
    """'Oleksandr Striuk, the mayor of ...' where the NER saw no name: two to four capitalised proper
    nouns with a role in apposition or as a title are an Official."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = []
    i = 0
    while i < len(doc):
        end = i
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and doc[end].is_alpha \
                and end not in taken and doc[end].lower_ not in ROLE_WORDS:
            end += 1
        if 2 <= end - i <= 4 and not in_headline(doc[i:end]):
            span = Span(doc, i, end, label="Official")
            if _has_role(span) and not any(t.lower_ in ORGANISATION_WORDS | FORCE_NAME_HEADS for t in span):
                found.append(_set(span, None, "role"))
        i = max(end, i + 1)
    return found


#: Bodies whose members hold an office ("a member of the provincial council"); a family has members too.
ELECTED_BODIES = {"council", "parliament", "assembly", "senate", "congress", "cabinet", "committee", "board",
                  "jirga", "shura", "government", "legislature", "duma", "rada"}


def _is_role(token: Token) -> bool:
    if token.lower_ != "member":
        return token.lower_ in ROLE_WORDS
    return any(t.lower_ in ELECTED_BODIES for t in token.doc[token.i + 1: token.i + 6])


def _has_role(span: Span) -> bool:
    doc = span.doc
    sent_start = span.sent.start if doc.has_annotation("SENT_START") else 0
    # A title right before the name: "chief Pentagon spokesperson Dana W. White", "Gen. Austin Miller".
    for token in reversed(doc[max(sent_start, span.start - 5): span.start]):
        if _is_role(token):
            return True
        if token.is_punct and token.text not in (".", "-") or token.pos_ in ("VERB", "AUX"):
            break
    root = span.root
    neighbours = [t for t in root.children if t.dep_ == "appos"]
    if root.dep_ == "appos":
        neighbours.append(root.head)
    for neighbour in neighbours:
        if any(_is_role(t) for t in neighbour.subtree if t.i < span.start or t.i >= span.end):
            return True
    # "X, a member of the provincial council," / "X, the governor of Kunduz," / "X, who speaks for"
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        for token in doc[span.end + 1: span.end + 9]:
            speaks_for = token.lemma_ == "speak" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "for"
            if _is_role(token) or speaks_for:
                return True
            if token.text in (",", ".", ";") or token.pos_ in ("VERB", "AUX"):
                break
    return False


def _abbreviates(short: str, span: Span) -> bool:
    """True when the capitals of ``short`` are the initials of ``span``'s words, in order (gaps allowed)."""
    initials = [t.text[0] for t in span if t.is_alpha and t.text[0].isupper()]
    letters = [ch for ch in short if ch.isalpha()]
    if len(initials) < 2 or not letters or letters[0] != initials[0]:
        return False
    rest = iter(initials)
    return all(any(letter == initial for initial in rest) for letter in letters)


def _acronyms(doc: Doc, spans: list[Span]) -> list[Span]:
    """'Counter Terrorism Service (CTS)': later 'CTS' is the same entity, typed the same."""
    known = {}
    for span in spans:
        if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
            short = doc[span.end + 1]
            if short.is_upper and 2 <= len(short.text) <= 8 and _abbreviates(short.text, span):
                known[short.text] = span  # not "JERUSALEM (AP)": a dateline's credit
    for span in spans:  # "CTS" after "Counter Terrorism Service": the initials of a name met before
        words = [t.text for t in span if t.is_alpha and t.lower_ not in ("of", "the", "and", "for")]
        if span.label_ not in ("Person", "Official") and len(words) >= 2 and all(w[0].isupper() for w in words):
            known.setdefault("".join(w[0] for w in words), span)
    if not known:
        return spans
    at = {s.start: s for s in spans}
    taken = {i for s in spans for i in range(s.start, s.end)}
    replaced, added = set(), []
    for token in doc:
        full = known.get(token.text)
        if full is None or full.start > token.i or full.start == token.i:
            continue
        existing = at.get(token.i)
        if token.i in taken and not (existing is not None and existing.end == token.i + 1):
            continue
        if existing is not None:
            replaced.add(existing.start)
        span = Span(doc, token.i, token.i + 1, label=full.label_)
        added.append(_set(span, full._.kg_canonical or plain_name(full), "acronym", dict(full._.kg_links or {})))
    out = [s for s in spans if s.start not in replaced] + added
    return _longest_first(out)


@Language.factory("kg_entity_typer", assigns=["doc.ents"], requires=["doc.ents"])
def make_entity_typer(nlp: Language, name: str) -> EntityTyper:
    return EntityTyper(nlp, name)


@Language.factory("kg_relations", assigns=["doc._.kg_relations"], requires=["doc.ents", "token.dep"])
def make_relations(nlp: Language, name: str):
    from .relations import RelationExtractor

    return RelationExtractor(nlp, name)
