"""Mentions -> entities: one Entity per real-world actor or place, with stable keys.

Works on plain values only (no spaCy, no rdflib). A ``Resolver`` keeps an alias
table across the articles of a build, so "Ghani" in a later article resolves to
the "Ashraf Ghani" met earlier, and every article that names the Taliban points
at one node.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from .events import EventResolver, attribute, split_denied
from .model import (
    PERSON_TYPES, STATE_BODY_NOUNS, SYMMETRIC_PREDICATES, ArticleGraph, ArticleMentions, Entity, Evidence, Mention,
    Relation, allowed, without_name_suffixes,
)

#: Words that precede a name without being part of it.
HONORIFICS = {"mr", "mrs", "ms", "dr", "president", "gen", "general", "gov", "governor", "sen", "senator",
              "minister", "prime", "lt", "col", "maj", "capt", "sgt", "sheikh", "mullah", "maulvi", "commander",
              "spokesman", "deputy", "secretary", "chief", "adm", "admiral"}


RELIGIOUS_TITLES = frozenset({"mullah", "maulvi", "sheikh"})


@lru_cache(maxsize=65536)  # a few thousand names, compared again and again across a corpus
def normalise(name: str) -> str:
    """Comparison form of a name: accents folded, case folded, punctuation and a leading 'the' dropped."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def family(entity_type: str) -> str:
    """The part of the type that identity depends on: an Official and a Person can be one node."""
    return "Person" if entity_type in PERSON_TYPES else entity_type


def clean_surface(mention: Mention, *, use_canonical: bool = True, keep: frozenset[str] = frozenset()) -> str:
    """The name a mention stands for (or, with ``use_canonical=False``, the words it uses), without titles,
    possessives and a leading article."""
    name = _cleaned(mention.name if use_canonical else mention.text, mention.type in PERSON_TYPES, keep)
    return name or mention.text


_POSSESSIVE_END = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")


@lru_cache(maxsize=65536)  # asked several times for every mention while resolving; names recur across a corpus
def _cleaned(name: str, person: bool, keep: frozenset[str]) -> str:
    name = _POSSESSIVE_END.sub("", name.strip()).strip()
    name = _LEADING_THE.sub("", name)
    if person:
        words = name.split()
        while len(words) > 1 and words[0].rstrip(".").lower() in HONORIFICS - keep:
            words = words[1:]
        name = " ".join(words)
    return name


def display_form(names: Iterable[str]) -> str:
    """The best label among surface forms: the longest, preferring mixed case over ALL CAPS."""
    return max(names, key=lambda n: (not n.isupper(), len(n.split()), len(n), n))


#: Origins whose canonical name was built by a rule from a description ("the province of the same name",
#: "defense ministry" -> "Ministry of Defense"): the canonical name is the label.
BUILT_NAME_ORIGINS = {"description", "ministry", "government", "council", "loyal-forces",
                      "named-apart"}  # a region named with its kind to tell it from its town (kg.extract.places)


def is_acronym(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= max(2, len(letters) - 1)


#: Machines a force phrase may name a force by ("junta jets"): the last choice of a label.
MACHINE_WORDS = {"aircraft", "jets", "warplanes", "planes", "drones", "helicopters", "gunships", "bombers", "gunboats",
                 "tanks", "artillery"}


def _surface_rank(name: str, count: int) -> tuple:
    """How good a surface form is as a label: a full name over an acronym, a national force phrase's
    fullest form ("Afghan security forces" over "Afghan soldiers"), then the most used, then the longest."""
    words = name.split()
    named = any(w[:1].isupper() for w in words)
    force_word = 2 if name.lower().endswith("security forces") else 1 if words[-1:] == ["forces"] else 0
    possessive = "'s" in name or "\u2019s" in name  # "Afghanistan's army": a description, not a name
    # "forces (loyal to President X)": a head noun says nothing alone; "the junta" names the body it is
    bare = len(words) == 1 and not named and words[0].lower() not in STATE_BODY_NOUNS
    machines = words[-1:] and words[-1].lower() in MACHINE_WORDS  # "Junta aircraft": what the force flies
    members = [w.lower() for w in words[-2:]] in (["service", "member"], ["service", "members"])  # "U.S. service
    # member", one of them, not a name for the force ("U.S. troops" is one)
    return (not is_acronym(name), not machines, not possessive, not bare, not members, named, force_word, count,
            len(words), len(name), name)


def _proper(name: str) -> bool:
    words = [w for w in name.split() if w[:1].isalpha()]
    return len(words) > 1 and all(w[0].isupper() or w in ("of", "the", "for", "and") for w in words)


#: Words that say what kind of region a name is, as articles write them after it ("Borno State").
REGION_KIND_WORDS = {"state", "region", "province", "oblast", "governorate", "department", "prefecture", "county"}


def _place_with_its_kind(surfaces: dict[str, int], canonical: dict[str, str]) -> str | None:
    """'Borno State', 'the Amhara region': when an article never writes a region's bare canonical name but
    always with its kind after it, that written form is how its readers (and annotators) name it."""
    if any(normalise(surface) in canonical for surface in surfaces):
        return None  # the text writes the canonical name itself
    for surface in sorted(surfaces, key=lambda s: (-surfaces[s], s)):
        *stem, kind = surface.split() or [""]
        if kind.lower() in REGION_KIND_WORDS and normalise(" ".join(stem)) in canonical:
            return surface
    return None


#: A service, and the people or parts of it that a phrase names it by: "Colombian army troops" is the army.
SERVICES = {"army", "military", "police", "navy"}
SERVICE_PROXIES = {"troops", "units", "soldiers", "personnel", "officers", "unit"}


def _without_proxy(surface: str, origin: str = "") -> str:
    """'Colombian army troops' -> 'Colombian army', 'FARDC troops' -> 'FARDC': the service is the actor, its troops
    stand for it (not a national force phrase: "UAE troops" names no force "UAE")."""
    words = surface.split()
    if len(words) > 2 and words[-2].lower() in SERVICES and words[-1].lower() in SERVICE_PROXIES:
        return " ".join(words[:-1])
    if len(words) == 2 and words[-1].lower() in SERVICE_PROXIES and words[0].isalpha() and len(words[0]) > 2 \
            and is_acronym(words[0]) and not origin.startswith("force-phrase"):
        return words[0]
    return surface


def _bare_adjectives(mentions: list[Mention]) -> set[str]:
    """Surfaces of a force that are only its country's adjective: 'French' in 'French and Malian troops' stands
    for "French forces" (the first word of the name it was given)."""
    return {m.text for m in mentions
            if len(m.text.split()) == 1 and m.canonical and m.canonical.split()[0] == m.text != m.canonical}


def _longer_proper_name(surface: str, canonical: str) -> bool:
    """'Islamic State of Iraq and the Levant' around 'Islamic State': the text's own fuller name goes on in
    capitals after the canonical one, so it is a name of its own standing (not 'the Islamic State group')."""
    words, head = surface.split(), canonical.split()
    rest = words[len(head):] if [w.lower() for w in words[:len(head)]] == [w.lower() for w in head] else []
    return any(w[:1].isupper() for w in rest)


def choose_label(mentions: list[Mention]) -> str:
    """The label of an entity from the mentions that name it in one article.

    The canonical name when the text uses it or a rule built it from a description; otherwise the way
    the article writes the name (a transliteration like "Syevyerodonetsk", "Pentagon" for the Defense
    Department, "YPG" for the People's Protection Units when the text never spells it out), since that is the
    form its readers know; a country's abbreviation alone ("U.S.") takes the country's name. Keys never depend
    on the label.
    """
    canonical = {normalise(m.name): m.name for m in mentions if m.canonical}
    surfaces: dict[str, int] = defaultdict(int)
    for mention in mentions:
        # A rule's name for a description, unless the text wrote a proper name ("Russian Defense Ministry")
        if mention.origin in BUILT_NAME_ORIGINS and mention.canonical and not _proper(clean_surface(mention, use_canonical=False)):
            return mention.canonical
        surface = clean_surface(mention, use_canonical=False)  # (a body's own name keeps its words: "National
        # Union of Haitian Police Officers")
        surfaces[_without_proxy(surface, mention.origin) if mention.type == "Force" else surface] += 1
    phrases = all(m.origin.startswith("force-phrase") for m in mentions)
    described = [name for norm, name in canonical.items() if norm in DESCRIPTIONS and norm in map(normalise, surfaces)]
    if phrases and described:  # "Coalition military forces" and "the coalition": the coalition
        return described[0]
    if phrases:
        adjectives = _bare_adjectives(mentions)  # "French (and Malian forces)": the adjective alone names nothing
        if adjectives and len(adjectives) == len(surfaces):
            return mentions[0].name
        surfaces = {s: n for s, n in surfaces.items() if s not in adjectives}
    if not phrases and mentions[0].type == "Province":  # districts keep their bare name ("Sangin")
        written = _place_with_its_kind(surfaces, canonical)
        if written is not None:
            return written
    for surface in ([] if phrases else surfaces):  # the text uses the canonical name, maybe in a longer phrase
        for norm, name in canonical.items():
            if norm and f" {norm} " in f" {normalise(surface)} " and not _longer_proper_name(surface, name):
                return name
    if mentions and mentions[0].type in PERSON_TYPES:
        # Religious titles are part of how a name is cited ("Mullah Nasir Akhund"); offices are not.
        return display_form(clean_surface(m, keep=RELIGIOUS_TITLES) for m in mentions)
    best = max(surfaces.items(), key=lambda item: _surface_rank(*item))[0]
    if is_acronym(best) and canonical and mentions[0].type == "Country":
        return next(iter(sorted(canonical.values())))  # "U.S." alone is the United States
    return best  # an actor's acronym the text never spells out is how its readers know it ("YPG")


#: Descriptions that stand for a different actor in every article when nothing names whose they are
#: ("government forces" in a story on Yemen and in one on Afghanistan): their keys are article-scoped.
DESCRIPTIONS = frozenset({"government forces", "security forces", "militias", "coalition"})


def is_description(mention: Mention) -> bool:
    return mention.origin.startswith("force-phrase") and normalise(mention.name) in DESCRIPTIONS


def is_unowned_body(mention: Mention) -> bool:
    """A ministry named without its country ('the Defense Ministry', 'Ministry of Interior'): every state has
    one, so the name alone does not say which."""
    return mention.origin == "ministry" and normalise(mention.name).startswith("ministry of")


def home_country(mentions: Iterable[Mention]) -> str | None:
    """The country an article names most (normalised), the first named on a tie; None if it names none."""
    counts: dict[str, int] = {}
    for mention in mentions:
        if mention.type == "Country":
            name = normalise(mention.name)
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.get) if counts else None


class Resolver:
    """Resolves the mentions of article after article into entities with stable keys."""

    def __init__(self) -> None:
        # (family, normalised surface) -> key; learnt from every article resolved so far
        self.aliases: dict[tuple[str, str], str] = {}
        self.labels: dict[str, str] = {}  # key -> label, fixed the first time a key is seen
        self.types: dict[str, str] = {}  # key -> type (Official wins over Person)
        #: events of the build so far, so that reports of one event join it (kg.events)
        self.events = EventResolver()

    def remember(self, entity: Entity) -> None:
        """Learn an entity known from before (read back from a store), so its names resolve to its key."""
        self.labels.setdefault(entity.key, entity.label)
        self.types[entity.key] = _merge_type(self.types.get(entity.key), entity.type)
        for name in (entity.label, *entity.aliases):
            self.aliases.setdefault((family(entity.type), normalise(name)), entity.key)

    def resolve(self, found: ArticleMentions) -> ArticleGraph:
        key_of: dict[Mention, str] = {}
        surfaces: dict[str, set[str]] = defaultdict(set)
        mentions_of: dict[str, list[Mention]] = defaultdict(list)
        links: dict[str, dict[str, str]] = defaultdict(dict)
        types: dict[str, str] = {}
        # Full names first, so a later surname-only mention finds the full name of this article.
        home = home_country(found.mentions)
        for mention in sorted(found.mentions, key=lambda m: (-len(clean_surface(m).split()), m.start)):
            key = self._key_for(mention, key_of, found.article.id, home)
            key_of[mention] = key
            mentions_of[key].append(mention)
            surfaces[key].add(mention.text)
            links[key].update(mention.links)
            types[key] = _merge_type(types.get(key), mention.type)
        entities = {}
        for key, forms in surfaces.items():
            entity_type = self.types[key] = _merge_type(self.types.get(key), types[key])
            if key not in self.labels:  # the first article to name an entity labels it (chosen only then)
                self.labels[key] = choose_label(sorted(mentions_of[key], key=lambda m: m.start))
            label = self.labels[key]
            entities[key] = Entity(
                key=key, type=entity_type, label=label,
                aliases=frozenset(f for f in forms if f != label),
                links=tuple(sorted((k, v) for k, v in links[key].items() if k in ("wikidata", "geonames"))),
                coordinates=_coordinates(links[key]),
            )
        relations, denied, contested = split_denied(self._relations(found, key_of, entities),
                                                    self.events.contests, found.article)
        events, contested_events = self.events.resolve(found, key_of, entities)
        return ArticleGraph(article=found.article, entities=tuple(entities.values()), relations=relations,
                            events=events, denied=denied, contests=(*contested, *contested_events))

    def _key_for(self, mention: Mention, key_of: dict[Mention, str], article_id: str, home: str | None = None) -> str:
        fam = family(mention.type)
        name = clean_surface(mention)
        norm = normalise(name)
        if is_description(mention):
            return f"{fam}/{norm} in {normalise(article_id) or 'article'}"
        if is_unowned_body(mention):
            # "the Ministry of Defense" in a story on Ukraine is Ukraine's, in one on Afghanistan Afghanistan's
            norm = f"{norm} of {home}" if home else f"{norm} in {normalise(article_id) or 'article'}"
        known = self.aliases.get((fam, norm))
        if known is None and fam == "Person" and norm:
            known = self._surname_match(norm, key_of)
        if known is None and mention.type == "Province" and norm:  # "Turkana" after "Turkana County": one region
            known = next((self.aliases[(fam, f"{norm} {kind}")] for kind in sorted(REGION_KIND_WORDS)
                          if (fam, f"{norm} {kind}") in self.aliases), None)
        key = known or f"{fam}/{norm or normalise(mention.text) or 'unnamed'}"
        self.aliases.setdefault((fam, norm), key)
        if mention.origin == "nickname":  # "X, known as Hemedti": a later "Hemedti" is X too
            self.aliases.setdefault((fam, normalise(clean_surface(mention, use_canonical=False))), key)
        return key

    def _surname_match(self, surname: str, key_of: dict[Mention, str]) -> str | None:
        """'Ghani' (or 'Mansour Hadi') -> the one longer name ending so, met in this article, else earlier
        in the build; None when there is no such name or more than one."""
        def ends_with(name: str) -> bool:
            words, tail = without_name_suffixes(name.split()), surname.split()  # "Lloyd J. Austin III" is "Austin"
            return len(words) > len(tail) and words[-len(tail):] == tail

        in_article = {k for m, k in key_of.items() if family(m.type) == "Person" and ends_with(k.split("/", 1)[1])}
        if len(in_article) == 1:
            return in_article.pop()
        if in_article:
            return None
        earlier = {k for (fam, norm), k in self.aliases.items() if fam == "Person" and ends_with(norm)}
        return earlier.pop() if len(earlier) == 1 else None

    def _relations(self, found: ArticleMentions, key_of: dict[Mention, str], entities: dict[str, Entity]):
        evidence: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
        for rel in found.relations:
            subject, obj = key_of.get(rel.subject), key_of.get(rel.object)
            if subject is None or obj is None or subject == obj:
                continue
            if not allowed(rel.predicate, entities[subject].type, entities[obj].type):
                continue
            if rel.predicate in SYMMETRIC_PREDICATES and obj < subject:
                subject, obj = obj, subject
            evidence[(subject, rel.predicate, obj)].append(attribute(rel.evidence, rel.according_to, key_of))
        return tuple(
            Relation(subject=s, predicate=p, object=o, evidence=tuple(ev))
            for (s, p, o), ev in sorted(evidence.items())
        )


def _merge_type(old: str | None, new: str) -> str:
    if old is None or old == new:
        return new
    if {old, new} == PERSON_TYPES:
        return "Official"
    return old  # first reading wins for everything else; keys keep other types apart anyway


def _coordinates(links: dict[str, str]) -> tuple[float, float] | None:
    try:
        return (float(links["lat"]), float(links["lon"]))
    except (KeyError, ValueError):
        return None


def resolve_all(found: Iterable[ArticleMentions]) -> list[ArticleGraph]:
    """Resolve a whole corpus with one shared alias table (convenience for tests and notebooks)."""
    resolver = Resolver()
    return [resolver.resolve(item) for item in found]
