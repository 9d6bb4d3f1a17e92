package dev.orderflow.query.payment;

enum PaymentStatus {
    REQUESTED, AUTHORIZED, DECLINED, REFUNDED
}
