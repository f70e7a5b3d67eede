#!/usr/bin/env bash
# Builds the `xiangmu` Python package into a fresh virtualenv and runs its
# tests: bash python/tests/run.sh [pytest arguments...]
#
# Needs python3 (>= 3.9, with venv), a Rust toolchain and PyPI. Reuses the
# workspace's target/ directory, so after `cargo build --release` the wheel
# build is incremental.
#
# Environment:
#   XIANGMU_VENV             virtualenv to (re)create  [target/python-venv]
#   PYTHON                   interpreter for the venv  [python3]
#   XIANGMU_CORPUS           corpus folder             [<repo>/../shared/corpus]
#   XIANGMU_EVAL_DIR         eval folder               [<repo>/../shared/eval]
#   XIANGMU_SKIP_RUST_GOLDEN=1  skip running the Rust golden test for comparison
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="${XIANGMU_VENV:-$ROOT/target/python-venv}"
PYTHON="${PYTHON:-python3}"

step() { printf '\n== %s\n' "$*"; }

step "virtualenv $VENV"
"$PYTHON" -m venv --clear "$VENV"
PY="$VENV/bin/python"
"$PY" -m pip install --quiet --disable-pip-version-check "maturin>=1.9.4,<2"

step "build and install ./python[test] (maturin, release)"
"$PY" -m pip install --quiet --disable-pip-version-check --no-build-isolation "$ROOT/python[test]"

step "pytest python/tests"
cd "$ROOT"
export PATH="$VENV/bin:$PATH"
exec "$PY" -m pytest -p no:cacheprovider -ra "$ROOT/python/tests" "$@"
