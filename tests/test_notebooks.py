"""The notebooks in notebooks/ run top to bottom, say what they do, and are committed without outputs.

Each notebook is executed in a fresh Jupyter kernel with nbclient (one from the
repository root, the others from notebooks/), on the bundled sample corpus (and notebook 03 also on
../shared/corpus/dev when it is there). A cell that raises fails the test.
"""
from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("pandas")
pytest.importorskip("matplotlib")

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
NAMES = ["01_build_and_query.ipynb", "02_network_analysis.ipynb", "03_extraction_quality.ipynb", "04_events.ipynb"]
#: Where each notebook runs: Jupyter starts kernels in the notebook's folder, people often from the checkout.
WORKING_FOLDER = {NAMES[0]: NOTEBOOKS, NAMES[1]: NOTEBOOKS, NAMES[2]: REPO, NAMES[3]: NOTEBOOKS}
#: Seconds any one cell may take (the slowest, evaluating the dev corpus, takes well under a minute).
CELL_TIMEOUT = 600


def read(name: str):
    return nbformat.read(NOTEBOOKS / name, as_version=4)


def test_every_notebook_is_listed():
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_committed_without_outputs(name):
    nb = read(name)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, "a notebook with no code"
    assert all(not c.outputs and c.execution_count is None for c in code), "clear the outputs before committing"


@pytest.mark.parametrize("name", NAMES)
def test_notebook_reads_as_a_report(name):
    """A title, and a sentence of prose before every code cell."""
    cells = read(name).cells
    assert cells[0].cell_type == "markdown" and cells[0].source.startswith("# ")
    for before, cell in zip(cells, cells[1:]):
        if cell.cell_type == "code":
            assert before.cell_type == "markdown", f"no explanation before: {cell.source[:60]!r}"


def _outputs(nb, kind: str) -> list[str]:
    found = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if kind == "stream" and output.output_type == "stream":
                found.append(output.text)
            elif kind in output.get("data", {}):
                found.append(output["data"][kind])
    return found


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.fixture(scope="module")
def executed(nlp):
    """Run a notebook once and keep the result (nlp: skip when no English pipeline is installed)."""
    cache = {}

    def run(name: str):
        if name not in cache:
            nb = read(name)
            before = (_files(REPO), _files(NOTEBOOKS))
            client = nbclient.NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3",
                                             resources={"metadata": {"path": str(WORKING_FOLDER[name])}})
            client.execute()
            assert (_files(REPO), _files(NOTEBOOKS)) == before, "the notebook wrote into the repository"
            cache[name] = nb
        return cache[name]

    return run


@pytest.mark.slow
@pytest.mark.model
def test_build_and_query_notebook(executed):
    nb = executed("01_build_and_query.ipynb")
    text = "\n".join(_outputs(nb, "stream"))
    assert "12 articles" in text and "skipped" in text
    frames = _outputs(nb, "text/html")
    iframes = [f for f in frames if f.startswith("<iframe srcdoc=")]
    assert len(iframes) == 2, "the network is shown inline twice (whole graph, violence projection)"
    assert all("&lt;script" in f for f in iframes)
    from kg.store import named_queries

    tables = [f for f in frames if "<table" in f]
    assert len(tables) >= len(named_queries()) + 3, "every named query answers with a table"


@pytest.mark.slow
@pytest.mark.model
def test_network_analysis_notebook(executed):
    nb = executed("02_network_analysis.ipynb")
    text = "\n".join(_outputs(nb, "stream"))
    assert "Most connected:" in text
    assert "round trip equal: True" in text
    drawn = ("No clashes were read" not in text) + ("No place in this graph has coordinates" not in text)
    assert len(_outputs(nb, "image/png")) == drawn, "the clash matrix and the map are drawn when there is data"
    assert any(f.startswith("<iframe srcdoc=") for f in _outputs(nb, "text/html")), "the ego network is shown"


@pytest.mark.slow
@pytest.mark.model
def test_extraction_quality_notebook(executed):
    nb = executed("03_extraction_quality.ipynb")
    text = "\n".join(_outputs(nb, "stream"))
    assert "10 articles scored" in text  # the bundled sample's gold files
    if (REPO.parent / "shared" / "corpus" / "dev").is_dir():
        assert text.count("articles scored") == 2, "the shared dev corpus is found and scored too"
    assert len(_outputs(nb, "image/png")) >= 1
    tables = "\n".join(_outputs(nb, "text/html"))
    assert "entities (typed)" in tables and "relations (core three)" in tables


@pytest.mark.slow
@pytest.mark.model
def test_events_notebook(executed):
    nb = executed("04_events.ipynb")
    text = "\n".join(_outputs(nb, "stream"))
    assert "events from 12 articles" in text and "told by several reports" in text
    assert len(_outputs(nb, "image/png")) == 3, "events per week, the timeline per actor and the map are drawn"
    tables = "\n".join(_outputs(nb, "text/html"))
    assert "sub_event_type" in tables and "Denied" in tables, "the events table and the contested claims"


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium through Playwright (skipped when either is missing, as in test_view_browser)."""
    import shutil

    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    executable = shutil.which("chromium")
    if executable is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=["--headless", "--no-sandbox"])
        except Exception as err:  # noqa: BLE001  (a browser that cannot start is a missing tool, not a failure)
            pytest.skip(f"Chromium does not start: {str(err).splitlines()[0]}")
        yield browser
        browser.close()


@pytest.mark.browser
def test_inline_view_draws_inside_a_notebook_page(chromium):
    """What kg.show puts in a cell draws the network in its iframe, offline, without reaching the notebook page."""
    from kg.notebook import inline_html
    from kg.triples import article_graph

    from .test_analysis import _articles

    graph = None
    for item in _articles():
        graph = article_graph(item, graph)
    page = chromium.new_page()
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_content(f"<!doctype html><html><body><h1>notebook</h1>{inline_html(graph)}</body></html>")
    frame = page.wait_for_selector("iframe").content_frame()
    frame.wait_for_function("() => window.kgView && window.kgView.shown().nodes > 0", timeout=60_000)
    assert frame.evaluate("() => window.kgView.shown()")["nodes"] == 6
    reaches_notebook = frame.evaluate("() => { try { return !!window.parent.document.body; } catch (e) { return false; } }")
    assert not reaches_notebook, "the sandbox keeps the view away from the notebook's page"
    assert not errors
    assert all(url.startswith(("about:", "data:")) for url in requests), requests
    page.close()
