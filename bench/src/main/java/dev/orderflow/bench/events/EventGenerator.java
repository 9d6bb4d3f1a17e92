package dev.orderflow.bench.events;

import dev.orderflow.api.customer.CreditReservedEvent;
import dev.orderflow.api.customer.CustomerRegisteredEvent;
import dev.orderflow.api.inventory.ProductAddedEvent;
import dev.orderflow.api.inventory.ProductPriceChangedEvent;
import dev.orderflow.api.inventory.StockReservedEvent;
import dev.orderflow.api.order.OrderConfirmedEvent;
import dev.orderflow.api.order.OrderLine;
import dev.orderflow.api.order.OrderPlacedEvent;
import dev.orderflow.api.payment.PaymentAuthorizedEvent;
import dev.orderflow.api.payment.PaymentRequestedEvent;
import dev.orderflow.api.shared.Money;
import dev.orderflow.api.shared.Quantity;
import dev.orderflow.api.shipping.ShipmentScheduledEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes the event history of a busy shop, event for event what the real system stores when an order goes
 * through the fulfilment saga: the order placed, stock reserved per line, the payment requested, the
 * customer's credit reserved, the payment authorized, the shipment scheduled, the order confirmed (one
 * trace per order, as in the real metadata). Every {@value #ORDERS_PER_NEW_CUSTOMER} orders a customer
 * registers and a product is added; every {@value #ORDERS_PER_PRICE_CHANGE} orders a price changes.
 * Orders have 1 to 3 lines, 8 events on average. The same seed writes the same history.
 */
public final class EventGenerator {

    static final int ORDERS_PER_NEW_CUSTOMER = 50;
    static final int ORDERS_PER_PRICE_CHANGE = 100;
    static final Money CREDIT_LIMIT = Money.of("1000000.00");

    private final SplittableRandom random;
    private final Instant start;
    private final List<Aggregate> customers = new ArrayList<>();
    private final List<Product> products = new ArrayList<>();
    private long orders;
    private long events;

    public EventGenerator(long seed, Instant start) {
        this.random = new SplittableRandom(seed);
        this.start = start;
    }

    /** Hands {@code count} events to {@code sink}, with global indexes from {@code firstGlobalIndex} on. */
    public void generate(long firstGlobalIndex, long count, Consumer<StoredEvent> sink) {
        long index = firstGlobalIndex;
        long end = firstGlobalIndex + count;
        List<Draft> flow = new ArrayList<>();
        while (index < end) {
            flow.clear();
            nextOrder(flow);
            for (Draft draft : flow) {
                if (index == end) {
                    break;
                }
                sink.accept(draft.stored(index++, timestamp()));
            }
        }
    }

    /** Orders begun so far (the last one may have been cut short by the count). */
    public long orders() {
        return orders;
    }

    private void nextOrder(List<Draft> flow) {
        if (orders % ORDERS_PER_NEW_CUSTOMER == 0) {
            newCustomerAndProduct(flow);
        }
        if (orders % ORDERS_PER_PRICE_CHANGE == ORDERS_PER_PRICE_CHANGE - 1) {
            Product product = products.get(random.nextInt(products.size()));
            product.price = price();
            String trace = uuid().toString();
            flow.add(new Draft(product, "Product", new ProductPriceChangedEvent(product.id, product.price), trace, trace));
        }
        orders++;
        Aggregate customer = customers.get(random.nextInt(customers.size()));
        UUID orderId = uuid();
        Aggregate order = new Aggregate(orderId);
        Aggregate payment = new Aggregate(uuid());
        Aggregate shipment = new Aggregate(uuid());
        String trace = uuid().toString();

        List<Product> chosen = new ArrayList<>();
        int lineCount = 1 + random.nextInt(Math.min(3, products.size()));
        while (chosen.size() < lineCount) {
            Product product = products.get(random.nextInt(products.size()));
            if (!chosen.contains(product)) {
                chosen.add(product);
            }
        }
        List<OrderLine> lines = new ArrayList<>();
        Money amount = Money.ZERO;
        for (Product product : chosen) {
            Quantity quantity = Quantity.of(1 + random.nextInt(5));
            lines.add(new OrderLine(product.id, quantity));
            amount = amount.plus(product.price.times(quantity.value()));
        }
        flow.add(new Draft(order, "Order", new OrderPlacedEvent(orderId, customer.id, lines), trace, trace));
        for (int line = 0; line < chosen.size(); line++) {
            Product product = chosen.get(line);
            flow.add(new Draft(product, "Product",
                    new StockReservedEvent(product.id, orderId, lines.get(line).quantity(), product.price), trace, null));
        }
        flow.add(new Draft(payment, "Payment",
                new PaymentRequestedEvent(payment.id, orderId, customer.id, amount), trace, null));
        flow.add(new Draft(customer, "Customer", new CreditReservedEvent(customer.id, payment.id, amount), trace, null));
        flow.add(new Draft(payment, "Payment",
                new PaymentAuthorizedEvent(payment.id, orderId, customer.id, amount), trace, null));
        flow.add(new Draft(shipment, "Shipment", new ShipmentScheduledEvent(shipment.id, orderId), trace, null));
        flow.add(new Draft(order, "Order", new OrderConfirmedEvent(orderId), trace, null));
    }

    private void newCustomerAndProduct(List<Draft> flow) {
        int number = customers.size() + 1;
        Aggregate customer = new Aggregate(uuid());
        customers.add(customer);
        String customerTrace = uuid().toString();
        flow.add(new Draft(customer, "Customer", new CustomerRegisteredEvent(customer.id, "Customer " + number,
                "customer-" + number + "@bench.example", CREDIT_LIMIT), customerTrace, customerTrace));
        Product product = new Product(uuid(), price());
        products.add(product);
        String productTrace = uuid().toString();
        flow.add(new Draft(product, "Product",
                new ProductAddedEvent(product.id, "Product " + number, product.price, 1_000_000), productTrace,
                productTrace));
    }

    private Money price() {
        return new Money(BigDecimal.valueOf(100 + random.nextInt(9900), 2));
    }

    private String timestamp() {
        return start.plusMillis(events++).toString();
    }

    /** A random (version 4) UUID from the seeded generator. */
    private UUID uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xC000000000000000L)) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private static class Aggregate {
        final UUID id;
        long nextSequence;

        Aggregate(UUID id) {
            this.id = id;
        }
    }

    private static final class Product extends Aggregate {
        Money price;

        Product(UUID id, Money price) {
            super(id);
            this.price = price;
        }
    }

    /** An event before it has its place in the store; takes its aggregate's next sequence number when drafted. */
    private final class Draft {
        private final Aggregate aggregate;
        private final long sequenceNumber;
        private final String type;
        private final Object payload;
        private final String traceId;
        private final String correlationId;

        Draft(Aggregate aggregate, String type, Object payload, String traceId, String correlationId) {
            this.aggregate = aggregate;
            this.sequenceNumber = aggregate.nextSequence++;
            this.type = type;
            this.payload = payload;
            this.traceId = traceId;
            this.correlationId = correlationId == null ? uuid().toString() : correlationId;
        }

        StoredEvent stored(long globalIndex, String timestamp) {
            return new StoredEvent(globalIndex, aggregate.id.toString(), sequenceNumber, type, uuid().toString(),
                    AxonJson.metaData(traceId, correlationId), AxonJson.payload(payload),
                    AxonJson.revision(payload.getClass()), payload.getClass().getName(), timestamp);
        }
    }
}
