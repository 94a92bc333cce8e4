#!/usr/bin/env bash
# `workbench-cli slurm submit` where no Slurm is needed: --help, --dry-run (prints the script,
# writes nothing), a bad spec (exit 2, nothing written), no sbatch in PATH (exit 2 with the fix),
# --ntasks-per-node against --gpus-per-node; `start --slurm` refusing --jobs and a missing sbatch;
# a rank count that cannot split the batch (submit, start); GPUs for a CPU build's ranks.
#
#   slurm_submit_cli_test.sh WORKBENCH_CLI
set -euo pipefail

[[ $# -eq 1 ]] || { echo "usage: $0 WORKBENCH_CLI" >&2; exit 2; }
wb=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d /tmp/wb-slurm-cli-test.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
home=$tmp/home
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# Runs workbench-cli; sets code, out, err.
cli() {
  code=0
  out=$("$wb" --home "$home" "$@" 2>"$tmp/err") || code=$?
  err=$(<"$tmp/err")
}

cli slurm submit --help
[[ $code == 0 ]] || fail "--help exited $code"
for word in --nodes --gpus-per-node --ntasks-per-node --partition --time --account --sbatch-arg --dry-run --json \
            --resume --resume-experiment \
            "Example: workbench-cli slurm submit"; do
  grep -qF -- "$word" <<<"$out" || fail "--help does not mention $word"
done

cli slurm submit "$here/tiny_slurm_spec.json" --nodes 2 --gpus-per-node 4 --partition gpu --time 1:00:00 --dry-run
[[ $code == 0 ]] || fail "--dry-run exited $code: $err"
[[ $out == '#!/bin/bash'* ]] || fail "--dry-run does not print the script: $out"
grep -qF "the workspace $home is under /tmp/, which is usually local to each machine" <<<"$err" ||
  fail "a workspace under /tmp is not warned of: $err"
for line in '#SBATCH --job-name=slurm-tiny' '#SBATCH --nodes=2' '#SBATCH --ntasks-per-node=4' \
            '#SBATCH --gpus-per-node=4' '#SBATCH --partition=gpu' '#SBATCH --time=1:00:00' \
            "srun --kill-on-bad-exit=1 $(realpath "$wb") --home $home --db $home/runs.db run $home/slurm/slurm-tiny-"; do
  grep -qF -- "$line" <<<"$out" || fail "--dry-run script lacks: $line"
done
[[ ! -e $home/slurm ]] || fail "--dry-run wrote $home/slurm"

cli slurm submit "$here/tiny_slurm_spec.json" --dry-run --json
grep -q '"job_id": null' <<<"$out" || fail "--dry-run --json: job_id is not null: $out"
grep -q '"sbatch_script": "#!/bin/bash' <<<"$out" || fail "--dry-run --json lacks the script: $out"

echo '{"name": "bad", "model": {"n_embed": 64}}' >"$tmp/bad.json"
cli slurm submit "$tmp/bad.json"
[[ $code == 2 ]] || fail "a bad spec exited $code, not 2"
grep -qF 'n_embed' <<<"$err" || fail "the bad spec's error does not name the field: $err"
[[ ! -e $home/slurm ]] || fail "a bad spec wrote $home/slurm"

mkdir -p "$tmp/empty-path"
PATH=$tmp/empty-path cli slurm submit "$here/tiny_slurm_spec.json"
[[ $code == 2 ]] || fail "without sbatch: exit $code, not 2"
grep -qF 'sbatch is not in PATH' <<<"$err" || fail "without sbatch: $err"
grep -qF -- '--dry-run' <<<"$err" || fail "without sbatch, the fix does not offer --dry-run: $err"
[[ ! -e $home/slurm ]] || fail "without sbatch, $home/slurm was written"

cli slurm submit "$here/tiny_slurm_spec.json" --gpus-per-node 2 --ntasks-per-node 3 --dry-run
[[ $code == 2 ]] || fail "--ntasks-per-node 3 with --gpus-per-node 2 exited $code, not 2"

cli slurm submit "$here/tiny_slurm_spec.json" --job-name $'two\nlines' --dry-run
[[ $code == 2 ]] || fail "a job name with a line break exited $code, not 2"

# `start --slurm` (a login node behind `run --target --remote-slurm`): a value it cannot carry is
# refused before a launch folder is made; without sbatch, nothing is made either.
cli start "$here/tiny_slurm_spec.json" --slurm --jobs 2
[[ $code == 2 ]] || fail "start --slurm --jobs 2 exited $code, not 2"
grep -qF 'a Slurm launch is one job' <<<"$err" || fail "start --slurm --jobs 2: $err"
PATH=$tmp/empty-path cli start "$here/tiny_slurm_spec.json" --slurm
[[ $code == 2 ]] || fail "start --slurm without sbatch: exit $code, not 2"
grep -qF 'sbatch is not in PATH' <<<"$err" || fail "start --slurm without sbatch: $err"
[[ ! -e $home/launches ]] || fail "a refused start --slurm made $home/launches: $(ls -R "$home/launches")"

# A batch (8 sequences) the ranks cannot share is refused before anything is queued or started:
# on a cluster it would fail only once the job left the queue.
cli slurm submit "$here/tiny_slurm_spec.json" --nodes 3 --dry-run
[[ $code == 2 ]] || fail "slurm submit on 3 ranks exited $code, not 2"
grep -qF 'cannot be split evenly over 3 ranks' <<<"$err" || fail "slurm submit on 3 ranks: $err"
cli start "$here/tiny_slurm_spec.json" --nproc 3
[[ $code == 2 ]] || fail "start --nproc 3 exited $code, not 2"
grep -qF 'cannot be split evenly over 3 ranks' <<<"$err" || fail "start --nproc 3: $err"
[[ ! -e $home/slurm && ! -e $home/launches ]] || fail "a refused rank count made folders under $home"

# GPUs for the ranks of a CPU build are refused (they would train on the CPU); a dry run warns.
"$wb" --version | grep -qF 'CPU build' && cpu_build=1 || cpu_build=
PATH=$tmp/empty-path cli slurm submit "$here/tiny_slurm_spec.json" --gpus-per-node 2
[[ $code == 2 ]] || fail "slurm submit --gpus-per-node 2 exited $code, not 2"
if [[ -n $cpu_build ]]; then
  grep -qF 'this workbench-cli is a CPU build' <<<"$err" || fail "a CPU build's GPU job was not refused: $err"
  cli slurm submit "$here/tiny_slurm_spec.json" --gpus-per-node 2 --dry-run
  [[ $code == 0 ]] || fail "a CPU build's GPU --dry-run exited $code"
  grep -qF 'warning: this workbench-cli is a CPU build' <<<"$err" || fail "a CPU build's GPU --dry-run: $err"
else
  grep -qF 'sbatch is not in PATH' <<<"$err" || fail "a CUDA build's GPU job without sbatch: $err"
fi
[[ ! -e $home/slurm ]] || fail "a refused GPU job made $home/slurm"

# Resuming through Slurm: one of SPEC, --resume and --resume-experiment; the run must exist.
cli slurm submit
[[ $code == 2 ]] || fail "slurm submit without a spec exited $code, not 2"
grep -qF 'slurm submit needs a SPEC, --resume RUN or --resume-experiment ID' <<<"$err" || fail "no spec: $err"
cli slurm submit "$here/tiny_slurm_spec.json" --resume 1 --dry-run
[[ $code == 2 ]] || fail "a spec with --resume exited $code, not 2"
grep -qF 'takes one of SPEC, --resume RUN and --resume-experiment ID' <<<"$err" || fail "spec and --resume: $err"
cli slurm submit --resume 99 --dry-run  # this workspace has trained nothing yet
[[ $code == 4 ]] || fail "--resume without a run database exited $code, not 4: $err"
grep -qF 'no run database at' <<<"$err" || fail "--resume without a run database: $err"
cli slurm submit "$here/tiny_slurm_spec.json" --time banana --dry-run
[[ $code == 2 ]] || fail "--time banana exited $code, not 2"
grep -qF -- '--time "banana" is not a time sbatch takes' <<<"$err" || fail "--time banana: $err"
cli slurm submit --resume-experiment token-crisis-mini --dry-run  # an experiment by name, as `runs` takes it
[[ $code == 4 ]] || fail "--resume-experiment NAME without a run database exited $code, not 4: $err"
grep -qF 'no run database at' <<<"$err" || fail "--resume-experiment NAME without a run database: $err"
[[ ! -e $home/slurm ]] || fail "a refused resume made $home/slurm"

((failures == 0)) || { echo "$failures failure(s)" >&2; exit 1; }
echo PASS
