-- Each order shows where its shipment stands (SCHEDULED, DISPATCHED, CANCELLED), beside its own status.
-- Orders stored before this migration show none until the order history is replayed.
alter table order_history
    add column shipment_id uuid,
    add column shipment    varchar(16);
