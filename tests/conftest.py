"""Shared fixtures. The trained spaCy model is loaded once per session; tests that
need it use the ``nlp`` fixture (and skip when no English pipeline is installed)."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED_DEV = REPO.parent / "shared" / "corpus" / "dev"
ONTOLOGY = REPO / "ontologies" / "kg.ttl"
SHAPES = REPO / "ontologies" / "shapes.ttl"


@pytest.fixture(scope="session")
def nlp():
    """The English pipeline with kg's components."""
    import kg
    from kg.errors import ModelError

    try:
        return kg.load_pipeline()
    except ModelError as err:
        pytest.skip(f"no spaCy English pipeline: {err}")


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    from kg.ingest import bundled_sample

    return bundled_sample()


@pytest.fixture(scope="session")
def sample_build(nlp, sample_dir, tmp_path_factory):
    """The bundled sample corpus built once: (BuildReport, output folder)."""
    import kg

    out = tmp_path_factory.mktemp("sample-build")
    report = kg.build([sample_dir], out, nlp=nlp)
    return report, out


@pytest.fixture(scope="session")
def shared_dev() -> Path:
    """../shared/corpus/dev beside the checkout; tests using it skip when it is absent."""
    if not SHARED_DEV.is_dir():
        pytest.skip("../shared/corpus/dev is not present")
    return SHARED_DEV


def validate_shacl(data_graph):
    """(conforms, report text) of ``data_graph`` against ontologies/shapes.ttl."""
    pyshacl = pytest.importorskip("pyshacl")
    from rdflib import Graph

    conforms, _, text = pyshacl.validate(
        data_graph, shacl_graph=Graph().parse(SHAPES), ont_graph=Graph().parse(ONTOLOGY),
        inference="rdfs", advanced=True, allow_warnings=True,
    )
    return conforms, text
