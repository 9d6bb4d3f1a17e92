-- Order history: each order with its customer's and products' names, copied in and kept in sync by
-- rename events. The customer and product tables are this read model's own copies of the names (and
-- catalogue prices) it needs when an order is placed; no other read model's tables are read.
create table order_history (
    order_id         uuid                     primary key,
    customer_id      uuid                     not null,
    customer_name    varchar(200),
    status           varchar(16)              not null,
    rejection_reason varchar(1000),
    total            numeric(19, 2)           not null,
    placed_at        timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null,
    version          bigint                   not null
);
create index order_history_by_customer on order_history (customer_id, placed_at desc, order_id);
create index order_history_by_status on order_history (status, placed_at desc, order_id);
create index order_history_by_placement on order_history (placed_at desc, order_id);

create table order_history_line (
    order_id       uuid           not null,
    product_id     uuid           not null,
    line_number    integer        not null,
    product_name   varchar(200),
    quantity       integer        not null,
    unit_price     numeric(12, 2),
    price_reserved boolean        not null,
    primary key (order_id, product_id)
);
create index order_history_line_by_product on order_history_line (product_id);

create table order_history_customer (
    customer_id uuid         primary key,
    name        varchar(200) not null
);

create table order_history_product (
    product_id uuid           primary key,
    name       varchar(200)   not null,
    price      numeric(12, 2) not null
);
