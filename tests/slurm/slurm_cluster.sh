#!/usr/bin/env bash
# A real single-node Slurm for the tests, entirely inside one folder: munged (as the munge user),
# slurmctld and slurmd on loopback, with their config, keys, state, spool, logs and pid files in DIR.
#
#   tests/slurm/slurm_cluster.sh start DIR   # prints `export SLURM_CONF=DIR/slurm.conf` when the node is idle
#   tests/slurm/slurm_cluster.sh stop DIR    # kills what start started (by its pid files), removes DIR
#
# Exit codes of start: 0 up; 77 cannot run here (not root, packages missing: the message says
# how to install them); 1 the daemons did not come up (their logs are printed).
# The ports are picked free at start (never the default 6817/6818, so a real cluster on this host
# is left alone), and the munge socket is private, so nothing outside DIR is touched.
set -euo pipefail

readonly kSkip=77
readonly kStartTimeout=60  # seconds for the node to show up idle

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
action=$1
dir=$2
# slurm.conf has no quoting for paths.
[[ $dir != *[[:space:]]* ]] || { echo "$0: DIR must not hold spaces: $dir" >&2; exit 2; }

say() { echo "slurm_cluster: $*" >&2; }

# The pid recorded in FILE, when that process is still alive.
live_pid() {
  local file=$1 pid
  [[ -s $file ]] || return 1
  pid=$(<"$file")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# SIGTERM to each NAME:PIDFILE at once (each takes about 2 s to wind down), SIGKILL after 5 s.
stop_daemons() {
  local entry pid pids=()
  for entry in "$@"; do
    pid=$(live_pid "${entry#*:}") || continue
    kill -TERM "$pid" 2>/dev/null || true
    pids+=("${entry%%:*}:$pid")
  done
  for _ in $(seq 50); do
    local alive=0
    for entry in "${pids[@]}"; do kill -0 "${entry#*:}" 2>/dev/null && alive=1; done
    ((alive)) || return 0
    sleep 0.1
  done
  for entry in "${pids[@]}"; do
    kill -0 "${entry#*:}" 2>/dev/null || continue
    say "${entry%%:*} (${entry#*:}) ignored SIGTERM; killing it"
    kill -KILL "${entry#*:}" 2>/dev/null || true
  done
}

stop() {
  # Jobs first, and wait for them to go: slurmd's shutdown leaves running job steps behind.
  if [[ -f $dir/slurm.conf ]] && live_pid "$dir/run/slurmctld.pid" >/dev/null; then
    export SLURM_CONF=$dir/slurm.conf
    timeout 10 scancel --full --quiet --user="$(id -un)" 2>/dev/null || true
    for _ in $(seq 100); do
      [[ -z $(timeout 5 squeue --noheader 2>/dev/null) ]] && break
      sleep 0.1
    done
  fi
  stop_daemons "slurmd:$dir/run/slurmd.pid" "slurmctld:$dir/run/slurmctld.pid"
  # A slurmstepd that outlived that (and its job's processes with it): it inherited slurmd's
  # environment, whose SLURM_CONF names this cluster.
  local pid
  for pid in $(pgrep -x slurmstepd 2>/dev/null || true); do
    if tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qxF "SLURM_CONF=$dir/slurm.conf"; then
      say "killing the leftover slurmstepd $pid and its processes"
      pkill -KILL -P "$pid" 2>/dev/null || true
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  stop_daemons "munged:$dir/munge/munged.pid"  # last: the others talk through it until they end
  # The folder is start's own (its slurm.conf says so): state, spool, keys and logs go with it.
  if [[ -f $dir/slurm.conf ]] && head -n1 "$dir/slurm.conf" | grep -q '^# Written by tests/slurm/slurm_cluster.sh'; then
    rm -rf "$dir"
  fi
}

skip() {
  echo "SKIPPED: $*" >&2
  exit $kSkip
}

# A TCP port on 127.0.0.1 that nothing listens on, with the next one free as well.
free_port_pair() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null &&
       ! (exec 3<>"/dev/tcp/127.0.0.1/$((port + 1))") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

show_logs() {
  local log
  for log in "$dir"/log/*.log "$dir"/munge/munged.log; do
    [[ -f $log ]] || continue
    say "--- $log (last 30 lines)"
    tail -n 30 "$log" >&2
  done
}

start() {
  local install="as root: apt-get install -y slurmctld slurmd slurm-client munge (or WB_TEST_SERVICES=1 scripts/install-deps.sh)"
  local missing=()
  for program in munged mungekey slurmctld slurmd sbatch sinfo scontrol; do
    command -v "$program" >/dev/null || [[ -x /usr/sbin/$program ]] || missing+=("$program")
  done
  ((${#missing[@]} == 0)) || skip "Slurm is not installed (missing: ${missing[*]}); install it $install"
  [[ $(id -u) == 0 ]] || skip "starting slurmd and munged needs root (slurmd runs jobs as their user; munged runs as the munge user); run the test as root"
  id munge >/dev/null 2>&1 || skip "there is no munge user (the munge package creates it); install it $install"
  export PATH=$PATH:/usr/sbin

  mkdir -p "$dir"/{munge,state,spool,log,run}
  # munged refuses to work in a folder others can write; it runs as munge, so it owns its folder.
  # The folders above must be traversable by munge.
  chmod 0755 "$dir"
  runuser -u munge -- test -x "$dir" ||
    { say "the munge user cannot reach $dir: a folder above it is closed (chmod o+x it, or use another DIR)"; exit 1; }
  chown munge: "$dir/munge"
  chmod 0711 "$dir/munge"  # clients need to reach the socket; the key stays 0600
  local munge_dir=$dir/munge socket=$dir/munge/munge.socket
  runuser -u munge -- mungekey --create --keyfile="$munge_dir/munge.key" >/dev/null
  runuser -u munge -- munged --socket="$socket" --key-file="$munge_dir/munge.key" \
    --pid-file="$munge_dir/munged.pid" --log-file="$munge_dir/munged.log" \
    --seed-file="$munge_dir/munged.seed" --num-threads=2 ||
    { show_logs; say "munged did not start"; exit 1; }

  local port
  port=$(free_port_pair) || { say "no free port pair on 127.0.0.1"; stop; exit 1; }
  cat >"$dir/slurm.conf" <<EOF
# Written by tests/slurm/slurm_cluster.sh for one test run; everything lives in $dir.
ClusterName=wbtest
SlurmctldHost=localhost
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
SwitchType=switch/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
MinJobAge=300
# Two CPUs whatever the host has (config_overrides: slurmd reports the configured node, so a
# one-core host does not drain it), enough for the tests' two-rank job.
SlurmdParameters=config_overrides
NodeName=localhost NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
  export SLURM_CONF=$dir/slurm.conf
  slurmctld -f "$SLURM_CONF" || { show_logs; say "slurmctld did not start"; stop; exit 1; }
  slurmd -f "$SLURM_CONF" -N localhost || { show_logs; say "slurmd did not start"; stop; exit 1; }

  local state=""
  for _ in $(seq $((kStartTimeout * 2))); do
    state=$(sinfo --noheader --nodes=localhost --format=%T 2>/dev/null || true)
    [[ $state == idle ]] && { printf 'export SLURM_CONF=%q\n' "$SLURM_CONF"; return 0; }
    sleep 0.5
  done
  show_logs
  say "the node did not become idle within ${kStartTimeout}s (state: ${state:-none})"
  stop
  exit 1
}

case $action in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
