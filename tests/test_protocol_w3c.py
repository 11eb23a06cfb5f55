"""The W3C's SPARQL 1.1 Protocol test cases, run by their own runner against a real `kg serve` process.

The suite lives beside the repository in ../shared/w3c-sparql-protocol (manifest.ttl, run.py, load_graphs.py); its
README says how to run it, and this does exactly that: a store, the test graphs loaded into it, `kg serve` on a
free loopback port, `run.py` for the 20 query cases and, against a second server started with --allow-updates
--token, for the 14 update cases (which CLEAR and DROP everything, so they get a store of their own).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .store_fixtures import make_store

SUITE = Path(__file__).resolve().parents[1].parent / "shared" / "w3c-sparql-protocol"
TOKEN = "w3c-protocol-tests"
CASES = {"query": 20, "update": 14}

pytestmark = pytest.mark.skipif(not (SUITE / "run.py").is_file(), reason="../shared/w3c-sparql-protocol is absent")


def served_store(folder: Path) -> Path:
    """Any kg store, with the suite's three test graphs loaded as its README says."""
    store = make_store(folder)
    subprocess.run([sys.executable, str(SUITE / "load_graphs.py"), str(store)], check=True, capture_output=True,
                   timeout=120)
    return store


def start_serve(store: Path, *options: str) -> tuple[subprocess.Popen, int]:
    """`kg serve` on a port the system picks; the port is read from the line it prints when it listens."""
    process = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "serve", "--store",
                                str(store), "--port", "0", *options],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()  # empty when the process ended without serving
    found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not found:
        process.kill()
        pytest.fail(f"kg serve did not start: {line}{process.communicate(timeout=30)[1]}")
    return process, int(found.group(1))


def run_cases(tmp_path: Path, kind: str, *options: str) -> list[dict]:
    store = served_store(tmp_path / f"{kind}-store")
    process, port = start_serve(store, *options)
    out = tmp_path / f"{kind}.json"
    try:
        runner = subprocess.run([sys.executable, str(SUITE / "run.py"), str(port), str(out), "--only", kind,
                                 "--server-pid", str(process.pid)] + (["--token", TOKEN] if "--token" in options
                                                                      else []),
                                capture_output=True, text=True, timeout=600, check=False)
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert runner.returncode == 0, runner.stderr
    return json.loads(out.read_text())


def failures(results: list[dict]) -> list[str]:
    return [f"{case['name']}: " + "; ".join(check for request in case["requests"] for check in request["checks"])
            for case in results if not case["pass"]]


def test_every_query_case_passes(tmp_path):
    results = run_cases(tmp_path, "query")
    assert len(results) == CASES["query"]
    assert failures(results) == []
    assert all(request["server_healthy_after"] for case in results for request in case["requests"])


def test_every_update_case_passes(tmp_path):
    results = run_cases(tmp_path, "update", "--allow-updates", "--token", TOKEN)
    assert len(results) == CASES["update"]
    assert failures(results) == []
    assert all(request["server_healthy_after"] for case in results for request in case["requests"])
