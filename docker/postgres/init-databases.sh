#!/usr/bin/env bash
# First start of the postgres container (docker-entrypoint-initdb.d): one database and one user per Orderflow
# service, from the same SQL that scripts/run-distributed.sh runs (docker/postgres/orderflow-databases.sql,
# mounted at /orderflow/orderflow-databases.sql by docker-compose.yml).
set -euo pipefail

psql -X -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}" \
  -v command_password="${ORDERFLOW_COMMAND_DB_PASSWORD:?}" \
  -v query_password="${ORDERFLOW_QUERY_DB_PASSWORD:?}" \
  -v saga_password="${ORDERFLOW_SAGA_DB_PASSWORD:?}" \
  -f /orderflow/orderflow-databases.sql
