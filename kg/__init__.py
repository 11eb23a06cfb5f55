"""kg: build knowledge graphs of conflict reporting from news articles.

    >>> import kg
    >>> report = kg.build(["articles/"], "out/")      # graph.ttl, graph.trig, graph.html
"""
from __future__ import annotations

from .errors import InputError, KGError, ModelError, QueryError, StoreError
from .ingest import iter_articles
from .model import (
    Article, ArticleGraph, ArticleMentions, Entity, Event, EventMention, Evidence, Mention, Relation, RelationMention,
)
from .pipeline import BuildReport, build, extract_graphs
from .resolve import Resolver
from .store import Store, named_queries
from .analysis import events_df, query_df, to_networkx
from .notebook import show
from .evaluate import EvaluationResult, evaluate

__version__ = "0.1.0"


def load_pipeline(model: str | None = None, **kwargs):
    """The spaCy pipeline with kg's components (imports spaCy on first use)."""
    from .extract import load_pipeline as _load

    return _load(model, **kwargs)


__all__ = [
    # building
    "build", "extract_graphs", "iter_articles", "load_pipeline", "BuildReport", "Resolver",
    # the data passed between stages
    "Article", "ArticleGraph", "ArticleMentions", "Entity", "Event", "EventMention", "Evidence", "Mention", "Relation",
    "RelationMention",
    # the store and its views
    "Store", "events_df", "named_queries", "query_df", "show", "to_networkx",
    # measuring
    "EvaluationResult", "evaluate",
    # errors
    "InputError", "KGError", "ModelError", "QueryError", "StoreError",
]
