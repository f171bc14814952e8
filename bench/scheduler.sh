#!/usr/bin/env bash
# Scheduler benchmark (issue 3): times Vigil's scheduler in process on generated clusters, then, when
# Pacemaker's crm_simulate is available (or installable), runs the same clusters as CIB XML through
# `crm_simulate -R -x` and through Vigil's whole-process `simulate`, and prints the ratio.
#
# Usage: bench/scheduler.sh [--full] [--no-crm] [--no-install] [--skip-build] [--sizes LIST]
#                           [--crm-sizes LIST] [--scenarios LIST] [--seed N]
#   --full        also compare 64x5000 with crm_simulate (Pacemaker needs minutes for it)
#   --no-crm      only the in-process benchmark
#   --no-install  do not try to install crm_simulate (pacemaker-cli-utils) when it is missing
#   --skip-build  use what the last `mvn package` built
#   --sizes LIST  in-process sizes, default 16x500,32x2000,64x5000,100x10000
#   --crm-sizes LIST  sizes compared with crm_simulate, default 16x500,32x2000 (with --full also 64x5000)
#   --scenarios LIST  whole-process scenarios compared with crm_simulate, default scratch,nodefail
#   --seed N      generator seed, default 42
# Environment: BENCH_KEEP=DIR keeps the generated XML and both tools' outputs in DIR, and also crm_simulate's
# times: a later run with the same DIR reuses them while the generated XML is unchanged (crm_simulate needs
# minutes per cluster from 32x2000 on, and its times do not change with Vigil's code).
# crm_simulate runs 3 times on 16x500 and once on bigger sizes; Vigil 5 times each way, after one untimed run.
# Vigil runs the way the README tells users: bin/vigil-pacemaker (JVM options for a short-lived process and a
# class data sharing archive, which that untimed run writes), and also plain `java -jar vigil-pacemaker.jar`.
# Output: `RESULT <metric> p50_ms=<x> p99_ms=<y> max_ms=<z> n=<runs>` lines (in-process:
# scheduler_<N>x<R>_<scratch|nodefail>; whole process: crm_simulate_..., vigil_simulate_... (bin/vigil-pacemaker)
# and vigil_jar_simulate_... (java -jar), wall time, and the same with _cpu for user+system CPU time, steadier
# on a busy machine) and `RATIO <N>x<R>_<scenario> crm_simulate/vigil_simulate wall=<x>` (and cpu=, and the same
# for vigil_jar_simulate) lines. Progress goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."

FULL=0 CRM=1 INSTALL=1 BUILD=1 SEED=42
SIZES="16x500,32x2000,64x5000,100x10000"
CRM_SIZES=""
SCENARIOS="scratch,nodefail"
while [ $# -gt 0 ]; do
  case "$1" in
    --full) FULL=1 ;;
    --no-crm) CRM=0 ;;
    --no-install) INSTALL=0 ;;
    --skip-build) BUILD=0 ;;
    --sizes) SIZES="$2"; shift ;;
    --crm-sizes) CRM_SIZES="$2"; shift ;;
    --scenarios) SCENARIOS="$2"; shift ;;
    --seed) SEED="$2"; shift ;;
    -h|--help) sed -n "2,26p" "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

log() { echo "[bench] $*" >&2; }

if [ "$BUILD" = 1 ]; then
  log "building (mvn -q -B -DskipTests package)"
  mvn -q -B -DskipTests package >&2
fi

JAR=ha-pacemaker/target/vigil-pacemaker.jar
# The runnable jar holds every dependency; before it exists, run from the module classes.
if [ -f "$JAR" ]; then
  CP="$JAR"
else
  CP="ha-pacemaker/target/classes:ha-core/target/classes"
  for dep in slf4j-api jackson-databind jackson-core jackson-annotations jgroups picocli; do
    j=$(find "${HOME}/.m2/repository" -name "${dep}-*.jar" ! -name '*sources*' ! -name '*javadoc*' 2>/dev/null \
        | sort | tail -1 || true)
    if [ -n "$j" ]; then CP="$CP:$j"; fi
  done
fi
JAVA_OPTS=(-Xss4m -Xmx6g)

if [ -n "${BENCH_KEEP:-}" ]; then
  WORK="$BENCH_KEEP"; mkdir -p "$WORK"   # keep the XML files and both tools' outputs there
else
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/vigil-bench.XXXXXX")
  trap 'rm -rf "$WORK"' EXIT
fi

log "in-process scheduler benchmark: $SIZES"
status=0
java "${JAVA_OPTS[@]}" -cp "$CP" io.vigil.pacemaker.cli.bench.SchedulerBench --sizes "$SIZES" --seed "$SEED" || status=$?

[ "$CRM" = 1 ] || exit "$status"

if ! command -v crm_simulate >/dev/null 2>&1; then
  if [ "$INSTALL" = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing pacemaker-cli-utils for crm_simulate"
    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q pacemaker-cli-utils) >&2 || true
  fi
fi
if ! command -v crm_simulate >/dev/null 2>&1; then
  log "crm_simulate not available: skipping the comparison with Pacemaker"
  exit "$status"
fi
export CIB_shadow_dir="$WORK/shadow"
mkdir -p "$CIB_shadow_dir"
log "$(crm_simulate --version | head -1); load average: $(cut -d" " -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

# Median, max and count of the millisecond values on stdin, as a RESULT line for metric $1.
result_line() {
  sort -n | awk -v m="$1" '{ v[NR] = $1 } END {
    if (NR == 0) exit 1
    med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "RESULT %s p50_ms=%.1f p99_ms=%.1f max_ms=%.1f n=%d\n", m, med, v[NR], v[NR], NR }'
}

# Runs "$@" $1 times, the output of the first run into file $2; prints "WALL_MS CPU_MS" per run (CPU: user +
# system time of the command and its children). Returns non-zero (after the first run) when the command fails.
time_runs() {
  local runs=$1 out=$2 i t; shift 2
  for i in $(seq "$runs"); do
    local TIMEFORMAT='%R %U %S'
    if [ "$i" = 1 ]; then
      t=$( { time "$@" > "$out" 2>&1; } 2>&1 ) || return 1
    else
      t=$( { time "$@" > /dev/null 2>&1; } 2>&1 ) || true
    fi
    echo "$t" | awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }'
  done
}

# RESULT lines for wall time (metric $1) and CPU time (metric $1_cpu) from time_runs output on stdin.
results() {
  local times; times=$(cat)
  echo "$times" | awk '{ print $1 }' | result_line "$1"
  echo "$times" | awk '{ print $2 }' | result_line "$1_cpu"
}

p50() { sed -E 's/.*p50_ms=([0-9.]+).*/\1/'; }

# Transition Summary lines with clone instance numbers dropped, sorted (to compare as a multiset).
summary_lines() {
  sed -n '/^Transition Summary:/,/^$/p' "$1" | grep '^ *\* ' | sed -E 's/:[0-9]+//g; s/  +/ /g; s/ +$//' | sort
}

if [ -z "$CRM_SIZES" ]; then
  CRM_SIZES="16x500,32x2000"
  if [ "$FULL" = 1 ]; then CRM_SIZES="$CRM_SIZES,64x5000"; fi
fi
for size in ${CRM_SIZES//,/ }; do
  n=${size%x*} r=${size#*x}
  case "$size" in 16x500) crm_runs=3 ;; *) crm_runs=1 ;; esac
  for scenario in ${SCENARIOS//,/ }; do
    xml="$WORK/cluster-${size}-${scenario}.xml"
    flag=""; [ "$scenario" = nodefail ] && flag="--failed-node"
    # Regenerate, but keep the old file (and so the crm_simulate times kept for it) when nothing changed.
    java "${JAVA_OPTS[@]}" -cp "$CP" io.vigil.pacemaker.cli.bench.GenerateCluster "$n" "$r" "$SEED" "$xml.new" $flag
    if [ -f "$xml" ] && cmp -s "$xml" "$xml.new"; then rm -f "$xml.new"; else mv -f "$xml.new" "$xml"; fi
    kept="$WORK/crm-times-${size}-${scenario}.txt"
    if [ -n "${BENCH_KEEP:-}" ] && [ -s "$kept" ] && [ "$kept" -nt "$xml" ] && [ -s "$WORK/crm-${size}-${scenario}.out" ]; then
      log "crm_simulate $size $scenario: reusing the times measured at $(date -u -r "$kept" +%FT%TZ) ($kept)"
      crm_times=$(cat "$kept")
      cp "$WORK/crm-${size}-${scenario}.out" "$WORK/crm.out"
    else
      log "crm_simulate $size $scenario: $crm_runs run(s); load average: $(cut -d" " -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
      if ! crm_times=$(time_runs "$crm_runs" "$WORK/crm.out" crm_simulate -R -x "$xml"); then
        log "crm_simulate failed on $size $scenario:"; tail -5 "$WORK/crm.out" >&2
        echo "SKIP crm_simulate_${size}_${scenario} crm_simulate failed"; status=1; continue
      fi
      echo "$crm_times" > "$kept"
      cp "$WORK/crm.out" "$WORK/crm-${size}-${scenario}.out"
    fi
    crm_lines=$(echo "$crm_times" | results "crm_simulate_${size}_${scenario}")
    echo "$crm_lines"
    if [ ! -f "$JAR" ]; then
      echo "SKIP vigil_simulate_${size}_${scenario} $JAR not built"; continue
    fi
    for way in launcher jar; do
      if [ "$way" = launcher ]; then
        metric="vigil_simulate_${size}_${scenario}"; cmd=(bin/vigil-pacemaker simulate "$xml")
      else
        metric="vigil_jar_simulate_${size}_${scenario}"; cmd=(java -jar "$JAR" simulate "$xml")
      fi
      "${cmd[@]}" > /dev/null 2>&1 || true   # untimed: bin/vigil-pacemaker writes its archive on a first run
      log "${cmd[*]}: 5 runs; load average: $(cut -d" " -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
      if ! vigil_times=$(time_runs 5 "$WORK/vigil.out" "${cmd[@]}"); then
        log "vigil simulate failed on $size $scenario:"; tail -5 "$WORK/vigil.out" >&2
        echo "SKIP ${metric} simulate failed"; status=1; continue
      fi
      vigil_lines=$(echo "$vigil_times" | results "$metric")
      echo "$vigil_lines"
      for kind in wall cpu; do
        if [ "$kind" = wall ]; then pick=1; else pick=2; fi
        c=$(echo "$crm_lines" | sed -n "${pick}p" | p50)
        v=$(echo "$vigil_lines" | sed -n "${pick}p" | p50)
        awk -v s="${size}_${scenario}" -v k="$kind" -v c="$c" -v v="$v" -v m="${metric%%_simulate*}_simulate" \
          'BEGIN { printf "RATIO %s crm_simulate/%s %s=%.1f\n", s, m, k, (v > 0 ? c / v : 0) }'
      done
    done
    summary_lines "$WORK/crm.out" > "$WORK/crm-${size}-${scenario}.sum"
    summary_lines "$WORK/vigil.out" > "$WORK/vigil-${size}-${scenario}.sum"
    same=$(comm -12 "$WORK/crm-${size}-${scenario}.sum" "$WORK/vigil-${size}-${scenario}.sum" | wc -l)
    log "$size $scenario: transition lines crm_simulate=$(wc -l < "$WORK/crm-${size}-${scenario}.sum")" \
        "vigil=$(wc -l < "$WORK/vigil-${size}-${scenario}.sum") in common=$same"
  done
done
exit "$status"
