"""Forked worker processes that take a share of a build's work, with their log sent home.

Rendering pages through Jinja is pure Python: threads would share one core (the GIL).
A fork shares everything the build has read so far (catalog, navigation, parsed pages)
without pickling it, so each worker renders its share of pages on its own core. What a
worker logs is sent to the parent and logged there (so warnings count in strict mode and
reach the same console), and so is a small picklable state per plugin at the end.

Fork is the only way to share an unpicklable MkDocs build, so this runs where fork is
safe: Linux, `mkdocs build` (never inside a server's threads). The worker never writes to
the console and always ends with `os._exit`, so it runs no exit handler of the parent's.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, Pipe
from typing import Any, NoReturn


class WorkerError(Exception):
    """A worker failed (`detail`: its error) or vanished (`how`: its exit status or signal)."""

    def __init__(self, index: int, detail: str = "", how: str = "") -> None:
        super().__init__(detail or how)
        self.index, self.detail, self.how = index, detail, how


def fork_supported() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@dataclass
class _Message:
    kind: str  # "log" | "done"
    payload: Any = None


class _ForwardHandler(logging.Handler):
    """In a worker: send each record, flattened to picklable fields, to the parent."""

    def __init__(self, conn: Connection) -> None:
        super().__init__()
        self.conn = conn

    def emit(self, record: logging.LogRecord) -> None:
        try:
            fields = dict(record.__dict__)
            fields["msg"] = record.getMessage()
            fields["args"] = None
            if record.exc_info:
                fields["msg"] += "\n" + "".join(traceback.format_exception(*record.exc_info)).rstrip()
            fields["exc_info"] = fields["exc_text"] = None
            fields = {k: v for k, v in fields.items() if isinstance(v, (str, int, float, bool, type(None)))}
            self.conn.send(_Message("log", fields))
        except Exception:  # a log line is never worth failing the build for
            self.handleError(record)


@dataclass
class Worker:
    """The parent's handle on one forked worker."""

    index: int
    pid: int
    conn: Connection
    state: Any = None
    ok: bool = False
    error: str = ""
    _reader: threading.Thread | None = field(default=None, repr=False)

    def _read(self) -> None:
        # Records are logged as they arrive, so a long build shows its progress live. The
        # pipe is always drained: a worker blocked on a full pipe would never end.
        while True:
            try:
                message = self.conn.recv()
            except (EOFError, OSError):
                return
            except Exception:  # an unreadable message: keep draining
                continue
            try:
                if message.kind == "log":
                    record = logging.makeLogRecord(message.payload)
                    logging.getLogger(record.name).handle(record)
                elif message.kind == "done":
                    self.ok, self.state, self.error = message.payload
            except Exception:  # a handler that fails must not stop the draining
                continue

    def join(self) -> None:
        """Wait for the worker; raise WorkerError unless it finished its share."""
        _, status = os.waitpid(self.pid, 0)
        if self._reader is not None:
            self._reader.join()
        self.conn.close()
        if self.ok:
            return
        if self.error:
            raise WorkerError(self.index, detail=self.error)
        code = os.waitstatus_to_exitcode(status)
        raise WorkerError(self.index, how=f"signal {-code}" if code < 0 else f"exit status {code}")

    def stop(self, grace: float = 5.0) -> None:
        """Stop the worker (the parent failed: its share is useless): SIGTERM, then SIGKILL."""
        try:
            os.kill(self.pid, signal.SIGTERM)
            deadline = time.monotonic() + grace
            while os.waitpid(self.pid, os.WNOHANG) == (0, 0):
                if time.monotonic() > deadline:  # stuck in C code that never checks signals
                    os.kill(self.pid, signal.SIGKILL)
                    os.waitpid(self.pid, 0)
                    break
                time.sleep(0.02)
        except (ChildProcessError, ProcessLookupError):
            pass
        if self._reader is not None:
            self._reader.join(timeout=grace)
        self.conn.close()


class WorkerSide:
    """Inside a worker: where its log goes and how it ends."""

    def __init__(self, index: int, conn: Connection) -> None:
        self.index = index
        self.conn = conn

    def take_over_logging(self) -> None:
        """Replace every console handler by one that sends records to the parent."""
        forward = _ForwardHandler(self.conn)
        known = logging.Logger.manager.loggerDict.values()
        loggers = [logging.getLogger(), *(lg for lg in known if isinstance(lg, logging.Logger))]
        for logger in loggers:
            if logger.handlers:
                for handler in list(logger.handlers):
                    logger.removeHandler(handler)
                logger.addHandler(forward)

    def finish(self, ok: bool, state: Any = None, error: str = "") -> NoReturn:
        try:
            self.conn.send(_Message("done", (ok, state, error)))
            self.conn.close()
        finally:
            os._exit(0 if ok else 1)


def other_threads() -> list[str]:
    """Threads besides this one: a fork copies none of them but may copy a lock they hold."""
    current = threading.current_thread()
    return [t.name for t in threading.enumerate() if t is not current and t.is_alive()]


def fork_workers(count: int) -> tuple[list[Worker], WorkerSide | None]:
    """Fork `count` workers. In the parent: (workers, None); in worker i: ([], its side).

    Call it while this is the only thread (see `other_threads`); the readers of the
    workers' pipes start only after the last fork. Raises WorkerError (and leaves no
    worker running) when a fork fails.
    """
    workers: list[Worker] = []
    for index in range(1, count + 1):
        receive, send = Pipe(duplex=False)
        sys.stdout.flush()
        sys.stderr.flush()
        try:
            pid = os.fork()
        except OSError as exc:
            receive.close()
            send.close()
            for worker in workers:
                worker.stop()
            raise WorkerError(index, how=f"fork failed: {exc}") from exc
        if pid == 0:
            receive.close()
            for sibling in workers:
                sibling.conn.close()
            # Ctrl+C reaches the whole process group: the parent reports it, the worker just ends
            # (unless interrupts were ignored, as under nohup: then the worker ignores them too).
            if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
                signal.signal(signal.SIGINT, lambda *_: os._exit(130))
            signal.signal(signal.SIGTERM, lambda *_: os._exit(143))
            side = WorkerSide(index, send)
            side.take_over_logging()
            return [], side
        send.close()
        workers.append(Worker(index, pid, receive))
    for worker in workers:
        worker._reader = threading.Thread(
            target=worker._read, name=f"cercle-worker-{worker.index}", daemon=True
        )
        worker._reader.start()
    return workers, None
