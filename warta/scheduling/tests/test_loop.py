"""The loop behind `warta publish-due --loop` and the scheduler `warta run` starts."""

import threading

import pytest
from django.core.exceptions import ImproperlyConfigured

from warta.cli import main as cli
from warta.scheduling import services


def _scheduler_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "warta-scheduler"]


def test_the_loop_runs_passes_until_stopped_and_survives_a_failing_pass():
    passes = []
    done = threading.Event()

    def run_pass():
        passes.append(len(passes))
        if len(passes) == 1:
            raise RuntimeError("database restarting")
        if len(passes) >= 3:
            done.set()

    scheduler = services.start_scheduler_thread(interval=0.01, run_pass=run_pass)
    assert scheduler.thread.daemon and scheduler.thread.name == "warta-scheduler"
    assert done.wait(5)
    scheduler.stop()
    assert not scheduler.thread.is_alive()
    assert len(passes) >= 3


def test_stopping_during_the_first_delay_runs_no_pass():
    passes = []
    scheduler = services.start_scheduler_thread(
        interval=1, first_delay=60, run_pass=lambda: passes.append(1)
    )
    scheduler.stop(timeout=5)
    assert not scheduler.thread.is_alive() and passes == []


def test_the_interval_comes_from_settings_and_is_at_most_30_seconds(settings):
    settings.WARTA_SCHEDULER_INTERVAL = 15
    assert services.scheduler_interval() == 15
    assert services.scheduler_interval(30) == 30
    for wrong in (0, -1, 31, 120):
        with pytest.raises(ImproperlyConfigured, match="WARTA_SCHEDULER_INTERVAL"):
            services.scheduler_interval(wrong)


@pytest.fixture
def server(monkeypatch):
    """`warta run` with a fake runserver that reports the scheduler threads it saw."""
    seen = {}
    ran = threading.Event()
    monkeypatch.setattr(services, "publish_due", ran.set)
    monkeypatch.setattr(cli, "SCHEDULER_FIRST_DELAY", 0.0)

    def fake_call_command(name, *args, **options):
        if name == "runserver":
            threads = _scheduler_threads()
            seen["threads"] = threads
            seen["passed"] = ran.wait(5) if threads else False

    monkeypatch.setattr("django.core.management.call_command", fake_call_command)
    monkeypatch.setattr("django.core.management.get_commands", dict)
    monkeypatch.setattr(cli, "_announce_admin_account", lambda host, port: None)
    monkeypatch.delenv("RUN_MAIN", raising=False)
    return seen


def test_warta_run_starts_the_scheduler_beside_the_server_and_stops_it_with_it(server):
    assert cli.main(["run"]) == 0

    (thread,) = server["threads"]
    assert thread.daemon
    assert server["passed"]  # a pass ran while the server was up
    assert not thread.is_alive()  # and the loop ended with the server


def test_only_the_reloader_child_schedules(server, monkeypatch):
    cli.main(["run", "--reload"])
    assert server["threads"] == []  # the watching parent

    monkeypatch.setenv("RUN_MAIN", "true")
    cli.main(["run", "--reload"])
    assert len(server["threads"]) == 1 and server["passed"]


def test_warta_run_without_the_scheduler(server):
    cli.main(["run", "--no-scheduler"])
    assert server["threads"] == []
