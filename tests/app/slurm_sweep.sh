#!/usr/bin/env bash
# The sweep on a real Slurm: starts a private one-node cluster on 127.0.0.1 (munged with its own key and socket,
# slurmctld and slurmd with a slurm.conf and state folder in a temporary directory, ports that are free), submits
# the job-array scripts that `aedyn-cli sweep --slurm` writes (one point per task, and chunks of points), waits for
# the arrays, gathers, and compares every point with the same sweep run locally. Every daemon it started is
# stopped on exit, whatever happened. Exit code 77 (CTest: skipped) says why when Slurm cannot run here.
#
# Usage: slurm_sweep.sh AEDYN_CLI
set -uo pipefail
cli=$(realpath "$1")
PATH=$PATH:/usr/sbin:/sbin

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }

for tool in munged munge slurmctld slurmd sbatch scontrol sinfo; do
  command -v "$tool" >/dev/null ||
    skip "$tool is not installed (Debian packages slurm-wlm and munge; scripts/install-deps.sh --test installs them)"
done
# slurmd starts job steps as the submitting user, which needs root; CI runs as root.
[ "$(id -u)" -eq 0 ] || skip "slurmd must run as root to start job steps; run this test as root (CI does)"
# Debian 12's slurmd (22.05) will not start without a cgroup file system, even with no cgroup plugin configured;
# a bare chroot (such as the one ../shared/tools/fresh-debian12 makes) has none.
case "$(stat -f -c %T /sys/fs/cgroup 2>/dev/null)" in
  cgroup2fs | tmpfs) ;;
  *) skip "no cgroup file system at /sys/fs/cgroup (a chroot?): Debian 12's slurmd cannot start without one" ;;
esac

work=$(mktemp -d /tmp/aedyn-slurm.XXXXXX) || fail "cannot create a temporary folder"
export SLURM_CONF=$work/slurm.conf

stop_daemons() {
  if [ -f "$work/slurmctld.pid" ]; then
    scontrol shutdown >/dev/null 2>&1
  fi
  # Whatever has not gone within 10 s (or never answered the shutdown) is killed.
  for pidfile in "$work/slurmd.pid" "$work/slurmctld.pid" "$work/munged.pid"; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    [ "$pidfile" = "$work/munged.pid" ] && kill "$pid" 2>/dev/null
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
  done
  if [ -n "${AEDYN_KEEP_SLURM_DIR:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap stop_daemons EXIT

show_logs() {
  for log in munged.log slurmctld.log slurmd.log; do
    echo "---- $log (last lines)"; tail -n 15 "$work/$log" 2>/dev/null
  done
}

# A TCP port nobody listens on (a connection attempt fails).
free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 30000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  fail "no free TCP port found"
}
ctld_port=$(free_port)
slurmd_port=$(free_port)
[ "$ctld_port" != "$slurmd_port" ] || slurmd_port=$((ctld_port + 1))

# munge: its own key and socket, so the machine's munged (if any) is neither needed nor disturbed.
head -c 1024 /dev/urandom > "$work/munge.key" && chmod 400 "$work/munge.key"
munged --force --key-file="$work/munge.key" --socket="$work/munge.socket" --pid-file="$work/munged.pid" \
  --log-file="$work/munged.log" --seed-file="$work/munged.seed" || { show_logs; fail "munged did not start"; }
munge -S "$work/munge.socket" -n | unmunge -S "$work/munge.socket" >/dev/null || { show_logs; fail "munge does not work"; }

mkdir -p "$work/state" "$work/spool"
cat > "$SLURM_CONF" <<EOF
ClusterName=aedyn-test
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
AuthType=auth/munge
AuthInfo=socket=$work/munge.socket
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
# No cgroups in a container or chroot: plain process tracking, no task binding, no accounting.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
NodeName=aedyn-node NodeHostname=localhost NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
PartitionName=aedyn Nodes=aedyn-node Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -c -f "$SLURM_CONF" || { show_logs; fail "slurmctld did not start"; }
slurmd -N aedyn-node -f "$SLURM_CONF" || { show_logs; fail "slurmd did not start"; }
for _ in $(seq 60); do
  [ "$(sinfo -h -o %t 2>/dev/null)" = "idle" ] && break
  sleep 0.5
done
[ "$(sinfo -h -o %t 2>/dev/null)" = "idle" ] || { sinfo; show_logs; fail "the node did not become idle within 30 s"; }
echo "Slurm up: slurmctld on 127.0.0.1:$ctld_port, slurmd on :$slurmd_port"

# Six points, both routes, small and quick.
cat > "$work/grid.sweep" <<EOF
base = fig2-sequential
set D = 200
set t_max = 20
set runs = 2
sweep lr = 0.5, 1, 2
sweep sigma = 0.5, 1
routes = both
quantities = eps_final, eps_at:10, escape:0.6, cos_final:1:1
EOF

"$cli" sweep "$work/grid.sweep" --out "$work/local" --quiet || fail "the local sweep failed"

# One point per array task, then chunks of four points (two tasks, the second one short).
for chunk in 1 4; do
  out=$work/cluster-$chunk
  "$cli" sweep "$work/grid.sweep" --out "$out" --slurm --chunk "$chunk" --partition aedyn --time 00:05:00 \
    > /dev/null || fail "--slurm --chunk $chunk did not write the script"
  timeout 240 sbatch --wait --quiet "$out/sweep.sbatch"
  status=$?
  if [ $status -ne 0 ]; then
    scontrol show job 2>/dev/null | grep -E "JobId|JobState"; cat "$out"/slurm-*.out 2>/dev/null; show_logs
    fail "sbatch --wait (chunk $chunk) exited with $status"
  fi
  "$cli" sweep "$work/grid.sweep" --out "$out" --gather > "$work/gather-$chunk.txt" 2>&1 ||
    { cat "$work/gather-$chunk.txt"; fail "--gather (chunk $chunk) reported missing or failed points"; }
  cmp "$work/local/summary.csv" "$out/summary.csv" ||
    { diff "$work/local/summary.csv" "$out/summary.csv"; fail "summary.csv differs from the local sweep (chunk $chunk)"; }
  for p in 0 1 2 3 4 5; do
    dir=$(printf 'point-%04d' "$p")
    cmp "$work/local/$dir/curves.csv" "$out/$dir/curves.csv" ||
      fail "$dir/curves.csv differs from the local sweep (chunk $chunk)"
  done
  echo "chunk $chunk: $(grep -c . "$out/summary.csv") summary lines, every point identical to the local sweep"
done

# A point removed after the fact is reported missing by --gather, with exit code 1.
rm -rf "$work/cluster-1/point-0003"
if "$cli" sweep "$work/grid.sweep" --out "$work/cluster-1" --gather > "$work/gather-missing.txt" 2>&1; then
  fail "--gather did not report the removed point"
fi
grep -q "point-0003\|point 3" "$work/gather-missing.txt" ||
  { cat "$work/gather-missing.txt"; fail "--gather's report does not name point 3"; }
echo "PASS"
