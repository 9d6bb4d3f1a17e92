package dev.orderflow.command.order;

/** Where an order stands. PENDING until the fulfilment saga confirms or rejects it, or the customer cancels. */
enum OrderStatus {
    PENDING, CONFIRMED, REJECTED, CANCELLED
}
