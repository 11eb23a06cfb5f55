"""kg serve: the SPARQL 1.1 Protocol endpoint, exercised with a real client (SPARQLWrapper) on loopback."""
from __future__ import annotations

import csv
import io
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
import rdflib

from kg.server import make_server, negotiate
from kg.store import Store

from .store_fixtures import make_store, report_one
from .test_sparql import HARMLESS, listener, service_queries  # noqa: F401  (listener: a fixture)
from .test_view_browser import browser  # noqa: F401  (the shared Chromium fixture)

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
TOKEN = "s3cret-for-tests"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("served") / "store")


def start(store_dir, **options):
    server = make_server(store_dir, "127.0.0.1", 0, **options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="module")
def endpoint(store_dir):
    server, base = start(store_dir, timeout=20)
    yield base + "/sparql"
    server.shutdown()
    server.server_close()


def client(endpoint, query, fmt=None, method="GET"):
    sparql = SPARQLWrapper.SPARQLWrapper(endpoint)
    sparql.setQuery(query)
    sparql.setMethod(method)
    if fmt:
        sparql.setReturnFormat(fmt)
    return sparql.query().convert()


CLASHES = "SELECT ?a ?b WHERE { ?x kgo:clashedWith ?y . ?x rdfs:label ?a . ?y rdfs:label ?b }"


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select_as_json(endpoint, method):
    result = client(endpoint, CLASHES, SPARQLWrapper.JSON, method)
    assert result["head"]["vars"] == ["a", "b"]
    assert [(b["a"]["value"], b["b"]["value"]) for b in result["results"]["bindings"]] == [("Afghan Army", "Taliban")]


def test_select_as_xml_csv_and_tsv(endpoint):
    xml = client(endpoint, CLASHES, SPARQLWrapper.XML)
    assert [n.firstChild.nodeValue for n in xml.getElementsByTagName("literal")] == ["Afghan Army", "Taliban"]
    as_csv = client(endpoint, CLASHES, SPARQLWrapper.CSV)
    assert list(csv.reader(io.StringIO(as_csv.decode()))) == [["a", "b"], ["Afghan Army", "Taliban"]]
    as_tsv = client(endpoint, CLASHES, SPARQLWrapper.TSV).decode().splitlines()
    assert as_tsv == ["?a\t?b", '"Afghan Army"\t"Taliban"']


def test_ask_and_construct(endpoint):
    assert client(endpoint, "ASK { ?s a kgo:City }", SPARQLWrapper.JSON)["boolean"] is True
    graph = client(endpoint, "CONSTRUCT WHERE { ?c a kgo:City ; rdfs:label ?l }", SPARQLWrapper.TURTLE)
    graph = graph if isinstance(graph, rdflib.Graph) else rdflib.Graph().parse(data=graph, format="turtle")
    assert {str(o) for o in graph.objects(None, rdflib.RDFS.label)} == {"Kunduz"}


def test_the_merged_default_graph_counts_shared_triples_once(endpoint):
    result = client(endpoint, "SELECT (COUNT(*) AS ?n) WHERE { ?s rdfs:label 'Taliban' }", SPARQLWrapper.JSON)
    assert result["results"]["bindings"][0]["n"]["value"] == "1"


def raw(url, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type"), response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type"), err.read()


def test_format_parameter_and_accept_header(endpoint):
    query = urllib.parse.quote("SELECT ?c WHERE { ?c a kgo:City }")
    status, content_type, body = raw(f"{endpoint}?query={query}&format=csv")
    assert status == 200 and content_type.startswith("text/csv")
    status, content_type, _ = raw(f"{endpoint}?query={query}", headers={"Accept": "application/sparql-results+xml"})
    assert content_type.startswith("application/sparql-results+xml")
    status, _, _ = raw(f"{endpoint}?query={query}", headers={"Accept": "image/png"})
    assert status == 406


def test_sparql_query_body(endpoint):
    status, content_type, body = raw(endpoint, b"ASK { ?s a kgo:Province }",
                                     {"Content-Type": "application/sparql-query"})
    assert status == 200 and b"true" in body


def test_malformed_query_is_400(endpoint):
    status, _, body = raw(endpoint, urllib.parse.urlencode({"query": "SELECT WHERE {"}).encode(),
                          {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400 and b"malformed SPARQL" in body


def test_updates_are_refused_by_default(endpoint, store_dir):
    update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }"
    for data, kind in [(urllib.parse.urlencode({"update": update}).encode(), "application/x-www-form-urlencoded"),
                       (update.encode(), "application/sparql-update")]:
        status, _, _ = raw(endpoint, data, {"Content-Type": kind, "Authorization": f"Bearer {TOKEN}"})
        assert status == 403
    sparql = SPARQLWrapper.SPARQLWrapper(endpoint)
    sparql.setMethod("POST")
    sparql.setQuery(update)
    with pytest.raises(Exception):  # SPARQLWrapper turns 403 into an exception
        sparql.query()
    assert client(endpoint, "ASK { <urn:x> ?p ?o }", SPARQLWrapper.JSON)["boolean"] is False


def test_updates_with_the_token_when_allowed(tmp_path):
    path = tmp_path / "store"
    with Store(path) as store:
        store.add(report_one())
    server, base = start(path, allow_updates=True, token=TOKEN)
    try:
        update = urllib.parse.urlencode({"update": "INSERT DATA { <urn:x> <urn:y> <urn:z> }"}).encode()
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        assert raw(base + "/sparql", update, form)[0] == 403
        assert raw(base + "/sparql", update, {**form, "Authorization": "Bearer wrong"})[0] == 403
        assert raw(base + "/sparql", update, {**form, "Authorization": f"Bearer {TOKEN}"})[0] == 204
        assert client(base + "/sparql", "ASK { <urn:x> <urn:y> <urn:z> }", SPARQLWrapper.JSON)["boolean"] is True
    finally:
        server.shutdown()
        server.server_close()


def test_service_is_refused_and_the_server_fetches_nothing(endpoint, listener):  # noqa: F811
    for query in service_queries(listener.url):
        status, _, body = raw(f"{endpoint}?{urllib.parse.urlencode({'query': query})}")
        assert status == 400 and b"SERVICE" in body and b"--allow-service" in body, query
    assert listener.requests == [], "the server fetched a URL a client named"
    for query in HARMLESS[:3]:  # SERVICE in a string or a comment is no call
        assert raw(f"{endpoint}?{urllib.parse.urlencode({'query': query})}")[0] == 200


def test_service_and_load_in_updates_are_refused_too(tmp_path, listener):  # noqa: F811
    server, base = start(make_store(tmp_path / "store"), allow_updates=True, token=TOKEN)
    try:
        for update in [f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}",
                       f"LOAD <{listener.url}> INTO GRAPH <urn:loaded>"]:
            status, _, body = raw(base + "/sparql", update.encode(), {"Content-Type": "application/sparql-update",
                                                                      "Authorization": f"Bearer {TOKEN}"})
            assert status == 400 and b"--allow-service" in body, update
    finally:
        server.shutdown()
        server.server_close()
    assert listener.requests == []


def test_allow_service_lets_queries_call_other_endpoints(store_dir, listener):  # noqa: F811
    server, base = start(store_dir, allow_service=True)
    try:
        query = service_queries(listener.url)[0]
        status = raw(f"{base}/sparql?{urllib.parse.urlencode({'query': query})}")[0]
    finally:
        server.shutdown()
        server.server_close()
    assert status == 200 and len(listener.requests) == 1


def test_the_protocol_dataset_replaces_the_store_default(endpoint):
    from kg.triples import article_iri

    one, two = str(article_iri("report-one")), str(article_iri("report-two"))
    clashes = "SELECT (COUNT(*) AS ?n) WHERE { ?e a kgo:Evidence ; rdf:predicate kgo:clashedWith }"

    def count(query, **dataset):
        params = urllib.parse.urlencode({"query": query, **dataset}, doseq=True)
        status, _, body = raw(f"{endpoint}?{params}", headers={"Accept": "text/csv"})
        assert status == 200, body
        return int(body.decode().split()[1])

    assert count(clashes) == 2  # the store's default graph: both articles
    assert count(clashes, **{"default-graph-uri": one}) == 1
    assert count(clashes, **{"default-graph-uri": [one, two]}) == 2
    graphs = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert count(graphs, **{"named-graph-uri": two}) == 1
    assert count(f"SELECT (COUNT(*) AS ?n) FROM <{two}> WHERE {{ ?e a kgo:Evidence }}", **{"named-graph-uri": one}) == 0
    status, _, body = raw(f"{endpoint}?{urllib.parse.urlencode({'query': clashes, 'default-graph-uri': 'no iri'})}")
    assert status == 400 and b"not an absolute IRI" in body


def test_relative_iris_resolve_against_the_endpoint(endpoint):
    status, _, body = raw(endpoint, b"CONSTRUCT { <s> <p> 1 } WHERE {}", {"Content-Type": "application/sparql-query",
                                                                      "Accept": "application/n-triples"})
    assert status == 200 and body.startswith(f"<{endpoint.rsplit('/', 1)[0]}/s> ".encode())


def test_requests_the_protocol_forbids(endpoint):
    ask = urllib.parse.quote("ASK {}")
    assert raw(f"{endpoint}?query={ask}&query={ask}")[0] == 400
    assert raw(f"{endpoint}?query={ask}&using-graph-uri=urn:g")[0] == 400
    utf16 = {"Content-Type": "application/sparql-query; charset=UTF-16"}
    assert raw(endpoint, "ASK {}".encode("utf-16"), utf16)[0] == 415
    assert raw(endpoint, b"query=ASK%20%7B%7D&update=CLEAR%20ALL",
               {"Content-Type": "application/x-www-form-urlencoded"})[0] == 400
    request = urllib.request.Request(f"{endpoint}?query={ask}", method="PUT", data=b"")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 405 and refused.value.headers["Allow"] == "GET, POST"


def test_a_runaway_query_is_stopped_and_the_server_keeps_answering(store_dir):
    server, base = start(store_dir, timeout=1.0)
    try:
        endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
        status, _, body = raw(base + "/sparql?" + urllib.parse.urlencode({"query": endless}))
        assert status == 503 and b"was stopped" in body
        assert client(base + "/sparql", "ASK { ?s a kgo:City }", SPARQLWrapper.JSON)["boolean"] is True
    finally:
        server.shutdown()
        server.server_close()


def test_query_page_works_offline_and_lists_named_queries(endpoint):
    base = endpoint.rsplit("/", 1)[0]
    status, content_type, page = raw(base + "/")
    assert status == 200 and content_type.startswith("text/html")
    assert b"<script" in page and b"src=\"http" not in page and b"href=\"http" not in page
    status, _, listing = raw(base + "/queries")
    assert status == 200 and b"clashes" in listing


def test_server_binds_loopback_by_default_and_refuses_a_missing_store(tmp_path, store_dir):
    from kg.errors import StoreError

    server = make_server(store_dir, port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()
    with pytest.raises(StoreError):
        make_server(tmp_path / "none", port=0)
    with pytest.raises(StoreError, match="token"):
        make_server(store_dir, port=0, allow_updates=True)


def test_negotiation():
    from kg.server import RESULT_FORMATS

    assert negotiate("", None, RESULT_FORMATS, "json") == "json"
    assert negotiate("text/csv;q=0.5, application/sparql-results+xml", None, RESULT_FORMATS, "json") == "xml"
    assert negotiate("*/*", None, RESULT_FORMATS, "json") == "json"
    assert negotiate("application/json", "tsv", RESULT_FORMATS, "json") == "tsv"
    assert negotiate("image/png", None, RESULT_FORMATS, "json") is None


@pytest.mark.browser
def test_the_query_page_runs_a_named_query_in_a_browser_without_other_hosts(store_dir, browser):
    server, base = start(store_dir)
    page = browser.new_page()
    elsewhere, errors = [], []
    page.on("request", lambda request: None if request.url.startswith(base) else elsewhere.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(base + "/")
        page.wait_for_function("document.querySelectorAll('#named option').length > 1")
        page.select_option("#named", "clashes")
        page.wait_for_selector("#results table tbody tr")
        cells = page.eval_on_selector_all("#results tbody td", "cells => cells.map(c => c.textContent)")
        assert cells == ["Afghan Army", "Taliban", "2"]
        assert "1 row(s)" in page.text_content("#status")
        page.fill("#query", "SELECT WHERE {")
        page.click("#run")
        page.wait_for_function("document.querySelector('#status').className === 'error'")
        assert "400" in page.text_content("#status")
    finally:
        page.close()
        server.shutdown()
        server.server_close()
    assert elsewhere == [] and errors == []
