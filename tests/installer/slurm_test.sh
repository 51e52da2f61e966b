#!/usr/bin/env bash
# A real Slurm cluster of one node on this machine (docs/scale-out.md): munged, slurmctld and slurmd
# on localhost from a generated slurm.conf, started and stopped here. `computeledger slurm` writes
# the array job (200,000 paths in 8 shards) and its merge; submit.sh submits them; the merged JSON
# must equal one `evaluate --simulate` run of the same paths byte for byte, but for the run's
# timings, threads, device and shard count; then a portfolio with contract options, whose rules' fit
# is a job before the array. Usage: slurm_test.sh COMPUTELEDGER_BIN
# Outside CI a machine without Slurm, munge or root skips it (exit 77); in CI (CI=true) it fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
app=$(readlink -f "$1")
example=$root/resources/examples/meta-coreweave.json

skip() {
  if [[ ${CI:-} == true ]]; then
    echo "slurm_test: $1 (CI must run this test: installer/install-deps.sh installs slurm-wlm and munge)" >&2
    exit 1
  fi
  echo "slurm_test: skipped: $1"
  exit 77
}
for program in munged mungekey slurmctld slurmd sbatch squeue sinfo; do
  command -v "$program" >/dev/null || skip "$program is not installed (apt-get install slurm-wlm munge)"
done
[[ $(id -u) -eq 0 ]] || skip "slurmd must run as root to start jobs"

work=$(mktemp -d /tmp/cledger-slurm.XXXXXX)
chmod 700 "$work"
# Every Slurm client call is bounded: a daemon that does not answer cannot hang the test.
sl() { timeout 15 "$@"; }
stop() {
  [[ -f $work/slurm.conf ]] && SLURM_CONF=$work/slurm.conf sl scancel --quiet --user="$(id -un)" 2>/dev/null || true
  for pid in "$work"/slurmd.pid "$work"/slurmctld.pid "$work"/munge/munged.pid; do
    [[ -f $pid ]] && kill "$(cat "$pid")" 2>/dev/null || true
  done
  # Each daemon gone (at most 10 s, then killed) before its folder is removed.
  for pid in "$work"/slurmd.pid "$work"/slurmctld.pid "$work"/munge/munged.pid; do
    [[ -f $pid ]] || continue
    for ((i = 0; i < 20; ++i)); do
      kill -0 "$(cat "$pid")" 2>/dev/null || break
      sleep 0.5
    done
    kill -9 "$(cat "$pid")" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap stop EXIT
fail() {
  echo "slurm_test: $1" >&2
  for log in "$work"/munge/munged.log "$work"/slurmctld.log "$work"/slurmd.log "$work"/run/logs/*.out; do
    [[ -f $log ]] && { echo "== $log" >&2; tail -n 20 "$log" >&2; }
  done
  exit 1
}
# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
  local deadline=$((SECONDS + $1))
  shift
  while ((SECONDS < deadline)); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  return 1
}

# munge: a key and a daemon of this test's own, on a socket of its own.
mkdir -p "$work/munge" "$work/state" "$work/spool"
chmod 700 "$work/munge"
mungekey --create --keyfile="$work/munge/munge.key" --force
chmod 400 "$work/munge/munge.key"
munged --socket="$work/munge/munge.socket" --key-file="$work/munge/munge.key" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" \
  --seed-file="$work/munge/munged.seed" --force || fail "munged did not start"

# Two free ports for slurmctld and slurmd.
read -r ctld_port slurmd_port < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
host=$(hostname -s)
# The node's memory as Slurm will find it, less a margin (more would mark the node invalid).
memory=$(awk '/^MemTotal:/ { print int($2 / 1024 * 0.9) }' /proc/meminfo)
((memory >= 2000)) || skip "the machine has less than 2 GB of memory for the jobs"
export SLURM_CONF=$work/slurm.conf
cat >"$SLURM_CONF" <<EOF
ClusterName=cledgertest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=$memory State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start"
slurmd -f "$SLURM_CONF" -N "$host" || fail "slurmd did not start"
wait_for 60 bash -c "timeout 15 sinfo -h -o %t | grep -qx idle" || fail "the node did not come up within 60 s"

"$app" slurm "$example" --paths 200000 --shards 8 --partition test --time 10:00 --dir "$work/run"
for script in shards.sbatch merge.sbatch submit.sh; do
  [[ -x $work/run/$script ]] || fail "computeledger slurm wrote no $script"
done
grep -q -- '--array=0-7' "$work/run/shards.sbatch" || fail "the array job is not of 8 tasks"
grep -q -- 'afterok' "$work/run/submit.sh" || fail "the merge does not wait for the array job"
# Submits DIR's jobs and waits, at most 300 s, until the merge has written its result and no job is
# left; a failed task leaves the merge pending forever (its afterok never holds), which fails at once.
run_jobs() {
  local dir=$1 deadline=$((SECONDS + 300))
  sl bash "$dir/submit.sh" || fail "$dir/submit.sh failed"
  until [[ -s $dir/result.json ]] && [[ -z $(sl squeue -h) ]]; do
    ((SECONDS < deadline)) || fail "no merged result in $dir within 300 s"
    sl squeue -h -o '%r' | grep -q DependencyNeverSatisfied && fail "a job failed: what depends on it will never run"
    sleep 1
  done
}
# Byte for byte but for the lines that say how the run went.
same_as_one_run() {
  local drop='^ *"(seconds|path_seconds|threads|device|shards)":'
  grep -Ev "$drop" "$1" >"$work/one.filtered"
  grep -Ev "$drop" "$2" >"$work/merged.filtered"
  cmp -s "$work/one.filtered" "$work/merged.filtered" ||
    { diff "$work/one.filtered" "$work/merged.filtered" | head -n 20 >&2; fail "$2 differs from one run"; }
}
run_jobs "$work/run"
for i in 0 1 2 3 4 5 6 7; do
  [[ -s $work/run/shards/shard-$i.clshard ]] || fail "shard $i was not written"
done

"$app" evaluate "$example" --simulate --paths 200000 --device cpu --json >"$work/single.json"
same_as_one_run "$work/single.json" "$work/run/result.json"
grep -q '"shards": 8' "$work/run/result.json" || fail "the merged result does not say its 8 shards"

# Contract options: the rules' fit is a job of its own, the array after it, the merge after the array.
options=$root/tests/data/portfolios/options.json
"$app" slurm "$options" --paths 20000 --regression-paths 5000 --shards 4 --partition test --dir "$work/options"
[[ -x $work/options/fit.sbatch ]] || fail "computeledger slurm wrote no fit job for a portfolio with options"
run_jobs "$work/options"
"$app" evaluate "$options" --simulate --paths 20000 --regression-paths 5000 --device cpu --json >"$work/options.json"
same_as_one_run "$work/options.json" "$work/options/result.json"
grep -q '"regression_paths": 5000' "$work/options/result.json" || fail "the options were not valued"
echo "slurm_test: 8 shards of 200,000 paths on Slurm $(sinfo -V | cut -d' ' -f2) merged equal one run; with contract options (fit, 4 shards, merge) too"
