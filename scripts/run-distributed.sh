#!/usr/bin/env bash
# Runs Orderflow's three services as separate JVMs against an Axon Server and a Postgres that already run,
# without Docker. See docs/distributed.md.
#
#   scripts/run-distributed.sh start [SERVICE...]   create the databases if missing, start, wait until ready
#   scripts/run-distributed.sh stop [SERVICE...]    stop the instances this script started (by their PIDs)
#   scripts/run-distributed.sh status               which instances run, and whether they are ready
#   scripts/run-distributed.sh databases            only create the databases and users (idempotent)
#
# SERVICE is command-side, query-side or saga-coordinator; none means all three.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

AXONSERVER_SERVERS="${AXONSERVER_SERVERS:-localhost:8124}"
AXONSERVER_TOKEN="${AXONSERVER_TOKEN:-}"
ORDERFLOW_PG_HOST="${ORDERFLOW_PG_HOST:-localhost}"
ORDERFLOW_PG_PORT="${ORDERFLOW_PG_PORT:-5432}"
ORDERFLOW_PG_ADMIN_USER="${ORDERFLOW_PG_ADMIN_USER:-postgres}"
ORDERFLOW_PG_ADMIN_DB="${ORDERFLOW_PG_ADMIN_DB:-postgres}"
ORDERFLOW_COMMAND_DB_PASSWORD="${ORDERFLOW_COMMAND_DB_PASSWORD:-command_service-dev}"
ORDERFLOW_QUERY_DB_PASSWORD="${ORDERFLOW_QUERY_DB_PASSWORD:-query_service-dev}"
ORDERFLOW_SAGA_DB_PASSWORD="${ORDERFLOW_SAGA_DB_PASSWORD:-saga_service-dev}"
ORDERFLOW_COMMAND_INSTANCES="${ORDERFLOW_COMMAND_INSTANCES:-1}"
ORDERFLOW_QUERY_INSTANCES="${ORDERFLOW_QUERY_INSTANCES:-1}"
ORDERFLOW_SAGA_INSTANCES="${ORDERFLOW_SAGA_INSTANCES:-1}"
ORDERFLOW_RUN_DIR="${ORDERFLOW_RUN_DIR:-$ROOT/.orderflow/distributed}"
ORDERFLOW_READY_TIMEOUT="${ORDERFLOW_READY_TIMEOUT:-180}"
ORDERFLOW_SKIP_DATABASES="${ORDERFLOW_SKIP_DATABASES:-false}"
JAVA="${JAVA:-java}"
JAVA_OPTS="${JAVA_OPTS:-}"

SERVICES=(command-side query-side saga-coordinator)
# Instance n of a service listens on its base port + 10 * (n - 1): command-side 8081, 8091, ...
INSTANCE_PORT_STEP=10

usage() {
  sed -n '2,10s/^# \{0,1\}//p' "$0"
  cat <<EOF

Environment (defaults in brackets):
  AXONSERVER_SERVERS [localhost:8124]   AXONSERVER_TOKEN [none]
  ORDERFLOW_PG_HOST [localhost]  ORDERFLOW_PG_PORT [5432]  ORDERFLOW_PG_ADMIN_USER [postgres]
  ORDERFLOW_PG_ADMIN_DB [postgres]  (the admin password from PGPASSWORD or ~/.pgpass)
  ORDERFLOW_COMMAND_DB_PASSWORD, ORDERFLOW_QUERY_DB_PASSWORD, ORDERFLOW_SAGA_DB_PASSWORD [<user>-dev]
  ORDERFLOW_COMMAND_INSTANCES, ORDERFLOW_QUERY_INSTANCES, ORDERFLOW_SAGA_INSTANCES [1]
  ORDERFLOW_RUN_DIR [.orderflow/distributed]  ORDERFLOW_READY_TIMEOUT [180 s]
  ORDERFLOW_SKIP_DATABASES [false]  JAVA [java]  JAVA_OPTS []
  ORDERFLOW_API_USER, ORDERFLOW_API_PASSWORD, ORDERFLOW_ADMIN_USER, ORDERFLOW_ADMIN_PASSWORD: the HTTP API's
    credentials, passed on to every service [orderflow / {noop}orderflow, admin / {noop}admin]
EOF
}

log() { printf '%s\n' "$*"; }
fail() { printf 'run-distributed: %s\n' "$*" >&2; exit 1; }

base_port() {
  case "$1" in
    command-side) echo 8081 ;;
    query-side) echo 8082 ;;
    saga-coordinator) echo 8083 ;;
  esac
}

instances_of() {
  local count
  case "$1" in
    command-side) count="$ORDERFLOW_COMMAND_INSTANCES" ;;
    query-side) count="$ORDERFLOW_QUERY_INSTANCES" ;;
    saga-coordinator) count="$ORDERFLOW_SAGA_INSTANCES" ;;
  esac
  [[ "$count" =~ ^[1-9]$ ]] || fail "the instance count of $1 must be 1 to 9, was '$count'"
  echo "$count"
}

selected_services() {
  if [ "$#" -eq 0 ]; then
    printf '%s\n' "${SERVICES[@]}"
    return
  fi
  local service
  for service in "$@"; do
    case " ${SERVICES[*]} " in
      *" $service "*) echo "$service" ;;
      *) fail "unknown service '$service' (one of: ${SERVICES[*]})" ;;
    esac
  done
}

executable_jar() {
  local jars=("$ROOT/$1/target/$1"-*-exec.jar)
  [ -f "${jars[0]}" ] || fail "no executable jar of $1; build them first:
  mvn -pl command-side,query-side,saga-coordinator -am package -DskipTests"
  echo "${jars[0]}"
}

# Each instance runs with -Dorderflow.instance=<name>: stop and status act on a PID only while the process behind
# it still carries that mark, so a PID the system has since given to another process is never signalled.
instance_mark() { echo "-Dorderflow.instance=$1"; }

is_our_process() {
  local pid="$1" name="$2" args
  args="$(ps -o args= -p "$pid" 2>/dev/null)" || return 1
  [[ " $args " == *" $(instance_mark "$name") "* ]]
}

pid_file() { echo "$ORDERFLOW_RUN_DIR/$1.pid"; }
port_file() { echo "$ORDERFLOW_RUN_DIR/$1.port"; }
log_file() { echo "$ORDERFLOW_RUN_DIR/$1.log"; }

running_pid() {
  local name="$1" pid
  [ -f "$(pid_file "$name")" ] || return 1
  pid="$(cat "$(pid_file "$name")")"
  is_our_process "$pid" "$name" || return 1
  echo "$pid"
}

readiness() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://localhost:$1/actuator/health/readiness" || true
}

create_databases() {
  command -v psql >/dev/null || fail "psql is needed to create the databases (or set ORDERFLOW_SKIP_DATABASES=true)"
  log "Creating the databases and users on $ORDERFLOW_PG_HOST:$ORDERFLOW_PG_PORT if missing (as $ORDERFLOW_PG_ADMIN_USER)"
  psql -X -q -h "$ORDERFLOW_PG_HOST" -p "$ORDERFLOW_PG_PORT" -U "$ORDERFLOW_PG_ADMIN_USER" -d "$ORDERFLOW_PG_ADMIN_DB" \
    -v command_password="$ORDERFLOW_COMMAND_DB_PASSWORD" \
    -v query_password="$ORDERFLOW_QUERY_DB_PASSWORD" \
    -v saga_password="$ORDERFLOW_SAGA_DB_PASSWORD" \
    -f "$ROOT/docker/postgres/orderflow-databases.sql" >/dev/null
}

launch() {
  local service="$1" instance="$2" jar="$3" name port
  name="$service-$instance"
  port=$(( $(base_port "$service") + INSTANCE_PORT_STEP * (instance - 1) ))
  if pid="$(running_pid "$name")"; then
    log "$name runs already (PID $pid, port $(cat "$(port_file "$name")"))"
    return 1
  fi
  # JAVA_OPTS is split into words on purpose.
  # shellcheck disable=SC2086
  SPRING_PROFILES_ACTIVE=distributed PORT="$port" \
    AXONSERVER_SERVERS="$AXONSERVER_SERVERS" AXONSERVER_TOKEN="$AXONSERVER_TOKEN" \
    ORDERFLOW_PG_HOST="$ORDERFLOW_PG_HOST" ORDERFLOW_PG_PORT="$ORDERFLOW_PG_PORT" \
    ORDERFLOW_COMMAND_DB_PASSWORD="$ORDERFLOW_COMMAND_DB_PASSWORD" \
    ORDERFLOW_QUERY_DB_PASSWORD="$ORDERFLOW_QUERY_DB_PASSWORD" \
    ORDERFLOW_SAGA_DB_PASSWORD="$ORDERFLOW_SAGA_DB_PASSWORD" \
    nohup "$JAVA" $JAVA_OPTS "$(instance_mark "$name")" -jar "$jar" >"$(log_file "$name")" 2>&1 </dev/null &
  echo $! >"$(pid_file "$name")"
  echo "$port" >"$(port_file "$name")"
  log "Started $name (PID $!) on port $port; log: $(log_file "$name")"
}

# Waits until the instance answers ready, or its process exits, or the time is up.
await_ready() {
  local name="$1" port deadline pid
  port="$(cat "$(port_file "$name")")"
  pid="$(cat "$(pid_file "$name")")"
  deadline=$(( SECONDS + ORDERFLOW_READY_TIMEOUT ))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if ! is_our_process "$pid" "$name"; then
      log "$name exited during start-up. Is Axon Server reachable at $AXONSERVER_SERVERS, and Postgres at" \
        "$ORDERFLOW_PG_HOST:$ORDERFLOW_PG_PORT? Its last warnings and errors ($(log_file "$name")):" >&2
      grep -E ' (WARN|ERROR) ' "$(log_file "$name")" | grep -v 'AnnotationTypeMapping' | tail -n 5 >&2 || true
      return 1
    fi
    [ "$(readiness "$port")" = 200 ] && return 0
    sleep 2
  done
  log "$name is not ready after ${ORDERFLOW_READY_TIMEOUT}s: http://localhost:$port/actuator/health/readiness says" >&2
  curl -s --max-time 5 "http://localhost:$port/actuator/health/readiness" >&2 || true
  echo >&2
  return 1
}

stop_instance() {
  local name="$1" pid waited=0
  [ -f "$(pid_file "$name")" ] || return 0
  pid="$(cat "$(pid_file "$name")")"
  if is_our_process "$pid" "$name"; then
    kill -TERM "$pid" 2>/dev/null || true
    while is_our_process "$pid" "$name" && [ "$waited" -lt 30 ]; do
      sleep 1
      waited=$(( waited + 1 ))
    done
    if is_our_process "$pid" "$name"; then
      log "$name (PID $pid) did not stop within 30 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    log "Stopped $name (PID $pid)"
  else
    log "$name is not running (PID $pid is gone or belongs to another process, which is left alone)"
  fi
  rm -f "$(pid_file "$name")" "$(port_file "$name")"
}

recorded_instances() {
  local file
  for file in "$ORDERFLOW_RUN_DIR"/*.pid; do
    [ -e "$file" ] || continue
    basename "$file" .pid
  done
}

dashboard_url() {
  local first="${AXONSERVER_SERVERS%%,*}"
  echo "http://${first%%:*}:8024"
}

cmd_start() {
  local services service instance name jar failed=0
  local started=()
  selected_services "$@" >/dev/null
  mapfile -t services < <(selected_services "$@")
  command -v "$JAVA" >/dev/null || fail "no '$JAVA' on the PATH (set JAVA)"
  command -v curl >/dev/null || fail "curl is needed to wait for readiness"
  for service in "${services[@]}"; do
    executable_jar "$service" >/dev/null
    instances_of "$service" >/dev/null
  done
  mkdir -p "$ORDERFLOW_RUN_DIR"
  if [ "$ORDERFLOW_SKIP_DATABASES" != true ]; then
    create_databases
  fi
  log "Axon Server: $AXONSERVER_SERVERS$([ -n "$AXONSERVER_TOKEN" ] && echo ' (with a token)')"
  for service in "${services[@]}"; do
    jar="$(executable_jar "$service")"
    for instance in $(seq 1 "$(instances_of "$service")"); do
      if launch "$service" "$instance" "$jar"; then
        started+=("$service-$instance")
      fi
    done
  done
  for name in "${started[@]}"; do
    if await_ready "$name"; then
      log "$name is ready"
    else
      failed=1
    fi
  done
  if [ "$failed" -ne 0 ]; then
    log "Not every instance became ready; stopping the ones this start launched." >&2
    for name in "${started[@]}"; do
      stop_instance "$name"
    done
    exit 1
  fi
  log ""
  cmd_status || true
  log ""
  log "Axon Server dashboard: $(dashboard_url)"
}

cmd_stop() {
  local names=() service name
  if [ "$#" -eq 0 ]; then
    mapfile -t names < <(recorded_instances)
  else
    selected_services "$@" >/dev/null
    for service in $(selected_services "$@"); do
      for name in $(recorded_instances); do
        [[ "$name" == "$service"-[0-9] ]] && names+=("$name")
      done
    done
  fi
  if [ "${#names[@]}" -eq 0 ]; then
    log "Nothing to stop: no instance started by this script is recorded in $ORDERFLOW_RUN_DIR"
    return 0
  fi
  for name in "${names[@]}"; do
    stop_instance "$name"
  done
}

cmd_status() {
  local names name pid port ready running=0 dead=0
  mapfile -t names < <(recorded_instances)
  if [ "${#names[@]}" -eq 0 ]; then
    log "No Orderflow instance started by this script runs (nothing recorded in $ORDERFLOW_RUN_DIR)"
    return 3
  fi
  for name in "${names[@]}"; do
    port="$(cat "$(port_file "$name")" 2>/dev/null || echo '?')"
    if pid="$(running_pid "$name")"; then
      ready="$(readiness "$port")"
      [ "$ready" = 200 ] && ready="ready" || ready="not ready (readiness answers ${ready:-nothing})"
      printf '%-20s PID %-8s http://localhost:%s  %s\n' "$name" "$pid" "$port" "$ready"
      running=$(( running + 1 ))
    else
      printf '%-20s not running (stale record; stop removes it)\n' "$name"
      dead=$(( dead + 1 ))
    fi
  done
  if [ "$dead" -gt 0 ]; then
    return 1
  fi
  [ "$running" -gt 0 ] || return 3
}

main() {
  local command="${1:-}"
  [ "$#" -gt 0 ] && shift
  case "$command" in
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status ;;
    databases) create_databases ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
