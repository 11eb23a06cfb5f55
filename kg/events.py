"""Event mentions -> events: dated, placed, merged across the reports that tell them, with who says so.

Plain values only (no spaCy, no rdflib): ``kg.resolve.Resolver`` holds one ``EventResolver`` for a build, so an
event told in several articles becomes one node with several sources.

Decisions (README, "Events"):

- **Dates** come from kg.dates against the article's publication date; "that day" and "earlier in the day" count
  from the time named just before them in the article, "two days earlier" too. No date found: no date, never the
  publication date. A date after publication, or a publication date that cannot be read or lies in the future,
  is dropped with a warning.
- **One event in an article**: readings of one class whose places agree (the same place, or one not named), whose
  dates agree (within a day, or one not given) and that share an agent (for a clash or meeting: a side). A reading
  with a place but no actor joins the event of that class at that place, or else takes the actors of a reading
  just before that named them but no place ("captured three provincial capitals on Sunday. Kunduz was taken
  ..."): that summary reading is then no event of its own. A reading with only a toll ("the attack killed 12")
  joins the event of its class told just before.
- **One event across reports**: the same class, the same place, a shared agent (or side) and dates within a day of
  each other (both dates known). The first report's key names the event; later reports write the same node. An
  undated event is never merged across reports.
- **What an event must have**: an actor; an attack or capture also a place or a target; a clash two sides or a
  side and a place; a meeting two sides.
- **Tolls**: ACLED's rule, the most conservative report: the lowest toll any sentence gives for the event.
- **Contested**: a relation or event that a party denies while another source (a party's claim or the outlet's
  own report) tells it. The flag goes on the event and on the evidence of both sides, also on evidence of earlier
  articles of the build (written into the graph of the article that contests it); across separate builds into a
  store the query ``contested`` finds them from the stances alone.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from .dates import When, resolve as resolve_expression
from .model import (
    ACTOR_TYPES, DENIED, PLACE_TYPES, Article, ArticleMentions, Entity, Event, EventMention, Evidence, Mention,
    Relation,
)

log = logging.getLogger("kg")

#: Classes whose sides have no direction: every actor is an agent.
SYMMETRIC_CLASSES = frozenset({"Clash", "Meeting"})
#: Time expressions that count from another time in the text, not from publication.
_RELATIVE = re.compile(r"\b(?:the|that|same) (?:same )?day\b|\b(?:earlier|later|before|after)\s*$", re.I)
_SAME_DAY = re.compile(r"\b(?:the|that|same) (?:same )?day\b", re.I)
#: A time expression that names a calendar day: when kg.dates cannot read it, the date is impossible.
_CALENDAR = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2} "
                       r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{4}-\d{2}-\d{2}\b", re.I)
#: How many sentences back a reading without actors may look for the event it belongs to.
SENTENCES_BACK = 3

# ---- ACLED's codebook (event types, their sub-event types) and PLOVER

ACLED_EVENT_TYPES = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}
EVENT_TYPE_OF = {sub: event_type for event_type, subs in ACLED_EVENT_TYPES.items() for sub in subs}
#: ACLED's time_precision codes.
ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3}
#: ACLED's geo_precision by the kind of place: the town itself, a part of a region, the region.
ACLED_GEO_PRECISION = {"City": 1, "District": 2, "Province": 3, "Country": 3}
#: PLOVER's event types: conventional fighting (FIGHT: small arms, artillery, aircraft, taking territory),
#: unconventional violence (ASSAULT: bombs, attacks on civilians), yielding ground (YIELD), meetings (CONSULT).
PLOVER_OF = {
    "Armed clash": "FIGHT", "Government regains territory": "FIGHT", "Non-state actor overtakes territory": "FIGHT",
    "Air/drone strike": "FIGHT", "Shelling/artillery/missile attack": "FIGHT", "Chemical weapon": "ASSAULT",
    "Suicide bomb": "ASSAULT", "Remote explosive/landmine/IED": "ASSAULT", "Grenade": "ASSAULT",
    "Attack": "ASSAULT", "Sexual violence": "ASSAULT", "Abduction/forced disappearance": "ASSAULT",
    "Non-violent transfer of territory": "YIELD", "Other": "CONSULT", "Agreement": "CONSULT",
}
STATE_TYPES = frozenset({"Force", "Country"})


def acled_sub_event(event_class: str, told: str | None, agent_types: Iterable[str]) -> str:
    """ACLED's sub-event type: what the wording told (airstrike, shelling, ...), else by class and who acted (a
    non-state group taking a town overtakes territory, a state's forces taking one regain it)."""
    if told:
        return told
    types = set(agent_types)
    if event_class == "Capture":
        if "ArmedGroup" not in types and types & STATE_TYPES:
            return "Government regains territory"
        return "Non-state actor overtakes territory"
    if event_class == "Meeting":
        return "Other"
    return "Armed clash"


# ---------------------------------------------------------------- time


_DURATION = re.compile(
    r"^(?:(?:more|less|fewer) than |about |nearly |almost |over |at least |the (?:past|last|next|coming) |recent |"
    r"several |many |a few |few |a |an |\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
    r"[\s-])*(?:hour|day|night|week|month|year|decade)s?(?: long)?$", re.I)


def duration(text: str) -> bool:
    """'two-day', 'more than a month', 'recent weeks', 'two decades': how long, not when."""
    words = " ".join(text.split())
    return bool(_DURATION.match(words)) and not _SAME_DAY.search(words)


def relative_time(text: str) -> bool:
    """'that day', 'earlier in the day', 'two days earlier': counted from another time the text names."""
    return bool(_RELATIVE.search(text))


def published_date(article_id: str, published: str | None, today: dt.date | None = None, *,
                   quiet: bool = False) -> dt.date | None:
    """The article's publication date as a date; None (with a warning, unless ``quiet``) when it cannot be read
    or lies ahead."""
    if not published:
        return None
    try:
        date = dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        if not quiet:
            log.warning("%s: publication date %r cannot be read; its events stay undated", article_id, published)
        return None
    if date > (today or dt.date.today()):
        if not quiet:
            log.warning("%s: publication date %s lies in the future; its events stay undated", article_id, date)
        return None
    return date


def when_of(mention: EventMention, published: dt.date | None, article_id: str = "") -> When | None:
    """The day, week or month a mention's time expression names (None when it gives none or is unsure)."""
    text = mention.time_text
    if not text:
        return None
    when = None
    if relative_time(text):
        anchors = (resolve_expression(a, published) for a in reversed(mention.time_anchors))
        anchor = next((a for a in anchors if a is not None and a.precision == "day"), None)
        if anchor is not None:
            when = (When(anchor.date, "day", text) if _SAME_DAY.search(text)
                    else resolve_expression(text, anchor.date))
    if when is None:
        when = _resolve_start(text, published)
    if when is None:
        if _CALENDAR.search(text):
            log.warning("%s: %r is not a real date; the event stays undated", article_id or "article", text)
        return None
    if published is not None and when.date > published:
        log.warning("%s: %r (%s) lies after the publication date %s; the event stays undated",
                    article_id or "article", text, when.date, published)
        return None
    return when


def _resolve_start(text: str, published: dt.date | None) -> When | None:
    """The expression, or else the longest start of it that names a time: the NER sometimes runs a date into the
    words after it ("yesterday after days" of fighting)."""
    words = text.split()
    for end in range(len(words), 0, -1):
        if end < len(words) and (_CALENDAR.search(text) or any(ch.isdigit() for ch in words[end])):
            return None  # "February 30" is no real day, not "February"
        when = resolve_expression(" ".join(words[:end]), published)
        if when is not None:
            return when if end == len(words) else When(when.date, when.precision, text)
    return None


def _interval(when: When) -> tuple[dt.date, dt.date]:
    if when.precision == "week":
        return when.date, when.date + dt.timedelta(days=6)
    if when.precision == "month":
        following = (when.date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return when.date, following - dt.timedelta(days=1)
    return when.date, when.date


def days_apart(first: When, second: When) -> int:
    """Days between two times (0 when one's span holds the other's)."""
    (a0, a1), (b0, b1) = _interval(first), _interval(second)
    return max(0, (max(a0, b0) - min(a1, b1)).days)


def within_a_day(first: When | None, second: When | None) -> bool:
    return first is None or second is None or days_apart(first, second) <= 1


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2}


def better_time(first: When | None, second: When | None) -> When | None:
    """The more precise of two times (the first when they are as precise)."""
    if first is None or second is None:
        return first or second
    return second if _PRECISION_RANK[second.precision] < _PRECISION_RANK[first.precision] else first


# ---------------------------------------------------------------- contests


def contested(evidence: Iterable[Evidence]) -> bool:
    """A party denies what another source tells (a claim or the outlet's own report)."""
    items = list(evidence)
    return any(_against(d, t) for d in items if d.stance == DENIED for t in items if t.stance != DENIED)


def _against(denial: Evidence, told: Evidence) -> bool:
    return denial.according_to is None or told.according_to is None or denial.according_to != told.according_to


#: How far apart two reports of a relation may be published for one to contest the other: a relation has no
#: date of its own, and a denial in 2016 that the Taliban could take Kunduz says nothing of a report in 2021.
CONTEST_WINDOW = dt.timedelta(days=7)


class Contests:
    """The evidence of each fact seen so far in a build, to flag what one report contests in another."""

    def __init__(self) -> None:
        self.seen: dict[object, list[tuple[object, Evidence]]] = defaultdict(list)
        self.flagged: set[tuple] = set()
        self.published: dict[str, dt.date | None] = {}

    def add(self, key: object, owner: object, evidence: Iterable[Evidence], article_id: str,
            published: dt.date | None = None, *, dated: bool = False,
            ) -> tuple[tuple[Evidence, ...], list[tuple[object, Evidence]], bool]:
        """Record this article's evidence of ``key``; (its evidence, flagged when contested; evidence of earlier
        articles it newly contests, with their owners; whether the fact is contested). ``dated``: the key is an
        event, dated already, so reports of it contest each other whenever they were published; else only
        reports published within CONTEST_WINDOW of each other do (or the same report)."""
        self.published[article_id] = published
        own = list(evidence)
        earlier = [(o, e) for o, e in self.seen[key] if dated or self._near(e.article_id, article_id)]
        items = [*(e for _, e in earlier), *own]
        is_contested = contested(items)
        newly: list[tuple[object, Evidence]] = []
        if is_contested:
            own = [replace(e, contested=True) for e in own]
            for earlier_owner, item in earlier:
                ident = (key, item.article_id, item.start, item.end, item.rule)
                if item.article_id != article_id and ident not in self.flagged:
                    self.flagged.add(ident)
                    newly.append((earlier_owner, replace(item, contested=True)))
            if not contested(e for _, e in earlier):
                log.warning("%s: contested %s: %s", article_id, _describe(key), _sides(earlier, own))
        self.seen[key].extend((owner, e) for e in own)
        return tuple(own), newly, is_contested

    def _near(self, first: str, second: str) -> bool:
        if first == second:
            return True
        a, b = self.published.get(first), self.published.get(second)
        return a is not None and b is not None and abs(a - b) <= CONTEST_WINDOW


def _describe(key: object) -> str:
    if isinstance(key, tuple) and len(key) == 3:
        return f"{key[1]}({key[0]}, {key[2]})"
    return str(key)


def _sides(earlier: list[tuple[object, Evidence]], own: list[Evidence]) -> str:
    items = [*(e for _, e in earlier), *own]
    said = sorted({f"{e.according_to or 'the report'} {e.stance.lower()}" for e in items})
    return "; ".join(said)


# ---------------------------------------------------------------- one article's events


@dataclass
class _Draft:
    """An event of one article as its readings are gathered."""

    event_class: str
    agents: list[str]
    targets: list[str]
    place: str | None
    when: When | None
    fatalities: int | None
    sub_event_type: str | None
    evidence: list[Evidence]
    sentence: int  # the sentence of its last reading
    summary: bool = False  # a reading whose actors were lent to readings that named places
    headline_only: bool = False  # read only in the headline, which sums up what the body tells

    @property
    def actors(self) -> list[str]:
        return list(dict.fromkeys(self.agents + self.targets))

    def shares_actor(self, other: _Draft) -> bool:
        if self.event_class in SYMMETRIC_CLASSES:
            return bool(set(self.actors) & set(other.actors))
        return bool(set(self.agents) & set(other.agents))

    def take(self, other: _Draft) -> None:
        """Join another reading of the same event."""
        self.agents += [a for a in other.agents if a not in self.agents]
        self.targets += [t for t in other.targets if t not in self.targets and t not in self.agents]
        self.place = self.place or other.place
        self.when = better_time(self.when, other.when)
        self.fatalities = _least(self.fatalities, other.fatalities)
        self.sub_event_type = self.sub_event_type or other.sub_event_type
        self.evidence += other.evidence
        self.sentence = max(self.sentence, other.sentence)
        self.headline_only = self.headline_only and other.headline_only


def _least(first: int | None, second: int | None) -> int | None:
    if first is None or second is None:
        return first if second is None else second
    return min(first, second)


def _joins(draft: _Draft, into: _Draft) -> bool:
    """Whether reading ``draft`` tells the event ``into`` of the same article (told earlier in it)."""
    if draft.event_class != into.event_class or not within_a_day(draft.when, into.when):
        return False
    apart = draft.sentence - into.sentence
    if not draft.actors and draft.place is None:
        return apart <= SENTENCES_BACK  # only a toll: "the attack killed 12"
    if draft.place is not None and into.place is not None:
        return draft.place == into.place and (not draft.actors or not into.actors or draft.shares_actor(into))
    # One place or none named: the same actors in the sentence just before (a headline and its lead)
    return bool(draft.actors and into.actors) and draft.shares_actor(into) and apart <= 1


def _lender(draft: _Draft, drafts: list[_Draft]) -> _Draft | None:
    """'The Taliban captured three provincial capitals on Sunday. Kunduz was taken ...': the summary reading
    just before whose actors a reading that names only a place takes."""
    if draft.actors or draft.place is None:
        return None
    for candidate in reversed(drafts):
        if (candidate.event_class == draft.event_class and candidate.actors and candidate.place is None
                and draft.sentence - candidate.sentence <= SENTENCES_BACK
                and within_a_day(candidate.when, draft.when)):
            return candidate
    return None


#: Which class of event takes in which at the same place in one article: a capture the attacks that led to it,
#: an attack (or capture) the fighting one side of it is told to wage there.
_ABSORBS = {"Attack": ("Capture",), "Clash": ("Attack", "Capture")}


def _absorb(drafts: list[_Draft]) -> list[_Draft]:
    """An attack on a place that the same side takes in the same article (on a date that agrees) is part of its
    capture, as ACLED codes the taking of a town ('entered the city', 'stormed it', then 'took it'); fighting
    there told with only that side named ('fighting was under way in the city') is part of its attack."""
    kept = []
    for draft in drafts:
        wider = _ABSORBS.get(draft.event_class, ())
        if draft.event_class == "Clash" and len(draft.actors) > 1:
            wider = ()  # a clash with both sides named is an event of its own
        into = next((d for cls in wider for d in drafts if d.event_class == cls and d.place is not None
                     and d.place == draft.place and draft.shares_actor(d) and within_a_day(draft.when, d.when)
                     and (draft.when is None or d.when is not None)), None)
        if into is None:
            kept.append(draft)
        else:
            draft.event_class, draft.sub_event_type = into.event_class, None  # its means are not the other's
            into.take(draft)
    return kept


def _denial_of_a_place(draft: _Draft) -> bool:
    """'The ministry denied that Kunduz had fallen': no actor named, but the denial of an event another report tells."""
    return not draft.actors and draft.place is not None and all(e.stance == DENIED for e in draft.evidence)


def _complete(draft: _Draft) -> bool:
    """A capture: who took it and the place taken. An attack: who did it and a place or a target, or, its
    attacker untold, whom it hit and where. A clash: two sides, or a side and a place. A meeting: two sides."""
    if draft.event_class == "Capture":
        return bool(draft.agents) and draft.place is not None
    if draft.event_class == "Attack":
        if draft.agents:
            return draft.place is not None or bool(draft.targets)
        return bool(draft.targets) and draft.place is not None
    if draft.event_class == "Clash":
        return len(draft.actors) >= 2 or (len(draft.actors) == 1 and draft.place is not None)
    return len(draft.actors) >= 2


# ---------------------------------------------------------------- across articles


@dataclass
class KnownEvent:
    """An event met in an earlier article of the build (or read back from a store)."""

    key: str
    event_class: str
    agents: set[str]
    targets: set[str]
    place: str | None
    when: When | None
    fatalities: int | None = None
    label: str = ""

    def matches(self, draft: _Draft) -> bool:
        if self.when is None or draft.when is None or days_apart(self.when, draft.when) > 1:
            return False
        if _denial_of_a_place(draft):
            return True  # the same class, place and day: what the denial is about
        if draft.event_class in SYMMETRIC_CLASSES:
            return bool((self.agents | self.targets) & set(draft.actors))
        return bool(self.agents & set(draft.agents))


@dataclass
class EventResolver:
    """Turns each article's event mentions into events, merging them with the events of earlier articles."""

    known: dict[tuple[str, str | None], list[KnownEvent]] = field(default_factory=lambda: defaultdict(list))
    keys: set[str] = field(default_factory=set)
    contests: Contests = field(default_factory=Contests)
    today: dt.date | None = None

    def remember(self, event: KnownEvent) -> None:
        """Learn an event known from before (read back from a store), so later reports of it join it."""
        self.keys.add(event.key)
        if event.place is not None:
            self.known[(event.event_class, event.place)].append(event)

    def resolve(self, found: ArticleMentions, key_of: dict[Mention, str], entities: dict[str, Entity],
                ) -> tuple[tuple[Event, ...], list[tuple[Event, Evidence]]]:
        """(this article's events, evidence of earlier articles it contests with the events they belong to)."""
        article = found.article
        published = published_date(article.id, article.published, self.today)
        drafts = self._drafts(found, key_of, entities, published)
        events: list[Event] = []
        contested_earlier: list[tuple[Event, Evidence]] = []
        for draft in drafts:
            known = self._known_match(draft)
            if known is None and not _complete(draft):
                continue  # a denial naming only a place, of no event told before ("denied that Kunduz had fallen")
            key = known.key if known is not None else self._new_key(draft, article.id, entities)
            if known is not None:
                self._agree(known, draft, article.id)
            else:
                known = KnownEvent(key, draft.event_class, set(draft.agents), set(draft.targets), draft.place,
                                   draft.when, draft.fatalities, event_label(draft, entities))
                self.remember(known)
            evidence, newly, is_contested = self.contests.add(key, key, _one_per_sentence(draft.evidence), article.id,
                                                              published, dated=True)
            types = [entities[a].type for a in draft.agents if a in entities]
            event = Event(
                key=key, event_class=draft.event_class, label=known.label, agents=tuple(draft.agents), targets=tuple(draft.targets),
                place=draft.place, date=known.when.date if known.when else None,
                precision=known.when.precision if known.when else None, fatalities=known.fatalities,
                sub_event_type=acled_sub_event(draft.event_class, draft.sub_event_type, types),
                evidence=evidence, contested=is_contested,
            )
            events.append(event)
            contested_earlier += [(replace(event, evidence=()), item) for _, item in newly]
        return tuple(events), contested_earlier

    def _drafts(self, found: ArticleMentions, key_of: dict[Mention, str], entities: dict[str, Entity],
                published: dt.date | None) -> list[_Draft]:
        sentence_of = _sentence_index(found)
        drafts: list[_Draft] = []
        for mention in sorted(found.events, key=lambda m: m.evidence.start):
            draft = self._draft(mention, key_of, entities, published, sentence_of(mention.evidence.start),
                                found.article.id)
            into = next((d for d in reversed(drafts) if _joins(draft, d)), None)
            if into is not None:
                into.take(draft)
                continue
            lender = _lender(draft, drafts)
            if lender is not None:
                lender.summary = True
                draft.agents, draft.targets = list(lender.agents), list(lender.targets)
                draft.when = draft.when or lender.when
            drafts.append(draft)
        drafts = _absorb(drafts)
        # A headline sums up the body: what only it tells is no event of its own (it would be one the body's
        # readings missed, or a second copy of one they read differently).
        return [d for d in drafts if (_complete(d) or _denial_of_a_place(d)) and not (d.summary and d.place is None)
                and not d.headline_only]

    def _draft(self, mention: EventMention, key_of: dict[Mention, str], entities: dict[str, Entity],
               published: dt.date | None, sentence: int, article_id: str) -> _Draft:
        def keys(mentions: Iterable[Mention], types: frozenset[str]) -> list[str]:
            out = []
            for m in mentions:
                key = key_of.get(m)
                if key is not None and key in entities and entities[key].type in types and key not in out:
                    out.append(key)
            return out

        agents = keys(mention.agents, ACTOR_TYPES)
        targets = [t for t in keys(mention.targets, ACTOR_TYPES) if t not in agents]
        place = next(iter(keys([mention.place] if mention.place else [], PLACE_TYPES)), None)
        source = key_of.get(mention.according_to) if mention.according_to is not None else None
        evidence = replace(mention.evidence, according_to=source)
        return _Draft(mention.event_class, agents, targets, place, when_of(mention, published, article_id),
                      mention.fatalities, mention.sub_event_type, [evidence], sentence,
                      headline_only=mention.headline)

    def _known_match(self, draft: _Draft) -> KnownEvent | None:
        if draft.place is None:
            return None
        return next((k for k in self.known.get((draft.event_class, draft.place), []) if k.matches(draft)), None)

    def _agree(self, known: KnownEvent, draft: _Draft, article_id: str) -> None:
        """What a later report adds to an event: actors, a more precise date, a lower toll (warned about)."""
        if known.fatalities is not None and draft.fatalities is not None and known.fatalities != draft.fatalities:
            log.warning("%s: reports differ on the toll of %s: %d and %d; the lower is kept, as ACLED does",
                        article_id, known.key, known.fatalities, draft.fatalities)
        if known.when and draft.when and known.when.date != draft.when.date:
            log.info("%s: reports date %s a day apart (%s, %s)", article_id, known.key, known.when.date,
                     draft.when.date)
        known.agents |= set(draft.agents)
        known.targets |= set(draft.targets)
        known.when = better_time(known.when, draft.when)
        known.fatalities = _least(known.fatalities, draft.fatalities)

    def _new_key(self, draft: _Draft, article_id: str, entities: dict[str, Entity]) -> str:
        """'Capture/2021-08-15/kabul/taliban': class, date, place and first actor (and, for an undated event,
        the article, since undated events are never merged across reports); unique in the build."""
        def name(key: str | None) -> str:
            return key.split("/", 1)[1] if key else "somewhere"

        parts = [draft.event_class, draft.when.date.isoformat() if draft.when else "undated", name(draft.place),
                 name((draft.agents or draft.targets)[0])]
        if draft.when is None:
            parts.append(article_id)
        key, number = "/".join(parts), 1
        while key in self.keys:
            number += 1
            key = "/".join([*parts, str(number)])
        return key


def event_label(draft: _Draft, entities: dict[str, Entity]) -> str:
    """'Capture of Kabul by Taliban, 2021-08-15', 'Clash of Afghan security forces and Taliban at Maimana'."""
    def label(key: str) -> str:
        return entities[key].label if key in entities else key.split("/", 1)[-1]

    def listed(keys: list[str]) -> str:
        names = [label(k) for k in keys]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    if draft.event_class in SYMMETRIC_CLASSES:
        text = f"{draft.event_class} of {listed(draft.actors)}"
        if draft.place:
            text += f" at {label(draft.place)}"
    else:
        objects = ([draft.place] if draft.place else []) or draft.targets
        preposition = "on" if draft.event_class == "Attack" else "of"
        text = f"{draft.event_class} {preposition} {listed(objects)}" if objects else draft.event_class
        if draft.agents:
            text += f" by {listed(draft.agents)}"
    return f"{text}, {draft.when.date.isoformat()}" if draft.when else text


def _one_per_sentence(evidence: Iterable[Evidence]) -> list[Evidence]:
    """One piece of evidence per sentence and stance (several triggers of one sentence tell one thing): the one
    that names its source, then the most confident."""
    best: dict[tuple, Evidence] = {}
    for item in evidence:
        ident = (item.start, item.end, item.stance)
        rank = (item.according_to is not None, item.confidence)
        if ident not in best or rank > (best[ident].according_to is not None, best[ident].confidence):
            best[ident] = item
    return sorted(best.values(), key=lambda e: e.start)


def _sentence_index(found: ArticleMentions):
    starts = [start for start, _ in found.sentences]

    def index(offset: int) -> int:
        from bisect import bisect_right

        return max(0, bisect_right(starts, offset) - 1)

    return index


# ---------------------------------------------------------------- relations


def attribute(evidence: Evidence, according_to: Mention | None, key_of: dict[Mention, str]) -> Evidence:
    """The evidence with its source as an entity key."""
    if according_to is None or according_to not in key_of:
        return evidence
    return replace(evidence, according_to=key_of[according_to])


def split_denied(relations: Iterable[Relation], contests: Contests, article: Article,
                 ) -> tuple[tuple[Relation, ...], tuple[Relation, ...], list[tuple[Relation, Evidence]]]:
    """(relations told, relations only denied, evidence of earlier articles contested): a relation that every
    sentence of it denies is written as evidence only, never as a direct triple."""
    told, denied, earlier = [], [], []
    published = published_date(article.id, article.published, quiet=True)
    for relation in relations:
        if relation.predicate in _ACTIONS:
            key = (relation.subject, relation.predicate, relation.object)
            evidence, newly, _ = contests.add(key, relation, relation.evidence, article.id, published)
            relation = replace(relation, evidence=evidence)
            earlier += [(replace(owner, evidence=()), item) for owner, item in newly]
        (told if any(e.stance != DENIED for e in relation.evidence) else denied).append(relation)
    return tuple(told), tuple(denied), earlier


_ACTIONS = frozenset({"attacked", "captured", "clashedWith", "metWith"})

__all__ = ["duration", "ACLED_EVENT_TYPES", "ACLED_GEO_PRECISION", "ACLED_TIME_PRECISION", "EVENT_TYPE_OF", "PLOVER_OF",
           "Contests", "EventResolver", "KnownEvent", "acled_sub_event", "attribute", "contested", "days_apart",
           "published_date", "relative_time", "split_denied", "when_of", "within_a_day"]
