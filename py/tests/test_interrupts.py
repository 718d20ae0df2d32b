"""Ctrl-C reaches the long native loops: a SIGINT sent while a large batch
or frame is being graded raises KeyboardInterrupt from inside the call,
which then returns nothing (without the check, the signal waited for the
whole grading and struck after it had returned)."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from typing import Any

import pyarrow as pa
import pytest

import complaint_triage as ct

#: A record that takes the core some work (a text to scan).
TEXT = "我这个月根本没用手机上网，账单上却有46.8元流量费！数据开关一直是关着的。"


def large_table() -> pa.Table:
    """About a million rows, seconds of grading on one core. One batch
    repeated: the rows share their buffers."""
    batch = pa.record_batch({"text": pa.array([TEXT * 8] * 4096), "emotion": pa.array([3] * 4096, pa.int8())})
    return pa.Table.from_batches([batch] * 256)


def interrupted(call: Callable[[], Any]) -> Any:
    """Runs `call` on the main thread while another thread sends it SIGINT
    shortly after it starts; returns what `call` returned before the
    KeyboardInterrupt, None if it was interrupted inside."""
    assert threading.current_thread() is threading.main_thread()
    started = threading.Event()

    def send() -> None:
        started.wait()
        time.sleep(0.3)
        main = threading.main_thread().ident
        assert main is not None
        signal.pthread_kill(main, signal.SIGINT)

    sender = threading.Thread(target=send)
    sender.start()
    result = None
    with pytest.raises(KeyboardInterrupt):
        started.set()
        result = call()
        # Without the check, the signal lands here, after the grading.
        sender.join()
        time.sleep(5)
    sender.join()
    return result


@pytest.fixture(autouse=True)
def default_sigint_handler() -> Any:
    # Python's own handler: SIGINT raises KeyboardInterrupt.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.mark.parametrize("threads", [1, 2])
def test_ctrl_c_interrupts_assess_frame(threads: int) -> None:
    table = large_table()
    assert interrupted(lambda: ct.assess_frame(table, threads=threads, errors="column")) is None


def test_ctrl_c_interrupts_assess_many() -> None:
    record = {"text": TEXT, "emotion": 3}
    records = [record] * 300_000
    assert interrupted(lambda: ct.assess_many(records)) is None


def test_grading_goes_on_after_an_interrupt() -> None:
    test_ctrl_c_interrupts_assess_frame(1)
    small = large_table().slice(0, 10_000)
    graded = ct.assess_frame(small)
    assert graded["severity"].to_pylist() == [ct.assess({"text": TEXT * 8, "emotion": 3}).severity] * 10_000
