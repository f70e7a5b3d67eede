"""extract_many end to end: 1 vs 2 threads, and against the Rust CLI.

    python bench/python_bench.py [--docs 1000] [--runs 15] [--check]

Input: --docs documents made of ../shared/corpus articles repeated
(XIANGMU_CORPUS overrides the folder). Timed, each as the median of --runs
runs, interleaved so that a noisy neighbour hits every variant alike:

- ``extract_many(docs, threads=1)`` and ``threads=2``: converting the
  inputs (overlapped with extraction on two threads), extraction, and one
  lazy ``Mentions`` per document; and ``threads=1`` once more reading
  every ``Mention`` object (what a caller who touches all of them pays);
- the CLI, when ``target/release/xiangmu`` exists (``cargo build --release
  -p xiangmu-cli``): ``xiangmu extract --jsonl --threads N`` over the same
  documents as JSON Lines, output to /dev/null (the process reads, parses
  and writes JSON; Python builds objects instead).

--check exits 1 unless 2 threads >= 1.7x one thread and Python is at most
1.3x slower than the CLI with the same number of threads. MB = 10^6 bytes
of UTF-8 input.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import xiangmu

REPO = Path(__file__).resolve().parents[1]


def load_docs(n: int) -> list[str]:
    corpus = Path(os.environ.get("XIANGMU_CORPUS") or REPO.parent / "shared" / "corpus")
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    if not texts:
        sys.exit(f"no articles in {corpus} (set XIANGMU_CORPUS)")
    return [texts[i % len(texts)] for i in range(n)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--cli", type=Path, default=REPO / "target" / "release" / "xiangmu")
    ap.add_argument("--check", action="store_true", help="fail below the acceptance ratios")
    args = ap.parse_args()

    docs = load_docs(args.docs)
    mb = sum(len(t.encode("utf-8")) for t in docs) / 1e6
    expected = sum(map(len, xiangmu.extract_many(docs, threads=1)))

    variants: dict[str, object] = {}

    def python(threads: int):
        def run() -> None:
            out = xiangmu.extract_many(docs, threads=threads)
            assert sum(map(len, out)) == expected

        return run

    variants["python threads=1"] = python(1)
    variants["python threads=2"] = python(2)

    def read_every_mention() -> None:
        n = 0
        for ms in xiangmu.extract_many(docs, threads=1):
            for _ in ms:
                n += 1
        assert n == expected

    variants["python t=1, read all"] = read_every_mention

    tmp = None
    if args.cli.is_file() and os.access(args.cli, os.X_OK):
        tmp = tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False)
        for i, t in enumerate(docs):
            tmp.write(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n")
        tmp.close()
        base = [str(args.cli), "extract", "--jsonl", tmp.name]
        helptext = subprocess.run([str(args.cli), "extract", "--help"], capture_output=True, text=True).stdout
        threaded = "--threads" in helptext
        check = subprocess.run(base, capture_output=True, text=True, check=True)
        cli_count = sum(len(json.loads(line)["mentions"]) for line in check.stdout.splitlines())
        if cli_count != expected:
            print(f"warning: CLI found {cli_count} mentions, Python {expected}", file=sys.stderr)

        def cli(cmd: list[str]):
            def run() -> None:
                subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)

            return run

        if threaded:
            variants["rust CLI threads=1"] = cli(base + ["--quiet", "--threads", "1"])
            variants["rust CLI threads=2"] = cli(base + ["--quiet", "--threads", "2"])
        else:
            variants["rust CLI threads=1"] = cli(base)
    else:
        print(f"(no CLI at {args.cli}: build it with `cargo build --release -p xiangmu-cli`)")

    times: dict[str, list[float]] = {k: [] for k in variants}
    for f in variants.values():  # warm up
        f()  # type: ignore[operator]
    for _ in range(args.runs):
        for name, f in variants.items():
            t0 = time.perf_counter()
            f()  # type: ignore[operator]
            times[name].append(time.perf_counter() - t0)
    if tmp is not None:
        os.unlink(tmp.name)

    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"{args.docs} documents, {mb:.2f} MB, {expected} mentions, median of {args.runs} runs, "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}")
    print(f"{'variant':<20} {'ms':>9} {'MB/s':>8} {'min ms':>9}")
    for name in variants:
        print(f"{name:<20} {med[name] * 1e3:>9.1f} {mb / med[name]:>8.1f} {min(times[name]) * 1e3:>9.1f}")

    ok = True
    ratio = med["python threads=1"] / med["python threads=2"]
    print(f"\n2 threads vs 1: {ratio:.2f}x (target >= 1.7x)")
    ok &= ratio >= 1.7
    for n in ("1", "2"):
        cli_name = f"rust CLI threads={n}"
        if cli_name in med:
            slower = med[f"python threads={n}"] / med[cli_name]
            print(f"Python vs CLI, {n} thread(s): {slower:.2f}x the CLI's time (target <= 1.3x)")
            ok &= slower <= 1.3
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
