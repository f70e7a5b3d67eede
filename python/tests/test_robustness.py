"""What scraped input and unattended runs throw at the Python layer:
arguments of every wrong type, huge and odd texts, many threads at once,
and Ctrl-C in the middle of a batch."""

from __future__ import annotations

import _thread
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import xiangmu

ENTRY_POINTS = [
    ("parse_money", "expr"),
    ("parse_area", "expr"),
    ("parse_date", "expr"),
    ("parse_duration", "expr"),
    ("parse_stage", "expr"),
    ("parse_number", "expr"),
    ("extract", "text"),
    ("projects", "text"),
]

NOT_STR = [None, 5, 1.5, b"\xe6\x8a\x95\xe8\xb5\x84", bytearray(b"x"), ["投资1亿元"], ("x",), {"text": "x"}, object(), memoryview(b"x")]


@pytest.mark.parametrize("name,arg", ENTRY_POINTS)
@pytest.mark.parametrize("bad", NOT_STR, ids=lambda b: type(b).__name__)
def test_non_str_is_a_type_error_naming_the_argument(name, arg, bad):
    with pytest.raises(TypeError) as info:
        getattr(xiangmu, name)(bad)
    msg = str(info.value)
    assert f"{name}()" in msg and f"'{arg}'" in msg and type(bad).__name__ in msg


@pytest.mark.parametrize("bad", NOT_STR[1:], ids=lambda b: type(b).__name__)
def test_batch_elements_of_every_wrong_type_stay_in_their_slots(bad):
    for func in (xiangmu.extract_many, xiangmu.projects_many):
        out = func(["投资1亿元", bad, "用地5亩"], threads=2)
        assert isinstance(out[1], TypeError) and "texts[1]" in str(out[1])
        assert len(out[0]) == 1 and len(out[2]) == 1 or func is xiangmu.projects_many


def test_str_subclass_is_a_str():
    class Page(str):
        pass

    text = "项目总投资1.5亿元"
    assert xiangmu.extract(Page(text)) == xiangmu.extract(text)
    assert xiangmu.extract_many([Page(text)]) == [xiangmu.extract(text)]


def test_huge_text_offsets_hold_at_the_far_end():
    unit = "某某产业园项目总投资1.5亿元，占地约243.82亩。\n"
    text = "噪" * 5_000_000 + unit * 20_000  # about 15 MB + 1.1 MB of facts
    found = xiangmu.extract(text, kinds=["money", "area"])
    assert len(found) == 40_000
    last = found[-1]
    assert text[last.start : last.end] == last.text == "约243.82亩"
    assert last.start > 5_000_000


def test_odd_characters_give_results_not_errors():
    planes = "".join(chr(c) for c in range(0, 0x110000, 0x1F3) if not 0xD800 <= c < 0xE000)
    text = "投资\x001亿元\x00" + planes + "投资２亿元" + "\ufeff\u200b\u3000" + "亿" * 100_000
    found = xiangmu.extract(text)
    for m in found:
        assert text[m.start : m.end] == m.text
    assert [m.value.value for m in found if m.kind == "money"][-1] == 200_000_000


def test_lone_surrogates_in_a_batch():
    out = xiangmu.extract_many(["投资1亿元", "\ud800投资", "\udfff"], threads=2)
    assert len(out[0]) == 1
    assert isinstance(out[1], UnicodeEncodeError) and isinstance(out[2], UnicodeEncodeError)


def test_threads_calling_everything_concurrently(corpus):
    texts = list(corpus.values())
    expected = (
        [xiangmu.extract(t) for t in texts],
        [xiangmu.projects(t, anchor="2023-06-27") for t in texts],
        xiangmu.extract_many(texts, threads=1),
    )
    barrier = threading.Barrier(6)

    def work(i: int):
        barrier.wait()
        got = []
        for _ in range(3):
            got.append(
                (
                    [xiangmu.extract(t) for t in texts],
                    [xiangmu.projects(t, anchor="2023-06-27") for t in texts],
                    xiangmu.extract_many(texts, threads=1 + i % 3),
                )
            )
        return got

    with ThreadPoolExecutor(max_workers=6) as pool:
        for rounds in pool.map(work, range(6)):
            for got in rounds:
                assert got == expected


@pytest.mark.parametrize("func", [xiangmu.extract_many, xiangmu.projects_many])
@pytest.mark.parametrize("threads", [1, 2])
def test_keyboard_interrupt_stops_a_batch_and_the_interpreter_goes_on(corpus, func, threads):
    texts = list(corpus.values())
    big = texts * 6_000  # ~400 MB of text references: seconds of work
    fired = threading.Event()

    def interrupt():
        time.sleep(0.2)
        fired.set()
        _thread.interrupt_main()

    threading.Thread(target=interrupt, daemon=True).start()
    began = time.perf_counter()
    with pytest.raises(KeyboardInterrupt):
        func(big, threads=threads)
        # Finished before the interrupt: wait for it here instead.
        while not fired.is_set():  # pragma: no cover - a very fast machine
            time.sleep(0.01)
        time.sleep(0.1)
    took = time.perf_counter() - began
    assert fired.is_set()
    assert took < 2.0, f"the batch ran on for {took:.2f} s after Ctrl-C"
    # Usable afterwards: the same pool, the same results.
    assert func(texts, threads=threads) == func(texts, threads=1)
