"""kg.evaluate: the scoring rules on hand-made graphs, the sample gold, and agreement with ../shared's score.py."""
from __future__ import annotations

import importlib.util
import json

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import RDF, RDFS

from kg.evaluate import PRF, EvaluationResult, match_form, pair_entities, read_system, score_article

EX = Namespace("http://example.org/")
ONT = Namespace("http://example.org/ontology#")


def graph_of(entities: dict[str, tuple[str, ...]], relations=()) -> Graph:
    """A system graph: node -> (label, type, ...) and (subject, predicate, object) triples."""
    graph = Graph()
    for node, (label, *types) in entities.items():
        graph.add((EX[node], RDFS.label, Literal(label)))
        for entity_type in types:
            graph.add((EX[node], RDF.type, ONT[entity_type]))
    for s, p, o in relations:
        graph.add((EX[s], ONT[p], EX[o]))
    return graph


GOLD = {
    "entities": [
        {"name": "Taliban", "type": "ArmedGroup", "mentions": ["the Taliban"]},
        {"name": "Kunduz", "type": "City", "mentions": ["Kunduz city"]},
        {"name": "Kunduz Province", "type": "Province"},
        {"name": "Afghan security forces", "type": "Force", "mentions": ["government forces"]},
        {"name": "Zabihullah Mujahid", "type": "Official"},
    ],
    "relations": [
        {"subject": "Taliban", "predicate": "captured", "object": "Kunduz"},
        {"subject": "Kunduz", "predicate": "capitalOf", "object": "Kunduz Province"},
        {"subject": "Taliban", "predicate": "clashedWith", "object": "Afghan security forces"},
        {"subject": "Zabihullah Mujahid", "predicate": "spokesmanFor", "object": "Taliban",
         "evidence": "Zabihullah Mujahid, a spokesman, spoke."},
    ],
}


def test_match_form_folds_case_accents_punctuation_the_and_possessive():
    assert match_form("The Taliban's") == "taliban"
    assert match_form("Mazār-i-Sharīf") == "mazar i sharif"
    assert match_form("  U.S.  forces ") == "u s forces"
    assert match_form("the") == "the"
    assert match_form("Afghanistan\u2019s") == "afghanistans"  # a curly apostrophe vanishes with the accents


def test_read_system_merges_official_and_person_and_marks_other_mixes_ambiguous():
    system = read_system(graph_of({"a": ("Ghani", "Official", "Person"), "b": ("Kunduz", "City", "Province"),
                                   "c": ("no type",), "d": ("Taliban", "ArmedGroup")},
                                  [("a", "metWith", "d"), ("a", "metWith", "c"), ("a", "unknownProp", "d")]))
    assert system.entities == {str(EX.a): ("Ghani", "Official"), str(EX.b): ("Kunduz", "Ambiguous"),
                               str(EX.d): ("Taliban", "ArmedGroup")}
    assert system.relations == {(str(EX.a), "metWith", str(EX.d))}


def test_pairing_prefers_the_same_type():
    gold = [{"name": "Kunduz", "type": "Province"}, {"name": "Kunduz", "type": "City"}]
    paired = pair_entities(gold, {"n1": ("Kunduz", "City")})
    assert paired == {"n1": 1}


def test_score_article_counts_every_case():
    system = read_system(graph_of(
        {"t": ("Taliban", "ArmedGroup"), "k": ("Kunduz city", "City"), "p": ("Kunduz Province", "City"),
         "f": ("government forces", "Force"), "x": ("Kabul", "City")},
        [("t", "captured", "k"),  # right
         ("f", "clashedWith", "t"),  # right, the other way round (symmetric)
         ("k", "capitalOf", "p"),  # right pair, though Kunduz Province is typed wrong
         ("t", "attacked", "k"),  # wrong predicate
         ("t", "attacked", "x")],  # Kabul is not in gold
    ))
    result = EvaluationResult()
    score_article("a1", GOLD, system, result)
    assert result.untyped == PRF(tp=4, fp=1, fn=1)
    assert result.by_type["City"] == PRF(tp=1, fp=2, fn=0)
    assert result.by_type["Province"] == PRF(tp=0, fp=0, fn=1)
    assert result.by_type["Official"] == PRF(tp=0, fp=0, fn=1)
    assert result.by_predicate["captured"] == PRF(tp=1)
    assert result.by_predicate["clashedWith"] == PRF(tp=1)
    assert result.by_predicate["capitalOf"] == PRF(tp=1)
    assert result.by_predicate["attacked"] == PRF(fp=2)
    assert result.by_predicate["spokesmanFor"] == PRF(fn=1)
    assert result.relation_core == PRF(tp=2, fn=1)
    missed = [e for e in result.errors if e.kind == "missed" and e.item == "relation"]
    assert len(missed) == 1 and missed[0].sentence == "Zabihullah Mujahid, a spokesman, spoke."
    assert any("[unmatched entity]" in e.description for e in result.errors)
    assert result.at_threshold(0.0).tp == 3 and result.at_threshold(1.01).tp == 0


def test_summary_has_the_shared_scorers_keys():
    summary = EvaluationResult().summary([0.5])
    assert list(summary) == ["articles", "entity_untyped", "entity_typed", "relation_all", "relation_core",
                             "by_type", "by_predicate", "thresholds"]


@pytest.mark.model
def test_evaluate_on_the_sample_gold(nlp, sample_dir):
    import kg

    result = kg.evaluate(sample_dir, nlp=nlp)
    gold_files = sorted(sample_dir.glob("*.gold.json"))
    assert result.articles == len(gold_files)
    gold_relations = sum(len(json.loads(f.read_text())["relations"]) for f in gold_files)
    assert result.relation_all.tp + result.relation_all.fn == gold_relations
    assert result.relation_all.tp > 0 and result.entity_typed.tp > 0
    assert len(result.relations) >= result.relation_all.tp
    for rel in result.relations:
        assert rel.rules and 0.0 < rel.confidence <= 1.0
    for error in result.errors:
        assert error.kind in ("missed", "extra") and error.item in ("entity", "relation")
    # precision by rule adds up to the relations scored
    by_rule = result.by_rule()
    assert sum(c.tp for c in by_rule.values()) >= result.relation_all.tp


def test_evaluate_rejects_a_folder_without_gold(tmp_path):
    from kg.errors import InputError
    from kg.evaluate import evaluate

    with pytest.raises(InputError):
        evaluate(tmp_path, nlp=object())
    with pytest.raises(InputError):
        evaluate(tmp_path / "missing", nlp=object())


def _load_shared_scorer(shared_dev):
    spec = importlib.util.spec_from_file_location("shared_score", shared_dev.parent / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_match_form_agrees_with_the_shared_scorer(shared_dev):
    score = _load_shared_scorer(shared_dev)
    for name in ["The Taliban's", "Afghanistan\u2019s", "Mazār-i-Sharīf", "the", "The  the X", "ISIS-K",
                 "Lashkar Gah", "U.S. forces", "Ministry of Defense", "al-Shabab's fighters", "théâtre"]:
        assert match_form(name) == score.norm(name), name


@pytest.mark.slow
@pytest.mark.model
def test_numbers_agree_with_score_py_on_the_dev_corpus(nlp, shared_dev, tmp_path):
    """Build every dev article to files, score them with score.py's own functions, compare with kg.evaluate."""
    from collections import Counter, defaultdict

    import kg

    score = _load_shared_scorer(shared_dev)
    counts, errors = defaultdict(Counter), []
    for gold_file in sorted(shared_dev.glob("*.gold.json")):
        name = gold_file.name[: -len(".gold.json")]
        kg.build([shared_dev / f"{name}.txt"], tmp_path / name, nlp=nlp, html=False)
        entities, rels = score.load_system(tmp_path / name / "graph.ttl")
        score.score_article(json.loads(gold_file.read_text()), entities, rels, counts, errors, name)
    theirs = {
        "entity_untyped": score.prf(counts["untyped"]),
        "entity_typed": score.prf(score.total(counts, "type:")),
        "relation_all": score.prf(score.total(counts, "rel:")),
        "relation_core": score.prf(score.total(counts, "rel:", score.CORE)),
        "by_type": {t: score.prf(counts["type:" + t]) for t in score.TYPES},
        "by_predicate": {p: score.prf(counts["rel:" + p]) for p in score.PREDICATES},
    }
    ours = kg.evaluate(shared_dev, nlp=nlp).summary()
    for key, value in theirs.items():
        assert ours[key] == value, key


def test_error_sentences_are_not_cut_at_abbreviations():
    from kg.evaluate import sentence_naming

    text = 'Col. Ahmadi said U.S. forces left Herat. "We are ready," he said.\n\nThe Taliban attacked Kunduz.'
    assert sentence_naming(text, ["U.S. forces"]) == "Col. Ahmadi said U.S. forces left Herat."
    assert sentence_naming(text, ["missing", "kunduz"]) == "The Taliban attacked Kunduz."
    assert sentence_naming(text, ["nowhere"]) == ""


@pytest.mark.parametrize("content", ["{not json", '{"entities": [{"name": "X"}]}', '{"relations": [{"subject": "X"}]}',
                                     "[1, 2]"])
def test_a_broken_gold_file_is_an_input_error(tmp_path, content):
    from kg.errors import InputError
    from kg.evaluate import read_gold

    path = tmp_path / "a.gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="a.gold.json"):
        read_gold(path)
