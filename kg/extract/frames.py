"""Event frames: who did what to whom, read from the parse by the frames in ``data/frames.toml``.

A frame (attack, capture, clash, meeting, ...) names its trigger words and the slots its participants
sit in; this module finds every trigger in a Doc, reads each slot with the reader of that name
(``VERB_SLOTS``, ``NOUN_SLOTS``), filters the participants by the types the frame wants, checks that the
action is told as having happened (kg.extract.modality), and turns each reading into relations. The
same ``Reading`` is what events are made of.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..errors import GazetteerError
from .arguments import (ACTOR_TYPES, FIGHTER_TYPES, MONTHS, PARTIAL_PLACE_NOUNS, PLACE_RANK, PLACE_TYPES, SHARE_NOUNS, Arguments,
                        noun_lemma)
from .coref import SPEECH_VERBS
from .lexicon import SETTLEMENT_NOUNS, SUPPORT_VERBS, TAKING_FROM_VERBS, TOWN_RANKS
from .found import FoundRelation, among, each_pair
from .modality import modality, negated, noun_modality, refused
from .spans import children_of, first_conjunct, in_headline, lemmas, one_of_several
from .words import read_toml

FRAMES_FILE = Path(__file__).parent / "data" / "frames.toml"
#: Verbs that say "out" without it when "from" follows: "drove the militants from the town".
OUT_FROM_VERBS = frozenset({"drive", "push", "chase", "flush", "rout"})
#: Prepositions that name what an action was aimed at: "fired at", "rammed into".
TARGET_PREPOSITIONS = ("at", "on", "into", "against", "toward", "towards")
#: Prepositions that say where an action happened.
WHERE_PREPOSITIONS = ("in", "near", "outside", "around", "at", "across", "inside")
#: Nouns of number through which a support verb reaches its action: "launched a series of strikes".
QUANTITY_NOUNS = {"series", "wave", "number", "spate", "barrage", "round", "string", "volley", "salvo", "flurry",
                  "dozen", "hundred", "couple", "hour", "day", "week"}  # "held six hours of talks with X"
#: Verbs whose "in" lends their subject to the noun: "engaged in fighting with X", "took part in the attack".
TAKING_PART_VERBS = {"engage", "take", "participate", "join", "involve"}
#: Verbs of keeping a place: "it" after them is the town named before ("al-Shabaab had held it for years").
HOLDING_VERBS = frozenset({"hold", "control"})
#: Nouns after "from" that stand for whoever holds a place: "from ISIL control", "from the hands of X".
HOLDING_NOUNS = {"control", "grip", "hand", "hands", "rule", "occupation", "yoke", "clutch", "clutches"}
#: Advances are gains, not an attack on the place they are in ("advances in Donetsk").
GAIN_NOUNS = {"advance", "push", "gain", "progress"}
#: Places an attack "in X" can hit, and places that are taken: not a whole country ("an attack in northern
#: Afghanistan", "seized northern Mali" name where, not what).
SITE_TYPES = frozenset({"City", "District", "Province"})
#: "body": an actor that is no single person (a person does not take a town: his forces do; the annotated
#: reports have no capture by a person).
TYPE_SETS: dict[str, frozenset[str] | None] = {"actor": ACTOR_TYPES, "fighter": FIGHTER_TYPES,
                                               "body": ACTOR_TYPES - {"Person", "Official"},
                                               "place": PLACE_TYPES, "territory": SITE_TYPES, "any": None}
#: Slots whose participants are one side of a noun, not its sides: "Rwanda's and M23's hostilities" is
#: no clash between Rwanda and M23.
OWNER_SLOTS = ("possessive", "modifier", "led")


# ---------------------------------------------------------------- the data


@dataclass(frozen=True)
class Frame:
    """One frame of data/frames.toml (see the comments there for what each field means)."""

    name: str
    predicate: str
    event: str
    verbs: frozenset[str] = frozenset()
    particle_verbs: frozenset[tuple[str, str]] = frozenset()
    nouns: frozenset[str] = frozenset()
    place_only: frozenset[str] = frozenset()
    verb_agent: tuple[str, ...] = ()
    verb_patient: tuple[str, ...] = ()
    noun_agent: tuple[str, ...] = ()
    noun_patient: tuple[str, ...] = ()
    of_patient: frozenset[str] = frozenset()
    needs_patient: frozenset[str] = frozenset()
    agent_types: str = "actor"
    patient_types: str = "any"
    attempt: str | None = None
    from_holds: bool = False
    subject_holds: bool = False
    symmetric: bool = False
    plans: bool = False
    objects: frozenset[str] = frozenset()
    #: the armed patient fought back: a clash, not an attack ("drove the rebels out of Goma")
    fought: bool = False

    @classmethod
    def from_table(cls, name: str, table: dict) -> Frame:
        known = set(cls.__dataclass_fields__) - {"name", "particle_verbs"}
        unknown = set(table) - known
        if unknown:
            raise GazetteerError(f"{FRAMES_FILE.name}: frame {name!r} has unknown keys {sorted(unknown)}")
        for key in ("agent_types", "patient_types"):
            if table.get(key, "any") not in TYPE_SETS:
                raise GazetteerError(f"{FRAMES_FILE.name}: frame {name!r}: {key} must be one of {sorted(TYPE_SETS)}")
        for key in ("verb_agent", "verb_patient", "noun_agent", "noun_patient"):
            readers = VERB_SLOTS if key.startswith("verb") else NOUN_SLOTS
            for slot in table.get(key, ()):
                if slot not in readers and not _is_preposition_slot(slot):
                    raise GazetteerError(f"{FRAMES_FILE.name}: frame {name!r}: no slot reader named {slot!r}")
        verbs = table.get("verbs", [])
        values = {k: (frozenset(v) if isinstance(v, list) and k not in ("verb_agent", "verb_patient", "noun_agent",
                                                                          "noun_patient") else v)
                  for k, v in table.items()}
        for key in ("verb_agent", "verb_patient", "noun_agent", "noun_patient"):
            values[key] = tuple(table.get(key, ()))
        values["verbs"] = frozenset(v for v in verbs if " " not in v)
        values["particle_verbs"] = frozenset(tuple(v.split(" ", 1)) for v in verbs if " " in v)
        return cls(name=name, **values)

    def types(self, which: str) -> frozenset[str] | None:
        return TYPE_SETS[self.agent_types if which == "agent" else self.patient_types]


@lru_cache(maxsize=4)
def load_frames(path: Path = FRAMES_FILE) -> tuple[Frame, ...]:
    """The frames of ``path`` (kg's own by default), checked against the slot readers."""
    return tuple(Frame.from_table(name, table) for name, table in read_toml(path).get("frame", {}).items())


def action_words(frames: tuple[Frame, ...]) -> frozenset[str]:
    """Verbs and nouns of attacking, capturing and fighting: a pronoun subject of them is an armed actor."""
    return frozenset(word for f in frames if f.predicate in ("attacked", "captured", "clashedWith")
                     for word in f.verbs | f.nouns)


# ---------------------------------------------------------------- readings


@dataclass
class Reading:
    """One frame read at one trigger word: the participants it found and how the action is told."""

    frame: Frame
    trigger: Token
    kind: str  # "verb" or "noun"
    mode: str  # "fact", "attempt", "denied" (a party denies it happened) or "unreal"
    agents: list[Span] = field(default_factory=list)
    patients: list[Span] = field(default_factory=list)
    #: who held the place before the action ("took Gao from the MNLA")
    holders: list[Span] = field(default_factory=list)
    #: places that came with "from" ("expelled ISIL from the city")
    from_places: list[Span] = field(default_factory=list)
    #: the slot each agent and each patient was read from
    agent_slots: dict[Span, str] = field(default_factory=dict)
    patient_slots: dict[Span, str] = field(default_factory=dict)
    #: patients only part of which was taken ("seized the city's entrance"): attacked, not captured
    partial: list[Span] = field(default_factory=list)
    #: where it happened: places after "in", "near", "outside", "around", "at" on the trigger (or its support
    #: verb), most specific first ("in Kunduz city, in Kunduz province" -> the city)
    places: list[Span] = field(default_factory=list)
    #: (entity, "agent", "patient" or "place") found in a slot but not of a type the frame takes there:
    #: evidence of what the entity is (kg.extract.selection)
    rejected: list[tuple[Span, str]] = field(default_factory=list)
    #: False when the trigger needs what it was done to and none of the right type was found ("entered talks",
    #: "an operation"): such a reading states nothing, but its rejected fillers still say what they are
    complete: bool = True

    @property
    def told(self) -> bool:
        """True when the action is told as having happened (or been tried); False for the denied and the
        unreal, which give no relation ("plans to retake X from Y" is read only for who held X before)."""
        return self.mode in ("fact", "attempt")


class FrameReader:
    """Finds the triggers of a set of frames in a Doc and reads their participants."""

    def __init__(self, frames: tuple[Frame, ...] | None = None):
        self.frames = frames if frames is not None else load_frames()
        self.by_verb: dict[str, list[Frame]] = {}
        self.by_particle_verb: dict[tuple[str, str], list[Frame]] = {}
        self.by_noun: dict[str, list[Frame]] = {}
        for frame in self.frames:
            for verb in frame.verbs:
                self.by_verb.setdefault(verb, []).append(frame)
            for pair in frame.particle_verbs:
                self.by_particle_verb.setdefault(pair, []).append(frame)
            for noun in frame.nouns:
                self.by_noun.setdefault(noun, []).append(frame)
        #: every word that triggers a frame: the readers look these up instead of walking the Doc
        self.words = frozenset(self.by_verb) | {v for v, _ in self.by_particle_verb} | frozenset(self.by_noun)

    def triggered(self, token: Token) -> list[tuple[Frame, str, str]]:
        """(frame, "verb" or "noun", the trigger word) for each frame ``token`` triggers."""
        forms = lemmas(token)
        out: list[tuple[Frame, str, str]] = []
        if _verb_like(token) and not _gerund_as_noun(token):
            # the particle; "out of" counts as one ("drove the rebels out of Goma" parses "out" as a preposition)
            # ("pushed the militants back": the adverb right after the verb or after its object)
            particle = next((c.lower_ for c in children_of(token) if c.dep_ == "prt" or _out_of(c) or (
                c.dep_ == "advmod" and c.lower_ in ADVERB_PARTICLES and (c.i == token.i + 1 or any(
                    o.dep_ == "dobj" and c.i == o.right_edge.i + 1 for o in children_of(token))))), None)
            if particle is None and forms & OUT_FROM_VERBS and any(
                    c.dep_ == "prep" and c.lower_ == "from" or c.dep_ == "dobj" and any(_out_of(g) for g in c.children)
                    for c in children_of(token)):
                # "drove the militants from Hajin", "drove ISWAP fighters out of Geidam" (the parser hangs "out"
                # on the object): "drove them out of"
                particle = "out"
            for form in sorted(forms):
                for frame in self.by_particle_verb.get((form, particle), []) if particle else []:
                    out.append((frame, "verb", form))
                for frame in self.by_verb.get(form, []):
                    out.append((frame, "verb", form))
        elif token.pos_ in ("NOUN", "PROPN") or _gerund_as_noun(token):
            for form in sorted(forms):
                out.extend((frame, "noun", form) for frame in self.by_noun.get(form, []))
        seen, unique = set(), []
        for frame, kind, word in out:
            if frame.name not in seen:
                seen.add(frame.name)
                unique.append((frame, kind, word))
        return unique

    def read(self, doc: Doc, args: Arguments) -> Iterator[Reading]:
        """Every reading of every trigger, incomplete ones included (filter on ``Reading.complete``)."""
        for token in args.words(self.words):
            for frame, kind, word in self.triggered(token):
                reading = read_frame(frame, token, kind, word, args)
                if reading is not None:
                    yield reading


def _verb_like(token: Token) -> bool:
    """A verb, or a verb the tagger took for a noun: a passive one ('Paletwa was overrun by ...' tags 'overrun' NN),
    one with a subject and an object ('The brigade retook Kolda' tags the unknown 'retook' NN), or one with an
    object conjoined with a verb ('It took Nyala and days later overran Zalingei')."""
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        return True
    deps = {c.dep_ for c in children_of(token)}
    if token.dep_ == "attr" and "agent" in deps and token.head.lemma_ == "be":
        return True  # "Sinjar, the heartland of the Yazidis, was overrun by X": the parser's noun after "was"
    return bool(deps & {"nsubjpass", "auxpass"}) or {"nsubj", "dobj"} <= deps or (
        "dobj" in deps and token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"))


def _gerund_as_noun(token: Token) -> bool:
    """'Fighting continued ...', 'after heavy shelling': an -ing form standing where a noun does."""
    return token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass", "pobj") and not any(
        c.dep_ in ("dobj", "nsubj", "aux") for c in children_of(token))


def read_frame(frame: Frame, trigger: Token, kind: str, word: str, args: Arguments) -> Reading | None:
    """The participants of ``frame`` at ``trigger``, or None when it names no participant. A reading of an
    action not told as having happened has mode "unreal" and only its former holders."""
    mode = ("unreal" if negated(trigger) or refused(trigger) else "fact" if frame.plans
            else noun_modality(trigger, SUPPORT_VERBS) if kind == "noun" else modality(trigger))
    if mode == "attempt" and frame.predicate == "captured" and not frame.attempt:
        mode = "unreal"  # a capture only tried, with no attack to stand for it
    if frame.objects and not any(c.dep_ == "dobj" and lemmas(c) & frame.objects for c in children_of(trigger)):
        return None  # "exchanged fire", not "exchanged prisoners"
    if kind == "verb" and word == "take" and any(c.dep_ == "prep" and c.lower_ == "into" for c in children_of(trigger)):
        return None  # "taken into custody", "taken into public ownership": held, not seized
    readers = VERB_SLOTS if kind == "verb" else NOUN_SLOTS
    agent_slots, patient_slots = ((frame.verb_agent, frame.verb_patient) if kind == "verb"
                                  else (frame.noun_agent, frame.noun_patient))
    if kind == "noun" and (word in GAIN_NOUNS or word in frame.needs_patient):
        # ("operations in the Lower Juba region", "violence in X": where, not against whom)
        patient_slots = tuple(s for s in patient_slots if s != "in-place")
    if kind == "noun" and word in frame.of_patient:
        patient_slots = (*patient_slots, "of", "of-site")
    agent_fillers = _fill(agent_slots, trigger, args, readers)
    patient_fillers = _fill(patient_slots, trigger, args, readers)
    agent_slot_of = {span: slot for span, slot in agent_fillers if _fits(span, frame.types("agent"))}
    agents = list(agent_slot_of)
    patient_slot_of = {span: slot for span, slot in patient_fillers
                       if _fits(span, frame.types("patient")) and (frame.symmetric or span not in agents)}
    if any(slot not in FALLBACK_SLOTS for slot in patient_slot_of.values()):
        # "an offensive against the ADF in North Kivu": the place is where, once a target is named
        patient_slot_of = {span: slot for span, slot in patient_slot_of.items() if slot not in FALLBACK_SLOTS}
    if kind == "verb" and "object" in patient_slot_of.values():
        # "attacked their base on the edge of the city": once the object names the target, the town around it
        # is where (kg.extract.frames._where), not a second target
        around = _on_the_edge(trigger, args)
        patient_slot_of = {span: slot for span, slot in patient_slot_of.items()
                           if slot == "object" or span not in around}
    patients = list(patient_slot_of)
    rejected = [(s, "agent") for s, _ in agent_fillers if s not in agent_slot_of] + [
        (s, "patient") for s, _ in patient_fillers if not _fits(s, frame.types("patient"))]
    complete = not ((word in frame.place_only or word in frame.needs_patient) and not patients
                    or word in frame.place_only and not any(p.label_ in PLACE_TYPES for p in patients))
    if not complete and not rejected:
        return None
    partial = [s for c in trigger.children if c.dep_ == "dobj" and c.lemma_.lower() in PARTIAL_PLACE_NOUNS
               for s in args.entities(c)]
    reading = Reading(frame, trigger, kind, mode, agents, patients, agent_slots=agent_slot_of,
                      patient_slots=patient_slot_of, partial=partial, rejected=rejected, complete=complete)
    if frame.from_holds and not _took_something_else(trigger, patients, args):
        holders, reading.from_places = _from_slot(trigger, args)
        reading.holders = [h for h in holders if h.label_ in FIGHTER_TYPES]
        reading.rejected += [(h, "holder") for h in holders if h.label_ in ("Organization", "Person")]
    elif frame.subject_holds and kind == "verb":  # "the army lost Kolda to the rebels": the army held it
        reading.holders = [s for s in subjects_of(trigger, args) if s.label_ in FIGHTER_TYPES and s not in agents]
    if reading.mode == "unreal" and not reading.holders:
        return None  # kept when denied: the denial is evidence too (kg.extract.events)
    where = _where(trigger, kind, args)
    reading.places = sorted((p for p in where if p.label_ in PLACE_TYPES), key=lambda p: PLACE_RANK[p.label_])
    reading.rejected += [(s, "place") for s in where if s.label_ in ("Person", "Organization")]
    return reading


def _where(trigger: Token, kind: str, args: Arguments) -> list[Span]:
    """What stands after "in", "near", "outside" ... on the trigger (or its support verb): where it happened."""
    anchors = [trigger] + ([support_verb(trigger)] if kind == "noun" and supported(trigger) else [])
    if kind == "noun" and trigger.dep_ in ("nsubj", "nsubjpass"):
        anchors.append(trigger.head)  # "fighting raged in Laiza"
    found: list[Span] = []
    for anchor in anchors:
        found.extend(p for p in args.prep_objects(anchor, WHERE_PREPOSITIONS) if p not in found)
        found.extend(p for p in _on_the_edge(anchor, args) if p not in found)  # "on its outskirts", "on the edge of X"
    return found


def _on_the_edge(anchor: Token, args: Arguments) -> list[Span]:
    """The places behind 'on the edge of X', 'on its outskirts' after ``anchor``."""
    return [p for pobj in _objects_after(anchor, ("on",)) if pobj.lemma_.lower() in PARTIAL_PLACE_NOUNS
            for p in args.entities(pobj)]


def _fill(slots: tuple[str, ...], trigger: Token, args: Arguments,
          readers: dict[str, Callable[[Token, Arguments], list[Span]]]) -> list[tuple[Span, str]]:
    """(participant, slot) for every slot of ``slots``, each participant once (its first slot)."""
    out: list[tuple[Span, str]] = []
    seen: set[Span] = set()
    for slot in slots:
        reader = readers.get(slot)
        for span in reader(trigger, args) if reader is not None else _preposition_reader(slot)(trigger, args):
            if span.start in args.dateline:
                continue  # "BAMAKO, Mali -- The army ...": where the report was filed takes no part in it
            if span not in seen:
                seen.add(span)
                out.append((span, slot))
    return out


def _fits(span: Span, types: frozenset[str] | None) -> bool:
    return types is None or span.label_ in types


def _is_preposition_slot(slot: str) -> bool:
    """'with', 'on', 'object-at', 'support-on': a preposition on the trigger, its object or its support verb."""
    return slot.replace("object-", "").replace("support-", "").isalpha()


def _preposition_reader(slot: str) -> Callable[[Token, Arguments], list[Span]]:
    if slot.startswith("object-"):
        prep = slot[len("object-"):]
        return lambda verb, args: [t for obj in verb.children if obj.dep_ == "dobj"
                                   for o in (obj, *obj.conjuncts)  # "fired rockets and drones into Israel"
                                   for t in args.prep_objects(o, (prep,))]
    if slot.startswith("support-"):
        prep = slot[len("support-"):]
        # (after the noun; or a town named in a sentence before, for "carried out air strikes on the city")
        return lambda noun, args: ([t for t in args.prep_objects(support_verb(noun), (prep,))
                                    if t.start > noun.i or t.end <= noun.sent.start and t.label_ in PLACE_TYPES]
                                   + (_it_after(support_verb(noun), prep, args) if prep == "of" else [])
                                   if supported(noun) else [])  # "took control of it"
    return lambda token, args: args.prep_objects(token, (slot,)) + [
        s for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN" and token.pos_ in ("NOUN", "PROPN")
        for s in args.prep_objects(c, (slot,))] + (_with_after_place(token, args) if slot == "with" else []) + (
        _after_the_phrase(token, slot, args) if slot in PHRASE_CLOSING_PREPOSITIONS else [])


#: Prepositions of a noun's slot that the parser may hang on the verb above when a phrase or a comma comes between.
PHRASE_CLOSING_PREPOSITIONS = frozenset({"to", "on", "against"})


def _after_the_phrase(noun: Token, prep: str, args: Arguments) -> list[Span]:
    """'after the fall of Gwoza, a town in southern Borno, to Boko Haram fighters', 'The attacks, on the villages
    of A and B, were blamed on X': the parser hangs the preposition that closes a long noun phrase (or stands
    between commas after it) on the verb above it; right after the phrase and its comma, it is the noun's."""
    if noun.pos_ != "NOUN" or any(c.dep_ == "prep" and c.lower_ == prep for c in noun.children):
        return []
    at = noun.right_edge.i + 1
    if at < len(noun.doc) and noun.doc[at].text == ",":
        at += 1
    if at >= len(noun.doc) or noun.doc[at].lower_ != prep or noun.doc[at].dep_ != "prep" \
            or noun.doc[at].head not in noun.ancestors:
        return []
    objects = [o for o in noun.doc[at].children if o.dep_ == "pobj"]
    return [s for o in objects for s in args.entities(o) if s.start > noun.i]  # (named there, not an anaphor's
    # antecedent: as for the support verb's preposition)


def _with_after_place(verb: Token, args: Arguments) -> list[Span]:
    """'met in the Omani capital, Muscat, with X': the parser hangs 'with X' on the place the verb names."""
    if not _verb_like(verb):
        return []
    places = [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("in", "at")
              for p in prep.children if p.dep_ == "pobj"]
    named_places = [p for p in places if (named := args.entities(p)) and all(e.label_ in PLACE_TYPES for e in named)]
    return [s for place in named_places for s in args.prep_objects(place, ("with",)) if s.label_ not in PLACE_TYPES]


# ---------------------------------------------------------------- verb slots


def subjects_of(verb: Token, args: Arguments) -> list[Span]:
    """Active subjects, inherited from the governing verb for 'X captured A and attacked B', 'X tried to take A',
    'X swept north, seizing A' and 'after seizing A, X ...'."""
    if _declared_done(verb):  # "Iraqi forces declared Mosul liberated": the armed side that declares it did it
        return [s for s in args.children(verb.head, ("nsubj",)) if s.label_ in ARMED_SIDES]
    if _verb_made_a_modifier(verb):  # "The Taliban overran Ghazni, a provincial capital": the name right before
        return [s for s in args.entities(verb.doc[verb.i - 1]) if s.end == verb.i]
    current = verb
    for _ in range(3):
        found_subjects = args.children(current, ("nsubj",))
        if not found_subjects and verb.dep_ == "conj" and verb.head == current and verb.tag_ == "VBD" \
                and not any(c.dep_ == "auxpass" for c in verb.children):
            # "Battalion 166 has been deployed in Sirte and fought Islamic State fighters": the one deployed fought
            # (not "X is scheduled to host", "was found burned": what is done to it)
            found_subjects = args.children(current, ("nsubjpass",))
        if not found_subjects:
            found_subjects = _subject_of_a_reduced_clause(current, args) or _subject_made_an_object_of_after(
                current, args)
        if found_subjects or any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children):
            return found_subjects
        if current.dep_ in ("ROOT", "ccomp"):  # (or the reported clause: "..., the ministry said")
            subject = _subject_hung_on_opening(current, args)
            if subject:
                return subject
        if current.dep_ in ("conj", "xcomp") and current.head.pos_ in ("VERB", "AUX", "ADJ"):
            current = current.head
        elif current.dep_ == "dep" and current.pos_ == "VERB" and current.head.pos_ == "VERB" \
                and current.head.i < current.i:
            current = current.head  # "The M23, made up largely of ..., briefly occupied Goma": the parser's "dep"
        elif current.dep_ == "conj" and current.pos_ == "VERB" and current.head.pos_ in ("NOUN", "PROPN") and any(
                a.pos_ in ("VERB", "AUX") for a in current.head.ancestors):
            # "raising their flag in a main square and battling Afghan forces": the parser made the second verb a
            # conjunct of the noun before it; it shares the verb that noun hangs on
            current = next(a for a in current.head.ancestors if a.pos_ in ("VERB", "AUX"))
        elif current.dep_ == "advcl" and current.tag_ == "VBG" and current.head.pos_ in ("VERB", "AUX"):
            current = current.head  # "X swept north, seizing Kunduz"
        elif current.dep_ == "pcomp" and current.tag_ == "VBG" and current.head.lower_ in ("of", "for") \
                and current.head.head.lemma_.lower() in ACCUSING_VERBS:
            # "accusing the TPLF of attacking bases": the one accused did it
            return args.children(current.head.head, ("dobj",))
        elif current.dep_ == "pcomp" and current.tag_ == "VBG" and current.head.lower_ in ("of", "for") \
                and current.head.head.dep_ == "dobj" and current.head.head.head.lemma_.lower() in ACCUSING_VERBS:
            return args.entities(current.head.head)  # "accused Armenia's forces of firing at Ganja" (on the object)
        elif current.dep_ == "pcomp" and current.tag_ == "VBG" and current.head.head.pos_ in ("VERB", "AUX"):
            current = current.head.head  # "after seizing Kunduz, X moved on Taloqan"
        elif current.dep_ == "pcomp" and current.tag_ == "VBG" and current.head.head.dep_ == "npadvmod" \
                and current.head.head.head.pos_ in ("VERB", "AUX"):
            current = current.head.head.head  # "X moved on Taloqan a day after seizing Kunduz"
        elif current.dep_ in ("acl", "relcl") and current.tag_ == "VBG":
            return args.entities(current.head)  # "Taliban fighters attacking Kunduz"
        elif current.dep_ == "acl" and current.tag_ in ("VBD", "VBN") and first_conjunct(current.head).dep_ == "ROOT" \
                and current.head.pos_ in ("NOUN", "PROPN") and (any(c.dep_ == "dobj" for c in children_of(current))
                                                                or _sentence_without_verb(current)):
            # "Coalition warplanes carried out 18 airstrikes on ...", "Fighters from HTS and allied factions swept
            # into Hama": the clause the parser read as one noun phrase, its verb a participle on the subject (a
            # passive participle has no object of its own, and a report's sentence has a verb)
            return args.entities(first_conjunct(current.head))
        elif current.dep_ == "acl" and current.head.dep_ == "dobj" and _infinitive(current):
            current = current.head.head  # "forces conducting operations to expel ISIL": the forces expel
        elif current.dep_ in ("acl", "relcl") and _infinitive(current) and current.head.dep_ == "pobj" \
                and current.head.head.lower_ == "of" and current.head.head.head.pos_ == "VERB" \
                and any(c.dep_ == "dobj" for c in current.head.head.head.children):
            # "it took advantage of a coup to seize Gao": the one who took it (not "in a bid to seize": an aim)
            current = current.head.head.head
        elif current.dep_ == "advcl" and _infinitive(current) and current.head.pos_ in ("VERB", "AUX"):
            current = current.head  # "the MNLA fought ... to seize northern Mali"
        else:
            return []
    return []


def _sentence_without_verb(participle: Token) -> bool:
    """A body sentence whose only verb is ``participle``, on its root noun, with no passive's agent or auxiliary."""
    if in_headline(participle.doc[participle.i: participle.i + 1]):
        return False  # "Three Soldiers Killed in Ambush": a headline's passive
    if any(c.dep_ in ("agent", "auxpass", "aux") for c in children_of(participle)):
        return False
    return not any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" and t.i < participle.i for t in participle.sent)


def _subject_of_a_reduced_clause(verb: Token, args: Arguments) -> list[Span]:
    """'Russian forces dug in on the far bank had begun shelling X': the parser makes the participle describing
    the subject ('dug in') the verb's subject, and the actor that participle's; the actor is the verb's."""
    return [s for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "VERB" and c.tag_ in ("VBN", "VBD")
            for s in args.children(c, ("nsubj",))]


#: Conjunctions of time the parser takes for prepositions when a long subject follows them.
TIME_CONJUNCTIONS = {"after", "before", "until", "since", "when", "as"}


def _subject_made_an_object_of_after(verb: Token, args: Arguments) -> list[Span]:
    """"after Turkey's president, Recep Tayyip Erdogan, met with Y": the parser takes "after" for a preposition, its
    object the president, and leaves the verb after it without a subject; the object is the subject."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBD", "VBZ", "VBP") or any(
            c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return []
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.text == ",":
        before = verb.doc[verb.i - 2] if verb.i > 1 else None
    noun = before
    while noun is not None and noun.dep_ in ("appos", "compound") and noun.head.i < noun.i:
        noun = noun.head  # from the name in apposition back to the role it describes
    if noun is None or noun.dep_ != "pobj" or noun.head.lower_ not in TIME_CONJUNCTIONS or noun.head.head != verb.head:
        return []
    return args.entities(noun)


def _subject_hung_on_opening(verb: Token, args: Arguments) -> list[Span]:
    """'On Saturday, Mazloum Kobani, the SDF's commander, met with X': the parser makes the name an apposition of
    the opening phrase's last noun and leaves the verb without a subject; the actor named there is it."""
    opening = next((c for c in verb.children if c.dep_ == "prep" and c.i < verb.i and c.is_sent_start), None)
    if opening is None:
        return []
    names = [t for t in opening.subtree if t.dep_ == "appos" and (t.pos_ == "PROPN" or t.pos_ == "NOUN" and any(
        s.label_ in FIGHTER_TYPES for s in args.entities(t)) and _conjoined_to_a_place(t, args))]  # ("Before taking
    if names:  # Shusha, Azerbaijani troops ... had seized": the troops made an apposition of the town)
        return [s for t in names[-1:] for s in args.entities(t) if s.label_ in ACTOR_TYPES]
    # "Before going to Paiporta, Felipe, Sanchez and Mazon met", "Before taking Shusha, Azerbaijani troops had
    # seized ...": the actors made conjuncts of the opening's place
    return [s for t in opening.subtree if t.dep_ == "conj" and t.pos_ in ("PROPN", "NOUN")
            and _conjoined_to_a_place(t, args) for s in args.entities(t) if s.label_ in ACTOR_TYPES]


def _conjoined_to_a_place(token: Token, args: Arguments) -> bool:
    """``token`` is joined by a comma (as a conjunct or an apposition) to a place that is an opening phrase's
    object."""
    first = first_conjunct(token) if token.dep_ == "conj" else token.head
    place = args.entity(first)
    return place is not None and place.label_ in PLACE_TYPES and first.dep_ in ("pobj", "dobj") \
        and token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text == ","


#: Verbs whose object did what their "of"/"for" gerund says: "accused the TPLF of attacking bases".
ACCUSING_VERBS = {"accuse", "blame", "charge", "suspect", "credit", "condemn", "fault"}


def _object_joined_to_the_verb(child: Token) -> bool:
    """'had retaken Kramatorsk, ..., as well as the nearby towns of A and B': the parser joins the second object
    to the verb; a noun conjoined to a verb that has an object is another object."""
    verb = child.head
    return child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN") and verb.pos_ == "VERB" \
        and any(c.dep_ == "dobj" for c in verb.children)


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _objects(verb: Token, args: Arguments) -> list[Span]:
    """Direct objects and their conjuncts ('took A, B and C'); 'have attacked Bakhmut almost daily', where the
    parser makes the place right after the verb an adverb."""
    out: list[Span] = []
    for child in children_of(verb):
        if child.dep_ == "dobj" and child.lower_ == "it" and lemmas(verb) & (TAKING_FROM_VERBS | HOLDING_VERBS) \
                and not any(c.dep_ in ("acomp", "oprd", "xcomp") for c in children_of(verb)):
            # "Hajin was the group's stronghold. The SDF took it."; "after al-Shabaab had held it for a decade"
            # (not "held it responsible")
            out.extend(args.coref.place_before(child))
        elif child.dep_ == "dobj" or _misparsed_place_object(verb, child, args) or _object_joined_to_the_verb(child):
            out.extend(s for s in args.entities(child) if s not in out and not _larger_place_after_comma(s, args))
        elif _share_made_an_adverb(child):  # "controls most of Khartoum, most of Darfur and much of Gezira state":
            out.extend(s for share in (child, *child.conjuncts)  # the parser makes the second share an adverb
                       for s in args.entities(share) if s not in out)
    if not out and _verb_made_a_modifier(verb) and verb.i + 1 < len(verb.doc):
        out.extend(s for s in args.entities(verb.doc[verb.i + 1]) if s.start == verb.i + 1)  # (the name right after)
    if not out and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children):
        out.extend(_object_made_the_sayer(verb, args) or _relative_object(verb, args)
                   or _object_made_a_subject(verb, args))
    return out


def _share_made_an_adverb(token: Token) -> bool:
    """'most' in "controls most of X, most of Y and much of Z" when the parser hangs it on the verb as an adverb."""
    return token.dep_ == "npadvmod" and token.lower_ in SHARE_NOUNS and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in children_of(token))


def _larger_place_after_comma(span: Span, args: Arguments) -> bool:
    """'Kills al-Shabaab Fighters Near Kunyo Barrow, Somalia': a place right after another place and a comma is where
    that one is (kg.extract.located), whatever the parser made it (here a second object of the verb)."""
    doc = span.doc
    if span.label_ not in PLACE_TYPES or span.start < 2 or doc[span.start - 1].text != ",":
        return False
    if span.root.dep_ == "conj":
        return False  # "took A, B and C"
    word = doc[span.start - 2]
    before = args.entity(word)
    if before is None:  # "near Kunyo Barrow, Somalia" with a town the NER missed
        return word.pos_ == "PROPN" and word.dep_ == "pobj" and word.head.lower_ in ("near", "in", "outside", "around")
    return before.label_ in PLACE_TYPES and before.end == span.start - 1 \
        and PLACE_RANK[span.label_] > PLACE_RANK[before.label_]


def _verb_made_a_modifier(verb: Token) -> bool:
    """'The Taliban overran Ghazni, a provincial capital': the parser read the clause as one name, the verb (still
    tagged a past or present verb) a modifier of the name after it, with no children of its own."""
    if verb.dep_ not in ("compound", "amod") or verb.head.i < verb.i or not 0 < verb.i < len(verb.doc) - 1 \
            or any(c.dep_ != "nsubj" or c.i > verb.i for c in verb.children):  # (its subject hung on it, if any)
        return False
    if verb.tag_ in ("VBD", "VBZ"):
        return True
    if verb.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in verb.children) and verb.head.pos_ == "PROPN":
        return True  # "The RSF captured Mellit, about 60 kilometers north of X": a participle with a subject
    # "The SDF captured Hajin, a town ...": tagged a participle, between two names the parser made one phrase
    before = verb.doc[verb.i - 1]
    return verb.tag_ == "VBN" and before.pos_ == "PROPN" and before.dep_ in ("nmod", "compound") \
        and before.head == verb.head and verb.head.pos_ == "PROPN"


RELATIVE_WORDS = ("who", "which", "that", "whom")


def _relative_object(verb: Token, args: Arguments) -> list[Span]:
    """'a trading hub that the rebels captured', 'the town the army retook': in a relative clause with a subject of
    its own and no object, what the clause describes is the object (not 'the town where they fought')."""
    if verb.dep_ != "relcl":
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or any(s.lower_ in RELATIVE_WORDS for s in subjects):
        return []
    if any(c.lower_ in ("where", "when", "why", "whose") or c.dep_ == "prep" and not list(c.children)
           or c.dep_ == "prep" and any(g.lower_ in RELATIVE_WORDS for g in c.children)  # "in which the court held"
           or c.dep_ == "ccomp" for c in verb.children):  # "held that ...": a ruling, and the clause its object
        return []
    return args.entities(verb.head)


def _object_made_a_subject(verb: Token, args: Arguments) -> list[Span]:
    """'shelled Kharkiv, Ukraine's second-largest city, and missile strikes ... left': a place right after the
    verb that the parser made the subject of a clause hanging on the verb."""
    if verb.i + 1 >= len(verb.doc):
        return []
    span = args.entity(verb.doc[verb.i + 1])
    if span is None or span.start != verb.i + 1 or span.label_ not in PLACE_TYPES:
        return []
    root = span.root
    clause = root.head  # the clause the parser gave the place to hangs on the verb, or the verb on it
    hanging = clause.dep_ in ("ccomp", "conj") and clause.head == verb or verb.dep_ in ("ccomp", "advcl") \
        and verb.head == clause
    return [span] if root.dep_ == "nsubj" and hanging else []


def _object_made_the_sayer(verb: Token, args: Arguments) -> list[Span]:
    """'Troops have recaptured Mocimboa da Praia, a port town ..., the army said': in a long report the parser
    makes the place right after the verb the subject of the verb of saying that the clause hangs on."""
    if verb.dep_ != "ccomp" or verb.i + 1 >= len(verb.doc):
        return []
    span = args.entity(verb.doc[verb.i + 1])
    if span is None or span.start != verb.i + 1 or span.label_ not in PLACE_TYPES:
        return []
    root = span.root
    return [span] if root.head == verb.head and root.dep_ == "nsubj" and lemmas(verb.head) & SPEECH_VERBS else []


def _misparsed_place_object(verb: Token, child: Token, args: Arguments) -> bool:
    """'have attacked Bakhmut almost daily', 'liberate Raqqa June 6': a place right after the verb that the
    parser made an adverb, or the date after it."""
    if child.dep_ not in ("advmod", "npadvmod") or any(c.dep_ == "dobj" for c in verb.children):
        return False
    if child.lower_ in MONTHS:
        return any(s.label_ in PLACE_TYPES for s in args.entities(child))
    span = args.entity(child)
    return child.i == verb.i + 1 and span is not None and span.label_ in PLACE_TYPES


#: Verbs that declare a deed done in a small clause: "declared Mosul liberated", "pronounced the town secured".
DECLARING_VERBS = {"declare", "pronounce", "proclaim"}


def _declared_done(verb: Token) -> bool:
    """``verb`` is the participle of a small clause after a declaring verb: 'declared eastern Mosul liberated'."""
    return verb.tag_ == "VBN" and verb.dep_ in ("ccomp", "oprd", "xcomp") and verb.head.lemma_.lower() in \
        DECLARING_VERBS and any(c.dep_ == "nsubj" for c in verb.children) \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)  # (not "declared that X had liberated Y")


def _passive(verb: Token, args: Arguments) -> list[Span]:
    """'A was seized', 'A, seized by the Taliban in 2015, ...', 'declared A liberated'."""
    if _declared_done(verb):
        return args.children(verb, ("nsubj",))
    objects = args.children(verb, ("nsubjpass",))
    if not objects and verb.dep_ == "attr" and verb.head.lemma_ == "be" and _verb_like(verb):
        objects = args.children(verb.head, ("nsubj",))  # "A was overrun by X" with "overrun" a noun after "was"
    if not objects and verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and not any(
            c.dep_ == "nsubj" or c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in verb.children):
        # not "the region, where the army has recaptured 20 towns"; not Basra in "two districts of Basra controlled
        # by X" (the parser hangs the participle on the nearest noun; the parts are what X holds)
        objects = [] if _part_of(verb.head) else args.entities(ranked_town_around(verb.head) or verb.head)
    if not objects and verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.children) and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "a town that fell to the rebels and was retaken by the army": the first verb's subject
        objects = args.children(verb.head, ("nsubj", "nsubjpass"))
    return objects


#: Words that single out one town among those of a place: "the last city in the Luhansk region".
SINGLING_WORDS = TOWN_RANKS | {"last", "only", "first", "major"}


def ranked_town_around(place: Token) -> Token | None:
    """'the last city in the Luhansk region still held by X': the town the region is named to single out, which
    is what the participle the parser hung on the region tells of."""
    prep = place.head
    if place.dep_ != "pobj" or prep.lower_ != "in":
        return None
    town = prep.head
    singled = any(c.dep_ == "amod" and c.lower_ in SINGLING_WORDS for c in town.children)
    return town if singled and town.lemma_.lower() in SETTLEMENT_NOUNS | {"stronghold", "area"} else None


#: Parts of a place: "two districts of Basra", "parts of Kabul", "a suburb of Aleppo".
PART_NOUNS = PARTIAL_PLACE_NOUNS | {"district", "part", "area", "section", "sector", "municipality", "town", "village"}


def _part_of(place: Token) -> bool:
    """'Basra' in 'two districts of Basra', 'parts of Basra', 'a suburb of Basra': named as the whole of a part."""
    of = place.head
    if place.dep_ != "pobj" or of.lower_ != "of" or of.head.pos_ != "NOUN":
        return False
    part = of.head
    return part.lemma_.lower() in PART_NOUNS and (part.tag_ == "NNS" or one_of_several(part))


def _site(verb: Token, args: Arguments) -> list[Span]:
    """'bombed a market in Aleppo': the place a nameless target stands in (the parser often hangs the
    'in X' of the object on the verb)."""
    nameless = [obj for obj in verb.children if obj.dep_ == "dobj" and not args.entities(obj)]
    nameless += [pobj for prep in (*verb.children, *(c for n in nameless for c in n.children))
                 if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPOSITIONS
                 for pobj in prep.children if pobj.dep_ == "pobj" and not args.entities(pobj)
                 and pobj.i > verb.i and pobj.ent_type_ not in ("DATE", "TIME")]  # not "On Sunday"; "rockets at a
    if not nameless:  # police building in Marib"
        return []
    sites = [p for obj in nameless for p in args.site_of(obj)]
    sites += [p for p in args.places_in(verb) if p.start > nameless[0].i and p not in sites]
    return [s for s in sites if s.label_ in SITE_TYPES]


def _hands(verb: Token, args: Arguments) -> list[Span]:
    """'fell into the hands of the Taliban', 'fell into Taliban hands'."""
    out: list[Span] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("into", "in", "under")):
        for hands in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in HOLDING_NOUNS):
            out.extend(s for s in args.of_objects(hands) + args.modifiers(hands) if s not in out)
    return out


#: Nouns of an armed action whose doer an opposing verb's object stands for ("repelled an attack by X").
ACTION_OBJECT_NOUNS = frozenset({"attack", "assault", "offensive", "raid", "advance", "push", "incursion",
                                 "onslaught", "counteroffensive", "counterattack", "ambush"})


#: Patient slots read only when no other patient is named (the place a facility stands in is attacked only when
#: no one is named as the target: "attacked X forces at an airfield in Y region" attacks X, not Y).
FALLBACK_SLOTS = frozenset({"in-place", "repeller", "site"})
#: Verbs whose subject fends off the attack that is their object: "troops repelled seven attacks by X".
REPELLING_VERBS = frozenset({"repel", "repulse", "thwart", "foil", "fend", "resist", "beat", "turn", "fight"})


def _repeller(noun: Token, args: Arguments) -> list[Span]:
    """'Russian troops repelled seven attacks by Ukrainian forces': the attack was on the ones who repelled it."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in REPELLING_VERBS or noun_lemma(noun) not in \
            ACTION_OBJECT_NOUNS:
        return []
    return [s for s in subjects_of(noun.head, args) if s.label_ in FIGHTER_TYPES]


def _doer_of_object(verb: Token, args: Arguments) -> list[Span]:
    """'repelled an attack by X', 'thwarted an X assault': who made the attack the verb's object names."""
    out: list[Span] = []
    for obj in (c for c in verb.children if c.dep_ == "dobj" and noun_lemma(c) in ACTION_OBJECT_NOUNS):
        out.extend(s for s in (*args.prep_objects(obj, ("by", "from")), *args.modifiers(obj)) if s not in out)
    return out


VERB_SLOTS: dict[str, Callable[[Token, Arguments], list[Span]]] = {
    "subject": subjects_of,  # for "fall" the subject is the place that fell
    "object": _objects,
    "passive": _passive,
    "by": lambda verb, args: args.prep_objects(verb, ("by",)),
    "site": _site,
    "hands": _hands,
    "object-doer": _doer_of_object,
}


# ---------------------------------------------------------------- noun slots


def supported(noun: Token) -> bool:
    """'launched an attack', 'staged an assault', 'held talks', 'launched a series of strikes': the verb's
    subject does what the noun names."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in QUANTITY_NOUNS:
        noun = noun.head.head  # "a series of strikes", "a wave of attacks"
    return noun.dep_ == "dobj" and bool(lemmas(noun.head) & SUPPORT_VERBS)


def support_verb(noun: Token) -> Token:
    """The verb that supports a noun (through 'a series of')."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in QUANTITY_NOUNS:
        return noun.head.head.head
    return noun.head


def _support(noun: Token, args: Arguments) -> list[Span]:
    """'X launched an attack', 'the attack was conducted by X', 'X engaged in fighting', 'X took part in the
    liberation of Y'."""
    head = noun.head
    if supported(noun):
        return subjects_of(support_verb(noun), args)
    if noun.dep_ == "nsubjpass" and lemmas(head) & SUPPORT_VERBS:
        return args.prep_objects(head, ("by",))
    if noun.dep_ == "pobj" and head.lower_ in ("in", "into") and lemmas(head.head) & TAKING_PART_VERBS:
        return subjects_of(head.head, args)
    hosts = [noun, *(o for p in children_of(noun) if p.dep_ == "prep" for o in children_of(p) if o.dep_ == "pobj")]
    # (the parser may hang the clause on the target: "the offensive on Raqqa, which the SDF launched")
    for clause in (c for h in hosts for c in children_of(h) if c.dep_ == "relcl" and lemmas(c) & SUPPORT_VERBS):
        if any(o.dep_ == "dobj" and o.lower_ in ("which", "that") for o in children_of(clause)):
            return subjects_of(clause, args)  # "the offensive on Raqqa, which the SDF launched in June"
    return []


def _possessive(noun: Token, args: Arguments) -> list[Span]:
    return [s for c in noun.children if c.dep_ == "poss" for s in args.entities(c)]


def _modifier(noun: Token, args: Arguments) -> list[Span]:
    """'a Taliban assault', 'Houthi attacks' (not the possessive: that is its own slot)."""
    return [s for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod") and c.i < noun.i
            for s in ([args.entity(c)] if args.entity(c) is not None else [])]


def _led(noun: Token, args: Arguments) -> list[Span]:
    """'TTP-led attacks', 'a Russian-led assault': the group named before '-led'."""
    return args.led_by_name(noun)


def _under_from(noun: Token, args: Arguments) -> list[Span]:
    """'X came under attack from Y' -> Y."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "under":
        return args.prep_objects(noun.head.head, ("from", "by")) + args.prep_objects(noun, ("from", "by"))
    return []


def _under_subject(noun: Token, args: Arguments) -> list[Span]:
    """'Helmand has been under attack from the Taliban' -> Helmand; 'it has been under attack' -> the place named
    before."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "under":
        verb = noun.head.head
        return args.children(verb, ("nsubj", "nsubjpass")) + [
            p for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "it"
            for p in args.coref.place_before(c)]
    return []


def _target_subject(noun: Token, args: Arguments) -> list[Span]:
    """'Marib has been the target of a Houthi offensive', 'the town became a target of airstrikes' -> the subject
    of the verb the target is the complement of."""
    target = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if target is None or target.lemma_.lower() != "target" or target.dep_ not in ("attr", "oprd"):
        return []
    return args.children(target.head, ("nsubj", "nsubjpass"))


#: Particles the parser sometimes reads as adverbs right after the verb: "turned back an attack".
ADVERB_PARTICLES = {"back", "off", "out"}


def governing_verb(noun: Token) -> Token | None:
    """'X overran the district after days of clashes with Y': the verb a noun hangs from through prepositions."""
    current = noun
    for _ in range(4):
        if current.dep_ not in ("pobj", "prep") or current.head == current:
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "prep":  # "following clashes": on, to the verb
            return current
    return None


def _clause(noun: Token, args: Arguments) -> list[Span]:
    """'X took the town after fierce clashes with Y' -> X (only fighters: the clause's subject fought); a
    passive one too: 'soldiers were locked in (killed in) heavy fighting with Y'."""
    verb = governing_verb(noun)
    if verb is None:
        return []
    subjects = subjects_of(verb, args) or args.children(verb, ("nsubjpass",))
    return [s for s in subjects if s.label_ in FIGHTER_TYPES]


def _clause_actor(noun: Token, args: Arguments) -> list[Span]:
    """'The envoy travelled to Benghazi for talks with Haftar', 'X ordered the withdrawal at a meeting with Y' ->
    the envoy, X: the subject of the verb the noun hangs from through prepositions."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("for", "during", "after", "following", "at"):
        return []  # not "leads the government's side in talks with the Taliban": a part in them
    if noun.head.lower_ == "at" and not any(c.lower_ == "with" for c in noun.children):
        return []  # "China brokered the truce at talks between A and B": a broker, not a side
    verb = governing_verb(noun)
    return subjects_of(verb, args) if verb is not None else []


def _clause_object(noun: Token, args: Arguments) -> list[Span]:
    """'X pushed Taliban fighters out of Kunduz after two days of street fighting' -> the Taliban: the armed
    object, or former holder, of the verb the noun hangs from fought its subject."""
    verb = governing_verb(noun)
    if verb is None:
        return []
    objects = [s for c in verb.children if c.dep_ == "dobj" for s in args.entities(c)]
    objects += [s for s in _from_slot(verb, args)[0] if s not in objects]
    return [s for s in objects if s.label_ in FIGHTER_TYPES]


#: Verbs whose "with" names the action the subject answered with: "responded with airstrikes against X".
RESPONDING_VERBS = frozenset({"respond", "retaliate", "react", "reply", "answer", "hit"})


#: Verbs of starting a campaign, whose "with" names its first acts: "launched its offensive with attacks on Y".
OPENING_VERBS = frozenset({"launch", "begin", "start", "open"})


def _clause_in(noun: Token, args: Arguments) -> list[Span]:
    """'the gang killed 100 people in an assault on X', 'troops killed five militants during a raid on Y': the
    armed subject of the verb the action noun hangs on by 'in' or 'during'."""
    noun = first_conjunct(noun)  # "with helicopter gunships and airstrikes against X"
    prep = noun.head
    responding = prep.lower_ == "with" and prep.head.lemma_.lower() in RESPONDING_VERBS | OPENING_VERBS  # "the
    # Marines responded with airstrikes against Taliban positions", "X launched its offensive with attacks on Y"
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "during") and not responding or prep.head.pos_ != "VERB":
        return []
    if prep.head.lemma_.lower() in SUFFERED_OR_SAID or any(
            c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in SUFFERED_VERBS and c.i < prep.i
            for c in prep.head.children):
        return []  # "fired rockets to avenge the killing of its commander in an airstrike": the other side's (and
        # "X said ... in an airstrike", the parser's hanging of a long sentence's end on its speech verb)
    verb = prep.head
    doers = subjects_of(verb, args)
    if verb.lemma_.lower() in JOINING_VERBS:  # "X were joined in the assault on Y by Z", "Z joined X in the
        # assault": who joins and who is joined both took part
        doers = doers + args.children(verb, ("nsubjpass", "dobj")) + [
            s for agent in verb.children if agent.dep_ == "agent" for o in agent.children if o.dep_ == "pobj"
            for s in args.entities(o)]
    return [s for s in doers if s.label_ in FIGHTER_TYPES]


#: Verbs of taking part beside another: both the one who joins and the one joined do the action after "in".
JOINING_VERBS = frozenset({"join", "accompany", "assist", "support", "back", "reinforce"})


#: Verbs whose subject answers or mourns an action told after them, which is someone else's: "to avenge the killing
#: of its commander in an airstrike".
SUFFERED_VERBS = frozenset({"avenge", "revenge", "retaliate", "mourn", "protest", "condemn", "denounce", "blame"})
#: ... and the verbs of saying (not "claim": "ISWAP claimed the killing of 20 soldiers in an attack on Damboa" is
#: the claimer's attack).
SUFFERED_OR_SAID = SUFFERED_VERBS | {"say", "tell", "announce", "report", "state"}


def _in_place(noun: Token, args: Arguments) -> list[Span]:
    """'an airstrike in Idlib', 'the Jolo bombings', 'executed strikes ... in Raqqa': a town or region the action hit (not a country:
    'an attack in northern Afghanistan' names where, not what)."""
    places = args.prep_objects(noun, ("in",))
    places += [s for c in noun.children if c.dep_ in ("compound", "nmod") and c.i < noun.i
               for s in [args.entity(c)] if s is not None and s not in places]  # "the Jolo bombings"
    if noun.dep_ in ("dobj", "nsubj"):  # the parser hangs "in X" on the verb; only after the noun: in "In
        # Syria, X launched an offensive" Syria is the setting; "bombings killed 120 people in Mogadishu"
        places += [p for p in args.prep_objects(noun.head, ("in",)) if p.start > noun.i and p not in places]
    if noun.dep_ == "nsubj":  # "bombings killed 120 people in Mogadishu": where its victims were
        places += [p for obj in noun.head.children if obj.dep_ == "dobj" for p in args.prep_objects(obj, ("in",))
                   if p not in places]
    return [p for p in places if p.label_ in SITE_TYPES]


def _between(noun: Token, args: Arguments) -> list[Span]:
    """'clashes between X and Y', and 'fighting continued ... between X and Y' where the parser hangs the
    'between' on the verb the noun is the subject of."""
    sides = args.prep_objects(noun, ("between",))
    if not sides and noun.dep_ == "nsubj":
        sides = args.prep_objects(noun.head, ("between",))
    if not sides and noun.dep_ == "nsubj":  # "fighting continued in other parts of the country between X and Y":
        sides = _between_down(noun.head, args, 3)  # the parser hangs "between" on the last noun before it
    between = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    if between is not None:  # "talks between A, B (ABB) and C": a list the parser broke at the acronym
        sides += [s for s in args.listed_after(between) if s not in sides]
    return sides


def _between_down(token: Token, args: Arguments, depth: int) -> list[Span]:
    """The sides after a 'between' hung on a noun inside the verb's prepositional phrases."""
    for pobj in (c for prep in token.children if prep.dep_ == "prep" and prep.lower_ != "between"
                 for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"):
        sides = args.prep_objects(pobj, ("between",)) or (_between_down(pobj, args, depth - 1) if depth > 1 else [])
        if sides:
            return sides
    return []


def _noun_site(noun: Token, args: Arguments) -> list[Span]:
    """'an attack on a military base in Kidal': the place a nameless target stands in."""
    holders = [noun, *(c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN")]
    return [place for holder in holders for prep in holder.children
            if prep.dep_ == "prep" and prep.lower_ in ("on", "against", "at")
            for pobj in prep.children if pobj.dep_ == "pobj" and not args.entities(pobj)
            for place in args.site_of(pobj) if place.label_ in SITE_TYPES]


#: Participles after an action noun and the preposition naming whom it is laid at: "claimed by X".
LAID_AT = {"claim": "by", "carry": "by", "conduct": "by", "blame": "on"}


def _responsible(noun: Token, args: Arguments) -> list[Span]:
    """Who an action is laid at: 'X claimed responsibility for the bombing', 'X claimed the bombing', 'X was
    behind the attack', 'the attack was blamed on X', 'Y blamed the bombing on X'."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() == "responsibility":
        verb = head.head.head  # "claimed (responsibility (for (the bombing)))"
        return args.children(verb, ("nsubj",)) if verb.lemma_.lower() in ("claim", "take", "accept", "admit") else []
    if noun.dep_ == "pobj" and head.lower_ == "behind" and head.head.lemma_ == "be":
        return args.children(head.head, ("nsubj",))
    if noun.dep_ == "dobj" and head.lemma_.lower() == "claim":
        return args.children(head, ("nsubj",))  # "the Islamic State group claimed the bombing"
    for participle in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        if participle.lemma_.lower() in LAID_AT:  # "bombings claimed by the group", "an attack blamed on X"
            return args.prep_objects(participle, (LAID_AT[participle.lemma_.lower()],))
    if noun.dep_ in ("nsubjpass", "dobj") and head.lemma_.lower() == "blame":
        # "the attack was blamed on X", "blamed the bombing on X" (the parser may hang "on X" on the noun)
        return args.prep_objects(head, ("on",)) + [s for s in args.prep_objects(noun, ("on",))
                                                   if s.label_ not in PLACE_TYPES]
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in ("blame", "accuse"):
        return args.children(head.head, ("dobj",))  # "officials blamed X for the attack on the base"
    if noun.dep_ in ("nsubjpass", "dobj") and head.lemma_.lower() == "attribute":
        return args.prep_objects(head, ("to",))  # "analysts attributed the raid to X"
    for clause in (c for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in LAID_ON):
        if any(o.dep_ == "dobj" and o.lower_ in ("which", "that") for o in clause.children):
            return args.prep_objects(clause, (LAID_ON[clause.lemma_.lower()],))  # "an attack officials blamed on X"
    return []


#: Verbs that lay an action at someone's door in a clause on the action: "an attack that officials blamed on X".
LAID_ON = {"blame": "on", "attribute": "to"}


def _of(noun: Token, args: Arguments) -> list[Span]:
    """'the capture of A', 'the shelling of A'; 'the capture of it': the place named just before."""
    out = args.of_objects(noun)
    return out + [place for place in _it_after(noun, "of", args) if place not in out]


def _it_after(token: Token, prep: str, args: Arguments) -> list[Span]:
    """'took control of it': the place named just before, for "it" after the preposition."""
    return [place for c in token.children if c.dep_ == "prep" and c.lower_ == prep
            for it in c.children if it.dep_ == "pobj" and it.lower_ == "it" for place in args.coref.place_before(it)]


def _of_site(noun: Token, args: Arguments) -> list[Span]:
    """'the bombing of a market in Tamsa', 'the shelling of a school in Kharkiv': where the nameless target of an
    'of' stands."""
    return [place for pobj in (c for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                               for c in prep.children if c.dep_ == "pobj" and not args.entities(c))
            for place in args.site_of(pobj) if place.label_ in SITE_TYPES]


#: Participles that aim an action at its target: "an airstrike targeting al-Shabaab", "raids aimed at ISIL".
AIMING_VERBS = frozenset({"target", "hit", "strike", "attack", "aim", "direct"})


def _aimed(noun: Token, args: Arguments) -> list[Span]:
    """'conducted an airstrike targeting al-Shabaab militants', 'operations aimed at the ADF': the participle's
    object is what the action was done to."""
    out: list[Span] = []
    for verb in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in AIMING_VERBS):
        out.extend(s for s in _objects(verb, args) + args.prep_objects(verb, ("at", "against", "on"))
                   if s not in out)
    return out


NOUN_SLOTS: dict[str, Callable[[Token, Arguments], list[Span]]] = {
    "aimed": _aimed,
    "site": _noun_site,
    "of-site": _of_site,
    "possessive": _possessive,
    "modifier": _modifier,
    "of": _of,
    "by": lambda noun, args: args.prep_objects(noun, ("by",)) + [
        s for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" for s in args.prep_objects(c, ("by",))] + (
        [s for s in args.prep_objects(noun.head, ("by",)) if s.start > noun.i]  # "condemned the capture of B, by Y"
        if noun.dep_ == "dobj" and not any(c.dep_ in ("auxpass", "nsubjpass") for c in noun.head.children) else []),
    "led": _led,
    "support": _support,
    "under-from": _under_from,
    "under-subject": _under_subject,
    "target-of": _target_subject,
    "clause": _clause,
    "clause-object": _clause_object,
    "clause-actor": _clause_actor,
    "repeller": _repeller,
    "clause-in": _clause_in,
    "in-place": _in_place,
    "between": _between,
    "responsible": _responsible,
}


#: What is taken from someone without any ground changing hands: "seized power from the elected government".
NOT_GROUND = frozenset({"power", "office", "leadership", "presidency", "throne", "authority", "mandate", "seat",
                        "majority", "vote", "lead", "title", "money", "contract", "initiative", "crown", "reins"})


def _took_something_else(trigger: Token, patients: list[Span], args: Arguments) -> bool:
    """'the junta seized power from the elected government': what was taken is no ground, so who it was
    taken from held no town and fought no one."""
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    return bool(objects) and not patients and all(
        not args.entities(o) and noun_lemma(o) in NOT_GROUND for o in objects)


def _from_slot(trigger: Token, args: Arguments) -> tuple[list[Span], list[Span]]:
    """(holders, places) after 'from' or 'out of' ('took Gao from the MNLA', 'liberating Fallujah from ISIL
    control', 'expel ISIL from the city'), on the trigger, its object or its support verb."""
    anchors = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    if supported(trigger):
        anchors.append(trigger.head)
    holders: list[Span] = []
    places: list[Span] = []
    for anchor in anchors:
        for pobj in _objects_after(anchor, ("from", "out")):
            if pobj.lemma_.lower() in HOLDING_NOUNS and args.entity(pobj) is None:  # "from ISIL control"
                found = args.modifiers(pobj) + args.of_objects(pobj)
            elif pobj.lower_ == "it":  # "pushed the militants out of it": the place named just before
                found = args.coref.place_before(pobj)
            else:
                found = args.entities(pobj)
            for span in found:
                bucket = places if span.label_ in PLACE_TYPES - {"Country"} else holders
                if span not in bucket:
                    bucket.append(span)
    return holders, places


def _out_of(token: Token) -> bool:
    """'out' as a preposition followed by 'of' ("out of Goma")."""
    return token.dep_ == "prep" and token.lower_ == "out" and any(g.lower_ == "of" for g in token.children)


def _objects_after(token: Token, preps: tuple[str, ...]) -> Iterator[Token]:
    """Objects of ``token``'s prepositions ``preps``, also through 'out of'."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for child in prep.children:
                if child.dep_ == "pobj":
                    yield child
                elif child.dep_ == "prep":  # "out of Goma"
                    yield from (c for c in child.children if c.dep_ == "pobj")


# ---------------------------------------------------------------- readings -> relations


#: Attacks fought on the ground, where the side attacked fights back (not a strike from the air or afar).
GROUND_ASSAULTS = frozenset({"attack", "assault", "storm", "ambush", "raid", "offensive", "battle", "counterattack",
                             "counteroffensive"})
#: The armed sides of a fight.
ARMED_SIDES = ("ArmedGroup", "Force")


def _ground_fight(reading: Reading) -> bool:
    """An assault on the ground ('attacked ISIL fighters', 'stormed the rebels' camp'), not one from afar
    ('attacked Taliban positions with airstrikes')."""
    trigger = reading.trigger
    if not lemmas(trigger) & GROUND_ASSAULTS:
        return False
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    objects += [p for c in trigger.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return not any(noun_lemma(o) in REMOTE_WORDS for o in objects)


#: What is struck from afar (targets, positions) or what strikes from afar (airstrikes, drones, artillery).
REMOTE_WORDS = frozenset({"position", "target", "airstrike", "strike", "drone", "missile", "rocket", "artillery",
                          "aircraft", "jet", "helicopter", "plane", "warplane", "shell", "mortar"})


def _strikes_from_afar(agent: Span) -> bool:
    """'U.S. airstrikes', "the coalition's drones": a side named by what strikes from afar."""
    root = agent.root
    return root.dep_ in ("compound", "amod", "nmod", "poss") and noun_lemma(root.head) in REMOTE_WORDS


def relations_of(reading: Reading, frames: dict[str, Frame]) -> Iterator[FoundRelation]:
    """The relations one reading states: agent -> patient (or among the sides of a clash or meeting), the
    attack an attempted capture is, and the former holder of a place taken 'from' it."""
    frame, kind = reading.frame, reading.kind
    if reading.told and frame.symmetric:
        # "the governor clashed with the Congress": a quarrel, not a fight, unless one side can bear arms
        yield from (r for r in _sides(reading) if frame.predicate != "clashedWith"
                    or r.subject.label_ in FIGHTER_TYPES or r.object.label_ in FIGHTER_TYPES)
    elif reading.told:
        predicate, suffix = frame.predicate, kind
        if reading.mode == "attempt" and frame.attempt:
            predicate, suffix = frames[frame.attempt].predicate, "attempt"
        agents = reading.agents
        if predicate == "clashedWith":  # "Afghan forces and U.S. airstrikes pushed the insurgents back": who
            agents = [a for a in agents if not _strikes_from_afar(a)]  # fought were the forces on the ground
        for patient in reading.patients:
            pred = predicate
            if pred == "captured" and patient in reading.partial:
                pred = "attacked"
            elif pred == "attacked" and frame.fought and patient.label_ in ARMED_SIDES:
                pred = "clashedWith"
            yield from each_pair(agents, [patient], pred, f"{pred}-{frame.name}-{suffix}")
        if predicate == "attacked" and reading.mode != "attempt" and _ground_fight(reading):
            # "Iraqi forces attacked ISIL fighters": an assault by one armed side on another is a fight
            armed = [p for p in reading.patients if p.label_ in ARMED_SIDES]
            ground = [a for a in reading.agents if a.label_ in ARMED_SIDES and "air" not in a.text.lower().split()]
            yield from each_pair(ground, armed, "clashedWith", f"clashedWith-{frame.name}-{kind}")
    if frame.from_holds or frame.subject_holds:
        taken = [p for p in reading.patients if p.label_ in SITE_TYPES] or reading.from_places
        holders = reading.holders or ([p for p in reading.patients if p.label_ in FIGHTER_TYPES]
                                      if reading.from_places else [])
        yield from each_pair(holders, taken, "captured", f"captured-{frame.name}-from")
        if frame.predicate == "attacked" and reading.mode == "fact" and reading.from_places \
                and reading.kind == "verb" and reading.trigger.tag_ in ("VBD", "VBN"):
            # "troops drove the militants out of Geidam": done, not tried, the place is now the troops'
            drivers = [a for a in reading.agents if a.label_ in FIGHTER_TYPES]
            yield from each_pair(drivers, reading.from_places, "captured", f"captured-{frame.name}-driver")
        if reading.told:  # taking (or trying to take) a place from its holder is a fight with it
            fighters = [a for a in reading.agents if a.label_ in FIGHTER_TYPES]
            yield from each_pair(fighters, [h for h in reading.holders if h not in fighters], "clashedWith",
                                 f"clashedWith-{frame.name}-from")


def _sides(reading: Reading) -> Iterator[FoundRelation]:
    """A clash or a meeting: each agent with each other side, or among the agents when no other is named
    ('X and Y clashed', 'leaders of A, B and C held talks'), but not among the owners of a noun."""
    frame = reading.frame
    rule = f"{frame.predicate}-{frame.name}-{reading.kind}"
    others = [p for p in reading.patients if p not in reading.agents]
    if others:
        yield from each_pair(reading.agents, others, frame.predicate, rule)
        between = [p for p in others if reading.patient_slots.get(p) == "between"]
        yield from among(between, frame.predicate, rule)  # "fighting between X and Y", "talks between A, B and C"
        return
    if reading.kind == "verb" and _unnamed_other_side(reading.trigger, frame.objects):
        return  # "Malian and French troops fought off dozens of gunmen": they fought others, not each other
    if any(slot == "alongside" for slot in reading.agent_slots.values()):
        return  # nor between allies: "X and Y fought alongside Z" names one side
    sides = [a for a in reading.agents if reading.agent_slots.get(a) not in OWNER_SLOTS]
    yield from among(sides, frame.predicate, f"{rule}-coordinated")


def _unnamed_other_side(verb: Token, own_objects: frozenset[str]) -> bool:
    """The verb has an object, or one after 'with'/'against', that names no entity (nor 'each other', nor the
    object that makes the frame: 'exchanged fire')."""
    objects = [c for c in verb.children if c.dep_ == "dobj"] + [
        o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "against")
        for o in c.children if o.dep_ == "pobj"]
    return any(o.lower_ not in ("other", "another") and o.lemma_ != "one" and not lemmas(o) & own_objects
               for o in objects)
