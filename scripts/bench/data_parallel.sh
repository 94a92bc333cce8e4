#!/usr/bin/env bash
# Data-parallel throughput on this machine: the same run (scripts/bench/data_parallel.json, the
# 0.8M-parameter baby GPT, global batch 12) trained by one process with all cores and by N ranks
# (`--nproc N`, cores / N threads each), ROUNDS times each, in a throw-away workspace. Prints each
# mode's tokens/s (training tokens / wall time of the training loop, from the run database) and
# final validation loss (the same in every mode, up to float rounding).
# Usage: scripts/bench/data_parallel.sh [N (default 2)] [ROUNDS (default 2)] [CLI (default build/release/...)]
set -euo pipefail
cd "$(dirname "$0")/../.."
nproc_ranks=${1:-2}
rounds=${2:-2}
cli=$(realpath "${3:-build/release/app/workbench-cli/workbench-cli}")
cores=$(nproc)
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
"$cli" --home "$home" data import genesis --from tests/fixtures/data/genesis_kjv.txt >/dev/null
spec=scripts/bench/data_parallel.json
measure() {  # label, then the run options
  local label=$1; shift
  "$cli" --home "$home" --db "$home/$label.db" run "$spec" "$@" >/dev/null 2>"$home/$label.log"
  "$cli" --home "$home" --db "$home/$label.db" metrics 1 --csv --name eval/val_loss | tail -n 1 |
    awk -F, -v l="$label" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
      '{ printf "%-28s %8.0f tokens/s  final val %.4f  (%d tokens in %.1f s; load before: %s)\n", l, $4 / $8, $7, $4, $8, load }'
}
echo "data-parallel-bench: 300 steps x 768 tokens on $cores cores, LibTorch via $(basename "$cli")"
for round in $(seq "$rounds"); do
  measure "nproc-1-threads-$cores-r$round" --threads "$cores"
  measure "nproc-$nproc_ranks-threads-$((cores / nproc_ranks > 0 ? cores / nproc_ranks : 1))-r$round" --nproc "$nproc_ranks"
done
