package dev.orderflow.standalone;

import dev.orderflow.api.payment.PaymentRequestedEvent;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fault injection: the payment credit check drops the payments of the customers listed here, as if
 * the payment provider were down, so those payments never get an answer.
 */
@TestConfiguration(proxyBeanMethods = false)
public class UnansweredPayments {

    private static final Set<UUID> CUSTOMERS = ConcurrentHashMap.newKeySet();

    public static void neverAnswerPaymentsOf(UUID customerId) {
        CUSTOMERS.add(customerId);
    }

    @Bean
    ConfigurerModule unansweredPaymentsInterceptor() {
        MessageHandlerInterceptor<EventMessage<?>> dropPayment = (unitOfWork, chain) -> {
            Object payload = unitOfWork.getMessage().getPayload();
            if (payload instanceof PaymentRequestedEvent requested && CUSTOMERS.contains(requested.customerId())) {
                return null;
            }
            return chain.proceed();
        };
        return configurer -> configurer.eventProcessing()
                .registerHandlerInterceptor("payment-credit-check", configuration -> dropPayment);
    }
}
