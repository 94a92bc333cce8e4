#!/usr/bin/env bash
# Configures and builds Release into build/release (incremental on re-runs).
# WB_NO_GUI=1 builds headless; WB_JOBS overrides the parallel job count.
set -euo pipefail
cd "$(dirname "$0")/.."
gui=ON
[[ "${WB_NO_GUI:-0}" == 1 ]] && gui=OFF
jobs=${WB_JOBS:-$(nproc)}
# Each LibTorch translation unit takes ~1.2 GB to compile: keep jobs within memory.
mem_jobs=$(( $(awk '/MemAvailable/ {print int($2 / 1400000)}' /proc/meminfo) ))
(( mem_jobs >= 1 && mem_jobs < jobs )) && jobs=$mem_jobs
mkdir -p build && cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DWB_BUILD_GUI=$gui >build/configure.log 2>&1 \
  || { mkdir -p build; cat build/configure.log; exit 1; }
cmake --build build/release -j "$jobs"
