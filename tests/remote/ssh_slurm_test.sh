#!/usr/bin/env bash
# `workbench-cli run SPEC --target ssh://HOST --remote-slurm` end to end: a real sshd on 127.0.0.1
# (sshd_fixture.sh, its sessions given SLURM_CONF) in front of a real single-node Slurm
# (tests/slurm/slurm_cluster.sh). The host's `start --slurm` submits with `sbatch --wait`, the job's
# rank appends the events, and the local database must end with the same runs and metric rows as
# the host's.
#
#   ssh_slurm_test.sh WORKBENCH_CLI
#
# Exit codes: 0 pass, 1 fail, 77 skipped (the reason printed as "SKIPPED: ..."): no Slurm, not
# root, or no sshd.
set -euo pipefail

readonly kSkip=77
[[ $# -eq 1 ]] || { echo "usage: $0 WORKBENCH_CLI" >&2; exit 2; }
wb=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")  # absolute: the ssh session starts elsewhere
here=$(cd "$(dirname "$0")" && pwd)
started=$SECONDS

tmp=$(mktemp -d /tmp/wb-ssh-slurm.XXXXXX)
chmod 0755 "$tmp"  # munged runs as the munge user, inside it
status=1
cleanup() {
  if ((status != 0)) && ((status != kSkip)); then
    for log in "$tmp"/remote/launches/*/output.log "$tmp"/run.err; do
      [[ -f $log ]] && { echo "--- $log"; tail -30 "$log"; }
    done
  fi
  # A launch's `sbatch --wait` outlives a failed test: end it before its cluster goes.
  for pid_file in "$tmp"/remote/launches/*/pid; do
    [[ -f $pid_file ]] && kill "$(cat "$pid_file")" 2>/dev/null || true
  done
  "$here/sshd_fixture.sh" stop "$tmp/sshd" >/dev/null 2>&1 || true
  "$here/../slurm/slurm_cluster.sh" stop "$tmp/slurm" >/dev/null 2>&1 || true
  rm -rf "$tmp"
  exit $status
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; status=1; exit 1; }
skip() { echo "SKIPPED: $*" >&2; status=$kSkip; exit $kSkip; }

cluster_status=0
"$here/../slurm/slurm_cluster.sh" start "$tmp/slurm" >/dev/null 2>"$tmp/slurm.err" || cluster_status=$?
((cluster_status == 0)) || { ((cluster_status == kSkip)) && skip "$(cat "$tmp/slurm.err")"; fail "Slurm: $(cat "$tmp/slurm.err")"; }
"$here/sshd_fixture.sh" start "$tmp/sshd" "SetEnv SLURM_CONF=$tmp/slurm/slurm.conf" 2>"$tmp/sshd.err" ||
  skip "sshd could not be started on 127.0.0.1: $(cat "$tmp/sshd.err")"

"$wb" --home "$tmp/remote" data import genesis --from "$here/../fixtures/data/genesis_kjv.txt" >/dev/null 2>&1 ||
  fail "corpus import on the host"
cat >"$tmp/spec.json" <<'SPEC'
{"name": "ssh-slurm",
 "data": {"corpus": "genesis", "tokenizer": {"kind": "char"}, "validation_fraction": 0.1},
 "model": {"n_layer": 1, "n_head": 2, "n_embd": 32, "block_size": 32},
 "optimizer": {"warmup_steps": 5},
 "training": {"token_budget": 10240, "batch_size": 8, "eval_interval": 20, "eval_batches": 2, "threads": 1},
 "grid": {"data.epochs": [4, 8]}}
SPEC

WB_SSH=$tmp/sshd/ssh "$wb" --home "$tmp/local" run "$tmp/spec.json" --target ssh://wbtest --remote-cli "$wb" \
  --remote-home "$tmp/remote" --remote-slurm --remote-sbatch-arg=--time=5 --events jsonl >"$tmp/out.jsonl" \
  2>"$tmp/run.err" || fail "run --target --remote-slurm exited $?"

launch=$(ls "$tmp/remote/launches")
[[ -s $tmp/remote/launches/$launch/job.sbatch && -s $tmp/remote/launches/$launch/slurm_job ]] ||
  fail "the launch went around Slurm: no job.sbatch / slurm_job in $tmp/remote/launches/$launch"
grep -q '"type":"experiment_finished"' "$tmp/out.jsonl" || fail "no experiment_finished forwarded"
for id in 1 2; do
  local_rows=$("$wb" --home "$tmp/local" metrics "$id" --csv | wc -l)
  remote_rows=$("$wb" --home "$tmp/remote" metrics "$id" --csv | wc -l)
  ((local_rows > 1 && local_rows == remote_rows)) || fail "run $id: $local_rows metric lines here, $remote_rows on the host"
done
# sbatch --wait, the launch's process, returns once Slurm has the job as completed (it polls).
for _ in $(seq 60); do [[ -s $tmp/remote/launches/$launch/exit_status ]] && break; sleep 0.5; done
[[ $(cat "$tmp/remote/launches/$launch/exit_status" 2>/dev/null) == '{"code": 0}' ]] ||
  fail "the launch's exit_status: $(cat "$tmp/remote/launches/$launch/exit_status" 2>/dev/null || echo none after 30 s)"
[[ $("$wb" --home "$tmp/local" runs | grep -c 'finished') == 2 ]] || fail "expected 2 finished runs: $("$wb" --home "$tmp/local" runs)"

echo "PASS: through ssh and Slurm in $((SECONDS - started)) s"
status=0
