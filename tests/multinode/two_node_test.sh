#!/usr/bin/env bash
# A data-parallel job across two hosts: two network namespaces joined by a veth pair stand in for
# two nodes (each with its own address, host name and workspace, so nothing can go over
# loopback), and 4 ranks, 2 per node, start as torchrun starts them (RANK, WORLD_SIZE,
# LOCAL_RANK, MASTER_ADDR, MASTER_PORT). Node A finds its address through its host name (as most
# clusters do), node B through GLOO_SOCKET_IFNAME.
#   1. The job trains tests/slurm/tiny_slurm_spec.json with the same per-step losses (1e-5) as
#      one process; node B's first rank builds node B's data itself; each rank logs on its node.
#   2. The link to node B goes down mid-training (a lost node: no socket closes). Every rank
#      exits within the collective timeout and the goodbye wait, never a hang; rank 0 marks the
#      run failed and says which collective failed and what to do, without a C++ backtrace.
#
#   two_node_test.sh WORKBENCH_CLI
#
# Exit codes: 0 pass, 1 fail, 77 skipped ("SKIPPED: ..." says why): not root, or no network
# namespaces, veth or UTS namespaces here (iproute2 and util-linux's unshare).
set -euo pipefail

readonly kSkip=77
readonly kJobTimeout=120       # seconds for the 4-rank job to finish
readonly kCollectiveTimeout=5  # WB_COLLECTIVE_TIMEOUT_S of the partitioned job
readonly kGoodbyeWait=10       # rank 0's wait for the others to read the end (rank_job.cpp)

[[ $# -eq 1 ]] || { echo "usage: $0 WORKBENCH_CLI" >&2; exit 2; }
wb=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
fixtures=$here/../fixtures
started=$SECONDS

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIPPED: $*" >&2; exit $kSkip; }

((EUID == 0)) || skip "network namespaces need root"
command -v ip >/dev/null || skip "no ip (Debian's iproute2)"
command -v unshare >/dev/null || skip "no unshare (Debian's util-linux)"

# Names unique to this test process: ctest may run another instance beside it.
ns_a=wbn$$a ns_b=wbn$$b
if_a=wbv$$a if_b=wbv$$b
addr_a=10.77.0.1 addr_b=10.77.0.2
port=$((29000 + $$ % 1000))
tmp=$(mktemp -d /tmp/wb-two-node-test.XXXXXX)
pids=()
status=1
cleanup() {
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  if ((status != 0)) && ((status != kSkip)); then
    for log in "$tmp"/*.out "$tmp"/home-*/logs/rank-*.log; do
      [[ -f $log ]] || continue
      echo "--- $log (last 30 lines)" >&2
      tail -n 30 "$log" >&2
    done
  fi
  ip netns del "$ns_a" 2>/dev/null || true
  ip netns del "$ns_b" 2>/dev/null || true  # takes the veth pair with it
  rm -rf "/etc/netns/$ns_a"; [[ -n ${WB_KEEP_TEST_DIR:-} ]] && echo "kept $tmp" >&2 || rm -rf "$tmp"
}
trap 'status=$?; cleanup; exit $status' EXIT
trap 'exit 143' TERM INT

ip netns add "$ns_a" 2>/dev/null || skip "cannot create network namespaces (ip netns add) here"
ip netns add "$ns_b"
ip link add "$if_a" type veth peer name "$if_b" 2>/dev/null || skip "cannot create a veth pair here"
ip link set "$if_a" netns "$ns_a"
ip link set "$if_b" netns "$ns_b"
ip -n "$ns_a" addr add "$addr_a/24" dev "$if_a"
ip -n "$ns_b" addr add "$addr_b/24" dev "$if_b"
for ns in "$ns_a" "$ns_b"; do ip -n "$ns" link set lo up; done
ip -n "$ns_a" link set "$if_a" up
ip -n "$ns_b" link set "$if_b" up
ip netns exec "$ns_a" unshare --uts true 2>/dev/null || skip "cannot create UTS namespaces (unshare --uts) here"
# Node A's host name resolves to its address: `ip netns exec` mounts /etc/netns/NS/hosts there.
mkdir -p "/etc/netns/$ns_a" 2>/dev/null || skip "cannot write /etc/netns (for node A's hosts file)"
printf '127.0.0.1 localhost\n%s node-a\n' "$addr_a" >"/etc/netns/$ns_a/hosts"

for home in ref a b; do
  "$wb" --home "$tmp/home-$home" data import genesis --from "$fixtures/data/genesis_kjv.txt" >/dev/null
done
cp "$here/../slurm/tiny_slurm_spec.json" "$tmp/spec.json"
sed -e 's/"epochs": 1}/"epochs": 400}/' -e 's/"token_budget": 10240/"token_budget": 4096000/' \
  -e 's/"name": "slurm-tiny"/"name": "partitioned"/' "$tmp/spec.json" >"$tmp/long.json"

# start_rank NODE RANK LOCAL_RANK SPEC [ENV=VALUE...] [-- CLI OPTIONS...]: one rank on node a or b,
# as torchrun's agent would start it there, in the background; its pid goes to pids[RANK].
start_rank() {
  local node=$1 rank=$2 local_rank=$3 spec=$4
  shift 4
  local ns=$ns_a interface=""
  [[ $node == b ]] && ns=$ns_b interface=$if_b
  local vars=(RANK="$rank" WORLD_SIZE=4 LOCAL_RANK="$local_rank" MASTER_ADDR="$addr_a" MASTER_PORT="$port"
              GLOO_SOCKET_IFNAME="$interface" OMP_NUM_THREADS=1)
  while (($#)) && [[ $1 != -- ]]; do vars+=("$1"); shift; done
  (($#)) && shift
  ip netns exec "$ns" unshare --uts /bin/sh -c 'hostname "$1"; shift; exec env "$@"' sh "node-$node" "${vars[@]}" \
    "$wb" --home "$tmp/home-$node" run "$spec" "$@" >"$tmp/rank-$rank.out" 2>&1 &
  pids[rank]=$!
}

# wait_ranks SECONDS: waits for every started rank, at most SECONDS; prints "RANK EXIT_CODE
# SECONDS" per rank in the order they ended, "RANK hung SECONDS" for those left (the cleanup
# kills them). Not in $(...): only this shell can wait for its children.
wait_ranks() {
  local deadline=$((SECONDS + $1)) t0=$SECONDS left=1
  declare -A done=()
  while ((left)); do
    left=0
    for rank in "${!pids[@]}"; do
      [[ -n ${done[$rank]:-} ]] && continue
      if kill -0 "${pids[rank]}" 2>/dev/null; then
        left=1
      else
        local code=0
        wait "${pids[rank]}" || code=$?
        done[$rank]=1
        echo "$rank $code $((SECONDS - t0))"
      fi
    done
    if ((left)) && ((SECONDS >= deadline)); then
      for rank in "${!pids[@]}"; do [[ -z ${done[$rank]:-} ]] && echo "$rank hung $((SECONDS - t0))"; done
      return 0
    fi
    sleep 0.2
  done
}

# --- 1. Four ranks on two nodes train as one process does.
"$wb" --home "$tmp/home-ref" run "$tmp/spec.json" >"$tmp/reference.out" 2>&1 || fail "the one-process reference run failed"
start_rank a 0 0 "$tmp/spec.json"
start_rank a 1 1 "$tmp/spec.json"
start_rank b 2 0 "$tmp/spec.json"
start_rank b 3 1 "$tmp/spec.json"
wait_ranks $kJobTimeout >"$tmp/ended"
ended=$(<"$tmp/ended")
echo "$ended"
pids=()
[[ $(awk '$2 == 0' <<<"$ended" | wc -l) == 4 ]] || fail "the two-node job did not end with exit 0 on every rank"
echo "two-node job done after $((SECONDS - started)) s"

losses() { "$wb" --home "$1" metrics 1 --csv --name train/loss | awk -F, 'NR > 1 { print $3, $7 }'; }
losses "$tmp/home-ref" >"$tmp/reference.losses"
losses "$tmp/home-a" >"$tmp/two-node.losses"
[[ $(wc -l <"$tmp/reference.losses") == 40 ]] || fail "the reference run has not 40 step losses"
worst=$(paste -d' ' "$tmp/reference.losses" "$tmp/two-node.losses" | awk '
  $1 != $3 { print "step " $1 " against " $3; exit }
  { d = $2 - $4; if (d < 0) d = -d; if (d > m) m = d }
  END { if (NR != 40) print "rows: " NR; else printf "%.2g\n", m }')
awk -v w="$worst" 'BEGIN { exit !(w ~ /^[0-9.e+-]+$/ && w + 0 <= 1e-5) }' ||
  fail "per-step losses of 4 ranks on 2 nodes differ from one process's: $worst"
echo "per-step losses: largest difference from one process $worst"

grep -q "rank 2 of 4 on node-b" "$tmp/home-b/logs/rank-2.log" || fail "rank 2 did not log on node B"
grep -q "rank 1 of 4 on node-a" "$tmp/home-a/logs/rank-1.log" || fail "rank 1 did not log on node A"
[[ ! -e $tmp/home-a/logs/rank-2.log && ! -e $tmp/home-b/runs.db ]] || fail "a rank wrote on the other node's workspace"
compgen -G "$tmp/home-b/datasets/*" >/dev/null || fail "node B's first rank did not build node B's data"

# --- 2. Node B's link goes down mid-training: every rank exits, none hangs.
start_rank a 0 0 "$tmp/long.json" WB_COLLECTIVE_TIMEOUT_S=$kCollectiveTimeout -- --events-file "$tmp/events.jsonl"
start_rank a 1 1 "$tmp/long.json" WB_COLLECTIVE_TIMEOUT_S=$kCollectiveTimeout
start_rank b 2 0 "$tmp/long.json" WB_COLLECTIVE_TIMEOUT_S=$kCollectiveTimeout
start_rank b 3 1 "$tmp/long.json" WB_COLLECTIVE_TIMEOUT_S=$kCollectiveTimeout
deadline=$((SECONDS + kJobTimeout))
until grep -q '"step":10,.*"type":"step"' "$tmp/events.jsonl" 2>/dev/null; do
  ((SECONDS < deadline)) || fail "the second job did not reach step 10 in ${kJobTimeout} s"
  kill -0 "${pids[0]}" 2>/dev/null || fail "rank 0 of the second job ended before step 10"
  sleep 0.1
done
ip -n "$ns_b" link set "$if_b" down
echo "node B's link down at step 10+"
bound=$((kCollectiveTimeout + kGoodbyeWait + 20))
wait_ranks $((bound + 30)) >"$tmp/ended"
ended=$(<"$tmp/ended")
echo "$ended"
pids=()
grep -q hung <<<"$ended" && fail "a rank hung after the partition: $ended"
read -r _ code0 seconds0 < <(awk '$1 == 0' <<<"$ended")
((code0 == 1)) || fail "rank 0 exited $code0 after the partition, expected 1"
((seconds0 <= bound)) || fail "rank 0 took $seconds0 s to give up (bound: $bound s)"
[[ $(awk '$1 != 0 && $2 != 0' <<<"$ended" | wc -l) == 3 ]] || fail "a partitioned rank exited 0"

out=$tmp/rank-0.out
grep -q "error: .* across 4 ranks failed on rank 0" "$out" || fail "rank 0 did not name the failed collective"
grep -q "fix: .*WB_COLLECTIVE_TIMEOUT_S" "$out" || fail "rank 0 gave no fix"
grep -q "frame #" "$out" "$tmp"/home-*/logs/rank-*.log && fail "a C++ backtrace reached the user's error"
"$wb" --home "$tmp/home-a" runs | grep -q 'partitioned *failed' || fail "the partitioned run is not marked failed"

echo "PASS: two nodes in $((SECONDS - started)) s (partition: rank 0 out after $seconds0 s)"
status=0
