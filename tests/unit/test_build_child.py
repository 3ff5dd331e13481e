"""cercle.build.child: a build run in a forked process, its result, error and phases brought home."""

import os
import signal
import subprocess
import sys
import threading

import pytest

from cercle.build.child import ChildFailed, can_fork, run_forked
from cercle.build.workers import fork_supported
from cercle.core import phases

pytestmark = pytest.mark.skipif(not fork_supported(), reason="fork: Linux only")


def test_a_fresh_process_can_fork_its_build_and_one_with_threads_does_not():
    # In a fresh interpreter: this test process may hold other tests' threads.
    fresh = "from cercle.build.child import can_fork; print(can_fork())"
    proc = subprocess.run([sys.executable, "-c", fresh], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "True", proc.stderr
    stop = threading.Event()
    beside = threading.Thread(target=stop.wait)
    beside.start()
    try:
        assert not can_fork()  # a fork would copy locks the thread may hold: one process then
    finally:
        stop.set()
        beside.join()


def test_the_result_comes_home_and_the_work_ran_elsewhere():
    here = os.getpid()
    pid, value = run_forked(lambda: (os.getpid(), {"pages": 3}), str)
    assert pid != here and value == {"pages": 3}


def test_an_error_in_the_forked_process_is_raised_here_with_its_text():
    def work():
        raise RuntimeError("Aborted with 2 warnings in strict mode!")

    with pytest.raises(ChildFailed, match="Aborted with 2 warnings in strict mode!"):
        run_forked(work, str)


def test_a_killed_build_process_is_named():
    def work():
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would

    with pytest.raises(ChildFailed, match=r"^stopped: signal 9$"):
        run_forked(work, lambda how: f"stopped: {how}")


def test_its_phases_are_added_to_this_process(monkeypatch, tmp_path):
    monkeypatch.setenv(phases.ENV, str(tmp_path / "phases.json"))

    def work():
        with phases.phase("cercle-test-child"):
            pass
        return None

    before = phases.snapshot().get("cercle-test-child", {}).get("calls", 0)
    run_forked(work, str)
    assert phases.snapshot()["cercle-test-child"]["calls"] == before + 1
