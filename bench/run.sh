#!/usr/bin/env bash
# Objector's benchmark in one command: configures an optimised build (build-bench/), builds the bare C
# frame echo, objector-host and the driver, and prints every figure beside its baseline.
# Usage: bench/run.sh [--quick]
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
build="${OBJECTOR_BENCH_BUILD_DIR:-$top/build-bench}"
cmake -S "$top" -B "$build" -DCMAKE_BUILD_TYPE=Release -DOBJECTOR_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target objector_bench frame_echo objector-host -j "$(nproc)" >/dev/null
exec "$build/bench/objector_bench" --host "$build/host/objector-host" --echo "$build/bench/frame_echo" "$@"
