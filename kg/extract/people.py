"""Typing rules for people: bylines, surnames standing for a full name met before, and officials
(a person with a title or a role)."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token
from ..model import without_name_suffixes
from .gazetteer import Gazetteer
from .lexicon import ARMED_SERVICES, SURNAME_PARTICLES, FORCE_NAME_HEADS, MAYORAL_DISTRICT_WORDS, MONTHS_AND_DAYS, ELECTED_BODIES, NOT_PERSON_WORDS, ORGANISATION_OR_FORCE_WORDS, PORTFOLIO_WORDS, ROLE_WORDS, SPACED_LINKS
from .spans import (glued_hyphen, in_headline, plain_name, retype, sentence_start_of, set_span, span_canonical,
                    span_origin, tokens_of, unofficial_role)
from .words import word_list

#: Lower-case words inside a place's or body's name: "Rio Grande do Sul", "Ministry of Health".
LINKS_IN_NAMES = SPACED_LINKS | {"of", "the", "and", "al", "el"}


def bylines(doc: Doc, spans: list[Span]) -> list[Span]:
    """'By Jane Doe and John Roe' on a line of its own: the authors are Persons."""
    found = []
    for token in tokens_of(doc):
        if token.text != "By" or not (token.i == 0 or "\n" in doc[token.i - 1].text):
            continue
        i = token.i + 1
        while i < len(doc) and "\n" not in doc[i].text:
            start = i
            while i < len(doc) and doc[i].is_title and doc[i].is_alpha or (i < len(doc) and doc[i].text == "-" and start < i):
                i += 1
            if i - start >= 2:
                found.append(set_span(Span(doc, start, i, label="Person"), None, "byline"))
            if i < len(doc) and doc[i].lower_ in ("and", ",", "&"):
                i += 1
                continue
            break
    return found


# ----- people
def _without_suffix(name: str) -> str:
    """'Lloyd J. Austin III' -> 'Lloyd J. Austin': the name a later 'Austin' is short for."""
    return " ".join(without_name_suffixes(name.split())).rstrip(",")


#: Participles that give a person's other name: "Mohamed Hamdan Dagalo, widely known as Hemedti".
NICKNAMING = frozenset({"known", "nicknamed", "dubbed", "called"})


#: Nouns of an action whose given name is no actor: "the operation, named Zarb-e-Azb".
NAMED_ACTIONS = frozenset({"operation", "offensive", "campaign", "exercise", "drill"})


def nicknames(spans: list[Span]) -> list[Span]:
    """'Mohamed Hamdan Dagalo, widely known as Hemedti': the name after 'known as' is the person's other name,
    one mention more of that person, whatever the NER typed it; the name given to an operation ('the offensive,
    code-named Zarb-e-Azb') is no entity."""
    people = {i: s for s in spans if s.label_ in ("Person", "Official") for i in range(s.start, s.end)}
    out = []
    for span in spans:
        doc = span.doc
        participle = doc[span.start - 2] if span.start >= 2 and doc[span.start - 1].lower_ == "as" else (
            doc[span.start - 1] if span.start >= 1 else None)
        if participle is None or participle.dep_ != "acl":
            out.append(span)
            continue
        if participle.lower_ in ("named", "code-named", "dubbed", "called") and participle.i == span.start - 1 \
                and participle.head.lemma_.lower() in NAMED_ACTIONS:
            continue  # "the operation, named Zarb-e-Azb after a sword of the Prophet"
        person = people.get(participle.head.i) if participle.lower_ in NICKNAMING else None
        if person is not None and span.label_ not in ("Person", "Official") and len(span) <= 3:
            span = retype(span, person.label_, span_canonical(person) or plain_name(person), "nickname")
        out.append(span)
    return out


#: The Arabic article glued to a family name, which later mentions drop: "al-Burhan" ... "Burhan".
NAME_ARTICLES = ("al-", "Al-", "el-", "El-")


def _article_surname(name: str) -> str | None:
    """'Burhan' for 'Abdel Fattah al-Burhan' (a family name of two words or more, its last one glued to 'al-')."""
    words = _without_suffix(name).split()
    last = words[-1] if len(words) > 1 else ""
    article = next((a for a in NAME_ARTICLES if last.startswith(a)), None)
    return last[len(article):] if article and len(last) > len(article) + 1 else None


def surnames(spans: list[Span]) -> list[Span]:
    """'Hadi' after 'Abdrabbu Mansour Hadi': a name's last word(s) stand for the person named before,
    whether the NER typed them otherwise or missed them."""
    people = [s for s in spans if s.label_ in ("Person", "Official") and len(plain_name(s).split()) > 1]
    if not people:
        return spans
    # "Moon" after "Moon Jae-in": a family name written first, before a hyphenated given name
    family_first = {plain_name(p).split()[0]: p for p in people if _given_name_last(plain_name(p))}
    out = []
    for span in spans:
        name = plain_name(span)
        origin = span_origin(span)
        if name in family_first and span.label_ in ("Person", "Official") and len(name.split()) == 1:
            out.append(retype(span, family_first[name].label_, plain_name(family_first[name]), "surname"))
            continue
        surname_like = origin == "ner" or origin == "gazetteer" and span.label_ == "City"
        if span.label_ not in ("Person", "Official") and surname_like and len(name.split()) <= 2:  # ("al-Abadi":
            # three tokens, one word)
            # before or after: a headline names "Haftar" before the body's "Khalifa Haftar"
            # ("Felipe" after "King Felipe VI": all that is left of a monarch's name without its number)
            match = next((p for p in people if p is not span and (
                _without_suffix(plain_name(p)).endswith(" " + name) or _reigning_name(p) == name
                or _article_surname(plain_name(p)) == name)), None)
            if match is not None:
                if _reigning_name(match) == name:  # (no family name to merge by: the whole name)
                    span = retype(span, match.label_, plain_name(match), "first-name")
                else:
                    span = retype(span, match.label_, None, "surname")
        out.append(span)
    doc = spans[0].doc
    taken = {i for s in out for i in range(s.start, s.end)}
    last_words = {}
    for person in people:
        last_words.setdefault(_without_suffix(plain_name(person)).split()[-1], person)
        if bare := _article_surname(plain_name(person)):  # "Burhan" after "Abdel Fattah al-Burhan"
            last_words.setdefault(bare, person)
    first_words: dict[str, list[Span]] = {}
    for person in people:
        if person[0].text not in last_words:
            first_words.setdefault(person[0].text, []).append(person)
    for token in tokens_of(doc):
        person = last_words.get(token.text)
        if person is not None and token.i not in taken and token.i > person.start and (token.pos_ in ("PROPN", "")
                                                                                    or _surname_tagged_a_noun(token)):
            out.append(set_span(Span(doc, token.i, token.i + 1, label=person.label_), None, "surname"))
            taken.add(token.i)
        elif len(first_words.get(token.text, ())) == 1 and token.i not in taken and _alone(token) \
                and token.i >= first_words[token.text][0].end:
            # "Abiy" after "Abiy Ahmed", "Isaias" after "Isaias Afwerki": Ethiopians and Eritreans go by the first
            # name (one person of the article's has it; a standalone proper noun)
            named = first_words[token.text][0]
            out.append(set_span(Span(doc, token.i, token.i + 1, label=named.label_), span_canonical(named)
                                or plain_name(named), "first-name"))
    return sorted(out, key=lambda s: s.start)


def _reigning_name(person: Span) -> str | None:
    """'Felipe' of 'Felipe VI': a monarch's name without the number."""
    words = plain_name(person).split()
    return words[0] if len(words) == 2 and words[1] in REGNAL_NUMERALS else None


def _alone(token: Token) -> bool:
    """A proper noun with no capitalised word on either side (not part of a longer name)."""
    doc = token.doc
    return token.pos_ == "PROPN" and token.is_title and not (
        token.i > 0 and doc[token.i - 1].is_title and doc[token.i - 1].pos_ == "PROPN"
        or token.i + 1 < len(doc) and doc[token.i + 1].is_title and doc[token.i + 1].pos_ == "PROPN")


def _given_name_last(name: str) -> bool:
    """'Moon Jae-in', 'Oh Keo-don': two words, the second a hyphenated given name ending in a lower-case
    syllable (Korean names, family name first)."""
    words = name.split()
    return len(words) == 2 and "-" in words[1] and words[1].rsplit("-", 1)[1].islower()


def _surname_tagged_a_noun(token: Token) -> bool:
    """'Santos held talks with X': the tagger may take a surname opening a sentence for a noun; as the subject,
    capitalised, it is the name."""
    return token.pos_ == "NOUN" and token.is_title and token.is_sent_start and token.dep_ in ("nsubj", "nsubjpass")


def officials(spans: list[Span]) -> list[Span]:
    """A person with a title or a role in apposition is an Official; so are their other mentions. A name the NER
    took for a person right after a member's role and 'of' or 'in' is the group: "a senior commander in Dawlah
    Islamiyah", "a leader of 400 Mawozo"."""
    out = [(retype(s, "Official", None, "role") if (s.label_ == "Person" or _named_like_a_person(s)) and has_role(s)
            else retype(s, "ArmedGroup", None, "ner") if _guessed_body(s) and _body_of_role(s, MEMBER_ROLES)
            else s) for s in spans]
    official_names = {w for s in out if s.label_ == "Official" for w in plain_name(s).split()[-1:]}
    official_names |= {plain_name(s) for s in out if s.label_ == "Official"}  # ("Moon", named "Moon Jae-in")
    # and a surname the NER took for a body, once the full name is known as an official's ("Akufo-Addo")
    return [(retype(s, "Official") if s.label_ == "Person" and (plain_name(s).split()[-1] in official_names
                                                                or span_canonical(s) in official_names)
             or s.label_ == "Organization" and span_origin(s) == "ner" and plain_name(s) in official_names else s)
            for s in out]


#: Words of a title that are no role on their own: "Press Secretary", "Economy Spokesman", "Public Affairs Officer".
TITLE_WORDS = {"press", "media", "information", "public", "affairs", "communications", "economy", "foreign", "police",
               "lord",  # "Brisbane Lord Mayor X"
               "interior", "finance", "health", "education", "justice", "energy", "trade", "transport", "acting",
               "senior", "assistant", "associate", "principal", "managing", "operating", "financial", "technology"}
#: Either kind of word, made once (tested for every word before every person's name).
TITLE_RUN_WORDS = ROLE_WORDS | TITLE_WORDS
#: Offices held in a place, whose name before the title is a town or a region, not an employer ("Buckeye Mayor X").
PLACE_TITLES = {"mayor", "governor", "gov.", "premier", "sheriff", "senator", "sen.", "lawmaker", "mp", "rep."}


def employers_before_titles(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """'Eskom spokeswoman Nomsa Khumalo', 'Country Fire Authority (CFA) Chief Officer Mark Hamilton': capitalised
    words before a title before a person's name are the body the person works for, when the NER saw no name
    there (at the start of a sentence it often does not)."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = []
    for person in (s for s in spans if s.label_ in ("Person", "Official")):
        i = person.start - 1
        titles = []
        while i >= 0 and (doc[i].lower_ in TITLE_RUN_WORDS or doc[i].is_lower and doc[i].is_alpha
                          and len(titles) < 3 and doc[i].lower_ not in ("the", "a", "an", "and", "of", "said", "told")):
            titles.append(doc[i])
            i -= 1
        if not any(t.lower_ in ROLE_WORDS for t in titles):
            continue
        label = "Organization"
        if any(t.lower_ in PLACE_TITLES for t in titles):
            if not any(t.lower_ == "mayor" for t in titles):
                continue  # "Tasman Governor X": a region or a state, which a list should know
            label = "City"  # "Deer Park Mayor Carl Benton": a mayor's town
        if i >= 2 and doc[i].text == ")" and doc[i - 1].is_upper and doc[i - 2].text == "(":
            i -= 3  # "Country Fire Authority (CFA) Chief Officer X"
        end = i + 1
        while i >= 0 and (doc[i].pos_ == "PROPN" and (doc[i].is_title or doc[i].is_upper)
                          or _hyphen_in_name(doc, i)) \
                and i not in taken and doc[i].lower_ not in ROLE_WORDS and not doc[i].is_sent_start:
            i -= 1  # ("Lac-Megantic Mayor X": the hyphen inside the town's name too)
        if i >= 0 and doc[i].is_sent_start and i not in taken and (
                doc[i].pos_ == "PROPN" or label == "City" and doc[i].is_title and i + 1 < end):
            i -= 1  # the run opens the sentence ("Tarrow Shire Mayor X": the tagger may take "Tarrow" for a noun)
        words = doc[i + 1: end]
        # only a run that stands alone: after the sentence's start, an article or a comma (not "Pottawatomie
        # County Emergency Management Director X", a portfolio after a place, nor "Army Col. X", a service)
        alone = i < 0 or doc[i + 1].is_sent_start or doc[i].pos_ in ("DET", "CCONJ", "ADP") \
            or doc[i].text in (",", '"', "\u201c") \
            or label == "City" and doc[i].pos_ == "VERB"  # "But Shiv Sena chief X", "talks with Dayton Police Chief
        # X", "met Lac-Megantic Mayor X"
        if len(words) and alone and not in_headline(words) \
                and not any(t.lower_ in NOT_EMPLOYER_WORDS or t.lower_ in MONTHS_AND_DAYS for t in words) \
                and words.text not in gaz.adjectives:  # "Nigerien army spokesman X": the army is the employer
            if label == "City" and words[-1].lower_ in MAYORAL_DISTRICT_WORDS:
                label = "District"  # "Hinchinbrook Shire Mayor X", "Harris County Mayor Y"
            found.append(set_span(Span(doc, i + 1, end, label=label), plain_name(words), "employer"))
    return found


def _hyphen_in_name(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen glued between two capitalised words: 'Lac-Megantic'."""
    return glued_hyphen(doc, i) and doc[i - 1].is_title and doc[i + 1].is_title \
        and doc[i - 1].lower_ not in ROLE_WORDS and doc[i + 1].lower_ not in ROLE_WORDS  # (not "Colonel-General X")


#: Roles whose "of" names a body, never a place: "the leader of Scottish Labour", "general secretary of the X".
BODY_ROLES = frozenset({"leader", "secretary", "chairman", "chairwoman", "chair", "head", "director", "founder",
                        "spokesman", "spokeswoman", "spokesperson", "member", "treasurer", "chief"})


def bodies_after_roles(doc: Doc, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """'Richard Leonard, the leader of Scottish Labour': the capitalised name after a body's role and 'of' is the
    body, where the NER saw none (a place the gazetteer knows keeps its type)."""
    # (a person the NER guessed there is the body: "the leader of the New Democracy party")
    taken = {i for s in spans if not (s.label_ in ("Person", "Official") and span_origin(s) == "ner")
             for i in range(s.start, s.end)}
    countries = {i for s in spans if s.label_ == "Country" for i in range(s.start, s.end)}
    found = []
    roles = [t for t in tokens_of(doc) if t.lower_ in BODY_ROLES and t.pos_ == "NOUN"]
    roles += [s.root for s in spans if s.label_ in ("Person", "Official") and has_role(s)]  # "Maj. Gen. William
    # Taylor of the Joint Staff": a titled name's "of"
    # "Peters, who leads the New Zealand First party": a party named before its word, whatever governs it
    parties = [t for t in tokens_of(doc) if t.lower_ == "party" and t.dep_ in ("dobj", "pobj", "nsubj")
               and t.i > 0 and doc[t.i - 1].is_title and doc[t.i - 1].dep_ == "compound" and t.i not in taken]
    for role in roles + parties:
        for name in [role] if role in parties else (
                o for p in role.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                if o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.lower_ == "party") and o.i not in taken):
            end = name.i + 1 if name.pos_ == "PROPN" else name.i  # "the New Democracy party": the name before it
            start = end
            glued = set()  # "the Miami-Dade Police Department" after a "Miami" the NER found alone: the name's
            while start > name.left_edge.i and (start - 1 not in taken or name.lower_ == "party" and start - 1 in
                                                 countries or _glued_before_hyphen(doc, start, glued)) and (
                    # "the Pakistan Tehreek-e-Insaf party"
                    doc[start - 1].is_title and doc[start - 1].pos_ in ("PROPN", "ADJ") or doc[start - 1].text == "-"
                    or doc[start - 1].lower_ in ("'s", "\u2019s") and start > 1 and doc[start - 2].is_title
                    and doc[start].is_title  # "the Hanoi People's Court"
                    or doc[start - 1].is_alpha and not doc[start - 1].whitespace_ and doc[start].text == "-"):
                start -= 1  # "the Scottish Trades Union Congress", "Pakistan Tehreek-e-Insaf"
            words = doc[start:end]
            if not len(words) or len(words) < 2 and words[0].text.isupper() or in_headline(words) \
                    or any(i in taken and not (name.lower_ == "party" and i in countries) and i not in glued
                           for i in range(start, end)):
                continue
            known = gaz.lookup(words.text)
            label = known[0] if known is not None else "Force" if words[-1].lower_ in FORCE_NAME_HEADS \
                and role.pos_ == "PROPN" else "Organization"  # "Gen. X of the 82nd Airborne Division"
            found.append(set_span(Span(doc, start, end, label=label),
                                  known[1]["name"] if known is not None else words.text, "role-body"))
            taken.update(range(start, end))
    return found


def _glued_before_hyphen(doc: Doc, start: int, glued: set[int]) -> bool:
    """The capitalised word written against the hyphen that opens the run at ``start`` ("Miami" of
    "Miami-Dade"): part of the name, whatever other name the NER made of it (noted in ``glued``)."""
    if not (glued_hyphen(doc, start) and doc[start - 1].is_title):
        return False
    glued.add(start - 1)
    return True


#: Capitalised words of titles and services that name no employer on their own.
NOT_EMPLOYER_WORDS = PORTFOLIO_WORDS | ARMED_SERVICES | {"city", "county", "district", "state", "federal", "national",
                                                         "minority", "majority", "task", "force", "fire", "police",
                                                         "emergency", "management", "mines", "aldermen", "board",
                                                         "council", "former", "opposition",
                                                         # parts of a rank: "Brigadier General X"
                                                         "brigadier", "senior", "staff", "master", "first", "field"}


#: The numbers of monarchs and popes after their names: "Felipe VI", "Mohammed VI", "Benedict XVI".
REGNAL_NUMERALS = frozenset({"II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
                             "XVI"})


def unnamed_officials(doc: Doc, spans: list[Span]) -> list[Span]:
    """'Oleksandr Striuk, the mayor of ...' where the NER saw no name: two to four capitalised proper
    nouns with a role in apposition or as a title are an Official."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    tokens = tokens_of(doc)
    found = []
    i = 0
    while i < len(tokens):
        end = i
        while end < len(tokens) and end not in taken and (
                tokens[end].pos_ == "PROPN" and tokens[end].is_title and tokens[end].is_alpha
                and tokens[end].lower_ not in ROLE_WORDS or _particle_inside_name(tokens, i, end)):
            end += 1  # ("Ruben del Campo": a surname's particle between capitalised words)
        if i < end < len(tokens) and tokens[end].text in REGNAL_NUMERALS:
            end += 1  # "King Felipe VI", "Pope Benedict XVI"
        if (2 <= end - i <= 4 or end - i == 1 and role_apposed(doc, end)) and not in_headline(doc[i:end]):
            span = Span(doc, i, end, label="Official")
            if has_role(span) and not any(t.lower_ in ORGANISATION_OR_FORCE_WORDS or t.lower_ in NOT_PERSON_WORDS
                                          for t in span):  # not "the Siverskyi Donets River, a regional official said"
                found.append(set_span(span, None, "role"))
        i = max(end, i + 1)
    return found


def _particle_inside_name(tokens, start: int, i: int) -> bool:
    """'del' of 'Ruben del Campo', 'van' of 'Jan van Dijk': a surname's particle after a capitalised word of the
    name and before another."""
    return i > start and i + 1 < len(tokens) and tokens[i].lower_ in SURNAME_PARTICLES and tokens[i].is_lower \
        and tokens[i + 1].is_title and tokens[i + 1].pos_ == "PROPN"


def role_apposed(doc: Doc, end: int) -> bool:
    """'Ebube, a commander of the ADF, said': one word is a name only when a role follows it at once, apposed
    (a single capitalised word is too often something else)."""
    return end + 2 < len(doc) and doc[end].text == "," and (
        doc[end + 1].lower_ in ("a", "an", "the") or _owner_apposed(doc, end + 1)) and (
        end - 1 == 0 or doc[end - 2].is_punct or doc[end - 2].is_space or doc[end - 1].is_sent_start
        or doc[end - 2].lower_ in ("with", "by"))  # "met with Wiranto, Indonesia's minister for ..." (not "in X,
    # a town ...", nor "on Sunday, ...")


def _owner_apposed(doc: Doc, start: int) -> bool:
    """'Wiranto, Indonesia's coordinating minister': a capitalised name and its possessive open the apposition."""
    end = start
    while end < min(start + 4, len(doc)) and doc[end].is_title:
        end += 1
    return start < end < len(doc) and doc[end].tag_ == "POS"


#: Roles whose holder belongs to a group: the body after them is an armed group when the NER guessed a person
#: (not the roles any body has: "officials in Hermiston", "a deputy of X").
MEMBER_ROLES = word_list("roles", "membership") - {"official", "officer", "deputy"}


def _after_office_of_a_name(span: Span, sent_start: int) -> bool:
    """'The governor of Rio Grande do Sul, Ricardo Almeida,': a name after a comma that closes "<role> of <name>",
    read from the words (a long place name can lead the parser astray)."""
    doc = span.doc
    j = span.start - 2
    if j < sent_start or doc[j + 1].text != ",":
        return False
    while j > sent_start:
        token = doc[j]
        if token.lower_ in ("of", "for") and j < span.start - 2 and _is_role(doc[j - 1]):
            return True
        if not (token.is_title or token.is_lower and token.text in LINKS_IN_NAMES
                or token.is_lower and token.is_alpha and token.pos_ not in ("VERB", "AUX")
                and span.start - j <= 6):  # "envoy for Asian affairs, X"; not "the minister of defence met them, X"
            return False
        j -= 1
    return False


def _named_like_a_person(span: Span) -> bool:
    """'The governor of Rio Grande do Sul, Ricardo Almeida': two or three capitalised words with no word of a
    body's name, which the NER took for an organisation."""
    linked = any(t.lower_ in SPACED_LINKS for t in span)
    words = len(span) - sum(t.text == "-" for t in span[1:-1])  # "Nana Akufo-Addo": three tokens, two words
    return (span.label_ == "Organization" and span_origin(span) == "ner" and 2 <= words <= 3 + linked
            and span[0].is_title and span[-1].is_title  # "Staffan de Mistura"
            and all(t.is_title and t.is_alpha or t.lower_ in SPACED_LINKS or t.text == "-" for t in span)
            and not any(t.lower_ in ORGANISATION_OR_FORCE_WORDS for t in span))


def _guessed_body(span: Span) -> bool:
    """A person or a town only the NER said it was: 'a senior lieutenant of Los Chapitos'."""
    return span.label_ == "Person" or span.label_ == "City" and span_origin(span) == "ner"


def _body_of_role(span: Span, roles: frozenset[str] | None = None) -> bool:
    """'a senior commander in Dawlah Islamiyah', 'a leader of the KNA': the name right after a role word and
    'of' or 'in' (articles, adjectives or a number between) is the body, not a person. Not 'Secretary of State
    Antony Blinken', where a title word comes between."""
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("of", "in", "within", "with") or prep.i >= span.start:
        return False
    role = prep.head
    if not (_is_role(role) if roles is None else role.lower_ in roles or role.lemma_.lower() in roles):
        return False
    return all(t.pos_ in ("DET", "ADJ", "NUM") for t in span.doc[prep.i + 1: span.start])


def _is_role(token: Token) -> bool:
    if unofficial_role(token):
        return False
    if token.lower_ != "member":
        return token.lower_ in ROLE_WORDS
    return any(t.lower_ in ELECTED_BODIES for t in token.doc[token.i + 1: token.i + 6])


def has_role(span: Span) -> bool:
    doc = span.doc
    if _body_of_role(span):
        return False  # "a commander of X": X is what the commander serves, not a second commander
    of = span.root.head
    if span.root.dep_ == "pobj" and of.lower_ == "of" and of.i > 0 and doc[of.i - 1].pos_ == "PROPN" \
            and not _is_role(doc[of.i - 1]):
        return False  # "Governor Paul Ekonde of the Southwest Region": the title is the name's before "of"
    sent_start = sentence_start_of(doc, span.start) if doc.has_annotation("SENT_START") else 0
    # A title right before the name: "chief Pentagon spokesperson Dana W. White", "Gen. Austin Miller".
    for token in reversed(tokens_of(doc)[max(sent_start, span.start - 5): span.start]):
        if _is_role(token):
            return True
        if token.is_punct and token.text not in (".", "-") or token.pos_ in ("VERB", "AUX") \
                or token.lower_ in ("'s", "\u2019s", "for"):
            break  # "a spokeswoman for Sinaloa's Public Security Secretariat": a body, not a titled person
    if span.label_ in ("ORG", "Organization") and span.start >= 2 and doc[span.start - 1].text == "," \
            and doc[span.start - 2].lemma_.lower() in ORGANISATION_OR_FORCE_WORDS:
        return False  # "a spokesman for the national fire service, Vigili del Fuoco,": a name the NER took for a
        # body names the service (not "a spokesman for the provincial council, Munir Ahmad Farhad,", a person)
    if _after_office_of_a_name(span, sent_start):
        return True
    root = span.root
    neighbours = [t for t in root.children if t.dep_ == "appos"]
    if root.dep_ == "appos":
        neighbours.append(root.head)
        current = root.head  # "the governor of Mudug region, Ahmed Ali": the parser hangs the name on "region"
        for _ in range(4):
            if current.dep_ not in ("pobj", "prep", "compound") or current.head == current:
                break
            current = current.head
            if _is_role(current):
                return True
    for neighbour in neighbours:
        if any(_is_role(t) for t in neighbour.subtree if t.i < span.start or t.i >= span.end):
            return True
    # "X, a member of the provincial council," / "X, the governor of Kunduz," / "X, who speaks for"
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        for token in doc[span.end + 1: span.end + 9]:
            speaks_for = token.lemma_ == "speak" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "for"
            if _is_role(token) or speaks_for:
                return True
            if token.text in (",", ".", ";") or token.pos_ in ("VERB", "AUX") and token.dep_ != "amod" \
                    or token.lower_ in ("where", "when", "which"):
                break  # (not "X, Indonesia's coordinating minister": a participle before the role; but "X, a port
                # town in Y, where the town's mayor said" names a place)
    return False
