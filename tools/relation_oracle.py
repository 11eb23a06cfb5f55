"""Score the relation rules alone: entities come from the gold files, relations from kg's rules.

    python tools/relation_oracle.py GOLD_DIR [--errors]

Every gold name and mention found in the text becomes an entity span of its gold
type, then only the ``kg_relations`` component runs and the result is scored
like ``kg eval``. The number says how good the relation rules are when the
entities are right; the gap to ``kg eval`` is what entity errors cost. It is a
development aid: nothing from the gold files reaches kg itself.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from spacy.util import filter_spans

from kg.evaluate import EvaluationResult, _provenance, gold_pairs, read_gold, read_system, score_article
from kg.extract import to_mentions
from kg.extract.relations import RelationExtractor
from kg.ingest import iter_articles
from kg.model import Article
from kg.resolve import Resolver
from kg.triples import article_graph


def oracle_doc(nlp, article: Article, gold: dict):
    """The article parsed by ``nlp`` with its entities replaced by the gold ones."""
    doc = nlp(article.text)
    spans, names = [], {}
    for entity in gold["entities"]:
        for form in {entity["name"], *entity.get("mentions", [])}:
            start = 0
            while (at := article.text.find(form, start)) >= 0:
                start = at + len(form)
                span = doc.char_span(at, at + len(form), label=entity["type"], alignment_mode="expand")
                if span is not None:
                    spans.append(span)
                    names[(span.start, span.end)] = entity["name"]
    doc.ents = filter_spans(spans)
    for span in doc.ents:
        span._.kg_canonical = names[(span.start, span.end)]
    return RelationExtractor(nlp, "oracle")(doc)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold_dir", type=Path, nargs="+")
    parser.add_argument("--errors", action="store_true", help="list missed and extra relations")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: kg's default)")
    args = parser.parse_args(argv)
    import spacy

    from kg.extract.pipeline import _resolve_model_name

    # The bare model: its parser is all the rules need, the entities come from the gold files.
    nlp = spacy.load(_resolve_model_name(args.model))
    result = EvaluationResult()
    for gold_dir in args.gold_dir:
        for name, text_file, gold_file in gold_pairs(gold_dir):
            article = next(a for a in iter_articles([text_file]) if isinstance(a, Article))
            gold = read_gold(gold_file)
            resolved = Resolver().resolve(to_mentions(oracle_doc(nlp, article, gold), article))
            score_article(name, gold, read_system(article_graph(resolved)), result, _provenance([resolved]),
                          article.text)
    print("relation_all", result.relation_all.triple(), "core", result.relation_core.triple())
    for predicate, counts in result.by_predicate.items():
        print(f"  {predicate:13s} {counts.triple()} tp={counts.tp} fp={counts.fp} fn={counts.fn}")
    for rule, counts in result.by_rule().items():
        print(f"  rule {rule:32s} tp={counts.tp} fp={counts.fp}")
    if args.errors:
        for error in result.errors:
            if error.item == "relation":
                print(error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
