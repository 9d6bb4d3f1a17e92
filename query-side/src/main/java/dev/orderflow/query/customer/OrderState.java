package dev.orderflow.query.customer;

/** What the customer accounts need to know of an order: only confirmed orders count towards the amount spent. */
enum OrderState {
    PENDING, CONFIRMED, REJECTED, CANCELLED
}
