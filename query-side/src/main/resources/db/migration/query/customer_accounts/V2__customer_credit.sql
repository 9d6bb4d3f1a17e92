-- The credit a customer's payments hold right now (held by unfinished and confirmed orders, given
-- back by refunds), so the account shows what is left of the credit limit.
alter table customer_account add column credit_held numeric(19, 2) not null default 0;
