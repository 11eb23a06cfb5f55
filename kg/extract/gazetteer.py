"""The gazetteer: known names (countries, provinces, cities, armed groups, forces, organisations,
users' own entries) read from the JSONL files in ``data/``, and the component that marks them in a Doc."""
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
from ..model import ENTITY_TYPES, PLACE_TYPES
from .lexicon import HYPHEN_LINKS, MONTHS_AND_DAYS
from .spans import in_headline, longest_first, set_origin, set_span, span_origin


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


@lru_cache(maxsize=1)
def province_capitals() -> dict[str, str]:
    """'Goma' -> 'North Kivu Province': the province each bundled provincial capital is the capital of."""
    table: dict[str, str] = {}
    for _, row in _rows(DATA / "capitals.jsonl"):
        table.setdefault(row["capital"], row["province"])
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


def known_span(doc: Doc, start: int, end: int, known: tuple[str, dict]) -> Span:
    """Tokens ``start:end`` as the gazetteer entry ``known`` (a ``Gazetteer.lookup`` result): its type, name and
    links."""
    entity_type, entry = known
    return set_span(Span(doc, start, end, label=entity_type), entry["name"], "gazetteer", links_of(entry))


@dataclass
class Gazetteer:
    """Every known name, indexed by surface form, plus demonyms and province capitals."""

    entries: dict[tuple[str, str], dict] = field(default_factory=dict)  # (type, name) -> entry
    surfaces: dict[str, tuple[str, str]] = field(default_factory=dict)  # surface -> (type, name)
    adjectives: dict[str, str] = field(default_factory=dict)  # "Afghan" -> "Afghanistan"
    plurals: dict[str, str] = field(default_factory=dict)  # "Afghans" -> "Afghan"
    capitals: dict[str, str] = field(default_factory=dict)  # city name -> province canonical name
    forces: dict[str, str] = field(default_factory=dict)  # country -> name of its forces as a whole
    # surface -> every actor entry that claims it, the first (the default) first: "SNA" is the Syrian National Army,
    # and in an article about Somalia the Somali National Army
    rivals: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

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
        gaz.capitals.update(province_capitals())
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
            holder = self.surfaces.setdefault(surface, key)
            if holder != key and entry.get("forces_of") and holder[0] not in PLACE_TYPES:
                self.rivals.setdefault(surface, [holder]).append(key)

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
        """The name of the province "<stem> <kind>" stands for: the gazetteer's, else "<stem> <kind>" itself (the
        stem alone when it already says its kind: "the capital of the Northwest Region")."""
        entry = self.province_named(stem)
        if entry:
            return entry["name"]
        return stem if stem.split()[-1:] and stem.split()[-1] in PROVINCE_KINDS else f"{stem} {kind}"

    def province_named(self, stem: str) -> dict | None:
        """The Province entry that "<stem> Province" / "<stem> province" / "<stem>" names, if any."""
        for surface in (f"{stem} Province", f"{stem} province", f"{stem} Oblast", f"{stem} oblast",
                        f"{stem} Governorate", f"{stem} State", f"{stem} Region", f"{stem} County", stem):
            key = self.surfaces.get(surface)
            if key and key[0] == "Province":
                return self.entries[key]
        return None


#: Last words that make a name a province's whole name.
PROVINCE_KINDS = {"Province", "Region", "State", "Oblast", "Governorate", "Department", "Prefecture"}


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
        self.rivals: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        self.contested: set[tuple[str, str]] = set()  # the entries that hold a name another claims too

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
        self.rivals = {self._tokens(surface): keys for surface, keys in self.data.rivals.items()}
        self.contested = {keys[0] for keys in self.rivals.values()}

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
        matched = list(self.matches(doc))
        shared = {i: keys for i, (start, end, key) in enumerate(matched) if key in self.contested
                  and (keys := self.rivals.get(tuple(t.text for t in doc[start:end])))}
        home = self._home_country(doc, matched) if shared else None  # (worked out only for a name two actors share)
        for i, (start, end, key) in enumerate(matched):
            if _inside_hyphenated(doc, start, end):
                continue
            if i in shared:  # a name two actors share: the one of the country the article is about, if one is
                key = next((k for k in shared[i] if self.data.entries[k].get("forces_of") == home), key)
            entity_type, name = key
            entry = self.data.entries[(entity_type, name)]
            span = set_span(Span(doc, start, end, label=entity_type), name, "gazetteer", links_of(entry))
            found.append(span)
        doc.ents = merge_with_ner(doc, longest_first(found))
        return doc


    def _home_country(self, doc: Doc, matched: list[tuple[int, int, tuple[str, str]]]) -> str | None:
        """The country the article names most, by its name or its adjective ('Somali officials')."""
        named = Counter(name for _, _, (entity_type, name) in matched if entity_type == "Country")
        named.update(self.data.adjectives[t.text] for t in doc if t.text in self.data.adjectives)
        return named.most_common(1)[0][0] if named else None


def _inside_hyphenated(doc: Doc, start: int, end: int) -> bool:
    """'Qala' in 'Qala-e-Zal' is not the name 'Qala' (but 'Iran' in 'Iran-backed' is 'Iran')."""
    def name_part(token: Token) -> bool:  # ("KwaZulu" in "KwaZulu-Natal" is capitalised, not title case; "ISIS"
        # in "ISIS-Libya" is no part of a place's name)
        return token.is_title or token.text[:1].isupper() and token.is_alpha and not token.is_upper \
            or token.text in HYPHEN_LINKS

    glued_after = (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
                   and not doc[end].whitespace_ and name_part(doc[end + 1]))
    glued_before = (start > 1 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_
                    and not doc[start - 2].whitespace_ and name_part(doc[start - 2]))
    return glued_after or glued_before


def merge_with_ner(doc: Doc, gazetteer_spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    ner = list(doc.ents)
    for span in gazetteer_spans:
        overlapping = [e for e in ner if e.start < span.end and span.start < e.end]
        if any(_ner_name_wins(e, span) or _titled_person(e, span) for e in overlapping):
            continue
        ner = [e for e in ner if e not in overlapping] + [rest for e in overlapping
                                                          if (rest := _holder_after_seat(e, span)) is not None]
        kept.append(span)
    for ent in ner:
        if span_origin(ent) is None:
            set_origin(ent, "ner")
    return sorted(kept + ner, key=lambda s: s.start)


def _holder_after_seat(ent: Span, gaz: Span) -> Span | None:
    """'Busan Mayor Oh Keo-don' read by the NER as one person: the known place opening it is the seat of the
    title after it, and the rest the person who holds it."""
    doc = ent.doc
    title = gaz.end
    if ent.label_ != "PERSON" or ent.start != gaz.start or title + 1 >= ent.end \
            or doc[title].lower_ not in PERSON_TITLES or not doc[title + 1].is_title:
        return None
    return Span(doc, title + 1, ent.end, label="PERSON")


#: Lower-case words inside multi-word proper names ("High Council for National Reconciliation").
NAME_LINKS = {"of", "the", "and", "'s", "for", "in", "on", "de", "du", "al", "el", "la"}


#: Words before a name that make it a person's, whatever place a list knows by that name.
PERSON_TITLES = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "gen.", "gen", "general",
                 "sen.", "senator", "rep.", "gov.", "governor", "minister", "lt.", "col.", "maj.", "capt.", "sgt.",
                 "colonel", "captain", "judge", "justice", "prince", "king", "queen", "pope", "rev.", "sheikh",
                 "mullah", "commander", "chairman", "secretary", "ambassador", "mayor", "officer", "detective"}
#: Verbs after which the name before them is the one who speaks.
SAYING = {"say", "tell", "add", "note", "explain", "announce", "insist", "argue", "write", "warn"}


def _titled_person(ent: Span, gaz: Span) -> bool:
    """'President Kennedy said', 'Mr. Irving told': a name the NER reads as a person's after a title, or as the
    one who speaks, stays a person even when a city has that name."""
    if ent.label_ != "PERSON" or (ent.start, ent.end) != (gaz.start, gaz.end) or gaz.label_ not in (
            "City", "Province", "District"):
        return False
    doc = ent.doc
    titled = ent.start > 0 and doc[ent.start - 1].lower_ in PERSON_TITLES
    verb = ent.root.head
    speaks = ent.root.dep_ == "nsubj" and verb.lemma_.lower() in SAYING and verb.i in (ent.end, ent.start - 1)
    return titled or speaks


def _ner_name_wins(ent: Span, gaz: Span) -> bool:
    """Keep an NER name that strictly contains a gazetteer name and adds capitalised words to it."""
    if ent.label_ in ENTITY_TYPES or in_headline(ent):
        return False
    if not (ent.start <= gaz.start and gaz.end <= ent.end) or (ent.start, ent.end) == (gaz.start, gaz.end):
        return False
    extra = [t for t in ent if not gaz.start <= t.i < gaz.end]
    if ent.label_ not in ("ORG", "PERSON", "FAC", "GPE", "LOC", "NORP") or any(
            t.lower_ in MONTHS_AND_DAYS for t in extra):  # "liberate Raqqa June 6": a date, not a longer name
        return False
    if gaz.label_ in ("ArmedGroup", "Force") and ent.label_ == "PERSON":
        return False
    return all(t.is_title or t.is_upper or t.is_punct or t.like_num or t.lower_ in NAME_LINKS
               for t in extra) and any(t.is_alpha and (t.is_title or t.is_upper) and t.pos_ != "DET" for t in extra)
