#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for running sharded proofs as a real Slurm job array
# (docs/claims.md#shards, examples/slurm/). Debian's slurm-wlm and munge, started as root with a
# private configuration: nothing under /etc/slurm is written, and `stop` ends only the daemons
# that `start` started.
#   scripts/slurm-local.sh start   # install (apt-get, if missing), start munged, slurmctld and slurmd, wait until the node is idle
#   scripts/slurm-local.sh env     # print `export SLURM_CONF=…` for sbatch, squeue, sacct
#   scripts/slurm-local.sh stop    # stop the daemons started here
# State lives in $QSDL_SLURM_DIR (default: .slurm/ in the project).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${QSDL_SLURM_DIR:-$PWD/.slurm}
CONF=$DIR/slurm.conf
NODE=$(hostname -s)   # Slurm requires the node name to be the short host name

log() { echo "slurm-local: $*" >&2; }

install() {
  if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v munged >/dev/null && command -v sbatch >/dev/null; then return; fi
  [ "$(id -u)" = 0 ] || { log "installing slurm-wlm and munge needs root (apt-get)"; exit 1; }
  log "installing Debian's slurm-wlm and munge"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
}

write_conf() {
  mkdir -p "$DIR/spool/slurmd" "$DIR/spool/slurmctld" "$DIR/log" "$DIR/run"
  cat > "$CONF" <<CONF
# Written by scripts/slurm-local.sh: one node, the jobs run as root, no accounting.
ClusterName=qsdl-local
SlurmctldHost=$NODE
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
ReturnToService=2
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd.pid
SlurmdSpoolDir=$DIR/spool/slurmd
StateSaveLocation=$DIR/spool/slurmctld
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
NodeName=$NODE CPUs=$(nproc) State=UNKNOWN
PartitionName=qsdl Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
}

start() {
  [ "$(id -u)" = 0 ] || { log "the one-node cluster runs its daemons as root; run as root"; exit 1; }
  install
  write_conf
  export SLURM_CONF=$CONF
  if ! munge -n >/dev/null 2>&1; then
    [ -s /etc/munge/munge.key ] || { mungekey --create 2>/dev/null || dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null; chown munge:munge /etc/munge/munge.key 2>/dev/null || true; chmod 400 /etc/munge/munge.key; }
    mkdir -p /run/munge
    munged --force 2>/dev/null
    echo started > "$DIR/run/munged.started"
  fi
  munge -n | unmunge >/dev/null || { log "munge does not work"; exit 1; }
  slurmctld
  slurmd
  for _ in $(seq 1 60); do
    if sinfo -h -o '%T' 2>/dev/null | grep -qx idle; then log "node $NODE idle (SLURM_CONF=$CONF)"; return; fi
    sleep 0.5
  done
  log "the node did not become idle in 30 s"; sinfo >&2 || true; tail -5 "$DIR/log/slurmctld.log" >&2 || true; exit 1
}

stop() {
  for d in slurmd slurmctld; do
    if [ -f "$DIR/run/$d.pid" ]; then kill "$(cat "$DIR/run/$d.pid")" 2>/dev/null || true; rm -f "$DIR/run/$d.pid"; fi
  done
  if [ -f "$DIR/run/munged.started" ]; then pkill -x munged 2>/dev/null || true; rm -f "$DIR/run/munged.started"; fi
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) echo "export SLURM_CONF=$CONF" ;;
  *) echo "usage: scripts/slurm-local.sh start|env|stop" >&2; exit 2 ;;
esac
