-- Payment status: each payment and where it stands, found by its order for the order details.
create table order_payment (
    payment_id   uuid                        primary key,
    order_id     uuid                        not null,
    customer_id  uuid                        not null,
    status       varchar(16)                 not null,
    amount       numeric(12, 2)              not null,
    reason       varchar(1000),
    requested_at timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    version      bigint                      not null
);
create index order_payment_by_order on order_payment (order_id, requested_at desc);
