#!/usr/bin/env bash
# Runs every cargo-fuzz target of crates/fuzz for SECONDS each (default
# 600), one after another, and prints executions and crashes per target.
#
#   scripts/fuzz.sh [SECONDS]
#
# Environment:
#   FUZZ_TARGETS    space-separated subset of targets (default: all)
#   FUZZ_RUNS       stop a target after this many executions (default 10000000)
#   FUZZ_SANITIZER  address, none, ... (default none: the library has no
#                   unsafe code; debug assertions and overflow checks stay on)
#   FUZZ_NICE       niceness of the fuzzers (default 10: the machine is shared)
#   FUZZ_MAX_LEN    longest input in bytes (default 4096; paragraph and
#                   sentence cuts need 16384 or more)
#   XIANGMU_EVAL_DIR  eval sets whose `input` strings join the seed corpus
#                   (default ../shared/eval; read at run time, never copied
#                   into the repository)
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and, on a stable toolchain,
# RUSTC_BOOTSTRAP=1 (set here). Each target runs in fork mode with
# -ignore_crashes=1, so one crash does not end the run: every crashing
# input lands in crates/fuzz/artifacts/<target>/. Minimize one with
#   RUSTC_BOOTSTRAP=1 cargo fuzz tmin --fuzz-dir crates/fuzz -s none <target> <artifact>
# and save it under tests/fuzz/<target>/ (replayed by
# crates/xiangmu/tests/fuzz_regressions.rs). Results: docs/robustness.md.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
seconds=${1:-600}
runs=${FUZZ_RUNS:-10000000}
sanitizer=${FUZZ_SANITIZER:-none}
niceness=${FUZZ_NICE:-10}
max_len=${FUZZ_MAX_LEN:-4096}
eval_dir=${XIANGMU_EVAL_DIR:-$root/../shared/eval}
all_targets="parse_number parse_money parse_area parse_date parse_duration parse_stage extract projects"
targets=${FUZZ_TARGETS:-$all_targets}
fuzz_dir=crates/fuzz
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "cargo-fuzz not found: cargo install cargo-fuzz" >&2
    exit 2
fi

echo "==> building fuzz targets (sanitizer: $sanitizer)"
nice -n "$niceness" cargo fuzz build --fuzz-dir "$fuzz_dir" -s "$sanitizer" >/dev/null

# Seed corpora: the phrases of crates/fuzz/seeds/*.txt, the `input`
# strings of the eval sets and the saved regression inputs. Targets with
# an anchor/options header (see crates/xiangmu/tests/support/invariants.rs)
# get each phrase with no anchor and with 2023-06-27.
echo "==> seeding corpora"
python3 - "$root" "$eval_dir" $targets <<'EOF'
import glob, hashlib, json, os, sys

root, eval_dir, targets = sys.argv[1], sys.argv[2], sys.argv[3:]
headered = {"parse_date", "extract", "projects"}
# header(): [6, year hi, year lo, month, day], or all zero for no anchor.
headers = [bytes(5), bytes([6, 2023 >> 8, 2023 & 0xFF, 6, 27])]

phrases = []
for path in sorted(glob.glob(os.path.join(root, "crates/fuzz/seeds/*.txt"))):
    with open(path, encoding="utf-8") as f:
        phrases += [line.rstrip("\n") for line in f if line.strip()]
n_eval = 0
for path in sorted(glob.glob(os.path.join(eval_dir, "spec/*.jsonl"))):
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                text = json.loads(line).get("input")
            except ValueError:
                continue
            if isinstance(text, str) and len(text.encode()) <= 4000:
                phrases.append(text)
                n_eval += 1

for target in targets:
    corpus = os.path.join(root, "crates/fuzz/corpus", target)
    os.makedirs(corpus, exist_ok=True)
    inputs = []
    for p in phrases:
        b = p.encode()
        inputs += [h + b for h in headers] if target in headered else [b]
    for path in sorted(glob.glob(os.path.join(root, "tests/fuzz", target, "*"))):
        if os.path.isfile(path):
            with open(path, "rb") as f:
                inputs.append(f.read())
    for data in inputs:
        name = hashlib.sha1(data).hexdigest()
        with open(os.path.join(corpus, name), "wb") as f:
            f.write(data)
print(f"{len(phrases)} phrases ({n_eval} from {eval_dir}/spec)")
EOF

logs="$fuzz_dir/logs"
mkdir -p "$logs"
summary=()
total_crashes=0
for t in $targets; do
    artifacts="$fuzz_dir/artifacts/$t"
    mkdir -p "$artifacts"
    before=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
    log="$logs/$t.log"
    touch "$log.start"
    echo "==> $t: ${seconds}s or $runs executions"
    status=0
    nice -n "$niceness" cargo fuzz run --fuzz-dir "$fuzz_dir" -s "$sanitizer" "$t" \
        "$fuzz_dir/corpus/$t" -- \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$seconds" -runs="$runs" -timeout=10 -rss_limit_mb=2048 \
        -max_len="$max_len" -print_final_stats=1 \
        >"$log" 2>&1 || status=$?
    after=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
    crashes=$((after - before))
    total_crashes=$((total_crashes + crashes))
    # Fork mode prints "#<execs>: cov: ... exec/s: ... crashes: ..." lines;
    # the last one is the total.
    execs=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
    cov=$(grep -aoE 'cov: [0-9]+' "$log" | tail -1 | awk '{print $2}' || true)
    line=$(printf '%-15s executions %10s  coverage %6s  new crash inputs %4d  (exit %d, log %s)' \
        "$t" "${execs:-?}" "${cov:-?}" "$crashes" "$status" "$log")
    echo "    $line"
    summary+=("$line")
    if [[ $crashes -gt 0 ]]; then
        # Fork mode keeps no child output: replay each new input for its
        # message, and show the distinct ones.
        bin="$fuzz_dir/target/x86_64-unknown-linux-gnu/release/$t"
        find "$artifacts" -type f -newer "$log.start" | while read -r f; do
            msg=$(timeout 60 "$bin" "$f" 2>&1 | grep -a -A1 -m1 "panicked at" | tr '\n' ' ' || true)
            echo "${msg:-(no panic on replay: a timeout or out-of-memory?)}"
        done | sed -E 's/thread .<unnamed>. \([0-9]+\) //; s/ \((Area|Money|Mention) \{.*//; s/[0-9]{4,}/N/g' \
            | sort | uniq -c | sort -rn | head -10 | sed 's/^/      /'
    fi
done

echo
echo "==> summary (${seconds}s per target, -runs=$runs, sanitizer $sanitizer)"
printf '%s\n' "${summary[@]}"
echo "crash inputs: $total_crashes (in $fuzz_dir/artifacts/<target>/)"
[[ $total_crashes -eq 0 ]]
