package dev.orderflow.bench.agent;

import dev.orderflow.api.inventory.RestockProductCommand;
import dev.orderflow.api.shared.Quantity;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** The benchmark's endpoints inside the standalone process (see {@link BenchAgentAutoConfiguration}). */
@RestController
@RequestMapping("/bench")
class BenchAgentController {

    private final CommandGateway commands;
    private final ProcessorControl processors;
    private final List<UUID> products = new ArrayList<>();

    BenchAgentController(CommandGateway commands, ProcessorControl processors) {
        this.commands = commands;
        this.processors = processors;
    }

    /** Products for the gateway runs; {@code first} starts a new list, otherwise they are added to it. */
    record GatewayProducts(List<UUID> productIds, boolean first) {
    }

    /** How many restock commands to send (on the products given before, round robin), from how many threads. */
    record GatewayRun(int commands, int clients) {
    }

    /**
     * @param elapsedNanos from the first command sent to the last answered
     * @param latencyNanos each command's time from send to answer, in the order they were sent
     */
    record GatewayResult(long elapsedNanos, long[] latencyNanos, int failures, String firstFailure) {
    }

    /**
     * Sends the commands through Axon's command gateway exactly as the REST controllers do, minus HTTP:
     * {@code clients} threads, each waiting for its command's answer before it sends the next.
     */
    @PostMapping("/gateway/restock")
    GatewayResult restock(@RequestBody GatewayRun run) {
        List<UUID> products = List.copyOf(this.products);
        if (products.isEmpty() || run.commands() < 1 || run.clients() < 1) {
            throw new IllegalArgumentException("needs products, at least one command and one client");
        }
        long[] latencies = new long[run.commands()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        Runnable client = () -> {
            for (int i = next.getAndIncrement(); i < run.commands(); i = next.getAndIncrement()) {
                UUID product = products.get(i % products.size());
                long start = System.nanoTime();
                try {
                    commands.sendAndWait(new RestockProductCommand(product, Quantity.of(1), null));
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, e.toString());
                }
                latencies[i] = System.nanoTime() - start;
            }
        };
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < run.clients(); c++) {
            Thread thread = new Thread(client, "bench-gateway-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the gateway run was going", e);
            }
        }
        return new GatewayResult(System.nanoTime() - start, latencies, failures.get(), firstFailure.get());
    }

    /** The products the gateway runs restock, sent in parts: a request body has a size limit. */
    @PostMapping("/gateway/products")
    int products(@RequestBody GatewayProducts given) {
        synchronized (products) {
            if (given.first()) {
                products.clear();
            }
            products.addAll(given.productIds());
            return products.size();
        }
    }

    /** Stops every streaming event processor (their claims are released); answers their names. */
    @PostMapping("/processors/stop")
    List<String> stopProcessors() {
        return processors.stopAll();
    }

    /** Moves every segment of every streaming processor to the head of the event store: what is stored now is seen as handled. */
    @PostMapping("/processors/tokens-to-head")
    List<String> tokensToHead() {
        return processors.tokensToHead();
    }

    @PostMapping("/processors/start")
    List<String> startProcessors() {
        return processors.startAll();
    }
}
