package dev.orderflow.command.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the payment subdomain.
 *
 * @param creditCheck where the credit check answers a payment request: {@code in-line} (the default) in the same
 *                    transaction, which needs the customer's commands handled in this JVM (the embedded mode, or
 *                    several instances on one Postgres); {@code streaming} on its own processor, which the
 *                    distributed mode uses because there the customer's command may go to another instance
 *                    through Axon Server, and a command handler must not wait on a remote command
 */
@ConfigurationProperties("orderflow.payment")
public record PaymentProperties(@DefaultValue("in-line") CreditCheckMode creditCheck) {
}
