#!/usr/bin/env bash
# The main demo: a three-node Vigil cluster, each node in its own JVM (TCP on 127.0.0.1).
# Builds what it needs, then runs a scripted scenario (about 30-60 s) and exits.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building Vigil (mvn -q -B -DskipTests package) ..."
mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
CP="examples/target/classes:$(cat examples/target/classpath.txt)"
exec java -Djava.net.preferIPv4Stack=true -XX:TieredStopAtLevel=1 -cp "$CP" io.vigil.examples.cluster.ClusterDemo "$@"
