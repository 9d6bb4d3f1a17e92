-- Shipments: where the (latest) shipment of each order stands.
create table order_shipment (
    order_id    uuid                        primary key,
    shipment_id uuid                        not null,
    status      varchar(16)                 not null,
    updated_at  timestamp(6) with time zone not null,
    version     bigint                      not null
);
