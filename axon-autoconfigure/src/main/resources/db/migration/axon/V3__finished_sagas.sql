-- Sagas that ended, kept for a while (orderflow.sagas.finished-retention) for the operations console: Axon deletes
-- a saga's entry and associations when it ends. Written in the transaction that ends the saga.
create table finished_saga (
    saga_id         varchar(255)             not null primary key,
    saga_type       varchar(255),
    serialized_saga bytea,
    finished_at     timestamp with time zone not null
);
create index finished_saga_finished_at on finished_saga (finished_at);

create table finished_saga_association (
    saga_id           varchar(255) not null references finished_saga (saga_id) on delete cascade,
    association_key   varchar(255) not null,
    association_value varchar(255)
);
create index finished_saga_association_value on finished_saga_association (association_value);
create index finished_saga_association_saga on finished_saga_association (saga_id);
