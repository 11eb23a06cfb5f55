"""--dask: extraction on a Dask distributed cluster gives the same graph as a local build."""
from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

import kg
from kg.distributed import dask_client

from .test_pipeline import same_named_graphs, trig_dataset

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    """An in-process LocalCluster (inproc:// transport, no sockets): one worker with two threads."""
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                       dashboard_address=None)
    with distributed.Client(cluster) as dask:
        yield dask
    cluster.close()


@pytest.mark.model
@pytest.mark.slow
def test_dask_build_equals_the_local_build(nlp, sample_dir, sample_build, client, tmp_path):
    report = kg.build([sample_dir], tmp_path, dask=client, html=False)
    local_report, local = sample_build
    assert report.articles == local_report.articles
    assert isomorphic(Graph().parse(tmp_path / "graph.ttl"), Graph().parse(local / "graph.ttl"))
    assert same_named_graphs(trig_dataset(tmp_path / "graph.trig"), trig_dataset(local / "graph.trig"))
    assert client.status == "running", "build() must not close a client it was given"


def test_unreachable_scheduler_is_a_one_line_error():
    with pytest.raises(kg.KGError) as caught:
        dask_client("tcp://127.0.0.1:9", timeout="1s")
    assert "cannot reach the Dask scheduler" in caught.value.one_line()
