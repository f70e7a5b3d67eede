"""xiangmu.extract against JioNLP's extract_money + extract_time, in MB/s.

JioNLP is never a dependency of xiangmu: run this in a separate venv that
has both.

    python3 -m venv /tmp/jionlp-venv
    /tmp/jionlp-venv/bin/pip install jionlp ./python
    /tmp/jionlp-venv/bin/python bench/jionlp_bench.py [--runs 5]

Input: the articles of ../shared/corpus (XIANGMU_CORPUS overrides), each
called once per run, one thread, with the article's publication date from
../shared/eval/dev.jsonl as the anchor / time_base where known. Reported:
median seconds of --runs runs over the whole corpus, MB/s (10^6 bytes of
UTF-8 input) and mentions found. JioNLP prints a banner on import (not
timed) and logs tracebacks for expressions it cannot parse (silenced).
"""

from __future__ import annotations

import argparse
import datetime
import json
import logging
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    try:
        import jionlp as jio
    except ImportError:
        print("jionlp is not installed here; see the instructions at the top of this file")
        return 0
    import xiangmu

    # JioNLP logs a traceback for every time expression it fails to parse;
    # silenced (the check is cheap) so the table stays readable.
    logging.disable(logging.CRITICAL)
    corpus = Path(os.environ.get("XIANGMU_CORPUS") or REPO.parent / "shared" / "corpus")
    paths = sorted(corpus.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    dev = Path(os.environ.get("XIANGMU_EVAL_DIR") or corpus.parent / "eval") / "dev.jsonl"
    known: dict[str, str | None] = {}
    if dev.is_file():
        for line in dev.read_text(encoding="utf-8").splitlines():
            if line.strip():
                a = json.loads(line)
                known[a["id"]] = a.get("anchor")
    anchors = [known.get(p.stem) for p in paths]
    bases = [
        time.mktime(datetime.date.fromisoformat(a).timetuple()) if a else time.time() for a in anchors
    ]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    def xm_all() -> int:
        return sum(len(xiangmu.extract(t, anchor=a)) for t, a in zip(texts, anchors))

    def xm_money_date() -> int:
        return sum(
            len(xiangmu.extract(t, anchor=a, kinds=["money", "date", "duration"])) for t, a in zip(texts, anchors)
        )

    def jio_money() -> int:
        return sum(len(jio.ner.extract_money(t)) for t in texts)

    def jio_time() -> int:
        return sum(len(jio.ner.extract_time(t, time_base=b)) for t, b in zip(texts, bases))

    def jio_both() -> int:
        return jio_money() + jio_time()

    variants = {
        "xiangmu.extract (all kinds)": (xm_all, max(args.runs, 50)),
        "xiangmu.extract (money, date, duration)": (xm_money_date, max(args.runs, 50)),
        "jionlp extract_money": (jio_money, args.runs),
        "jionlp extract_time": (jio_time, args.runs),
        "jionlp money + time": (jio_both, args.runs),
    }
    print(f"{len(texts)} articles, {mb * 1e3:.1f} kB, load {os.getloadavg()[0]:.2f}")
    print(f"{'variant':<40} {'s':>9} {'MB/s':>9} {'found':>6}")
    med = {}
    for name, (f, runs) in variants.items():
        found = f()
        ts = []
        for _ in range(runs):
            t0 = time.perf_counter()
            f()
            ts.append(time.perf_counter() - t0)
        med[name] = statistics.median(ts)
        print(f"{name:<40} {med[name]:>9.4f} {mb / med[name]:>9.2f} {found:>6}")
    both = med["jionlp money + time"]
    print(f"\nxiangmu (all kinds) vs jionlp money + time: {both / med['xiangmu.extract (all kinds)']:.0f}x faster")
    print(
        f"xiangmu (money, date, duration) vs jionlp money + time: "
        f"{both / med['xiangmu.extract (money, date, duration)']:.0f}x faster"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
