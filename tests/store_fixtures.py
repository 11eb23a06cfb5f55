"""Hand-made ArticleGraphs for the store tests (no spaCy): two short invented reports that share entities."""
from __future__ import annotations

from dataclasses import replace

from kg.model import Article, ArticleGraph, Entity, Evidence, Relation

TALIBAN = Entity("ArmedGroup/taliban", "ArmedGroup", "Taliban", frozenset({"the Taliban"}))
ARMY = Entity("Force/afghan army", "Force", "Afghan Army")
KUNDUZ = Entity("City/kunduz", "City", "Kunduz", links=(("wikidata", "Q190736"),), coordinates=(36.72, 68.86))
KUNDUZ_PROVINCE = Entity("Province/kunduz province", "Province", "Kunduz Province")
SPOKESMAN = Entity("Person/zabi rahmani", "Official", "Zabi Rahmani", frozenset({"Rahmani"}))
GOVERNOR = Entity("Person/omar farid", "Official", "Omar Farid")


def _evidence(article_id: str, sentence: str, rule: str, confidence: float = 0.8) -> Evidence:
    return Evidence(article_id, sentence, 0, len(sentence), rule, confidence)


def report_one(text_suffix: str = "") -> ArticleGraph:
    """Captures Kunduz, a clash, a spokesman and a capital."""
    aid = "report-one"
    article = Article(aid, "Fighters take a northern city; officials say" + text_suffix, title="Northern city falls",
                      url="https://example.org/one", published="2021-08-08")
    relations = (
        Relation(TALIBAN.key, "captured", KUNDUZ.key, (_evidence(aid, "Fighters took the city.", "capture-verb"),)),
        Relation(ARMY.key, "clashedWith", TALIBAN.key, (_evidence(aid, "Troops fought them.", "clash-verb", 0.7),)),
        Relation(SPOKESMAN.key, "spokesmanFor", TALIBAN.key, (_evidence(aid, "A spokesman spoke.", "spokesman"),)),
        Relation(KUNDUZ.key, "capitalOf", KUNDUZ_PROVINCE.key, (_evidence(aid, "The capital fell.", "capital-of"),)),
    )
    return ArticleGraph(article, (TALIBAN, ARMY, KUNDUZ, KUNDUZ_PROVINCE, SPOKESMAN), relations)


def report_two() -> ArticleGraph:
    """Another clash between the same sides, and a governor of the province."""
    aid = "report-two"
    article = Article(aid, "A second invented report about fighting near the city.", title="Fighting goes on",
                      published="2021-08-09")
    relations = (
        Relation(ARMY.key, "clashedWith", TALIBAN.key, (_evidence(aid, "Fighting went on.", "clash-verb", 0.6),)),
        Relation(GOVERNOR.key, "officialOf", KUNDUZ_PROVINCE.key, (_evidence(aid, "The governor spoke.", "role"),)),
    )
    return ArticleGraph(article, (TALIBAN, ARMY, KUNDUZ_PROVINCE, GOVERNOR), relations)


def changed(graph: ArticleGraph, text_suffix: str, relations=None) -> ArticleGraph:
    """The same article id with other text (so another content hash) and, optionally, other relations."""
    article = replace(graph.article, text=graph.article.text + text_suffix)
    return ArticleGraph(article, graph.entities, graph.relations if relations is None else relations)


def numbered_report(number: int, relations: int = 60) -> ArticleGraph:
    """A larger invented article (for crash and size tests): a chain of clashes among numbered groups."""
    aid = f"bulk-{number:04d}"
    groups = [Entity(f"ArmedGroup/group {number} {i}", "ArmedGroup", f"Group {number}-{i}") for i in range(relations + 1)]
    facts = tuple(
        Relation(groups[i].key, "clashedWith", groups[i + 1].key,
                 (_evidence(aid, f"Group {number}-{i} fought group {number}-{i + 1}.", "clash-verb"),))
        for i in range(relations)
    )
    article = Article(aid, f"Invented bulk report number {number}.", title=f"Bulk report {number}")
    return ArticleGraph(article, (TALIBAN, *groups), facts)


def make_store(path):
    """A persistent store at ``path`` holding report_one and report_two; returns ``path``."""
    from kg.store import Store

    with Store(path) as store:
        store.add(report_one())
        store.add(report_two())
    return path
