"""The interactive network inline in Jupyter and VS Code: ``kg.show(graph)``.

pyvis's notebook mode writes the page to a file and points an iframe at it,
which VS Code's notebook view shows as a blank cell. Here the view's
self-contained page travels inside the cell instead: an ``<iframe srcdoc=...>``
holding the whole HTML, escaped, sandboxed (its scripts run, but cannot reach
the notebook's own page). It works offline and survives saving the notebook.
"""
from __future__ import annotations

import html
from typing import Any

from .errors import MissingExtraError

#: Scripts may run and links (Wikidata, GeoNames) may open a new tab; the page gets no access to the notebook's.
SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox"


def _rdf(graph: Any):
    """RDF for the view, from an rdflib Graph, a kg.Store, a graph file or a networkx (sub)graph."""
    import networkx as nx

    from .analysis import rdf_graph, to_rdf

    if isinstance(graph, nx.Graph):
        return to_rdf(graph)
    return rdf_graph(graph)


def inline_html(graph: Any, *, height: str = "620px", **options) -> str:
    """The network view of ``graph`` as one ``<iframe>`` element whose ``srcdoc`` holds the escaped page.

    ``options`` go to ``kg.view.render_html``.
    """
    from .view import render_html

    page = render_html(_rdf(graph), **options)
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" sandbox="{SANDBOX}" '
        f'style="width:100%;height:{html.escape(height, quote=True)};border:1px solid #ddd" '
        'title="kg network view"></iframe>'
    )


class InlineNetwork:
    """What ``show`` displays: Jupyter and VS Code render it through ``_repr_html_``."""

    def __init__(self, markup: str):
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup

    def __repr__(self) -> str:
        return f"<kg network view: {len(self.markup):,} characters of HTML; display it in a notebook>"


def show(graph: Any, *, height: str = "620px", **options) -> None:
    """Display the interactive network of ``graph`` in the current notebook cell.

    ``graph`` is an rdflib Graph, a ``kg.Store``, a graph file, or a networkx
    graph from ``kg.to_networkx`` (any subgraph of it: an ego network, one
    community). ``options`` go to the view. Returns nothing, so that a
    ``kg.show(...)`` ending a cell is not displayed twice.
    """
    try:
        from IPython.display import display
    except ImportError as err:
        raise MissingExtraError("kg.show needs IPython (it draws into a notebook)",
                                hint='pip install -e ".[notebooks]", or write a page with kg.view.write_html') from err
    display(InlineNetwork(inline_html(graph, height=height, **options)))


__all__ = ["InlineNetwork", "inline_html", "show"]
