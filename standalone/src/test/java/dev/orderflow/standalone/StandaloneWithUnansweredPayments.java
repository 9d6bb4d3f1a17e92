package dev.orderflow.standalone;

import org.springframework.boot.SpringApplication;

import java.util.Arrays;
import java.util.UUID;

/**
 * The standalone application with {@link UnansweredPayments}, as the main class of a process of its own
 * (see {@link PackagedStandalone#startWithUnansweredPayments}): the system property {@value #CUSTOMERS}
 * lists, comma-separated, the customers whose payments never get an answer.
 */
public class StandaloneWithUnansweredPayments {

    static final String CUSTOMERS = "orderflow.test.unanswered-payments.customers";

    public static void main(String[] args) {
        Arrays.stream(System.getProperty(CUSTOMERS, "").split(","))
                .filter(customer -> !customer.isBlank())
                .map(UUID::fromString)
                .forEach(UnansweredPayments::neverAnswerPaymentsOf);
        SpringApplication.run(new Class<?>[]{StandaloneApplication.class, UnansweredPayments.class}, args);
    }
}
