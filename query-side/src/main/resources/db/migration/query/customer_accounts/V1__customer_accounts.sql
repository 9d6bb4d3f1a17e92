-- Customer accounts: the customer's details plus what they ordered. The orders and their reserved
-- amounts are this read model's own record, from which order_count and amount_spent are recomputed.
create table customer_account (
    customer_id  uuid           primary key,
    name         varchar(200)   not null,
    email        varchar(320)   not null,
    credit_limit numeric(12, 2) not null,
    order_count  bigint         not null,
    amount_spent numeric(19, 2) not null,
    version      bigint         not null
);

create table customer_account_order (
    order_id    uuid        primary key,
    customer_id uuid        not null,
    status      varchar(16) not null,
    version     bigint      not null
);
create index customer_account_order_by_customer on customer_account_order (customer_id);

create table customer_account_order_line (
    order_id   uuid           not null,
    product_id uuid           not null,
    amount     numeric(19, 2) not null,
    primary key (order_id, product_id)
);
