#!/usr/bin/env bash
# Benchmarks. Usage: bench/run.sh scheduler|cluster
#   scheduler: see bench/scheduler.sh and docs/benchmarks.md (generated 16x500 .. 100x10000 clusters, vs crm_simulate).
#   cluster: DC failover (kill -9 and SIGSTOP, per profile, >= 10 trials, separate JVMs) and CIB commit
#            latency on 3 and 5 nodes. Env: BENCH_TRIALS (10), BENCH_COMMITS (200), BENCH_PROFILES ("fast default wan").
# Prints one line per metric: RESULT <metric> p50_ms=<x> p99_ms=<y> max_ms=<z> n=<trials>
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-}"
case "$what" in
  cluster)
    echo "# building (mvn -q -B -DskipTests package) ..."
    mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
    CP="examples/target/classes:$(cat examples/target/classpath.txt)"
    exec java -Djava.net.preferIPv4Stack=true -cp "$CP" io.vigil.examples.cluster.ClusterBench
    ;;
  scheduler)
    shift
    exec bash bench/scheduler.sh "$@"
    ;;
  *)
    echo "usage: bench/run.sh scheduler|cluster" >&2
    exit 2
    ;;
esac
