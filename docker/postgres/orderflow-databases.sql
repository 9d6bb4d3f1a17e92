-- One database and one login user per Orderflow service, for the distributed mode.
--
-- Each user owns its database (Flyway, running as that user, creates the service's schemas in it) and has no
-- CONNECT right on the others: CONNECT is revoked from PUBLIC, so only a database's owner (and superusers)
-- can connect to it.
--
-- Run as a superuser (or a role with CREATEROLE and CREATEDB) with psql, which both callers do:
--   docker/postgres/init-databases.sh   (the postgres container's first start, docker-compose.yml)
--   scripts/run-distributed.sh          (start, and its databases command)
-- Safe to run again: what exists is kept, and each password is set to the one given.
--
-- psql variables (-v): command_password, query_password, saga_password.

\set ON_ERROR_STOP on

-- Users. CREATE ROLE has no IF NOT EXISTS; \gexec runs the statement only for a missing role.
select format('create role %I login', name)
from (values ('command_service'), ('query_service'), ('saga_service')) as wanted(name)
where not exists (select from pg_roles where rolname = wanted.name)
\gexec

alter role command_service with login password :'command_password';
alter role query_service with login password :'query_password';
alter role saga_service with login password :'saga_password';

-- Databases. CREATE DATABASE cannot run in a transaction or a DO block, hence \gexec again.
select format('create database %I owner %I', db, owner)
from (values ('orderflow_command', 'command_service'),
             ('orderflow_query', 'query_service'),
             ('orderflow_saga', 'saga_service')) as wanted(db, owner)
where not exists (select from pg_database where datname = wanted.db)
\gexec

-- An existing database may have another owner or PUBLIC's default CONNECT right: set both every time.
alter database orderflow_command owner to command_service;
alter database orderflow_query owner to query_service;
alter database orderflow_saga owner to saga_service;

revoke all on database orderflow_command from public;
revoke all on database orderflow_query from public;
revoke all on database orderflow_saga from public;

grant connect, temporary on database orderflow_command to command_service;
grant connect, temporary on database orderflow_query to query_service;
grant connect, temporary on database orderflow_saga to saga_service;
