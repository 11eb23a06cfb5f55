"""Extraction: the only package that imports spaCy.

``load_pipeline`` builds a spaCy ``Language`` from an installed English pipeline
plus kg's own components (gazetteer, entity typing, relation rules);
``extract_articles`` streams articles through it and returns plain
``ArticleMentions`` values that the rest of kg works with.
"""
from __future__ import annotations

from .pipeline import DEFAULT_MODELS, extract_articles, load_pipeline, to_mentions

__all__ = ["DEFAULT_MODELS", "extract_articles", "load_pipeline", "to_mentions"]
