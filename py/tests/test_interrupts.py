"""Ctrl-C reaches the long native loops: a SIGINT sent while a large batch
or frame is being graded raises KeyboardInterrupt from inside the call,
before it gets to its last row (without the check, the signal waited for
the whole grading and struck after it)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

import complaint_triage as ct

#: A record that takes the core some work (a text to scan).
TEXT = "我这个月根本没用手机上网，账单上却有46.8元流量费！数据开关一直是关着的。"


def large_table() -> pa.Table:
    """About three million rows, seconds of grading even on two cores, the
    last one bad (out of range). One batch repeated: the rows share their
    buffers."""
    batch = pa.record_batch({"text": pa.array([TEXT * 8] * 4096), "emotion": pa.array([3] * 4096, pa.int8())})
    last = pa.record_batch({"text": pa.array(["ok"]), "emotion": pa.array([99], pa.int8())})
    return pa.Table.from_batches([batch] * 768 + [last])


def interrupted(call: Callable[[], Any]) -> bool:
    """Runs `call`, whose last record is bad, while another process sends
    this one SIGINT shortly after it starts. Whether the KeyboardInterrupt
    came from inside the grading, before it got to the last record: not
    while the error of that record was being made (the signal handler runs
    at the first Python code it can, which was that, or the return, when
    the native loops did not ask for signals).

    The sender is another process, not a thread: a thread of this process
    needs the GIL to send, and a native loop that holds it would keep the
    sender waiting until the call is over."""
    sender = subprocess.Popen(["sh", "-c", f"sleep 0.3 && kill -INT {os.getpid()}"])
    try:
        with pytest.raises(KeyboardInterrupt) as info:
            call()
            # Returning, the call swallowed the signal or finished first.
            sender.wait()
            time.sleep(5)
    finally:
        sender.wait()
    where = traceback.extract_tb(info.value.__traceback__)
    return not any(Path(f.filename).name == "_errors.py" for f in where)


@pytest.fixture(autouse=True)
def default_sigint_handler() -> Any:
    # Python's own handler: SIGINT raises KeyboardInterrupt.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.mark.parametrize("threads", [1, 2])
def test_ctrl_c_interrupts_assess_frame(threads: int) -> None:
    table = large_table()
    assert interrupted(lambda: ct.assess_frame(table, threads=threads))


@pytest.mark.parametrize("errors", ["raise", "return"])
def test_ctrl_c_interrupts_assess_many(errors: Any) -> None:
    # Seconds of work even at a million records a second.
    records = [{"text": TEXT, "emotion": 3}] * 3_000_000 + [{"emotion": 99}]
    assert interrupted(lambda: ct.assess_many(records, errors=errors))


def test_grading_goes_on_after_an_interrupt() -> None:
    test_ctrl_c_interrupts_assess_frame(1)
    small = large_table().slice(0, 10_000)  # without the bad last row
    graded = ct.assess_frame(small)
    assert graded["severity"].to_pylist() == [ct.assess({"text": TEXT * 8, "emotion": 3}).severity] * 10_000
