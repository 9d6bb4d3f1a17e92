package dev.orderflow.saga.fulfilment;

/** What the saga knows of the order's payment. */
enum PaymentState {
    NOT_REQUESTED, REQUESTED, AUTHORIZED, DECLINED, REFUND_REQUESTED, REFUNDED;

    /** No answer or refund is outstanding: nothing more can arrive that the saga must react to. */
    boolean isSettled() {
        return this == NOT_REQUESTED || this == DECLINED || this == REFUNDED;
    }
}
