-- The set-based check for unique customer emails: one row per registered email, written in the
-- same transaction as the CustomerRegisteredEvent.
create table registered_email (
    email       varchar(320) primary key,
    customer_id uuid         not null
);
