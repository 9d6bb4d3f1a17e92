#!/usr/bin/env bash
# Orderflow's benchmark suite (docs/benchmarks.md): builds the standalone and the bench, then runs the real
# standalone system as a JVM of its own on Postgres, drives every scenario, and prints each figure beside a
# raw-JDBC baseline measured in the same run. Results go to bench/target/results (table, JSON, PNG, profile).
#
#   scripts/bench.sh [--quick] [--option=value ...]     --help lists the options
#
# Postgres: an embedded one the bench starts, unless ORDERFLOW_DB_URL (with ORDERFLOW_DB_USER and
# ORDERFLOW_DB_PASSWORD) names an existing server; the bench then creates and drops its own databases there.
# Environment: MVN_ARGS adds Maven options (e.g. -o); SKIP_BUILD=1 runs the jars already built;
# BENCH_JAVA_OPTS sets the bench's own JVM options (default -Xmx1g).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "Building the standalone and the bench (mvn package -DskipTests) ..."
  # shellcheck disable=SC2086
  mvn -q -B ${MVN_ARGS:-} -pl standalone,bench -am -Pbench package -DskipTests
fi

# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xmx1g} -jar bench/target/bench-0.1.0-SNAPSHOT.jar "$@"
