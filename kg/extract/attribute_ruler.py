"""The English pipelines' ``attribute_ruler``, with the same patterns and the same result, found without the Matcher.

The English models' attribute ruler (POS and morphology from the tag, lemma and POS exceptions: some 180 patterns of
one or two tokens) cost as much as their parser: 1.4 s for the 600 benchmark articles, a tenth of ``kg build``
(0.07 s here). Its
patterns only test a token's tag, lower-case form, dependency label and is_space flag, with equality, IN, NOT_IN and
REGEX: which of them a token meets is a function of those four values, so it is worked out once for every distinct
(tag, lower, dep, is_space) and looked up for each token after that; the few two-token patterns are checked where
their first token matches. What a token gets is then set as spaCy's ruler sets it (``set_token_attrs``, with the
values the ruler normalised), all at once: the attributes of every pattern that matched it, a later pattern's value
winning, which is the order spaCy's ruler applies them in (by pattern number).

``KgAttributeRuler`` is spaCy's ``AttributeRuler`` (patterns added, listed, saved and loaded as there); only
``__call__``, ``match`` and ``set_annotations`` are its own, and a ruler with any pattern outside what is described above (an
operator, another attribute, an extension, a morph test) is matched by spaCy's Matcher as before.
``tests/test_attribute_ruler.py`` checks that both give the same tags, POS, morphology, lemmas and labels.
"""
from __future__ import annotations

import re

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
try:  # spaCy's own setter, so that values are set exactly as its ruler sets them; it is internal, hence the guard
    from spacy.tokens._retokenize import set_token_attrs
except ImportError:  # a spaCy without it: its own AttributeRuler stays (use_kg_attribute_ruler does nothing)
    set_token_attrs = None

#: The token attributes a pattern may test for the fast path, with the column of ``Doc.to_array`` that holds them.
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
#: Distinct (tag, lower, dep, is_space) keys remembered before the table starts again (memory stays bounded on a
#: large corpus; the 600 bench articles give about 220 keys, the 39 dev reports about 4,100).
_ENTRIES_LIMIT = 200_000


def _predicate(column: int, value, strings):
    """A test of one (tag, lower, dep, is_space) key for one attribute's value in a pattern, or None when the fast
    path does not know the value's form. Strings are compared as spaCy's Matcher does, by their hashes."""
    if column == 3:  # a flag: True or False, as the Matcher compares it
        return (lambda key: key[3] == int(value)) if isinstance(value, bool) else None
    if isinstance(value, str):
        wanted = strings.add(value)
        return lambda key: key[column] == wanted
    if not isinstance(value, dict) or not value or not set(value) <= {"IN", "NOT_IN", "REGEX"}:
        return None
    tests = []
    for kind, operand in value.items():
        if kind == "REGEX":
            if not isinstance(operand, str):
                return None
            regex = re.compile(operand)
            tests.append(lambda key, regex=regex: bool(regex.search(strings[key[column]])))
        else:
            if not isinstance(operand, (list, tuple)) or not all(isinstance(v, str) for v in operand):
                return None
            hashes = frozenset(strings.add(v) for v in operand)
            tests.append((lambda key, h=hashes: key[column] in h) if kind == "IN"
                         else (lambda key, h=hashes: key[column] not in h))
    return lambda key: all(test(key) for test in tests)


class KgAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler, matching its patterns by table lookup (see the module's docstring)."""

    def add(self, patterns, attrs, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._compiled = None

    def clear(self) -> None:
        super().clear()
        self._compiled = None

    def _compile(self):
        """(single-token alternatives, multi-token alternatives), each a list of (pattern number, token tests,
        index of the token it sets); False when some pattern is beyond the fast path."""
        strings = self.vocab.strings
        singles, multis = [], []
        for number, pattern in enumerate(self.patterns):
            attrs, index = self.attrs[number], self.indices[number]
            if "_" in attrs:
                return False
            for alternative in pattern["patterns"]:
                if not alternative or not -len(alternative) <= index < len(alternative):
                    return False
                tests = []
                for spec in alternative:
                    if not isinstance(spec, dict) or not spec or any(k not in _COLUMNS for k in spec):
                        return False  # an operator ("OP"), another attribute, an extension
                    parts = [_predicate(_COLUMNS[k], v, strings) for k, v in spec.items()]
                    if any(p is None for p in parts):
                        return False
                    tests.append(parts)
                (singles if len(alternative) == 1 else multis).append(
                    (number, tests, index if index >= 0 else len(alternative) + index))
        return singles, multis

    def _tables(self):
        """(compiled patterns, {key: entry}, {pattern numbers: merged attributes}), or None beyond the fast path."""
        compiled = getattr(self, "_compiled", None)
        if compiled is None:
            compiled = self._compiled = self._compile()
            self._entries, self._merged = {}, {}
        return None if compiled is False else (compiled, self._entries, self._merged)

    def _entry(self, key, compiled):
        """For one (tag, lower, dep, is_space): (the numbers of the one-token patterns it matches, the multi-token
        alternatives whose first token it matches, the (alternative, position) pairs it matches, the attributes
        the one-token patterns give it, merged)."""
        singles, multis = compiled
        numbers = tuple(sorted({number for number, tests, _ in singles if all(p(key) for p in tests[0])}))
        member = frozenset((m, k) for m, (_, tests, _) in enumerate(multis) for k, parts in enumerate(tests)
                           if all(p(key) for p in parts))
        return numbers, tuple(m for m, k in member if k == 0), member, self._merged_attrs(numbers)

    def _merged_attrs(self, numbers: tuple[int, ...]) -> dict:
        """The attributes of the patterns ``numbers`` (sorted), merged in pattern order: a later pattern's value
        wins, as when spaCy's ruler sets them one match after another (the attributes are separate fields, so one
        call per token sets the same)."""
        merged_of = self._merged
        merged = merged_of.get(numbers)
        if merged is None:
            merged = merged_of[numbers] = {}
            for number in numbers:
                merged.update(self.attrs[number])
        return merged

    def _rows(self, doc: Doc):
        """(the entry of every token, the multi-token matches as (pattern number, start, end, index of the token
        it sets)); None beyond the fast path."""
        tables = self._tables()
        if tables is None:
            return None
        compiled, entries, _ = tables
        rows = []
        for row in (doc.to_array(_ARRAY_ATTRS).tolist() if len(doc) else ()):
            key = tuple(row)
            entry = entries.get(key)
            if entry is None:
                if len(entries) >= _ENTRIES_LIMIT:
                    entries.clear()
                entry = entries[key] = self._entry(key, compiled)
            rows.append(entry)
        multis, n, longer = compiled[1], len(rows), []
        for i, entry in enumerate(rows):
            for m in entry[1]:
                number, tests, index = multis[m]
                length = len(tests)
                if i + length <= n and all((m, k) in rows[i + k][2] for k in range(1, length)):
                    longer.append((number, i, i + length, i + index))
        return rows, longer

    def match(self, doc: Doc):
        """What spaCy's ``match`` returns: (pattern number, match id, start, end), sorted."""
        found = self._rows(doc)
        if found is None:
            return super().match(doc)
        rows, longer = found
        strings = self.vocab.strings
        matches = {(number, i, i + 1) for i, entry in enumerate(rows) for number in entry[0]}
        matches.update((number, start, end) for number, start, end, _ in longer)
        return sorted((number, strings[str(number)], start, end) for number, start, end in matches)

    def set_annotations(self, doc: Doc, matches) -> None:
        if self._tables() is None:
            return super().set_annotations(doc, matches)
        by_token: dict[int, set[int]] = {}
        for number, _, start, end in matches:
            index = self.indices[number]
            by_token.setdefault(start + index if index >= 0 else end + index, set()).add(number)
        for i, numbers in by_token.items():
            set_token_attrs(doc[i], self._merged_attrs(tuple(sorted(numbers))))

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            found = self._rows(doc)
            if found is None:
                return super().__call__(doc)
            rows, longer = found
            more: dict[int, set[int]] = {}
            for number, _, _, target in longer:
                more.setdefault(target, set()).add(number)
            for token, entry in zip(doc, rows):
                if token.i in more:
                    merged = self._merged_attrs(tuple(sorted(more[token.i].union(entry[0]))))
                else:
                    merged = entry[3]
                if merged:
                    set_token_attrs(token, merged)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)


@Language.factory("kg_attribute_ruler", default_config={"validate": False})
def make_attribute_ruler(nlp: Language, name: str, validate: bool) -> KgAttributeRuler:
    return KgAttributeRuler(nlp.vocab, name, validate=validate)


def use_kg_attribute_ruler(nlp: Language) -> None:
    """Put ``KgAttributeRuler`` in the place of the pipeline's spaCy ``attribute_ruler``, with its patterns."""
    if "attribute_ruler" not in nlp.pipe_names or set_token_attrs is None:
        return
    old = nlp.get_pipe("attribute_ruler")
    if type(old) is not AttributeRuler:
        return
    patterns = old.patterns
    new = nlp.replace_pipe("attribute_ruler", "kg_attribute_ruler")
    new.add_patterns(patterns)
