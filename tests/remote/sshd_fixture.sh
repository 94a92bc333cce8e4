#!/usr/bin/env bash
# A throwaway OpenSSH server on 127.0.0.1 for the ssh:// target tests, in one folder:
#   sshd_fixture.sh start DIR [LINE...]
#                               generates a host key and a user key, writes sshd_config (a free
#                               port, keys and pid file in DIR, then each LINE, e.g.
#                               "SetEnv SLURM_CONF=..." for the sessions) and a client config with
#                               the alias `wbtest`, starts /usr/sbin/sshd, waits until it answers,
#                               and writes DIR/ssh: a wrapper (`ssh -F DIR/ssh_config "$@"`) for
#                               WB_SSH that logs "PID ARGS" of each connection to DIR/ssh.log.
#   sshd_fixture.sh stop DIR    stops that sshd (by its pid file).
# Exit status 0 when ready; otherwise 1 with the reason on stderr (the tests then skip).
set -euo pipefail
command_name=${1:-}
dir=${2:-}
[[ -n "$command_name" && -n "$dir" ]] || { echo "usage: $0 start|stop DIR [SSHD_CONFIG_LINE...]" >&2; exit 2; }
shift 2
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

if [[ "$command_name" == stop ]]; then
  if [[ -f "$dir/sshd.pid" ]]; then
    kill "$(cat "$dir/sshd.pid")" 2>/dev/null || true
    rm -f "$dir/sshd.pid"
  fi
  exit 0
fi

sshd=/usr/sbin/sshd
[[ -x "$sshd" ]] || { echo "no $sshd: install openssh-server (scripts/install-deps.sh with WB_TEST_SERVICES=1)" >&2; exit 1; }
command -v ssh >/dev/null && command -v ssh-keygen >/dev/null ||
  { echo "no ssh / ssh-keygen: install openssh-client" >&2; exit 1; }
# sshd's privilege-separation folder; only root can make it, and only root needs it.
if [[ $(id -u) == 0 ]]; then mkdir -p /run/sshd; chmod 755 /run/sshd; fi

rm -f "$dir"/host_key* "$dir"/user_key*
ssh-keygen -q -t ed25519 -N '' -f "$dir/host_key" -C wb-test-host
ssh-keygen -q -t ed25519 -N '' -f "$dir/user_key" -C wb-test-user
cp "$dir/user_key.pub" "$dir/authorized_keys"
chmod 600 "$dir/authorized_keys" "$dir/host_key" "$dir/user_key"

# A free port: ask the kernel for one (a race with another process is possible but unlikely).
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null ||
       echo $((20000 + RANDOM % 20000)))
user=$(id -un)

cat > "$dir/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $port
HostKey $dir/host_key
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
AllowUsers $user
LogLevel ERROR
CONF
for line in "$@"; do printf '%s\n' "$line" >> "$dir/sshd_config"; done

cat > "$dir/ssh_config" <<CONF
Host wbtest
  HostName 127.0.0.1
  Port $port
  User $user
  IdentityFile $dir/user_key
  IdentitiesOnly yes
  UserKnownHostsFile $dir/known_hosts
  StrictHostKeyChecking accept-new
  LogLevel ERROR
  # The post-quantum default exchange costs ~0.3 s per connection on a slow VM; the tests make dozens.
  KexAlgorithms curve25519-sha256
CONF

cat > "$dir/ssh" <<WRAP
#!/bin/sh
# The system ssh with the test's client config; each connection logged as "PID ARGS".
echo "\$\$ \$*" >> '$dir/ssh.log'
exec ssh -F '$dir/ssh_config' "\$@"
WRAP
chmod +x "$dir/ssh"
: > "$dir/ssh.log"
echo "$port" > "$dir/port"

"$sshd" -f "$dir/sshd_config" -E "$dir/sshd.log" || { echo "sshd did not start: $(cat "$dir/sshd.log" 2>/dev/null)" >&2; exit 1; }
for _ in $(seq 50); do
  if ssh -F "$dir/ssh_config" -o BatchMode=yes -o ConnectTimeout=2 wbtest true 2>"$dir/probe.err"; then exit 0; fi
  sleep 0.1
done
echo "sshd on 127.0.0.1:$port does not accept the test key: $(cat "$dir/probe.err") $(cat "$dir/sshd.log" 2>/dev/null)" >&2
"$0" stop "$dir"
exit 1
