package dev.orderflow.api.order;

/**
 * Where an order stands: PENDING until the fulfilment saga confirms or rejects it, or the customer cancels it.
 * A dispatched order stays CONFIRMED; its shipment tells that it has left.
 */
public enum OrderStatus {
    PENDING, CONFIRMED, REJECTED, CANCELLED
}
