package dev.orderflow.bench.agent;

import dev.orderflow.api.inventory.AddProductCommand;
import dev.orderflow.api.inventory.RestockProductCommand;
import dev.orderflow.api.shared.Money;
import dev.orderflow.api.shared.Quantity;
import dev.orderflow.bench.loop.ClosedLoop;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The benchmark's endpoints inside the standalone process (see {@link BenchAgentAutoConfiguration}). */
@RestController
@RequestMapping("/bench")
class BenchAgentController {

    private static final Money PRICE = Money.of("1.00");

    private final CommandGateway commands;
    private final ProcessorControl processors;
    private final ObjectProvider<DataSource> dataSource;
    private final List<UUID> products = new ArrayList<>();

    BenchAgentController(CommandGateway commands, ProcessorControl processors, ObjectProvider<DataSource> dataSource) {
        this.commands = commands;
        this.processors = processors;
        this.dataSource = dataSource;
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

    /** How many products to create, with names that start with {@code namePrefix}, from how many threads. */
    record GatewayCreate(int commands, int clients, String namePrefix) {
    }

    /**
     * Sends restock commands through Axon's command gateway exactly as the REST controller does, minus HTTP:
     * {@code clients} threads, each waiting for its command's answer before it sends the next.
     */
    @PostMapping("/gateway/restock")
    GatewayResult restock(@RequestBody GatewayRun run) {
        List<UUID> products = List.copyOf(this.products);
        if (products.isEmpty()) {
            throw new IllegalArgumentException("needs products");
        }
        return drive(run.commands(), run.clients(), i ->
                commands.sendAndWait(new RestockProductCommand(products.get(i % products.size()), Quantity.of(1), null)));
    }

    /** Adds new products through the gateway as {@code POST /products} does: each command creates an aggregate. */
    @PostMapping("/gateway/create")
    GatewayResult create(@RequestBody GatewayCreate run) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < run.commands(); i++) {
            ids.add(UUID.randomUUID());
        }
        return drive(run.commands(), run.clients(), i ->
                commands.sendAndWait(new AddProductCommand(ids.get(i), run.namePrefix() + (i + 1), PRICE, 0)));
    }

    private static GatewayResult drive(int total, int clients, ClosedLoop.Operation command) {
        if (total < 1 || clients < 1) {
            throw new IllegalArgumentException("needs at least one command and one client");
        }
        long[] latencies = new long[total];
        ClosedLoop.Result loop = ClosedLoop.run("bench-gateway", clients, total, command,
                (index, nanos) -> latencies[index] = nanos);
        return new GatewayResult(loop.elapsedNanos(), latencies, loop.failures(), loop.firstFailure());
    }

    /**
     * The {@code synchronous_commit} of the standalone's pooled connections: takes up to {@code connections} of them
     * at once (the pool's size: every open one), asks each, and answers how many showed what ("on (configuration
     * file)": 20) and their backend pids, so the bench can tell sessions opened before a switch from new ones. It
     * takes only what the pool hands out within a second each: a processor waiting for a connection must not wait
     * on this.
     */
    @PostMapping("/database/synchronous-commit")
    SessionSettings synchronousCommit(@RequestBody ConnectionCount count) throws Exception {
        DataSource pool = dataSource.getObject();
        List<Connection> held = new ArrayList<>();
        Map<String, Integer> seen = new TreeMap<>();
        List<Integer> pids = new ArrayList<>();
        ExecutorService taker = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < count.connections(); i++) {
                Future<Connection> next = taker.submit((Callable<Connection>) pool::getConnection);
                try {
                    held.add(next.get(1, TimeUnit.SECONDS));
                } catch (TimeoutException e) {
                    next.cancel(true);
                    break;
                }
            }
            for (Connection connection : held) {
                try (Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("select setting, source, pg_backend_pid() from pg_settings "
                             + "where name = 'synchronous_commit'")) {
                    result.next();
                    seen.merge(result.getString(1) + " (" + result.getString(2) + ")", 1, Integer::sum);
                    pids.add(result.getInt(3));
                }
            }
        } finally {
            taker.shutdownNow();
            for (Connection connection : held) {
                connection.close();
            }
        }
        return new SessionSettings(seen, pids);
    }

    record SessionSettings(Map<String, Integer> settings, List<Integer> backendPids) {
    }

    record ConnectionCount(int connections) {
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
