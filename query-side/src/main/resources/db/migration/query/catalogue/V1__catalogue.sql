-- Catalogue: products with their price and stock, on hand and reserved.
create table catalogue_product (
    product_id uuid           primary key,
    name       varchar(200)   not null,
    price      numeric(12, 2) not null,
    on_hand    integer        not null,
    reserved   integer        not null,
    version    bigint         not null
);
create index catalogue_product_by_name on catalogue_product (name, product_id);
