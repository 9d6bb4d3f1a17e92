package dev.orderflow.api.payment;

/** REQUESTED until the customer's credit is checked; then AUTHORIZED or DECLINED; an authorized payment may be REFUNDED. */
public enum PaymentStatus {
    REQUESTED, AUTHORIZED, DECLINED, REFUNDED
}
