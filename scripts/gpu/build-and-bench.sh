#!/usr/bin/env bash
# The GPU check in one go, for a CUDA machine with PyTorch 2.x but no package registry (the
# device tool's machines): unpacks .gpu-debs/ (scripts/gpu/fetch-debs.sh) into a prefix, builds
# workbench-cli headless against PyTorch's own LibTorch, trains a short run on the GPU end to end
# (1 rank, the same with training.cuda_graphs, then 2 ranks: NCCL, or the refusal of a shared GPU),
# runs the trainer's tests, and benchmarks GPT-2 small and the small-model regime (eager and CUDA
# graphs) against PyTorch eager and torch.compile (default and reduce-overhead) on the same GPU.
# Everything it prints also goes to $OUT (the device tool's folder) or ./gpu-results.
# Usage: scripts/gpu/build-and-bench.sh [PEAK_TFLOPS (989: H100/H200 SXM, bf16 dense)] [STEPS (20)]
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
peak=${1:-989}
steps=${2:-20}
out=${OUT:-$PWD/gpu-results}
mkdir -p "$out"
log() { tee -a "$out/summary.txt"; }

deps=/tmp/wbdeps
mkdir -p "$deps"
for f in .gpu-debs/*.deb; do dpkg -x "$f" "$deps"; done
# Debian's .pc files and CMake configs say /usr: look for them under the prefix.
export PKG_CONFIG_PATH=$deps/usr/lib/x86_64-linux-gnu/pkgconfig PKG_CONFIG_SYSROOT_DIR=$deps
export LD_LIBRARY_PATH=$deps/usr/lib/x86_64-linux-gnu:${LD_LIBRARY_PATH:-}
torch_prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
nvcc=$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)
{ nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
  python3 -c 'import torch; print("PyTorch", torch.__version__, "CUDA", torch.version.cuda, "GPUs", torch.cuda.device_count())'
  # find_package(Torch) enables CMake's CUDA language: it needs nvcc and CMake >= 3.25 (ours).
  cmake --version | head -1; c++ --version | head -1; "$nvcc" --version | tail -1
} 2>&1 | log

t0=$(date +%s)
export TORCH_CUDA_ARCH_LIST=${TORCH_CUDA_ARCH_LIST:-9.0}
cmake -S . -B build/gpu -G Ninja -DCMAKE_BUILD_TYPE=Release -DWB_BUILD_GUI=OFF \
  -DPython3_EXECUTABLE="$(command -v python3)" -DCMAKE_CUDA_COMPILER="$nvcc" \
  -DCMAKE_PREFIX_PATH="$torch_prefix;$deps/usr;$deps/usr/lib/x86_64-linux-gnu/cmake" >"$out/configure.log" 2>&1 ||
  { tail -40 "$out/configure.log"; exit 1; }
grep -E "LibTorch|CUDA" "$out/configure.log" | log
cmake --build build/gpu -j "$(nproc)" --target workbench-cli test_train test_c10d c10d_rank_probe test_gpu_assignment test_cuda_graphs test_fused_adamw >"$out/build.log" 2>&1 ||
  { grep -E "error|Error" "$out/build.log" | head -60; exit 1; }
echo "build: $(( $(date +%s) - t0 )) s" | log
cli=$PWD/build/gpu/app/workbench-cli/workbench-cli

echo "== trainer tests (CPU numerics on LibTorch 2.x, Gloo ranks)" | log
(cd build/gpu && OMP_NUM_THREADS=1 timeout 300 ./tests/train/test_train --gtest_brief=1 && \
  OMP_NUM_THREADS=1 timeout 120 ./tests/train/test_c10d --gtest_brief=1 && ./tests/train/test_gpu_assignment --gtest_brief=1) 2>&1 | tail -15 | log
echo "== CUDA graphs and the fused AdamW on the GPU" | log
(cd build/gpu && timeout 300 ./tests/gpu/test_cuda_graphs && timeout 60 ./tests/gpu/test_fused_adamw) 2>&1 | tail -25 | log

echo "== a short run on the GPU, end to end" | log
home=$(mktemp -d)
"$cli" --home "$home" data import genesis --from tests/fixtures/data/genesis_kjv.txt >/dev/null
timeout 300 "$cli" --home "$home" run scripts/bench/data_parallel.json --device cuda 2>&1 | tail -8 | log
# The same run replayed from a CUDA graph: it must say "recorded" and end near the eager run's loss.
python3 -c 'import json, sys; j = json.load(open(sys.argv[1])); j["name"] += "-graphs"; j["training"]["cuda_graphs"] = True
json.dump(j, open(sys.argv[2], "w"))' scripts/bench/data_parallel.json "$home/graphs.json"
timeout 300 "$cli" --home "$home" run "$home/graphs.json" --device cuda 2>&1 | tail -8 | log
# 2 ranks: NCCL where there are 2 GPUs; on 1 GPU the shared-GPU check must refuse them by name.
timeout 300 "$cli" --home "$home" run scripts/bench/data_parallel.json --device cuda --nproc 2 2>&1 | tail -8 | log

echo "== throughput (steps $steps, peak $peak TFLOP/s)" | log
for config in gpt2-small gpt-5m baby; do
  timeout 300 "$cli" bench --device cuda --config "$config" --steps "$steps" --warmup 5 --peak-tflops "$peak" 2>&1 | log
  timeout 300 python3 scripts/bench/pytorch_reference.py --device cuda --config "$config" --steps "$steps" --warmup 5 \
    --peak-tflops "$peak" 2>&1 | log
  timeout 300 python3 scripts/bench/pytorch_reference.py --device cuda --config "$config" --steps "$steps" --warmup 5 \
    --peak-tflops "$peak" --compile 2>&1 | grep -v Warning | log
  timeout 300 "$cli" bench --device cuda --config "$config" --steps "$steps" --warmup 5 --peak-tflops "$peak" \
    --cuda-graphs 2>&1 | log
  timeout 300 python3 scripts/bench/pytorch_reference.py --device cuda --config "$config" --steps "$steps" --warmup 5 \
    --peak-tflops "$peak" --compile --compile-mode reduce-overhead 2>&1 | grep -v Warning | log
done
echo "total: $(( $(date +%s) - t0 )) s" | log
