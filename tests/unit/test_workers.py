"""cercle.build.workers: forked workers whose log and state go home, and whose failures are named."""

import logging
import os
import signal

import pytest

from cercle.build.workers import WorkerError, fork_supported, fork_workers, other_threads

pytestmark = pytest.mark.skipif(not fork_supported(), reason="workers fork: Linux only")


def in_worker(side, body):
    """Run `body(side)` in the forked child and end it there, whatever happens."""
    try:
        body(side)
    finally:
        os._exit(99)  # body should have finished through side.finish


def test_state_and_log_records_come_home(caplog):
    caplog.set_level(logging.INFO, logger="cercle.test.workers")
    workers, side = fork_workers(2)
    if side is not None:
        def body(side):
            logging.getLogger("cercle.test.workers").warning("hello from %s", side.index)
            side.finish(True, {"index": side.index})

        in_worker(side, body)
    for worker in workers:
        worker.join()
    assert sorted(w.state["index"] for w in workers) == [1, 2]
    messages = sorted(r.getMessage() for r in caplog.records if r.name == "cercle.test.workers")
    assert messages == ["hello from 1", "hello from 2"]


def test_a_failed_worker_is_named_with_its_error():
    workers, side = fork_workers(1)
    if side is not None:
        in_worker(side, lambda side: side.finish(False, None, "ValueError: bad page"))
    with pytest.raises(WorkerError) as raised:
        workers[0].join()
    assert raised.value.index == 1
    assert raised.value.detail == "ValueError: bad page"


def test_a_worker_that_dies_is_reported_by_its_signal():
    workers, side = fork_workers(1)
    if side is not None:
        in_worker(side, lambda side: os.kill(os.getpid(), signal.SIGKILL))
    with pytest.raises(WorkerError) as raised:
        workers[0].join()
    assert raised.value.how == "signal 9"


def test_a_worker_that_exits_without_finishing_is_reported_by_its_status():
    workers, side = fork_workers(1)
    if side is not None:
        os._exit(3)
    with pytest.raises(WorkerError) as raised:
        workers[0].join()
    assert raised.value.how == "exit status 3"


def test_stop_ends_a_stuck_worker():
    workers, side = fork_workers(1)
    if side is not None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # stuck in code that ignores SIGTERM
        while True:
            signal.pause()
    workers[0].stop(grace=0.5)
    with pytest.raises(ChildProcessError):
        os.waitpid(workers[0].pid, os.WNOHANG)  # already reaped: nothing left running


def test_pipe_readers_are_the_only_threads_left_after_join():
    workers, side = fork_workers(1)
    if side is not None:
        in_worker(side, lambda side: side.finish(True, None))
    workers[0].join()
    assert not [name for name in other_threads() if name.startswith("cercle-worker-")]
