-- What operators did to this service (replays, stops, starts, splits, merges, retries, evictions), through the
-- console or the admin REST API: who, what, when, and how it ended.
create table operator_action (
    id         bigint generated always as identity primary key,
    happened_at timestamptz not null,
    actor      text        not null,
    channel    text        not null,
    action     text        not null,
    target     text        not null,
    succeeded  boolean     not null,
    detail     text
);

create index operator_action_happened_at on operator_action (happened_at desc);
