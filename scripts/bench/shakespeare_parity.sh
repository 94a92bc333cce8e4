#!/usr/bin/env bash
# nanoGPT parity: trains the CPU "baby GPT" on tiny Shakespeare for 2000 iterations and prints
# the validation loss (nanoGPT: ~1.88). Usage: scripts/bench/shakespeare_parity.sh PATH/tinyshakespeare.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
text=${1:?usage: $0 PATH/tinyshakespeare.txt}
cli=build/release/app/workbench-cli/workbench-cli
[[ -x $cli ]] || scripts/build.sh
"$cli" data import shakespeare --from "$text" --replace  # the file given now, whatever an earlier call imported
"$cli" run scripts/bench/shakespeare-char.json
