"""Is an action told as having happened? ``modality(trigger)`` is "fact", "attempt" (tried to capture),
"denied" (a party denies it: "the army denied that it had bombed Nyala") or "unreal" (negated, conditional,
planned, threatened, modal, or only rumoured): facts give relations, attempts at a capture give an attack,
denials give evidence of the denial but no relation, the unreal give nothing."""
from __future__ import annotations

from spacy.tokens import Token

NEGATIONS = {"not", "never", "n't", "no"}
MODAL_AUXILIARIES = {"would", "could", "might", "may", "can", "should", "will", "shall", "must", "'ll", "'d"}
CONDITION_MARKERS = {"if", "unless", "whether"}
#: Governing words after which the action has not happened: "plan to retake", "threatened to attack".
UNREAL_GOVERNORS = {"plan", "threaten", "want", "aim", "hope", "vow", "intend", "prepare", "expect", "promise",
                    "pledge", "decide", "order", "ready", "able", "unable", "need", "urge", "warn", "call",
                    "propose", "consider", "seek", "wish", "likely", "poised", "set", "fear", "deny",
                    "threat", "risk", "danger", "possibility", "prospect", "verge", "brink", "concern", "plot",
                    # gathering for what is still to come: "troops were regrouping to retake Gwoza"
                    "regroup", "mass", "amass", "mobilize", "mobilise",
                    # on a calendar, not yet held: "Moon is scheduled to host a summit"
                    "schedule", "due"}
#: Nouns that present what follows as disputed: "claims that the Taliban control Farah".
DISPUTED_NOUNS = {"claim", "allegation", "rumor", "rumour", "assertion"}
DENIAL_VERBS = {"deny", "reject", "dismiss", "refute", "dispute", "rule"}
#: Predicates whose subject has not happened yet: "the fall of Kunduz is likely".
LIKELIHOOD_PREDICATES = {"likely", "possible", "unlikely", "poised", "set", "ready", "expect", "imminent", "feared"}
#: Governing words that make a capture an attack: "tried to capture" is an attack that may have failed.
ATTEMPT_GOVERNORS = {"try", "attempt", "struggle", "fail", "strive", "push", "battle", "fight", "bid", "effort",
                     "offensive", "operation", "campaign", "drive"}


#: Words opening a clause that tells an event of its own, whatever the sentence around it says of another.
OWN_CLAUSE_MARKERS = {"like", "as", "after", "since", "when", "while", "because"}


def modality(word: Token) -> str:
    """'fact', 'attempt' (tried to capture) or 'unreal' (negated, conditional, planned, modal)."""
    state = "fact"
    current = word
    for _ in range(6):
        for child in current.children:
            if child.dep_ == "neg" or child.lower_ in NEGATIONS:
                return "unreal"
            if child.dep_ in ("aux", "auxpass") and child.lower_ in MODAL_AUXILIARIES:
                return "unreal"
            if child.dep_ == "mark" and child.lower_ in CONDITION_MARKERS:
                return "unreal"
        if current.dep_ == "pcomp" and current.head.lower_ == "despite" and any(
                t.lemma_.lower() in DISPUTED_NOUNS for t in current.head.subtree if t.i < current.i):
            return "unreal"  # "despite claims ... that they control Farah", the clause hung on "despite"
        if current.dep_ == "pcomp" and current.head.lower_ in ("toward", "towards"):
            return "attempt"  # "progressing toward liberating Fallujah": not there yet
        if current.dep_ == "pcomp" and current.head.head.lemma_.lower() in UNREAL_GOVERNORS:
            return "unreal"  # "on the verge of capturing Kunduz", "plans for retaking the city"
        if current.dep_ in ("advcl", "xcomp", "ccomp") \
                and any(c.dep_ == "mark" and c.lower_ == "for" for c in current.children) \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
            return "unreal"  # "pleaded for the army to take control of the city": what someone wants done
        if current.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in OWN_CLAUSE_MARKERS
                                           for c in current.children):
            break  # "like they seized Kunduz last year": a clause of comparison or time tells its own event
        if current.dep_ not in ("xcomp", "acl", "relcl", "advcl", "conj", "pobj", "dobj", "prep", "nsubj",
                                "nsubjpass", "ccomp") or current.head == current:
            break
        governor = current.head
        lemma = governor.lemma_.lower()
        if current.dep_ in ("nsubj", "nsubjpass"):
            # "the fall of Kunduz looks likely": only a predicate of likelihood, never the subject's own verb
            # ("the RSF, led by X, denied ...") makes the subject's action unreal
            return "unreal" if lemma in LIKELIHOOD_PREDICATES else state
        if current.dep_ in ("xcomp", "acl", "relcl", "pobj", "dobj", "prep"):
            if lemma in UNREAL_GOVERNORS and current.dep_ != "relcl":
                return "unreal"
            if lemma in ATTEMPT_GOVERNORS and current.dep_ in ("xcomp", "acl"):
                state = "attempt"
        if current.dep_ == "advcl" and lemma in ATTEMPT_GOVERNORS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
            state = "attempt"  # "fought for years to secure the region": a purpose, not a result
        if current.dep_ == "ccomp" and lemma in DENIAL_VERBS:
            return "denied"  # "the army denied that it had bombed Nyala"
        if current.dep_ == "acl" and governor.pos_ == "NOUN" and governor.dep_ == "dobj" \
                and governor.head.lemma_.lower() in DENIAL_VERBS:
            return "denied"  # "Hassan denied reports that Boko Haram had taken Ngouboua"
        if current.dep_ == "ccomp" and any(c.dep_ == "neg" for c in governor.children):
            return "unreal"  # "it does not appear that they have encircled the city"
        if current.dep_ in ("acl", "ccomp") and governor.pos_ == "NOUN" and lemma in DISPUTED_NOUNS:
            return "unreal"  # "despite claims that they control Farah": the writer does not vouch for it
        if current.dep_ in ("ccomp", "relcl") or current.dep_ == "acl" and governor.pos_ != "VERB":
            break  # a reported clause, a relative clause or a noun's modifier keeps its own modality
        current = governor
    return state


#: Adjectives that make the action a noun names not (yet) real: "a planned offensive", "the pending liberation".
UNREAL_ADJECTIVES = {"planned", "possible", "potential", "expected", "imminent", "looming", "threatened", "feared",
                     "pending", "future", "anticipated", "proposed", "rumored", "rumoured", "hypothetical",
                     "prospective", "upcoming"}


def noun_modality(noun: Token, support_verbs: set[str]) -> str:
    """The modality of an action named by a noun: that of its support verb ('did not launch an attack'),
    else a fact unless a planning word governs it ('threatened an attack', 'a planned offensive'). Unlike a
    verb, a noun's action is not made unreal by the verb it is the object of: 'urged the Houthis to halt
    their advance on Marib' still tells of an advance."""
    if any(c.dep_ in ("amod", "compound") and c.lower_ in UNREAL_ADJECTIVES for c in noun.children):
        return "unreal"
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and {head.lemma_.lower(), head.lower_} & support_verbs:
        return modality(head)
    if noun.dep_ in ("dobj", "pobj", "nsubj") and head.lemma_.lower() in UNREAL_GOVERNORS | LIKELIHOOD_PREDICATES:
        return "unreal"
    if noun.dep_ == "pobj" and head.head.lemma_.lower() in UNREAL_GOVERNORS:  # "fears of an attack"
        return "unreal"
    return "attempt" if noun.dep_ == "pobj" and head.head.lemma_.lower() in ATTEMPT_GOVERNORS else "fact"


#: Verbs that say an action was turned down: "refused to negotiate" tells of no talks.
REFUSAL_VERBS = {"refuse", "decline", "reject", "spurn", "shun", "boycott", "cancel", "postpone"}


def refused(word: Token) -> bool:
    """'refused to negotiate', 'declined to meet', 'cancelled the talks'."""
    head = word.head
    return word.dep_ in ("xcomp", "dobj") and head.lemma_.lower() in REFUSAL_VERBS and head != word


def negated(word: Token) -> bool:
    """'did not meet', 'no talks were held'."""
    return any(c.dep_ == "neg" for c in word.children) or any(c.dep_ == "neg" for c in word.head.children) \
        and word.dep_ in ("dobj", "nsubjpass")
