#!/usr/bin/env bash
# Quick start, step 2: install what is missing, build, and run the whole test suite through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
WB_TEST_SERVICES=1 scripts/install-deps.sh
scripts/build.sh
# Tests run on one LibTorch thread each, two at a time: no OpenMP oversubscription on 2 cores.
OMP_NUM_THREADS=1 QT_QPA_PLATFORM=offscreen ctest --test-dir build/release --output-on-failure -j 2 "$@"
