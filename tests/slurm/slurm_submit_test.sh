#!/usr/bin/env bash
# `workbench-cli slurm submit` against a real single-node Slurm (tests/slurm/slurm_cluster.sh):
# submit tests/slurm/tiny_slurm_spec.json with RANKS ranks on the node, wait for the job, and check
# that the run finished in the database, once, with the events in the job folder. With 2 ranks, a
# longer job is then cancelled mid-run (as a time limit would end it): its output names the
# `slurm submit --resume RUN` that continues it, and that job finishes the run, every step once. The workspace
# path holds a space and a quote and the job name is hostile, so sbatch's parser, bash and srun
# all meet quoted words.
#
#   slurm_submit_test.sh WORKBENCH_CLI RANKS
#
# Exit codes: 0 pass, 1 fail, 77 skipped (ctest SKIP_RETURN_CODE; the reason is printed as
# "SKIPPED: ..."): Slurm or munge not installed, not root, or (RANKS > 1) a workbench-cli whose
# `run` has no --nproc yet.
set -euo pipefail

readonly kSkip=77
readonly kJobTimeout=180  # seconds for the job to leave the queue

[[ $# -eq 2 ]] || { echo "usage: $0 WORKBENCH_CLI RANKS" >&2; exit 2; }
wb=$1
ranks=$2
here=$(cd "$(dirname "$0")" && pwd)
fixtures=$here/../fixtures
started=$SECONDS

fail() { echo "FAIL: $*" >&2; exit 1; }

if ((ranks > 1)) && ! "$wb" run --help | grep -q -- '--nproc'; then
  echo "SKIPPED: this workbench-cli's run has no --nproc yet: srun ranks arrive with distributed runs" >&2
  exit $kSkip
fi

tmp=$(mktemp -d /tmp/wb-slurm-test.XXXXXX)
chmod 0755 "$tmp"  # munged runs as the munge user, inside it
cluster=$tmp/slurm
home="$tmp/wb home's"
job_name="wb \"test\" #$ranks; \$(id)"
status=1
cleanup() {
  if ((status != 0)) && ((status != kSkip)); then
    for log in "$home"/slurm/*/output.log "$cluster"/log/*.log; do
      [[ -f $log ]] || continue
      echo "--- $log (last 40 lines)" >&2
      tail -n 40 "$log" >&2
    done
  fi
  "$here/slurm_cluster.sh" stop "$cluster" || true
  rm -rf "$tmp"
}
trap 'status=$?; cleanup; exit $status' EXIT
trap 'exit 143' TERM INT  # through the EXIT trap: the daemons are stopped on ctest's timeout too

start_output=$("$here/slurm_cluster.sh" start "$cluster") || exit $?  # 77 (skip) passes through
eval "$start_output"  # export SLURM_CONF=...
echo "cluster up after $((SECONDS - started)) s ($SLURM_CONF)"

"$wb" --home "$home" data import genesis --from "$fixtures/data/genesis_kjv.txt" >/dev/null
cp "$here/tiny_slurm_spec.json" "$tmp/spec.json"

submitted=$("$wb" --home "$home" slurm submit "$tmp/spec.json" --ntasks-per-node "$ranks" --job-name "$job_name" \
  --time 5 --json) || fail "slurm submit failed"
echo "$submitted"
# The --json object as nlohmann writes it: one "key": value per line (no jq needed).
field() {
  sed -n -e "s/^ *\"$1\": \"\(.*\)\",\{0,1\}\$/\\1/p" -e "s/^ *\"$1\": \([0-9a-z]*\),\{0,1\}\$/\\1/p" <<<"$submitted"
}
job_id=$(field job_id)
folder=$(field folder)
events=$(field events_file)
[[ $job_id =~ ^[0-9]+$ ]] || fail "no job id in: $submitted"
[[ -f $folder/spec.json && -f $folder/job.sbatch ]] || fail "the job folder lacks spec.json or job.sbatch: $folder"
grep -q '"token_budget": 10240' "$folder/spec.json" || fail "the job's spec.json is not the submitted spec"
# The job reads its own copy: the user's file may change (here: break) while it waits.
echo '{"name": "edited after submitting"' >"$tmp/spec.json"

# sbatch's own parser read the quoted job name back whole.
name=$(squeue -h -j "$job_id" -o %j 2>/dev/null || true)
[[ -z $name ]] && name=$(scontrol show job "$job_id" | sed -n 's/^ *JobId=[0-9]* JobName=//p')
[[ $name == "$job_name" ]] || fail "job name: expected [$job_name], Slurm has [$name]"

deadline=$((SECONDS + kJobTimeout))
while [[ -n $(squeue -h -j "$job_id" -o %T 2>/dev/null) ]]; do
  ((SECONDS < deadline)) || fail "job $job_id still queued or running after ${kJobTimeout}s: $(squeue -h -j "$job_id" -o '%T %R')"
  sleep 1
done
state=$(scontrol show job "$job_id" | grep -o 'JobState=[A-Z_]*' || true)
echo "job $job_id: $state after $((SECONDS - started)) s"
[[ $state == JobState=COMPLETED ]] || fail "job $job_id ended as $state"

output=$folder/output.log
grep -q "workbench job $job_id on localhost: $ranks rank(s), master localhost:" "$output" ||
  fail "output.log lacks the job's rendezvous line"
if ((ranks == 2)); then
  grep -q "rank 1 of 2" "$folder/rank-1.log" || fail "rank 1 did not log in the job folder ($folder/rank-1.log)"
fi

runs=$("$wb" --home "$home" runs)
echo "$runs"
[[ $(grep -c 'slurm-tiny' <<<"$runs") == 1 ]] || fail "expected exactly one slurm-tiny run (one experiment for all ranks)"
grep -q 'slurm-tiny *finished' <<<"$runs" || fail "the run did not finish"

[[ $(grep -c '"type":"run_finished"' "$events") == 1 ]] || fail "events file: expected one run_finished in $events"
grep -q '"status":"finished"' "$events" || fail "events file: the run did not finish"

# wait_job ID: until the job has left the queue (bounded); prints its final state.
wait_job() {
  local deadline=$((SECONDS + kJobTimeout))
  while [[ -n $(squeue -h -j "$1" -o %T 2>/dev/null) ]]; do
    ((SECONDS < deadline)) || fail "job $1 still queued or running after ${kJobTimeout}s"
    sleep 1
  done
  scontrol show job "$1" | grep -o 'JobState=[A-Z_]*' || true
}

if ((ranks == 2)); then
  # 4000 steps (40 epochs of 25.6k tokens), a checkpoint every 50: cancelled once it has written one.
  sed -e 's/"slurm-tiny"/"slurm-long"/' -e 's/"token_budget": 10240/"token_budget": 1024000/' \
    -e 's/"epochs": 1/"epochs": 40/' \
    -e 's/"device": "cpu"/"device": "cpu", "checkpoint_interval": 50/' "$here/tiny_slurm_spec.json" >"$tmp/long.json"
  long=$("$wb" --home "$home" slurm submit "$tmp/long.json" --ntasks-per-node 2 --time 5 --json) ||
    fail "slurm submit (long) failed"
  submitted=$long
  long_id=$(field job_id)
  long_events=$(field events_file)
  long_output=$(field output)
  deadline=$((SECONDS + kJobTimeout))
  until grep -q '"kind":"checkpoint"' "$long_events" 2>/dev/null; do
    ((SECONDS < deadline)) || fail "the long job wrote no checkpoint in ${kJobTimeout}s"
    [[ -n $(squeue -h -j "$long_id" -o %T 2>/dev/null) ]] || fail "the long job ended before its first checkpoint"
    sleep 0.5
  done
  scancel "$long_id"
  echo "long job $long_id cancelled: $(wait_job "$long_id")"
  run_id=$("$wb" --home "$home" runs | sed -n 's/^ *\([0-9]*\) .*slurm-long .*/\1/p' | head -1)
  [[ -n $run_id ]] || fail "no slurm-long run in: $("$wb" --home "$home" runs)"
  "$wb" --home "$home" runs | grep -q 'slurm-long *interrupted' || fail "the cancelled run is not interrupted"
  grep -q "continue with \`workbench-cli --home .* slurm submit --resume $run_id\`" "$long_output" ||
    fail "the cancelled job's output names no slurm submit --resume $run_id"
  resumed=$("$wb" --home "$home" slurm submit --resume "$run_id" --ntasks-per-node 2 --time 5 --json) ||
    fail "slurm submit --resume $run_id failed"
  submitted=$resumed
  state=$(wait_job "$(field job_id)")
  [[ $state == JobState=COMPLETED ]] || fail "the resuming job ended as $state: $(tail -20 "$(field output)")"
  "$wb" --home "$home" runs | grep -q 'slurm-long *finished' || fail "the resumed run did not finish"
  steps=$("$wb" --home "$home" metrics "$run_id" --csv --name train/loss | tail -n +2 | wc -l)
  [[ $steps == 4000 ]] || fail "the resumed run has $steps step rows, not 4000 (every step once)"
fi

echo "PASS: $ranks rank(s) in $((SECONDS - started)) s"
status=0
