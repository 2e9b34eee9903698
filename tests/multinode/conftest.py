"""The cluster the multi-node tests share: started once for the module, always stopped."""

from __future__ import annotations

import os
import tempfile

import pytest

from tests.multinode.cluster import Cluster, missing_tools


def _postgres_pass() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


@pytest.fixture(scope="session")
def cluster():
    """PostgreSQL, Redis, nodes a and b, two schedulers and nginx, all on loopback.

    One cluster for the whole run: starting it takes most of a minute, and every test
    leaves it whole for the next (see ``_whole_cluster_for_the_next_test``).

    The cluster brings its own PostgreSQL, so it does not depend on the database the
    suite runs on; `make test` runs the suite twice (SQLite, then PostgreSQL) and the
    cluster runs only in the PostgreSQL pass. WARTA_MULTINODE=1 runs it anyway.
    """
    if not (_postgres_pass() or os.environ.get("WARTA_MULTINODE") == "1"):
        pytest.skip(
            "multi-node test runs once, in the PostgreSQL pass of make test "
            "(it starts its own PostgreSQL); WARTA_MULTINODE=1 runs it here"
        )
    missing = missing_tools()
    if missing:
        pytest.fail(f"the multi-node test needs {', '.join(missing)}: run scripts/ensure-services")
    with tempfile.TemporaryDirectory(prefix="warta-cluster-") as directory:
        running = Cluster(directory)
        try:
            try:
                running.seeded = running.start_all(schedulers=2)
            except BaseException:
                print(running.logs())
                raise
            yield running
        finally:
            running.close()


@pytest.fixture(autouse=True)
def _whole_cluster_for_the_next_test(request):
    """A test that fails halfway (a node killed, Redis stopped) must not fail the rest."""
    yield
    if "cluster" in request.fixturenames:
        restarted = request.getfixturevalue("cluster").heal()
        if restarted:
            print(f"cluster healed after {request.node.name}: started {', '.join(restarted)}")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """A failing cluster test shows the end of every process's log."""
    report = yield
    running = item.funcargs.get("cluster") if hasattr(item, "funcargs") else None
    if report.when == "call" and report.failed and isinstance(running, Cluster):
        report.sections.append(("cluster logs", running.logs()))
    return report
