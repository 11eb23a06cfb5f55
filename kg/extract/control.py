"""Who holds a place, told as a state rather than an action: "Houthi-held Hodeidah", "Kunduz is under
Taliban control", "Raqqa, the group's stronghold". These give ``captured`` but no event."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from .arguments import FIGHTER_TYPES, PLACE_NOUNS, PLACE_TYPES, Arguments
from .found import FoundRelation, each_pair
from .frames import SITE_TYPES, ranked_town_around, subjects_of
from .lexicon import TAKING_FROM_VERBS
from .modality import modality
from .spans import lemmas
from .roles import described_by, role_targets
from .words import word_list

#: "X-held Kunduz", "Houthi-controlled Sanaa": a place held by the group named in its modifier.
HELD_PARTICIPLES = word_list("control", "held")


def held_place_rules(doc: Doc, args: Arguments) -> Iterator[FoundRelation]:
    """'Houthi-held Hodeidah', 'rebel-controlled Idlib' (when the group is a named entity)."""
    if not args.words(HELD_PARTICIPLES):
        return
    for span in args.ents:
        if span.label_ not in PLACE_TYPES:
            continue
        # on the name, or on a place noun beside it: "Sanaa, the Houthi-held capital", "the Houthi-held city of X"
        nouns = [span.root, *(n for n in described_by(span) if n.lemma_.lower() in PLACE_NOUNS)]
        if span.root.dep_ == "pobj" and span.root.head.lower_ == "of" and \
                span.root.head.head.lemma_.lower() in PLACE_NOUNS:
            nouns.append(span.root.head.head)
        for participle in (c for n in nouns for c in n.children if c.dep_ == "amod" and c.lower_ in HELD_PARTICIPLES):
            holders = [h for c in participle.children if c.dep_ in ("npadvmod", "compound", "nmod")
                       for h in args.entities(c) if h.label_ in FIGHTER_TYPES]
            yield from each_pair(holders, [span], "captured", "captured-held-modifier")


#: Past forms of capture verbs the small parser takes for part of a name, an adjective or a noun ("ISIL fighters
#: overran Tikrit, the capital of ...": a compound of "Tikrit"; "the Taliban overran Ghazni"; "had overrun two posts";
#: "... the National Front for Liberation retook Saraqeb": a noun after the group's name).
MISPARSED_CAPTURE_FORMS = frozenset({"overran", "overrun", "retook", "recaptured", "seized", "captured"})
#: Words that may stand between a doer and its verb: "had overrun", "also overran".
BETWEEN_DOER_AND_VERB = frozenset({"had", "have", "has", "also", "quickly", "swiftly", "briefly", "reportedly"})


def misparsed_capture_rules(doc: Doc, args: Arguments) -> Iterator[FoundRelation]:
    """'ISIL fighters overran Tikrit' where the parser made no verb of "overran": the armed actor written right before
    it (an auxiliary or adverb between) took the place written right after it. Read from the words, as the tree has
    no clause there to read."""
    for token in args.words(MISPARSED_CAPTURE_FORMS):
        if token.pos_ in ("VERB", "AUX") or token.lower_ not in MISPARSED_CAPTURE_FORMS:
            continue
        before = token.i - 1
        while before >= 0 and doc[before].lower_ in BETWEEN_DOER_AND_VERB:
            before -= 1
        after = token.i + 1
        while after < len(doc) and doc[after].pos_ == "DET":
            after += 1
        if before < 0 or after >= len(doc) or doc[before].sent != doc[after].sent or modality(token) != "fact":
            continue
        doers = [s for s in args.entities(doc[before]) if s.label_ in FIGHTER_TYPES and s.end <= token.i]
        doers += [s for d in doers[:1] for c in d.root.conjuncts for s in args.entities(c)
                  if s.label_ in FIGHTER_TYPES and s.end <= token.i and s not in doers]  # "A and B retook X"
        # (what can be overrun and so taken: a town, a district, a province, the capture frame's "territory")
        places = [s for s in args.entities(doc[after]) if s.label_ in SITE_TYPES and s.start > token.i]
        if doc[after].lower_ == "it":  # "... retook it on Feb. 27": the place the sentence before was about
            places = [s for s in args.coref.place_before(doc[after]) if s.label_ in SITE_TYPES]
        yield from each_pair(doers, places[:1], "captured", "captured-misparsed-verb")


#: Verbs that put their object where "under X control" says: "left the town under RSF control".
LEAVING_UNDER_VERBS = {"leave", "place", "put", "bring", "keep"}


def under_control_rules(doc: Doc, args: Arguments) -> Iterator[FoundRelation]:
    """'Kunduz is now under Taliban control', 'the district came under the control of the RSF', 'X was in the
    hands of Y'."""
    for control in args.words(("control",)):
        if control.lower_ != "control" or control.dep_ != "pobj" or control.head.lower_ != "under":
            continue
        holder_of = _past_adverb(control.head.head)  # "Konna was back under the control of X"
        if modality(holder_of) != "fact":
            continue
        holders = [h for h in args.modifiers(control) + args.of_objects(control) if h.label_ in FIGHTER_TYPES] or [
            f for c in control.children if c.dep_ == "amod" and c.text in args.country_adjectives
            for f in args.coref.named_force(c.text)]  # "under Russian control": the Russian forces named
        places = [p for c in holder_of.children if c.dep_ in ("nsubj", "nsubjpass") for p in args.entities(c)
                  if p.label_ in PLACE_TYPES and (p.root in (c, *c.conjuncts) or c.lemma_.lower() in PLACE_NOUNS)]
        # ("the town of X is under Y's control"; not the owner of "Moscow's forces")
        places += [p for c in holder_of.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "it"
                   for p in args.coref.place_before(c)]  # "it remains under the control of Afghan forces"
        if holder_of.pos_ in ("NOUN", "PROPN"):  # "Kunduz, under Taliban control since Sunday, ..."
            holder_of = ranked_town_around(holder_of) or holder_of  # "the last city in X still under Y's control"
            places += [p for p in args.entities(holder_of) if p.label_ in PLACE_TYPES]
        if holder_of.dep_ == "attr" and holder_of.head.lemma_ == "be":  # "X is the last area under ISIS control"
            places += [p for p in args.children(holder_of.head, ("nsubj",)) if p.label_ in PLACE_TYPES]
        places += _relative_subject_places(holder_of, args)  # "X, a town that remains under Y's control"
        if holder_of.lemma_.lower() in LEAVING_UNDER_VERBS:  # "the fall of the base left X and most of Y under
            places += [p for p in args.children(holder_of, ("dobj",)) if p.label_ in PLACE_TYPES]  # RSF control"
        places = [p for p in places if not _just_taken(p)]
        yield from each_pair(holders, places, "captured", "captured-under-control")
    yield from _in_control_of(args)
    yield from _in_hands_of(args)


def _relative_subject_places(verb: Token, args: Arguments) -> list[Span]:
    """'Kunduz, which remains under Taliban control', 'Jaffna, a town that is under LTTE control': the place the
    relative clause's subject stands for (the arguments resolve 'which' and 'that' to the name or its description)."""
    if verb.dep_ != "relcl":
        return []
    return [p for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that")
            for p in args.entities(c) if p.label_ in PLACE_TYPES]


def _just_taken(place: Span) -> bool:
    """'Russian forces captured Lysychansk, the last city under Ukrainian control': the place the sentence tells
    was taken, whose description under another's control is how it was before."""
    root = place.root
    return root.dep_ == "dobj" and bool(lemmas(root.head) & TAKING_FROM_VERBS)


def _past_adverb(token: Token) -> Token:
    """The verb an adverb such as 'back' or 'firmly' hangs on, where the parser hung a phrase on the adverb."""
    return token.head if token.dep_ == "advmod" and token.pos_ == "ADV" else token


def _in_control_of(args: Arguments) -> Iterator[FoundRelation]:
    """'federal forces remained in full control of Bahir Dar', 'the army is in control of the town'."""
    for control in args.words(("control",)):
        if control.dep_ != "pobj" or control.head.lower_ != "in" or control.head.head.pos_ not in ("VERB", "AUX"):
            continue
        verb = control.head.head
        if modality(verb) != "fact":
            continue
        # ("the army had repulsed an attack and was in full control of Juba": the subject of the first verb)
        holders = [h for h in subjects_of(verb, args) if h.label_ in FIGHTER_TYPES]
        places = [p for p in args.of_objects(control) if p.label_ in SITE_TYPES]
        yield from each_pair(holders, places, "captured", "captured-in-control")


def _in_hands_of(args: Arguments) -> Iterator[FoundRelation]:
    """'By nightfall Mirebalais was in the hands of Viv Ansanm', 'the town remains in rebel hands'."""
    for hands in args.words(("hands",)):
        if hands.lower_ != "hands" or hands.dep_ != "pobj" or hands.head.lower_ != "in":
            continue
        verb = _past_adverb(hands.head.head)  # "Marte was back in the hands of Nigerian troops"
        if verb.lemma_ not in ("be", "remain", "stay"):
            continue
        if modality(verb) != "fact":
            continue
        holders = [h for h in args.of_objects(hands) + args.modifiers(hands) if h.label_ in FIGHTER_TYPES]
        places = [p for p in args.children(verb, ("nsubj",)) if p.label_ in SITE_TYPES]
        yield from each_pair(holders, places, "captured", "captured-in-hands")


#: Nouns that say a place is held by whoever qualifies them: "a key IS stronghold", "the group's bastion".
HOLD_NOUNS = word_list("control", "hold_nouns")


def stronghold_rules(doc: Doc, args: Arguments) -> Iterator[FoundRelation]:
    """'Al-Dashisha has been a key IS stronghold', 'Raqqa, which is the group's stronghold': the group that
    holds the place."""
    for span in args.ents:
        if span.label_ not in SITE_TYPES:
            continue
        for noun in described_by(span):
            if noun.lemma_.lower() in HOLD_NOUNS:
                holders = [h for h in role_targets(noun, args, ("of",)) if h.label_ in FIGHTER_TYPES]
                yield from each_pair(holders, [span], "captured", "captured-stronghold")
    yield from _misparsed_strongholds(doc, args)
    yield from _strongholds_after_comma(args)


def _strongholds_after_comma(args: Arguments) -> Iterator[FoundRelation]:
    """'retake Mosul, the last major stronghold of Islamic State in Iraq, ...' where the parser hung the
    description on another word: the place right before its comma is the one it describes."""
    for noun in args.words(HOLD_NOUNS):
        place = args.named_before_comma(noun)
        if place is None or place.label_ not in SITE_TYPES or noun.lemma_.lower() not in HOLD_NOUNS:
            continue
        holders = [h for h in args.prep_objects(noun, ("of",)) if h.label_ in FIGHTER_TYPES]
        yield from each_pair(holders, [place], "captured", "captured-stronghold")


def _misparsed_strongholds(doc: Doc, args: Arguments) -> Iterator[FoundRelation]:
    """'Al-Dashisha ... has been a key IS stronghold', where the parser took 'IS' for the verb or 'stronghold' for
    an adjective: the group named right before the noun holds the place that is the sentence's subject."""
    for noun in args.words(HOLD_NOUNS):
        before = args.entity(doc[noun.i - 1]) if noun.i > 0 else None
        if before is None or before.label_ not in FIGHTER_TYPES:
            continue
        places = [p for t in noun.sent if t.dep_ == "nsubj" and t.i < before.start
                  for p in args.entities(t) if p.label_ in SITE_TYPES]
        yield from each_pair([before], places[:1], "captured", "captured-stronghold")

