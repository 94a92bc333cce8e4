#!/usr/bin/env bash
# The desktop app's comparison view with 50 runs x 100,000 validation-loss points: builds
# bench_compare_view (Release, into build/release; no LibTorch code) and runs it offscreen. It
# writes a fresh ~450 MB database to a temporary folder (about 10 s on 2 cores), then reports
# opening it (window, all runs selected, chart drawn; target 1 s) and live frames (each run one
# more evaluation; target 16 ms) with PASS / MISS; a miss does not fail the script.
# Usage: scripts/bench/compare_view.sh [bench_compare_view options: --runs N --points N --frames N]
set -euo pipefail
cd "$(dirname "$0")/../.."
jobs=${WB_JOBS:-$(nproc)}
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j "$jobs" --target bench_compare_view >/dev/null
QT_QPA_PLATFORM=offscreen build/release/tests/views/bench_compare_view "$@"
