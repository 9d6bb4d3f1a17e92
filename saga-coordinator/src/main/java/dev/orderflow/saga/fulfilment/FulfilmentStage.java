package dev.orderflow.saga.fulfilment;

/** Where the fulfilment of one order stands; see the state diagram in docs/fulfilment.md. */
enum FulfilmentStage {
    /** Waiting for every line's stock reservation. */
    RESERVING_STOCK,
    /** All lines reserved; waiting for the payment's answer, with a deadline. */
    AWAITING_PAYMENT,
    /** Paid, shipment scheduled, order confirmed; waiting for it to ship or be cancelled. */
    CONFIRMED,
    /** Given up (stock, payment or timeout): releasing what was taken, order rejected. */
    REJECTED,
    /** Cancelled by the customer: releasing and refunding what was taken. */
    CANCELLED
}
