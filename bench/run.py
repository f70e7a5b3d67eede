"""The benchmark table of docs/benchmarks.md, every row measured in one run
over the same bytes.

    python bench/run.py [--mb 100] [--runs 5] [--jionlp-python PATH] [--markdown FILE]

Needs a Rust toolchain (it builds ``cargo build --release -p xiangmu-cli
--example throughput``) and this interpreter with ``xiangmu`` installed
(``bash python/tests/run.sh`` makes target/python-venv). JioNLP runs in its
own interpreter (``--jionlp-python``, default /tmp/jionlp-venv/bin/python
when it exists: ``python3 -m venv /tmp/jionlp-venv && /tmp/jionlp-venv/bin/pip
install jionlp``); it is never a dependency of xiangmu.

The bytes: the throughput example's corpus, every paragraph of
../shared/corpus repeated to --mb megabytes (10^6 bytes) and shuffled, in
documents of 60 paragraphs (written once to target/bench/docs.jsonl).
Rows, each the median of --runs runs with min and max:

- Rust ``extract`` (every kind) and ``projects``, 1 and 2 threads (rayon
  across documents): the throughput example;
- Python ``xiangmu.extract_many(docs, threads=N)``, end to end (converting
  every str, extracting, one lazy ``Mentions`` per document), and once more
  reading every ``Mention`` object;
- Python ``re``: one money pattern with Chinese numerals (``finditer`` per
  document), the floor of a regex-based extractor;
- JioNLP ``extract_money`` and ``extract_time`` on the first --jionlp-mb
  megabytes of the same documents (it runs at under 1 MB/s).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "target" / "bench"

# A regex money extractor as people write one: digits or Chinese numerals,
# an optional 多/余, a magnitude, a currency.
MONEY_RE = re.compile(
    r"[0-9０-９.．零〇一二两三四五六七八九十百千万亿]+(?:多|余)?(?:万|亿|千万|百万)?(?:美元|港元|欧元|元)"
)

JIONLP_SCRIPT = r"""
import json, logging, statistics, sys, time
logging.disable(logging.CRITICAL)
import jionlp as jio
path, mb, runs = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
docs, size = [], 0
for line in open(path, encoding="utf-8"):
    t = json.loads(line)["text"]
    docs.append(t)
    size += len(t.encode("utf-8"))
    if size >= mb * 1e6:
        break
out = {"mb": size / 1e6}
for name, f in (("money", jio.ner.extract_money), ("time", jio.ner.extract_time)):
    mbs = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for d in docs:
            f(d)
        mbs.append(size / 1e6 / (time.perf_counter() - t0))
    out[name] = mbs
print(json.dumps(out))
"""


def stats(mbs: list[float]) -> dict[str, float]:
    return {"median": statistics.median(mbs), "min": min(mbs), "max": max(mbs)}


def timed_mbs(mb: float, runs: int, f) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        f()
        out.append(mb / (time.perf_counter() - t0))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=100.0)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--jionlp-python", type=Path, default=Path("/tmp/jionlp-venv/bin/python"))
    ap.add_argument("--jionlp-mb", type=float, default=0.5)
    ap.add_argument("--no-build", action="store_true", help="use the throughput binary already built")
    ap.add_argument("--markdown", type=Path, help="also write the table to this file")
    args = ap.parse_args()

    import xiangmu

    OUT.mkdir(parents=True, exist_ok=True)
    target = Path(os.environ.get("CARGO_TARGET_DIR") or REPO / "target")
    exe = target / "release" / "examples" / "throughput"
    if not args.no_build:
        subprocess.run(
            ["cargo", "build", "--quiet", "--release", "-p", "xiangmu-cli", "--example", "throughput"],
            cwd=REPO,
            check=True,
        )
    docs_path = OUT / "docs.jsonl"
    print(f"Rust: {exe.name}, {args.mb:g} MB, {args.runs} runs per row ...", file=sys.stderr)
    rust_out = subprocess.run(
        [str(exe), "--mb", str(args.mb), "--runs", str(args.runs), "--write", str(docs_path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rows: list[dict] = []
    rust = {}
    for line in rust_out.splitlines():
        r = json.loads(line)
        rust[(r["what"], r["threads"])] = r
        rows.append({"row": f"Rust `{r['what']}`", "threads": r["threads"], **stats(r["runs"])})
    docs = [json.loads(line)["text"] for line in docs_path.open(encoding="utf-8")]
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6

    print(f"Python: extract_many over {len(docs)} documents ...", file=sys.stderr)
    py = {}
    for threads in (1, 2):
        mbs = timed_mbs(mb, args.runs, lambda: xiangmu.extract_many(docs, threads=threads))
        py[threads] = stats(mbs)
        rows.append({"row": "Python `extract_many`", "threads": threads, **py[threads]})

    def read_all():
        for ms in xiangmu.extract_many(docs, threads=1):
            for m in ms:
                m.kind

    rows.append(
        {"row": "Python `extract_many`, reading every `Mention`", "threads": 1, **stats(timed_mbs(mb, args.runs, read_all))}
    )

    print("Python re: money pattern ...", file=sys.stderr)

    def regex():
        n = 0
        for d in docs:
            for _ in MONEY_RE.finditer(d):
                n += 1
        return n

    rows.append({"row": "Python `re`, one money pattern with Chinese numerals", "threads": 1, **stats(timed_mbs(mb, args.runs, regex))})

    jio_note = ""
    if args.jionlp_python.exists():
        print(f"JioNLP: first {args.jionlp_mb} MB ...", file=sys.stderr)
        p = subprocess.run(
            [str(args.jionlp_python), "-c", JIONLP_SCRIPT, str(docs_path), str(args.jionlp_mb), str(args.runs)],
            capture_output=True,
            text=True,
        )
        if p.returncode == 0:
            j = json.loads(p.stdout.strip().splitlines()[-1])
            jio_note = f" (JioNLP rows: the first {j['mb']:.2f} MB)"
            rows.append({"row": "JioNLP `extract_money`", "threads": 1, **stats(j["money"])})
            rows.append({"row": "JioNLP `extract_time`", "threads": 1, **stats(j["time"])})
        else:
            jio_note = f" (JioNLP failed: {p.stderr.strip().splitlines()[-1:]})"
    else:
        jio_note = f" (JioNLP skipped: no {args.jionlp_python})"

    lines = [
        f"{len(docs)} documents, {mb:.1f} MB, median of {args.runs} runs{jio_note}, "
        f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}",
        "",
        "| what | threads | MB/s (median) | min-max |",
        "|---|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['row']} | {r['threads']} | {r['median']:.1f} | {r['min']:.1f}-{r['max']:.1f} |")

    def ratio(a: float, b: float) -> str:
        return f"{a / b:.2f}x"

    lines += [
        "",
        "| ratio | value | target |",
        "|---|---:|---:|",
        f"| Rust `extract`, single thread | {rust[('extract', 1)]['median']:.0f} MB/s | >= 400 MB/s |",
        f"| Rust `projects`, single thread | {rust[('projects', 1)]['median']:.0f} MB/s | >= 250 MB/s |",
        f"| Rust `extract`, 2 threads vs 1 | {ratio(rust[('extract', 2)]['median'], rust[('extract', 1)]['median'])} | >= 1.7x |",
        f"| Rust `projects`, 2 threads vs 1 | {ratio(rust[('projects', 2)]['median'], rust[('projects', 1)]['median'])} | >= 1.7x |",
        f"| Python `extract_many`, 2 threads vs 1 | {ratio(py[2]['median'], py[1]['median'])} | >= 1.7x |",
        f"| Python `extract_many` / Rust `extract`, 1 thread | {100 * py[1]['median'] / rust[('extract', 1)]['median']:.0f} % | >= 60 % |",
        f"| Python `extract_many` / Rust `extract`, 2 threads | {100 * py[2]['median'] / rust[('extract', 2)]['median']:.0f} % | >= 60 % |",
    ]
    table = "\n".join(lines)
    print(table)
    if args.markdown:
        args.markdown.write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
