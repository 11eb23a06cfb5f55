"""SPARQL read without running it: SERVICE and LOAD found however they are written, and the update dataset."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.sparql import outbound_calls, with_using
from kg.store import Store

from .store_fixtures import report_one

EMPTY_RESULTS = b'{"head":{"vars":["s"]},"results":{"bindings":[]}}'


class Listener:
    """A loopback HTTP server that records every request made to it and answers with an empty SPARQL result."""

    def __init__(self):
        self.requests: list[str] = []
        record = self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                record.append(f"{self.command} {self.path}")
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(EMPTY_RESULTS)))
                self.end_headers()
                self.wfile.write(EMPTY_RESULTS)

            do_POST = do_GET

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def listener():
    """A SERVICE target on loopback: ``listener.url``, and ``listener.requests`` made to it."""
    server = Listener()
    yield server
    server.close()


def service_queries(url: str) -> list[str]:
    """SERVICE written every way Oxigraph accepts it."""
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ OPTIONAL {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"ASK {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ SERVICESILENT<{url}>{{ ?s ?p ?o }} }}",  # Oxigraph reads keywords run together
        f"SELECT * WHERE {{ BIND(<{url}> AS ?where) SERVICE ?where {{ ?s ?p ?o }} }}",
        f'SELECT * WHERE {{ ?s ?p "a\\u0022 . SERVICE <{url}> {{ ?s ?p ?o }} #" }}',
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",  # SPARQL's codepoint escapes
        f"# a comment\nSELECT * WHERE {{ ?x ?y 1.SERVICE <{url}> {{ ?s ?p ?o }} }}",
    ]


HARMLESS = [
    'SELECT ?o WHERE { ?s rdfs:label "the National Security Service" . ?s ?p ?o }',
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:9/> { }",
    'SELECT * WHERE { ?s ?p """SERVICE <http://127.0.0.1:9/> { ?a ?b ?c }""" }',
    "SELECT ?service WHERE { ?service kgo:service <http://example.org/service#SERVICE> }",
    "PREFIX service: <http://example.org/> SELECT * WHERE { ?s service:load ?o }",
]


@pytest.mark.parametrize("index", range(len(service_queries("u"))))
def test_service_is_found_however_written(index):
    assert outbound_calls(service_queries("http://127.0.0.1:9/sparql")[index])


@pytest.mark.parametrize("query", HARMLESS)
def test_the_word_service_in_strings_comments_and_names_is_no_call(query):
    assert outbound_calls(query) == []


def test_load_counts_in_updates_only():
    assert outbound_calls("LOAD <http://127.0.0.1:9/data.ttl> INTO GRAPH <urn:g>", update=True) == \
        ["LOAD <http://127.0.0.1:9/data.ttl>", "LOAD"]
    assert outbound_calls('INSERT DATA { <urn:a> <urn:b> "LOAD <http://127.0.0.1:9/>" }', update=True) == []
    assert outbound_calls("INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", update=True)


def test_store_query_refuses_service_by_default_and_fetches_nothing(listener):
    with Store() as store:
        store.add(report_one())
        for query in service_queries(listener.url):
            with pytest.raises(QueryError, match="SERVICE") as caught:
                store.query(query)
            assert "allow_service=True" in caught.value.one_line()
        with pytest.raises(QueryError):
            store.query_raw(service_queries(listener.url)[0])
        with pytest.raises(QueryError):
            store.construct(f"CONSTRUCT WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}")
        assert listener.requests == []
        assert store.query(HARMLESS[0]) == []  # the word alone is no reason to refuse


def test_store_query_runs_service_when_allowed(listener):
    with Store() as store:
        assert store.query(service_queries(listener.url)[0], allow_service=True) == []
    assert len(listener.requests) == 1


def test_with_using_gives_every_where_clause_the_dataset():
    update = ('PREFIX ex: <http://example.org/>\nCLEAR ALL ;\nINSERT DATA { GRAPH ex:g1 { ex:a a ex:Doc } } ;\n'
              'INSERT { GRAPH ex:out { ?s a ex:Seen } } WHERE { ?s a ex:Doc FILTER(?s != "WHERE {") } ;\n'
              'DELETE WHERE { GRAPH ?g { ?s a ex:Gone } }')
    rewritten = with_using(update, ["<http://example.org/g1>"], ["<http://example.org/g2>"])
    clause = "USING <http://example.org/g1> USING NAMED <http://example.org/g2>"
    assert rewritten.count(clause) == 2
    assert f'ex:Seen }} }} {clause} WHERE {{ ?s a ex:Doc FILTER(?s != "WHERE {{") }}' in rewritten
    assert f"DELETE  {{ GRAPH ?g {{ ?s a ex:Gone }} }} {clause} WHERE {{ GRAPH ?g {{ ?s a ex:Gone }} }}" in rewritten
    seen = "ASK { GRAPH <http://example.org/out> { <http://example.org/a> a <http://example.org/Seen> } }"
    with_dataset, without = ox.Store(), ox.Store()
    with_dataset.update(rewritten)  # what the rewriting gives is SPARQL Oxigraph runs
    without.update(update)
    assert bool(with_dataset.query(seen)), "the WHERE clause did not read the protocol's default graph (g1)"
    assert not bool(without.query(seen))  # the store's own default graph is empty


@pytest.mark.parametrize("update", ["WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
                                    "DELETE { ?s ?p ?o } USING <urn:g> WHERE { ?s ?p ?o }"])
def test_with_using_refuses_an_update_with_a_dataset_of_its_own(update):
    with pytest.raises(QueryError, match="dataset"):
        with_using(update, ["<urn:other>"], [])
    assert with_using(update, [], []) == update


def test_query_df_over_an_rdflib_graph_refuses_service_too(listener):
    import rdflib

    import kg

    graph = rdflib.Graph()
    graph.add((rdflib.URIRef("urn:a"), rdflib.URIRef("urn:b"), rdflib.Literal("c")))
    with pytest.raises(QueryError, match="SERVICE"):
        kg.query_df(graph, f"SELECT * WHERE {{ ?x ?y ?z SERVICE <{listener.url}> {{ ?s ?p ?o }} }}")
    assert listener.requests == []  # rdflib evaluates SERVICE by fetching, as Oxigraph does
