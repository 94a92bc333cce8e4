#!/usr/bin/env bash
# Quick start, step 1: install what is missing, build, prepare the default corpus (Brown) and run
# the default experiment (preset token-crisis-mini: 4 runs, about 4 minutes of training on 2 CPU
# cores after the build; 15-17 minutes in all from a clean clone, the cold build included).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cli=build/release/app/workbench-cli/workbench-cli
if ! "$cli" data list | grep -q '^  brown '; then
  "$cli" data import brown
fi
"$cli" run token-crisis-mini "$@"
echo
echo "Open the desktop app on the same database: build/release/app/workbench/workbench"
