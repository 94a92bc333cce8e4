#!/usr/bin/env bash
# Fetches, as .deb files, the Debian 12 packages a headless build needs besides LibTorch
# (SQLiteCpp, SQLite, nlohmann-json, CLI11, NLopt, SentencePiece, GoogleTest, and Gloo's headers,
# which c10d's ProcessGroupGloo.hpp includes and pip wheels lack) into .gpu-debs/
# (git-ignored), for a GPU machine that has CUDA, CMake and PyTorch but no package registry.
# scripts/gpu/build-and-bench.sh unpacks them there. Run here, on Debian 12 / Ubuntu.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p .gpu-debs
cd .gpu-debs
apt-get download libsqlitecpp-dev libsqlite3-dev libsqlite3-0 nlohmann-json3-dev libcli11-dev libnlopt-dev libnlopt0 \
  libsentencepiece-dev libsentencepiece0 libgtest-dev libgmock-dev googletest libgloo-dev
du -sh . && ls
