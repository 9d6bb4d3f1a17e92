package dev.orderflow.command.payment;

/** REQUESTED until the customer's credit is checked; then AUTHORIZED or DECLINED; an authorized payment may be REFUNDED. */
enum PaymentStatus {
    REQUESTED, AUTHORIZED, DECLINED, REFUNDED
}
