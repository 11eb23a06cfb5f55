"""Where places are: locatedIn from the words that put one place inside another.

"Qala-e-Zal in Kunduz province", "Helmand's Sangin district", "the Imam Sahib district of Kunduz Province",
"the key Iraqi city of Fallujah", "North Kivu and Ituri provinces in eastern DRC", and a place followed by
a larger one after a comma: "Sabratha, Libya", "in Toribio, Cauca,", "BAMAKO, Mali —" (a dateline).
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from .arguments import PLACE_NOUNS, PLACE_RANK, PLACE_TYPES, Arguments, noun_lemma
from .coref import PLACE_ANAPHORS
from .found import FoundRelation, found
from .gazetteer import country_adjectives
from .lexicon import DISTRICT_WORDS, NEIGHBOURHOOD_WORDS, SETTLEMENT_NOUNS
from .places import BEARINGS
from .spans import NESTED_KEY, first_conjunct, member_list_noun, name_of, names_listed_before

#: What may follow "X, Y" for Y to be where X is, not the next item of a list ("Kunduz, Baghlan and Takhar").
CLOSERS = {",", ".", ";", ":", ")", "(", "\u2014", "\u2013", "--", "-", "'s", "\u2019s", "\"", "\u201d"}


#: Bearings before a town that make the district named before it a part of the town: "the Shaar district in
#: eastern Aleppo" (a district of a province is no part of its town: "the Imam Sahib district of Kunduz").
TOWN_PART_BEARINGS = frozenset({"central", "downtown"} | {f"{bearing}ern" for bearing in BEARINGS})
#: The rule of a part of a town: the one reading that puts a District inside a City.
TOWN_PART_RULE = "locatedIn-town-part"


#: Nouns of an apposition that say what a place is, and so where: "Matta, a Taliban stronghold in the Swat Valley".
APPOSED_PLACE_NOUNS = PLACE_NOUNS | {"stronghold", "bastion", "enclave", "crossroads", "island", "resort"}
#: Who lives in a place: "a town of 20,000 people in Y" is in Y.
DWELLERS = frozenset({"people", "resident", "inhabitant", "soul"})
#: Verbs that say where a place is.
LYING_VERBS = frozenset({"lie", "locate", "sit", "situate"})


def located_in_rules(doc: Doc, args: Arguments) -> Iterator[FoundRelation]:
    """Every reading of one place inside another; conjoined places share what contains them."""
    yield from _place_anaphors_in(doc, args)
    yield from _listed_before_a_kind(args)
    for span in args.ents:
        if span.label_ not in PLACE_TYPES:
            continue
        containers = list(_containers(span, args))
        conjoined = _conjoined_places(span, args)
        for target, rule, chained in containers:
            # "a town in al-Hasakah governorate in the far northeast of Syria": the governorate is in Syria, the
            # town in the governorate (the annotated reports link each place to the next larger one only)
            nearer = [t for t, _, link in containers if t.start < target.start and larger(target, t)
                      and t not in conjoined and link and chained]
            for place in nearer[-1:] or conjoined:
                if larger(target, place) or rule == TOWN_PART_RULE and place.label_ == "District" \
                        or target.label_ == "City" and _named_a_part(place, target):
                    yield found(place, "locatedIn", target, rule)
        for part in _included(span, args):  # "the Regional Municipality of Wood Buffalo, which includes Fort McMurray"
            if larger(span, part):
                yield found(part, "locatedIn", span, "locatedIn-includes")
        target = _after_comma(span, args)
        if target is not None:  # "Deer Park and Baytown, Texas": both are in Texas
            for place in conjoined:  # not "Ada, Okla., and Seminole", nor "Gdansk, Poland, and Vigo, Spain"
                if place.start <= span.start and larger(target, place) and (
                        place == span or _after_comma(place, args) is None):
                    yield found(place, "locatedIn", target, "locatedIn-comma")


#: Plural kind words a list of places can stand before: "the Crater and Khor Maksar districts".
LISTED_KINDS = frozenset({"districts", "townships", "provinces", "regions", "states", "counties", "municipalities",
                          "governorates", "villages", "towns", "neighborhoods", "neighbourhoods"})


def _listed_before_a_kind(args: Arguments) -> Iterator[FoundRelation]:
    """"Aden's Crater and Khor Maksar districts", "Rathedaung and Minbya townships of Rakhine": the places listed
    before a plural kind word are in the place that owns it or that follows its "of", whatever the parser made of
    the list (it often hangs the last name on the kind word and the rest elsewhere)."""
    doc = args.doc
    for noun in args.words(LISTED_KINDS):
        if noun.lower_ not in LISTED_KINDS or args.entity(noun) is not None or noun.i < 3:
            continue
        last = args.entity(doc[noun.i - 1])
        if last is None or last.end != noun.i or last.label_ not in PLACE_TYPES:
            continue
        listed = args.listed_before(last) + [last]
        if len(listed) < 2:
            continue  # one name before a kind word is read by the parse ("Helmand's Nawa district")
        first = listed[0].start
        # (the owner named, or a place noun standing for it: "the province's A, B and C districts")
        owners = [(o, "locatedIn-possessive") for o in args.entities(doc[first - 2])] if first >= 2 and doc[
            first - 1].lower_ in ("'s", "\u2019s") else []
        if noun.i + 2 < len(doc) and doc[noun.i + 1].lower_ == "of":
            owners.append((args.entity(doc[noun.i + 2]), "locatedIn-prep"))
        for owner, rule in ((o, r) for o, r in owners if o is not None and o.label_ in PLACE_TYPES):
            for place in listed:
                if larger(owner, place) or owner.label_ == "City" and place.label_ == "District":
                    yield found(place, "locatedIn", owner, TOWN_PART_RULE if owner.label_ == "City" else rule)


def _place_anaphors_in(doc: Doc, args: Arguments) -> Iterator[FoundRelation]:
    """'withdrew from the ruined city in Luhansk Province': the city named before is in that province."""
    for token in args.words(PLACE_ANAPHORS):
        lemma = token.lemma_.lower()
        if lemma not in PLACE_ANAPHORS or args.entity(token) is not None or token.tag_ == "NNS" \
                or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            continue  # "the towns of A and B in western Tabasco" names its towns (even when the NER missed them)
        for place in args.coref.antecedent(token, PLACE_ANAPHORS[lemma]):
            for target in args.prep_objects(token, ("in",)):
                if larger(target, place):
                    yield found(place, "locatedIn", target, "locatedIn-prep")


def _containers(span: Span, args: Arguments) -> Iterator[tuple[Span, str, bool]]:
    """(larger place, rule, chained) named around one place: its possessive, 'in Y', 'of Y', a country adjective;
    chained when it may be a link of a chain "a town in A in B" (A is in B then)."""
    root = span.root  # (worked out anew on every access)
    holders = [root]
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS \
            and not names_listed_before(head.head):  # (not "the A and B districts of X", X's)
        holders.append(head.head)  # "the district of X in Y", "the city of X"
    if root.dep_ in ("compound", "nmod") and span.label_ == "City" and (
            head.lemma_.lower() in NEIGHBOURHOOD_WORDS
            or head.lemma_.lower() == "district" and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)):
        return  # "the Sirte neighborhood of al-Dular", "the Brussels district of Molenbeek": the part is in the town
    if root.dep_ in ("compound", "nmod") and noun_lemma(head) in PLACE_NOUNS:
        holders.append(head)  # "X district" with "district" outside the entity, "X and Y provinces in Z"
    described = _description_after(span, args)
    if described is not None and described not in holders:
        holders.append(described)  # "Bakhmut, a salt-mining town in the Donetsk region, ...", however parsed
    holders += [c for c in root.conjuncts if c.i > root.i and c.tag_ == "NNS" and c.lemma_.lower() in PLACE_NOUNS
                and names_listed_before(c)]  # "the Middle Juba and Lower Shabelle regions of Y": the parser joined
    # the first name to the plural noun
    first = first_conjunct(root)
    listing = member_list_noun(first) or (first.head.head if first.dep_ == "pobj" and first.head.lower_ == "including"
                                          else None)
    if listing is not None and listing.lemma_.lower() in PLACE_NOUNS and listing.tag_ == "NNS":
        holders.append(listing)  # "14 Texas counties, including Kerr and Kendall", "Helmand's districts, among them A"
    if first.dep_ == "appos" and first.head.i < first.i and first.head.tag_ == "NNS" \
            and first.head.lemma_.lower() in PLACE_NOUNS:
        holders.append(first.head)  # "two rural Manitoba towns, Carberry and Gladstone"
    holders += [a for a in first.children if a.dep_ == "appos" and a.lemma_.lower() in APPOSED_PLACE_NOUNS  # "A and B,
                # two districts in southern Tripoli"; not "A, 30 km from B, the Somali capital": B's
                and args.named_before_comma(a) in (None, span, *(map(args.entity, first.conjuncts) if a.tag_ == "NNS"
                                                                 else ()))]  # "A and B, the capital of Y": B's
    yield from ((target, rule, True) for target, rule in _held_by(span, holders, args))
    yield from ((target, "locatedIn-prep", True) for target in _in_after_other_towns(root, args))
    # "Mosul, the capital of Nineveh province and Iraq's second-largest city": a second description joined to the
    # first says where the place is on its own (Nineveh is not in Iraq by this sentence)
    second = [c for h in holders if h is not root and not (root.dep_ == "pobj" and root.head.head == h)  # (not the
              for c in h.conjuncts if c.i > h.i and c.tag_ == "NN"  # capital's province, "the capital of Nineveh")
              and c.lemma_.lower() in SETTLEMENT_NOUNS]
    for target, rule in _held_by(span, second, args):
        yield target, rule, False
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if after is not None and noun_lemma(after) in PLACE_NOUNS and after.ent_type_ == "" \
            and span.end + 1 < len(span.doc):
        after = span.doc[span.end + 1]  # "North Kivu and Ituri Provinces in eastern DRC": past the kind word
    elif after is not None and after.text == "," and span.end + 1 < len(span.doc) \
            and span.label_ in ("City", "District"):
        after = span.doc[span.end + 1]  # "In Andahuaylas, in the Apurimac region, ...": where the town is, between
        # commas (the target must close with one too: not "in Juba, in a speech")
    if after is not None and after.lower_ == "in" and after.dep_ == "prep" and after.head not in holders:
        # "stormed the town of Sabiid in the Lower Shabelle region": the parser hangs "in" on the verb, but a
        # place right after another is where that one is
        for target in args.prep_objects(after.head, ("in",)):
            closed = after.i == span.end or target.end < len(span.doc) and span.doc[target.end].text in (",", ".")
            kind = target.root.head  # "in Ethiopia's Amhara Region": the kind word outside the name holds it
            if target.start > span.end and closed and (target.root.head == after or noun_lemma(kind) in PLACE_NOUNS
                                                       and kind.i == target.end and kind.head == after):
                yield target, TOWN_PART_RULE if _town_part(root, target, args) else "locatedIn-prep", True
    subject = first.head if first.dep_ == "appos" else root  # "the worst-hit towns, A, B and C, are all in Y"
    verb = subject.head
    clause = next((c for c in root.children if c.dep_ == "relcl" and any(
        w.dep_ in ("nsubj", "nsubjpass") and w.lower_ in ("which", "that") for w in c.children)), None)
    if clause is not None and subject.dep_ not in ("nsubj", "nsubjpass"):
        subject, verb = clause, clause  # "Palmyra, which sits in central Homs province"
    if (subject.dep_ in ("nsubj", "nsubjpass") or subject is clause) and (verb.lemma_.lower() in LYING_VERBS
                                                                        or verb.lemma_ == "be"):
        for target in args.prep_objects(verb, ("in", "within")) + _terrain_of(verb, args):  # "X lies in Y", "X is
            yield target, "locatedIn-verb", True  # located in Y", "X is in Y", "X sits in the desert of Y"
        for part in (c for c in verb.children if c.dep_ == "attr" and c.lemma_.lower() == "part"):
            for target in args.prep_objects(part, ("of",)):  # "Soum province is part of the country's Sahel region"
                yield target, "locatedIn-verb", True


def _in_after_other_towns(root: Token, args: Arguments) -> list[Span]:
    """'Yei and other towns in the Central Equatoria region': the place right after "and other towns in", wherever
    the parser hangs the "in" (on the verb, often)."""
    doc = root.doc
    for other in (c for c in root.conjuncts if c.i > root.i and c.tag_ == "NNS" and noun_lemma(c) in SETTLEMENT_NOUNS
                  and any(a.lower_ == "other" for a in c.children)):
        if other.i + 1 < len(doc) and doc[other.i + 1].lower_ == "in":
            return [s for c in doc[other.i + 1].children if c.dep_ == "pobj" for s in args.entities(c)
                    if s.label_ in PLACE_TYPES]
    return []


def _held_by(span: Span, holders: list[Token], args: Arguments) -> Iterator[tuple[Span, str]]:
    """(larger place, rule) that the words holding ``span`` (its own root, the nouns describing it) name."""
    root = span.root  # (a Token is made anew on each access: compare them by ==)
    first = first_conjunct(root)
    for holder, owner in ((h, o) for h in holders for c in h.children if c.dep_ == "poss" for o in args.entities(c)):
        # "Helmand's Sangin district", "the province's Dasht-e-Archi district", "Vancouver's Kitsilano neighbourhood"
        yield owner, TOWN_PART_RULE if _town_part(holder, owner, args) else "locatedIn-possessive"
    for holder in holders:
        targets = args.prep_objects(holder, ("in",) if holder == root and span.label_ == "City" else ("in", "of"))
        targets += _terrain_of(holder, args)  # "a town in the hills of Y"
        for dwellers in (d for p in holder.children if p.dep_ == "prep" and p.lower_ == "of" for d in p.children
                         if d.dep_ == "pobj" and d.lemma_.lower() in DWELLERS):
            targets += args.prep_objects(dwellers, ("in",))  # "Orange, a village of 3,300 people in Cuyahoga County"
        if holder != root:
            if not names_listed_before(holder):  # (in "the A and B regions of Y" B is no container of A)
                targets += args.modifiers(holder, types=PLACE_TYPES)
            # "the key Iraqi city of Fallujah": the adjective names the country, if the article names it
            targets += [c for c in (country_named(args.doc, a.text) for a in holder.children
                                    if a.dep_ in ("amod", "compound"))  # (the tagger may take "Croatian" for a name)
                        if c is not None]
        targets += [owner for p in holder.children if p.dep_ == "prep" and p.lower_ == "in" for side in p.children
                    if side.dep_ == "pobj" and side.lower_ in BEARINGS for c in side.children if c.dep_ == "poss"
                    for owner in args.entities(c) if owner.label_ in PLACE_TYPES]  # "a town in Mali's north"
        listed = {first.i, *(c.i for c in first.conjuncts)}  # "the provinces of West Java and Banten": one list
        for target in (t for t in targets if t != span and t.root.i not in listed):  # "the Sirte neighborhood of
            # al-Dular" is no container
            yield target, TOWN_PART_RULE if _town_part(holder, target, args) else "locatedIn-prep"


#: Nouns that say what kind of town or district a name is, or what town it is (its capital: the capitalOf reading
#: says where, and a second description joined to it may say more).
DESCRIBING_NOUNS = SETTLEMENT_NOUNS | DISTRICT_WORDS | {"capital"}


def _description_after(span: Span, args: Arguments) -> Token | None:
    """The noun of 'a (farming) town', 'a district' right after the name and a comma, or of 'two districts' after
    a list of names (the parser may make it the subject of the sentence and the name a modifier, or hang it on
    another noun)."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != ",":
        return None
    plural = bool(args.listed_before(span))  # "Hayaniya and Tamimiya, two districts of Basra held by the militia"
    noun = next((t for t in doc[span.end + 1: span.end + 6] if t.pos_ == "NOUN" and t.tag_ == ("NNS" if plural else "NN")
                 and t.lemma_.lower() in DESCRIBING_NOUNS), None)
    return noun if noun is not None and args.described_before(noun) == [span] else None


#: Stretches of land a place lies in, named after the larger place: "in the desert of central Homs province".
TERRAIN_NOUNS = frozenset({"desert", "mountain", "hill", "highland", "plain", "heart", "interior", "countryside",
                           "forest", "jungle", "foothill", "delta"}) | BEARINGS


def _terrain_of(token: Token, args: Arguments) -> list[Span]:
    """The places named after 'of' behind the stretch of land ``token`` is in: 'in the desert of Y', 'in the north
    of Y'."""
    return [t for p in token.children if p.dep_ == "prep" and p.lower_ == "in" for land in p.children
            if land.dep_ == "pobj" and land.lemma_.lower() in TERRAIN_NOUNS
            for t in args.prep_objects(land, ("of",)) if t.label_ in PLACE_TYPES]


#: Verbs of a place that hold another: "X, which includes Y", "a county that encompasses Y".
INCLUDING_VERBS = frozenset({"include", "encompass", "contain", "comprise"})


def _included(span: Span, args: Arguments) -> list[Span]:
    """The places a relative clause on ``span`` says it includes (the parser may hang the clause elsewhere: the
    'which' right after the name's comma is the name's)."""
    doc = span.doc
    which = doc[span.end + 1] if span.end + 1 < len(doc) and doc[span.end].text == "," else None
    # (or on the apposition that says what it is: "the Donbas, the industrial region that includes the Luhansk region")
    clauses = [c for n in (span.root, *(a for a in span.root.children if a.dep_ == "appos"))
               for c in n.children if c.dep_ == "relcl"]
    if which is not None and which.lower_ in ("which", "that") and which.dep_ == "nsubj":
        clauses.append(which.head)
    return [place for clause in clauses if clause.lemma_ in INCLUDING_VERBS
            for place in args.children(clause, ("dobj",)) if place.label_ in PLACE_TYPES]


#: Parts of a town named as such, which the NER types as towns: "the Colombo suburb of Dehiwala".
TOWN_PART_NOUNS = frozenset(NEIGHBOURHOOD_WORDS | {"suburb", "quarter"})


def _named_a_part(place: Span, town: Span) -> bool:
    """'Douma' in 'the Damascus suburb of Douma': a town written as a part of the town before the part's noun."""
    of = place.root.head
    return place.root.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in TOWN_PART_NOUNS \
        and town.root.head == of.head and town.end <= of.head.i


def _town_part(holder: Token, target: Span, args: Arguments) -> bool:
    """'the al-Shuhada neighborhood of Fallujah', 'the Sirte neighborhood of al-Dular', 'the Shaar district in
    eastern Aleppo', 'two districts in southern Tripoli': a part of the town named."""
    if target.label_ != "City":
        return False
    kind = holder.lemma_.lower()
    if kind in NEIGHBOURHOOD_WORDS:
        return True
    # not "Doshi district in southern Baghlan" where the article names Baghlan province: the province, typed a town
    of_the_town = target.root.dep_ == "pobj" and target.root.head.lower_ == "of" and target.root.head.head == holder \
        or target.root.dep_ in ("compound", "nmod", "poss") and target.root.head == holder  # "a Sarajevo district",
    # "Busan's Haeundae district"
    return kind == "district" and (of_the_town or any(  # "the Shambat district of Khartoum North"
        a.dep_ == "amod" and a.lower_ in TOWN_PART_BEARINGS for a in target.root.children)) \
        and args.province_of_same_name(target) is None


def _conjoined_places(span: Span, args: Arguments) -> list[Span]:
    """The place itself and the places of its type conjoined with it: 'North Kivu and Ituri provinces in DRC'."""
    places = [span]
    kind = span.root.head if span.root.dep_ == "compound" and noun_lemma(span.root.head) in PLACE_NOUNS else None
    for token in (c for t in (*span, *([kind] if kind is not None else [])) for c in t.conjuncts):
        # ("North Kivu and Ituri Provinces": the parser may join the first name to the kind word of the second)
        other = args.entity(token)
        described = any(c.dep_ in ("appos", "prep", "acl", "relcl") for c in token.children)
        if other is not None and other.label_ == span.label_ and other not in places and not described:
            places.append(other)  # not "Zalingei, the capital of Central Darfur, and El Geneina in West Darfur"
    return places


#: Nouns of a region named after "of": "the province of Trapani".
REGION_NOUNS = frozenset({"region", "province", "state", "department", "county", "district", "governorate"})
#: Words between a comma and the larger place a town is in: "in the", "just across the border in".
ACROSS_WORDS = frozenset({"in", "the", "just", "across", "border", "frontier", "also",  # "Patikul, also in Sulu"
                          "both", "all"})  # "Boulkessi and Mondoro, both in the Mopti region"


def _after_comma(span: Span, args: Arguments) -> Span | None:
    """'Sabratha, Libya', 'in Toribio, Cauca,', 'BAMAKO, Mali —', 'Tongo-Tongo, in the Tondikiwindi district':
    a larger place right after a comma (and 'in'), closing the phrase, when the first is not itself an item of a
    list."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    at = span.end + 1
    # "Bagheria and Misilmeri, two towns in Sicily a short drive from Palermo": what the towns are in, however
    # the parser read the rest
    described = at + 2 < len(doc) and doc[at].like_num and doc[at + 1].tag_ == "NNS" \
        and doc[at + 1].lemma_.lower() in SETTLEMENT_NOUNS and doc[at + 2].lower_ == "in"
    at += 2 if described else 0
    while at < len(doc) and (doc[at].lower_ in ACROSS_WORDS or doc[at].dep_ == "amod" and args.entity(doc[at]) is None):
        at += 1  # "Lyman, in the neighboring Donetsk region", "Adre, just across the border in Chad"
    if at + 1 < len(doc) and doc[at].lower_ in REGION_NOUNS and doc[at + 1].lower_ == "of" and (
            doc[at - 1].lower_ in ("the", "in") or doc[at - 1].dep_ == "amod"):
        at += 2  # "Dunedin, in the southern region of Otago", "Castelvetrano, in the province of Trapani"
    target = args.entity(doc[at]) if at < len(doc) else None
    owned = args.entity(target.root.head) if target is not None and target.root.dep_ == "poss" else None
    if target is not None and target.start == at and owned is not None and larger(owned, span):
        target = owned  # "Baidoa, in Somalia's Bay region": the region is where it is ("Mosul, Iraq's second city":
        # Iraq)
    if target is None or target.start < at or not larger(target, span):
        return None
    after = doc[target.end] if target.end < len(doc) else None
    before = args.entity(doc[span.start - 2]) if span.start > 1 and doc[span.start - 1].text == "," else None
    # an item of a list, not the middle of a chain: "near Jilib, Middle Juba Region, Somalia" (each place is in
    # the next)
    listed = before is not None and _after_comma(before, args) != span
    if listed or not described and after is not None and after.text not in CLOSERS and not after.is_sent_start \
            and not after.is_space and after.lower_ != "in":  # ("X, in the province of Y in western Z")
        return None
    owned_noun = target.root.head.lemma_.lower()
    if after is not None and after.lower_ in ("'s", "\u2019s") and owned_noun not in PLACE_NOUNS \
            and owned_noun not in BEARINGS:  # "Wallonia, Belgium's French-speaking south"
        return None  # "In Belgrade, Russia's special envoy ...": the country owns the envoy, not the town
    return target


def country_named(doc: Doc, adjective: str) -> Span | None:
    """The first mention of the country an adjective names ('Iraqi' -> Iraq), if the article names it: an
    adjective alone is no mention of a country."""
    country = country_adjectives().get(adjective)
    if country is None:
        return None
    named = [*doc.ents, *doc.spans.get(NESTED_KEY, [])]  # "Iraq's popular mobilization forces" names Iraq too
    return next((s for s in named if s.label_ == "Country" and name_of(s) == country), None)


def larger(target: Span, place: Span) -> bool:
    return (target.label_ in PLACE_RANK and place.label_ in PLACE_RANK
            and PLACE_RANK[target.label_] > PLACE_RANK[place.label_])
