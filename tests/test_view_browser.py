"""The network view in a real browser: Debian's Chromium driven by Playwright (skipped when either is missing).

Checks that the page draws what the graph holds, asks no host for anything, runs nothing an article smuggles in,
and that search, filters and clicks change what is shown. Screenshots of the sample graph in both themes go to
test-artifacts/ (gitignored) for a human to look at.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rdflib import Graph

from kg.view import view_data, write_html

from .test_view import BREAKOUT, IMG, SCRIPT, hostile_graph, sample_graph

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM if Path(CHROMIUM).exists()
                                                 else shutil.which("chromium"), args=CHROMIUM_ARGS)
        except Exception as err:  # noqa: BLE001  (a browser that cannot start is a missing tool, not a failure)
            pytest.skip(f"Chromium does not start: {str(err).splitlines()[0]}")
        yield browser
        browser.close()


@dataclass
class Visit:
    """An open view and everything the page did that it should not have."""

    page: object
    url: str
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def shown(self) -> dict:
        return self.js("() => window.kgView.shown()")

    def node_point(self, label: str) -> tuple[float, float]:
        """Where on the screen the node called ``label`` is drawn."""
        return tuple(self.js("""(label) => {
            const data = JSON.parse(document.getElementById('kg-data').textContent);
            const id = data.nodes.findIndex(n => n.label === label);
            const net = window.kgView.network, p = net.canvasToDOM(net.getPosition(id));
            const box = document.getElementById('kg-network').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y]; }""", label))

    def edge_point(self, relation: str) -> tuple[float, float]:
        """The middle of the first edge of ``relation`` (edges are straight unless parallel)."""
        return tuple(self.js("""(relation) => {
            const data = JSON.parse(document.getElementById('kg-data').textContent);
            const edge = data.visEdges.find(e => data.edges[e.id].relation === relation), net = window.kgView.network;
            const a = net.getPosition(edge.from), b = net.getPosition(edge.to);
            const p = net.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});
            const box = document.getElementById('kg-network').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y]; }""", relation))


@pytest.fixture()
def open_view(browser):
    pages = []

    def open_(path: Path) -> Visit:
        page = browser.new_page(viewport={"width": 1280, "height": 820})
        pages.append(page)
        visit = Visit(page, path.as_uri())
        page.on("request", lambda request: request.url != visit.url and visit.requests.append(request.url))
        page.on("dialog", lambda dialog: (visit.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: visit.errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and visit.errors.append(message.text))
        page.goto(visit.url)
        page.wait_for_function("() => window.kgReady === true", timeout=30_000)
        return visit

    yield open_
    for page in pages:
        page.close()


def clean(visit: Visit) -> None:
    assert visit.requests == [], "the page asked another host (or file) for something"
    assert visit.dialogs == [] and visit.errors == []


def test_sample_build_draws_every_entity_and_relation(sample_build, open_view):
    _, out = sample_build
    expected = view_data(Graph().parse(out / "graph.ttl"))
    visit = open_view(out / "graph.html")
    drawn = visit.js("() => ({nodes: window.kgView.network.body.nodeIndices.length, "
                     "edges: window.kgView.network.body.edgeIndices.length})")
    assert drawn == {"nodes": len(expected["nodes"]), "edges": len(expected["edges"])}
    assert len(expected["nodes"]) > 20 and len(expected["edges"]) > 5
    stats = visit.page.inner_text("#kg-stats")
    assert f"of {len(expected['nodes'])} entities" in stats and f"of {len(expected['edges'])} relations" in stats
    ARTIFACTS.mkdir(exist_ok=True)
    visit.page.screenshot(path=str(ARTIFACTS / "view-sample-light.png"))
    visit.page.click("#kg-theme")
    assert visit.js("() => document.documentElement.dataset.theme") == "dark"
    visit.page.screenshot(path=str(ARTIFACTS / "view-sample-dark.png"))
    clean(visit)


def test_hostile_payloads_render_as_text_and_run_nothing(tmp_path, open_view):
    visit = open_view(write_html(hostile_graph(), tmp_path / "hostile.html"))
    page = visit.page
    for label in (SCRIPT, IMG, BREAKOUT):
        page.mouse.move(*visit.node_point(label))
        page.wait_for_selector("#kg-tip", state="visible")
        assert label in page.inner_text("#kg-tip")  # the name, shown as text
        page.mouse.click(*visit.node_point(label))
        assert page.inner_text("#kg-details h3") == label
    page.mouse.move(10, 10)
    page.mouse.click(*visit.edge_point("captured"))
    details = page.inner_text("#kg-details")
    assert IMG in details and BREAKOUT in details and SCRIPT in details  # the sentence, as text
    page.fill("#kg-search", "<img")
    page.click("#kg-theme")
    assert visit.js("() => window.__pwned") is None
    assert visit.js("() => document.querySelectorAll('img, [onerror]').length") == 0
    assert visit.js("() => document.querySelectorAll('script').length") == 3
    hrefs = visit.js("() => [...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
    assert all(href.startswith(("http://", "https://")) for href in hrefs)
    assert "javascript" not in " ".join(hrefs)
    clean(visit)


def test_search_filters_and_clicks_change_what_is_shown(tmp_path, open_view):
    visit = open_view(write_html(sample_graph(), tmp_path / "sample.html"))
    page = visit.page
    assert visit.shown() == {"nodes": 6, "edges": 5, "lit": 6}
    page.fill("#kg-search", "kunduz")
    assert visit.shown()["lit"] == 2 and "2 matches" in page.inner_text("#kg-search-info")
    page.press("#kg-search", "Enter")  # goes to the exact match, lights its neighbourhood
    assert page.inner_text("#kg-details h3") == "Kunduz" and visit.shown()["lit"] == 3
    page.fill("#kg-search", "")
    assert visit.shown()["lit"] == 6
    page.click("#kg-types label:has(input[value=City])")
    assert visit.shown() == {"nodes": 5, "edges": 3, "lit": 5}
    page.click("#kg-relations label:has(input[value=clashedWith])")
    assert visit.shown()["edges"] == 2 and "5 of 6 entities · 2 of 5 relations" in page.inner_text("#kg-stats")
    page.click("#kg-reset")
    assert visit.shown() == {"nodes": 6, "edges": 5, "lit": 6}
    page.mouse.click(*visit.node_point("Taliban"))  # neighbourhood of a clicked node
    assert visit.shown()["lit"] == 4 and page.inner_text("#kg-details h3") == "Taliban"
    page.mouse.click(*visit.edge_point("captured"))  # an edge's evidence, with a link to its article
    assert "Fighters took the city." in page.inner_text("#kg-details")
    assert visit.js("() => document.querySelector('#kg-details a').href") == "https://example.org/one"
    clean(visit)
