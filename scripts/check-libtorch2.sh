#!/usr/bin/env bash
# Builds and tests the code against LibTorch 2.x on a Debian 12 machine, whose own LibTorch is
# 1.13: a Debian 13 (trixie) root made with debootstrap, whose libtorch-dev is 2.6 (CPU), builds
# the committed HEAD headless there and runs its tests. That compiles and runs the code's 2.x
# branches (torch_compat.hpp: fused attention, autocast's 2.4 API; c10d and Gloo as 2.x ship
# them). Where a CUDA toolkit is installed here (/usr/local/cuda), the CUDA-only files (gpu/,
# tests/gpu/) are also compiled (syntax only: no GPU LibTorch to link) against its CUDA headers.
# Needs root (debootstrap, chroot, bind mounts) and Debian's package mirror. About 15 min on 2
# cores (build and tests), plus 3 the first time (the root is kept and reused). The services that
# some scale-out tests start (sshd, Slurm, torchrun, network namespaces) are not installed in the
# root: those tests skip there.
# WB_DEBIAN_SUITE=sid takes Debian unstable instead (LibTorch 2.14 on 2026-12-07). Abseil is
# installed for SentencePiece releases whose headers include it.
# Usage: scripts/check-libtorch2.sh [ROOT (default ~/.cache/repetition-workbench/SUITE-root)]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
suite=${WB_DEBIAN_SUITE:-trixie}
root=${1:-$HOME/.cache/repetition-workbench/$suite-root}
mirror=${WB_DEBIAN_MIRROR:-http://deb.debian.org/debian}
[[ $(id -u) == 0 ]] || { echo "error: needs root (debootstrap, chroot, mount); run it with sudo" >&2; exit 2; }
command -v debootstrap >/dev/null || apt-get install -y -q debootstrap

if [[ ! -f $root/etc/debian_version ]]; then
  echo "== debootstrap $suite into $root"
  mkdir -p "$root"
  debootstrap --variant=minbase "$suite" "$root" "$mirror"
fi

mounted=()
cleanup() { for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[i]}" 2>/dev/null || true; done; }
trap cleanup EXIT
bind() {  # bind SOURCE TARGET-INSIDE-ROOT
  mkdir -p "$root$2"
  mountpoint -q "$root$2" || { mount --bind "$1" "$root$2" && mounted+=("$root$2"); }
}
bind /proc /proc
bind /dev /dev
bind /sys /sys
cp /etc/resolv.conf "$root/etc/resolv.conf"
cuda=
if [[ -f /usr/local/cuda/include/cuda_runtime_api.h ]]; then bind /usr/local/cuda /usr/local/cuda && cuda=1; fi

in_root() { chroot "$root" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 bash -c "$1"; }

echo "== packages (Debian $suite)"
in_root "export DEBIAN_FRONTEND=noninteractive; apt-get update -q -o Acquire::Check-Valid-Until=false && apt-get install -y -q --no-install-recommends \
  build-essential cmake ninja-build pkg-config git ca-certificates python3 libtorch-dev libopenblas0-openmp \
  libgloo-dev libsqlitecpp-dev libsqlite3-dev libcli11-dev nlohmann-json3-dev libsentencepiece-dev libnlopt-dev \
  libgtest-dev libgmock-dev libabsl-dev >/dev/null"

echo "== build $(git -C "$repo" rev-parse --short HEAD) (headless)"
rm -rf "$root/src"
git clone -q "$repo" "$root/src"
in_root "cd /src && cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DWB_BUILD_GUI=OFF | grep '^-- LibTorch' &&
  cmake --build build -j$(nproc) >build.log 2>&1 || { grep -E -A5 'error|FAILED' build.log | head -60; exit 1; }"

if [[ -n $cuda ]]; then
  echo "== CUDA-only files against this LibTorch's CUDA headers (syntax)"
  # The CPU package has the CUDA headers but not the macros file a CUDA build generates.
  in_root "mkdir -p /tmp/cuda-macros/c10/cuda/impl && echo '#define C10_CUDA_BUILD_SHARED_LIBS' \
    >/tmp/cuda-macros/c10/cuda/impl/cuda_cmake_macros.h && cd /src && for f in gpu/*.cpp tests/gpu/*.cpp; do
    g++ -fsyntax-only -std=c++20 -Wall -Wextra -Wno-unused-parameter -DUSE_CUDA -DUSE_C10D_NCCL -DUSE_C10D_GLOO \
      -DUSE_DISTRIBUTED -I core -I . -I tests -I /tmp/cuda-macros -isystem /usr/include/torch/csrc/api/include \
      -isystem /usr/local/cuda/include \$f || exit 1; echo \"  \$f\"; done"
fi

echo "== tests"
in_root "set -o pipefail; cd /src/build && OMP_NUM_THREADS=1 ctest -j$(nproc) --timeout 900 --output-on-failure 2>&1 | tail -40"
