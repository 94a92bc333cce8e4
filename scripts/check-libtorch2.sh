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
# WB_LIBTORCH_CUDA=1 takes Debian's CUDA build of LibTorch 2.6 instead (contrib: libtorch-cuda-dev,
# with CUDA 12.4, NCCL 2.22 and Gloo's CUDA build from non-free), in a root of its own (about 12 GB):
# then WB_WITH_CUDA turns on by itself and gpu/ and tests/gpu/ are compiled and linked for real,
# and the whole suite runs on a CUDA build that sees no GPU (the GPU tests skip), as on a cluster's
# login node. cuDNN is not in the archive: its installer package downloads it from NVIDIA. Where
# that fails (no network beyond the mirror), a stub libcudnn.so.9 whose entry points all report
# an error stands in, so the build links and loads; nothing here calls cuDNN without a GPU.
# Usage: scripts/check-libtorch2.sh [ROOT (default ~/.cache/repetition-workbench/SUITE[-cuda]-root)]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
suite=${WB_DEBIAN_SUITE:-trixie}
cuda_torch=${WB_LIBTORCH_CUDA:-}
root=${1:-$HOME/.cache/repetition-workbench/$suite${cuda_torch:+-cuda}-root}
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
if [[ -z $cuda_torch && -f /usr/local/cuda/include/cuda_runtime_api.h ]]; then
  bind /usr/local/cuda /usr/local/cuda && cuda=1
fi

in_root() { chroot "$root" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 bash -c "$1"; }

torch_packages="libtorch-dev libgloo-dev"
if [[ -n $cuda_torch ]]; then
  torch_packages="libtorch-cuda-dev libgloo-cuda-dev libnccl-dev nvidia-cuda-toolkit"
  sed -i -E 's/^(deb [^ ]+ [^ ]+) main$/\1 main contrib non-free/' "$root/etc/apt/sources.list"
fi
echo "== packages (Debian $suite: $torch_packages)"
in_root "export DEBIAN_FRONTEND=noninteractive; apt-get update -q -o Acquire::Check-Valid-Until=false >/dev/null &&
  apt-get install -y -q --no-install-recommends build-essential cmake ninja-build pkg-config git ca-certificates \
  python3 $torch_packages libopenblas0-openmp libsqlitecpp-dev libsqlite3-dev libcli11-dev nlohmann-json3-dev \
  libsentencepiece-dev libnlopt-dev libgtest-dev libgmock-dev libabsl-dev >/dev/null" ||
  [[ -n $cuda_torch ]]  # nvidia-cudnn's download failing is handled below
if [[ -n $cuda_torch && ! -e $root/usr/lib/x86_64-linux-gnu/libcudnn.so.9 ]]; then
  echo "== cuDNN could not be downloaded: a stub libcudnn.so.9 stands in (link and load only)"
  in_root "set -e; printf '#!/bin/sh\nexit 0\n' >/var/lib/dpkg/info/nvidia-cudnn.postinst && dpkg --configure -a >/dev/null
    mkdir -p /opt/cudnn-stub && cd /opt/cudnn-stub
    objdump -T /usr/lib/x86_64-linux-gnu/libtorch_cuda.so | awk '/\(libcudnn.so.9\)/ {print \$NF}' | sort -u |
      sed 's/.*/int &(void) { return 1; }/' >stub.c
    echo 'libcudnn.so.9 { global: *; };' >stub.map
    gcc -shared -fPIC -o /usr/lib/x86_64-linux-gnu/libcudnn.so.9 -Wl,-soname,libcudnn.so.9 \
      -Wl,--version-script=stub.map stub.c && ldconfig"
fi
if [[ -n $cuda_torch ]]; then
  in_root "dpkg-query -W -f='\${Status}' libtorch-cuda-dev 2>/dev/null | grep -q 'ok installed'" ||
    { echo "error: libtorch-cuda-dev did not install in $root (see apt's messages above)" >&2; exit 1; }
fi

echo "== build $(git -C "$repo" rev-parse --short HEAD) (headless)"
rm -rf "$root/src"
git clone -q "$repo" "$root/src"
# Debian's CUDA TorchConfig warns about files it does not ship (kineto, nvrtc's hash): the log has them.
in_root "cd /src && { cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DWB_BUILD_GUI=OFF >configure.log 2>&1 ||
    { tail -40 configure.log; exit 1; }; } && grep -E '^-- LibTorch|NCCL' configure.log &&
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
