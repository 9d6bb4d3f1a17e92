package dev.orderflow.command.payment;

/** Where {@link PaymentCreditCheck} runs: see {@link PaymentProperties#creditCheck()}. */
public enum CreditCheckMode {

    /**
     * In the transaction that requests the payment (a subscribing processor): the payment is answered before that
     * transaction commits, with no processor hop between the request, the credit hold and the answer.
     */
    IN_LINE,

    /**
     * On a streaming processor of its own, after the request is stored: each step is a hop of its own, and a
     * failing step is retried by the processor without touching the request.
     */
    STREAMING
}
