package dev.orderflow.shared.openapi;

import io.swagger.v3.oas.models.tags.Tag;

import java.util.List;

/**
 * The groups of the API description, one per resource: its commands (command side) and its queries
 * (query side) under one tag, so that Swagger UI shows a resource in one place, whichever service serves
 * each part. Controllers name their tag with these constants; the descriptions and the order, the order
 * of the README's walk-through, are kept here once.
 */
public final class ApiTags {

    public static final String CUSTOMERS = "Customers";
    public static final String PRODUCTS = "Products";
    public static final String ORDERS = "Orders";
    public static final String SHIPMENTS = "Shipments";
    public static final String ADMIN_PROCESSORS = "Admin: event processors";
    public static final String ADMIN_DEAD_LETTERS = "Admin: dead letters";
    public static final String ADMIN_EVENTS = "Admin: event store";

    /** Every tag with its description, in reading order. */
    public static final List<Tag> IN_READING_ORDER = List.of(
            tag(CUSTOMERS, "Register customers, change their name and credit limit; read their account: "
                    + "order count, amount spent, credit held and available"),
            tag(PRODUCTS, "Add products, change their name and price, restock them; read the catalogue: "
                    + "price, stock on hand and reserved"),
            tag(ORDERS, "Place and cancel orders (the fulfilment saga does the rest); read the order history, "
                    + "an order's details composed from every read model, and its updates as they happen"),
            tag(SHIPMENTS, "The shipment the saga schedules for a confirmed order; the warehouse reports it leaving"),
            tag(ADMIN_PROCESSORS, "Positions, lag and replays of this service's event processors (ADMIN role)"),
            tag(ADMIN_DEAD_LETTERS, "Events a projection failed on, parked with the rest of their sequence (ADMIN role)"),
            tag(ADMIN_EVENTS, "The stored events of an aggregate (ADMIN role)"));

    private ApiTags() {
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }
}
