"""The ``kg_sentence_hints`` component, first in the pipeline: sentence boundaries the parser must keep.

The small English parser cuts sentences badly in places news text has all the time: it runs a headline into
the lead sentence when only a blank line separates them, it reads a dateline as the lead sentence's subject
("BAMAKO, Mali -- Fighters of ..."), and it ends a sentence at a rank's full stop ("spokesman Army Col. | Steve
Warren told reporters"), which leaves the name without its title. Sentence starts set before the parser runs
are kept by it, both ways.

It also gives the statistical models one word's reading they get wrong: "IS" for the Islamic State ("hitting IS
fighting positions"), which the tagger takes for the verb "is" and which then breaks the whole clause's parse.
The models see a word through its norm, so the norm of that "IS" is made a name's.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .spans import spaced_dash, title_dateline_dash

#: Titles written with a full stop that never end a sentence before a name.
TITLE_STOPS = {"mr.", "mrs.", "ms.", "dr.", "gen.", "lt.", "col.", "maj.", "capt.", "sgt.", "adm.", "brig.",
               "cmdr.", "cdr.", "cpl.", "pvt.", "sen.", "rep.", "gov.", "amb.", "rev.", "spc.", "pfc.", "insp.",
               "supt.", "cpt.", "gens.", "st.", "prof.", "pres.", "lt.col.", "maj.gen."}


class SentenceHints:
    def __init__(self, name: str = "kg_sentence_hints"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        tokens = list(doc)  # one Token object each (indexing a Doc makes a new one every time)
        _dateline_ends_a_sentence(doc, tokens)
        _acronyms_read_as_names(tokens)
        for previous, token in zip(tokens, tokens[1:]):
            if previous.is_space and previous.text.count("\n") >= 2 and not token.is_space:
                token.is_sent_start = True  # a blank line ends a sentence (a headline, a dateline line)
                following = tokens[token.i + 1] if token.i + 1 < len(tokens) else None
                if following is not None and not (following.is_punct or following.is_space):
                    following.is_sent_start = False  # else the parser may cut "M23" off "M23 rebels took ..."
            elif previous.lower_ in TITLE_STOPS and token.is_title and not token.is_sent_start:
                token.is_sent_start = False  # "Lt. Anne Cole", "Col. Steve Warren"
        return doc


#: Acronyms that are also words, written in capitals in running text only as names, and the norm the models
#: should see instead ("IS" -> the norm of "ISIS").
NAME_ACRONYMS = {"IS": "isis"}


def _acronyms_read_as_names(tokens: list) -> None:
    """'hitting IS fighting positions': "IS" is the group, unless the words around it are capitals too (a
    headline or a line in capitals, 'THIS IS WAR')."""
    for i, token in enumerate(tokens):
        norm = NAME_ACRONYMS.get(token.text)
        if norm is None:
            continue
        around = [t for t in tokens[max(0, i - 2): i + 3] if t is not token and t.is_alpha]
        if not any(t.is_upper and len(t.text) > 1 for t in around):
            token.norm_ = norm


def _dateline_ends_a_sentence(doc: Doc, tokens: list) -> None:
    """'ADDIS ABABA, Ethiopia \u2014 Fighters of the Fano militia have taken ...': left to itself the parser makes the
    dateline the subject and the fighters its apposition. A dateline (a paragraph opening with a name in capitals,
    maybe a country and a date, then a dash) is a sentence of its own."""
    for token in tokens:
        if not (token.is_upper and token.is_alpha and len(token) > 1 or token.is_title):
            continue
        if not (token.i == 0 or tokens[token.i - 1].is_space and "\n" in tokens[token.i - 1].text):
            continue  # not at the start of a paragraph
        if token.is_upper:
            dash = next((t for t in tokens[token.i + 1: token.i + 14] if spaced_dash(t)), None)
        else:  # "Tripoli, Libya, June 5 - ..."
            dash = title_dateline_dash(doc, token.i)
        if dash is not None and dash.i + 1 < len(doc) and not any("\n" in t.text for t in tokens[token.i: dash.i]):
            tokens[dash.i + 1].is_sent_start = True
            for inside in tokens[token.i + 1: dash.i + 1]:
                inside.is_sent_start = False


@Language.factory("kg_sentence_hints")
def make_sentence_hints(nlp: Language, name: str) -> SentenceHints:
    return SentenceHints(name)
