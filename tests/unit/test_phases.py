"""cercle.core.phases: off by default, per-phase totals written at exit when CERCLE_PHASES is set."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from cercle.core import phases

SCRIPT = textwrap.dedent(
    """
    from cercle.core import phases

    @phases.timed("decorated")
    def handler():
        with phases.phase("inner"):
            pass
        return 42

    with phases.phase("outer"):
        assert handler() == 42
    assert handler() == 42
    phases.begin("evented")
    phases.end()
    phases.merge({"markdown": {"wall": 1.5, "cpu": 1.0, "calls": 3}})
    """
)


def test_off_without_the_variable(monkeypatch):
    monkeypatch.delenv(phases.ENV, raising=False)
    assert not phases.enabled()
    assert phases.phase("cards") is phases.phase("search")  # one shared no-op

    @phases.timed("x")
    def f(a, b=1):
        return a + b

    assert f(1, b=2) == 3 and f.__name__ == "f"
    phases.begin("y")
    phases.end()
    assert "x" not in phases.snapshot() and "y" not in phases.snapshot()


def test_phases_nest_merge_and_are_written_at_exit(tmp_path):
    target = tmp_path / "phases.json"
    env = {**os.environ, phases.ENV: str(target)}
    proc = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(target.read_text())
    main = data["main"]
    assert {name: row["calls"] for name, row in main.items()} == {
        "outer": 1,
        "decorated": 2,
        "inner": 2,
        "evented": 1,
    }
    assert all(row["wall"] >= 0 and row["cpu"] >= 0 for row in main.values())
    # Exclusive: the phases of one thread never add up to more than the time they spanned.
    assert sum(row["wall"] for row in main.values()) <= data["seconds_since_first_phase"]
    assert data["workers"] == [{"markdown": {"wall": 1.5, "cpu": 1.0, "calls": 3}}]


def test_a_forked_worker_starts_empty_and_never_writes(tmp_path):
    target = tmp_path / "phases.json"
    script = SCRIPT + textwrap.dedent(
        """
        import os, json, sys
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            phases.forked()
            with phases.phase("worker"):
                pass
            os.write(write, json.dumps(phases.snapshot()).encode())
            sys.exit(0)  # a normal exit: the worker must still not write the file
        os.waitpid(pid, 0)
        assert not os.path.exists(os.environ["CERCLE_PHASES"]), "the worker wrote the file"
        phases.merge(json.loads(os.read(read, 65536)))
        """
    )
    env = {**os.environ, phases.ENV: str(target)}
    proc = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(target.read_text())
    assert data["pid"] != 0 and "worker" not in data["main"]
    assert [set(w) for w in data["workers"]] == [{"markdown"}, {"worker"}]


CHILDREN_SCRIPT = textwrap.dedent(
    """
    import subprocess, sys, threading
    from cercle.core import phases

    started = threading.Event()

    def pages():  # a phase of another thread, open while the child runs and is reaped
        with phases.phase("pages"):
            started.set()
            done.wait()

    done = threading.Event()
    beside = threading.Thread(target=pages)
    beside.start()
    started.wait()
    with phases.phase("pool"):
        subprocess.run([sys.executable, "-c", "sum(i * i for i in range(20_000_000))"], check=True)
    done.set()
    beside.join()
    """
)


def test_a_child_process_cpu_is_counted_once(tmp_path):
    target = tmp_path / "phases.json"
    env = {**os.environ, phases.ENV: str(target)}
    proc = subprocess.run(
        [sys.executable, "-c", CHILDREN_SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    main = json.loads(target.read_text())["main"]
    assert main["pool"]["cpu"] > 0.5  # the child's seconds, charged to the phase that waited for it
    assert main["pages"]["cpu"] < 0.2  # not again to the phase open beside it in another thread
