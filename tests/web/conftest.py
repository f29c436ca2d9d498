"""Fixtures of the web tests: the servers (see web_kit.py for what each one serves)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from .web_kit import REPO, TOKEN, crafted_analyses, start_server, stop_server

from onrecord.ledger import Ledger


@pytest.fixture(scope="session")
def example_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("examples") / "examples.db"
    proc = subprocess.run([sys.executable, "-m", "onrecord", "ingest", "examples/articles", "--meta",
                           "examples/meta.json", "--db", str(db)], cwd=REPO, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr
    return db


@pytest.fixture(scope="session")
def example_server(example_db):
    server = start_server(example_db)
    yield server
    stop_server(server)


@pytest.fixture(scope="session")
def crafted_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("crafted") / "crafted.db"
    ledger = Ledger.open(str(db))
    for analysis in crafted_analyses():
        assert ledger.store(analysis) == "inserted"
    ledger.close()
    return db


@pytest.fixture(scope="session")
def crafted_server(crafted_db):
    server = start_server(crafted_db)
    yield server
    stop_server(server)


@pytest.fixture(scope="session")
def write_server(crafted_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("write") / "write.db"
    shutil.copy(crafted_db, db)
    server = start_server(db, token=TOKEN)
    yield server
    stop_server(server)
