-- The type of every customer and product, by id, written in the same transaction as the event that creates it:
-- an order can then be refused at once when it names an id that is not a product or not a customer.
create table known_aggregate (
    aggregate_id   uuid        primary key,
    aggregate_type varchar(40) not null
);
