#!/usr/bin/env bash
# The GPU check in one go, for a CUDA machine with PyTorch 2.x but no package registry (the
# device tool's machines): unpacks .gpu-debs/ (scripts/gpu/fetch-debs.sh) into a prefix, builds
# workbench-cli headless against PyTorch's own LibTorch, runs the GPU tests, trains a short run on
# the GPU end to end (1 rank, the same with training.cuda_graphs, then 2 ranks: NCCL, or the
# refusal of a shared GPU), and benchmarks GPT-2 small and the small-model regime (eager and CUDA
# graphs) against PyTorch eager and torch.compile on the same GPU: the GPT-2 comparison first, right
# after the GPU tests, as the figure the run is for.
# It keeps to a time budget (BUDGET_S, default 540 s, build included): the steps come in order of
# importance, each is cut at what is left, and the rest are skipped once too little is. Every line
# goes straight to files in $OUT (the device tool's folder; ./gpu-results elsewhere), so a run
# stopped from outside keeps what it printed: summary.txt (all of it), configure.log, build.log,
# and tests.log, runs.log, bench.log (each step's output, as in the summary).
# .gpu-debs/ is git-ignored: the device tool's run must carry it (carry: [".gpu-debs"]).
# Usage: [BUDGET_S=540] scripts/gpu/build-and-bench.sh [PEAK_TFLOPS (989: H100/H200 SXM, bf16 dense)] [STEPS (20)]
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
peak=${1:-989}
steps=${2:-20}
out=${OUT:-$PWD/gpu-results}
mkdir -p "$out" && out=$(cd "$out" && pwd)  # absolute: steps run from build/gpu too
export PYTHONUNBUFFERED=1
start=$(date +%s)
budget=${BUDGET_S:-540}
log() { tee -a "$out/summary.txt"; }
left() { echo $(( budget - ($(date +%s) - start) )); }
# step LOG CAP_S COMMAND...: runs COMMAND for at most CAP_S seconds and what is left of the budget,
# its output appended to LOG and the summary; skipped when under 20 s are left.
step() {
  local file=$1 cap=$2 t
  shift 2
  t=$(left)
  (( t < 20 )) && { echo "-- skipped (budget spent): $*" | log; return 0; }
  (( cap < t - 5 )) || cap=$(( t - 5 ))
  echo "-- $* (up to ${cap} s)" | tee -a "$out/$file" | log
  timeout -k 5 "$cap" "$@" 2>&1 | grep --line-buffered -v -E "UserWarning|^ *warnings\.warn" | tee -a "$out/$file" | log
  local rc=${PIPESTATUS[0]}
  (( rc == 0 )) || echo "-- exit $rc$( (( rc == 124 )) && echo ' (cut at its time)')" | tee -a "$out/$file" | log
  return 0
}

compgen -G '.gpu-debs/*.deb' >/dev/null || {
  echo "error: no .gpu-debs/*.deb: run scripts/gpu/fetch-debs.sh first, and carry .gpu-debs (it is git-ignored)" | log
  exit 1
}
deps=/tmp/wbdeps
mkdir -p "$deps"
for f in .gpu-debs/*.deb; do dpkg -x "$f" "$deps" 2>&1 | log; done
# Debian's .pc files and CMake configs say /usr: look for them under the prefix.
export PKG_CONFIG_PATH=$deps/usr/lib/x86_64-linux-gnu/pkgconfig PKG_CONFIG_SYSROOT_DIR=$deps
# Debian 12's libraries for our programs only: PyTorch's Python (torch.compile's caches use
# sqlite3) keeps the image's own.
python_ld=${LD_LIBRARY_PATH:-}
export LD_LIBRARY_PATH=$deps/usr/lib/x86_64-linux-gnu${python_ld:+:$python_ld}
python3() { LD_LIBRARY_PATH=$python_ld command python3 "$@"; }
torch_prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
nvcc=$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)
{ nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
  python3 -c 'import torch; print("PyTorch", torch.__version__, "CUDA", torch.version.cuda, "GPUs", torch.cuda.device_count())'
  # find_package(Torch) enables CMake's CUDA language, which needs nvcc.
  cmake --version | head -1; c++ --version | head -1; "$nvcc" --version | tail -1
} 2>&1 | log

t0=$(date +%s)
export TORCH_CUDA_ARCH_LIST=${TORCH_CUDA_ARCH_LIST:-9.0}
timeout 180 cmake -S . -B build/gpu -G Ninja -DCMAKE_BUILD_TYPE=Release -DWB_BUILD_GUI=OFF \
  -DPython3_EXECUTABLE="$(type -P python3)" -DCMAKE_CUDA_COMPILER="$nvcc" \
  -DCMAKE_PREFIX_PATH="$torch_prefix;$deps/usr;$deps/usr/lib/x86_64-linux-gnu/cmake" >"$out/configure.log" 2>&1 ||
  { tail -40 "$out/configure.log" | log; echo "configure failed: configure.log" | log; exit 1; }
grep -E "LibTorch|CUDA" "$out/configure.log" | log
(( $(left) > 60 )) || { echo "no time left to build (BUDGET_S=$budget)" | log; exit 1; }
# What the GPU steps need; the CPU tests' extra programs are built at the end.
timeout "$(left)" cmake --build build/gpu -j "$(nproc)" --target workbench-cli test_train test_cuda_graphs \
  test_fused_adamw >"$out/build.log" 2>&1
rc=$?
if (( rc != 0 )); then
  grep -E "error|Error" "$out/build.log" | head -60 | log
  echo "build: exit $rc$( (( rc == 124 )) && echo ' (cut at the budget)') after $(( $(date +%s) - t0 )) s: build.log" | log
  exit 1
fi
echo "build: $(( $(date +%s) - t0 )) s" | log
cli=$PWD/build/gpu/app/workbench-cli/workbench-cli
"$cli" --version 2>&1 | log  # the GPUs it sees and the precision it trains them in

echo "== the GPU tests: CUDA graphs, the fused AdamW, checkpoints of GPU runs" | log
(cd build/gpu && step tests.log 150 ./tests/gpu/test_cuda_graphs)
(cd build/gpu && step tests.log 60 ./tests/gpu/test_fused_adamw)
(cd build/gpu && step tests.log 60 ./tests/train/test_train --gtest_filter='Checkpoint.*:MixedPrecision.*')

echo "== GPT-2 small against PyTorch eager and torch.compile (steps $steps, peak $peak TFLOP/s)" | log
bench=("$cli" bench --device cuda --steps "$steps" --warmup 5 --peak-tflops "$peak")
reference=(env LD_LIBRARY_PATH="$python_ld" python3 scripts/bench/pytorch_reference.py --device cuda --steps "$steps"
           --warmup 5 --peak-tflops "$peak")
step bench.log 90 "${bench[@]}" --config gpt2-small
step bench.log 90 "${reference[@]}" --config gpt2-small
step bench.log 180 "${reference[@]}" --config gpt2-small --compile

echo "== a short run on the GPU, end to end" | log
home=$(mktemp -d)
"$cli" --home "$home" data import genesis --from tests/fixtures/data/genesis_kjv.txt >/dev/null
step runs.log 90 "$cli" --home "$home" run scripts/bench/data_parallel.json --device cuda
# The same run replayed from a CUDA graph: it must say "recorded" and end near the eager run's loss.
python3 -c 'import json, sys; j = json.load(open(sys.argv[1])); j["name"] += "-graphs"; j["training"]["cuda_graphs"] = True
json.dump(j, open(sys.argv[2], "w"))' scripts/bench/data_parallel.json "$home/graphs.json"
step runs.log 90 "$cli" --home "$home" run "$home/graphs.json" --device cuda
# 2 ranks: NCCL where there are 2 GPUs; on 1 GPU the shared-GPU check must refuse them by name.
step runs.log 60 "$cli" --home "$home" run scripts/bench/data_parallel.json --device cuda --nproc 2
step runs.log 20 "$cli" --home "$home" runs

echo "== the small-model regime: eager and CUDA graphs" | log
for config in gpt-5m baby; do
  step bench.log 60 "${bench[@]}" --config "$config"
  step bench.log 60 "${bench[@]}" --config "$config" --cuda-graphs
  step bench.log 60 "${reference[@]}" --config "$config"
  step bench.log 150 "${reference[@]}" --config "$config" --compile --compile-mode reduce-overhead
done
step bench.log 90 "${bench[@]}" --config gpt2-small --cuda-graphs

echo "== the trainer's CPU tests on this LibTorch (last: they need no GPU)" | log
(cd build/gpu && step tests.log 240 env OMP_NUM_THREADS=1 ./tests/train/test_train --gtest_brief=1)
step build.log 240 cmake --build build/gpu -j "$(nproc)" --target test_c10d c10d_rank_probe
(cd build/gpu && step tests.log 120 env OMP_NUM_THREADS=1 ./tests/train/test_c10d --gtest_brief=1)
echo "total: $(( $(date +%s) - start )) s" | log
