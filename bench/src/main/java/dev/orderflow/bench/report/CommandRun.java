package dev.orderflow.bench.report;

/**
 * One throughput run of scenario 1 (or 5): which command, which way, how many clients, which
 * {@code synchronous_commit}. Its {@link #key()} names it in {@code results.json}'s series, in the chart and
 * where an Axon-defaults figure is set against its Orderflow counterpart; its names are the table's.
 *
 * @param syncCommit the server's {@code synchronous_commit} during the run: "off", "on", ...
 */
public record CommandRun(Kind kind, Way way, int clients, String syncCommit) {

    /** A create makes a new aggregate; a restock changes an existing one (it loads the product first). */
    public enum Kind {
        CREATE("create", "Create"), RESTOCK("restock", "Restock");

        final String id;
        final String label;

        Kind(String id, String label) {
            this.id = id;
            this.label = label;
        }
    }

    /** The baseline's JDBC insert of a copied event row, the command gateway inside the standalone, or HTTP. */
    public enum Way {
        JDBC("jdbc"), GATEWAY("gateway"), HTTP("http");

        final String id;

        Way(String id) {
            this.id = id;
        }
    }

    public CommandRun {
        if (clients < 1) {
            throw new IllegalArgumentException("clients must be at least 1, was " + clients);
        }
        if (syncCommit == null || !syncCommit.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a synchronous_commit value: " + syncCommit);
        }
    }

    /** E.g. "restock.gateway.8.off". */
    public String key() {
        return kind.id + "." + way.id + "." + clients + "." + syncCommit;
    }

    /** The run a {@link #key()} names. */
    public static CommandRun parse(String key) {
        String[] parts = key.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a command run key (kind.way.clients.sync): " + key);
        }
        return new CommandRun(find(Kind.values(), parts[0], key), find(Way.values(), parts[1], key),
                Integer.parseInt(parts[2]), parts[3]);
    }

    /** The same command, clients and setting, inserted by the JDBC baseline. */
    public CommandRun baseline() {
        return new CommandRun(kind, Way.JDBC, clients, syncCommit);
    }

    /** The table's name, e.g. "Restock via gateway, 8 clients, sync commit off". */
    public String figureName() {
        return switch (way) {
            case JDBC -> "JDBC insert, " + kind.id + " row, " + clientsText() + ", " + syncText();
            case GATEWAY -> kind.label + " via gateway, " + clientsText() + ", " + syncText();
            case HTTP -> kind.label + " over HTTP, " + clientsText() + ", " + syncText();
        };
    }

    /** The name of the measured step in the CPU table, e.g. "1 HTTP create, 8 clients, sync commit on". */
    public String stepName(int scenario) {
        String how = switch (way) {
            case JDBC -> "JDBC insert " + kind.id;
            case GATEWAY -> "gateway " + kind.id;
            case HTTP -> "HTTP " + kind.id;
        };
        return scenario + " " + how + ", " + clientsText() + ", " + syncText();
    }

    /** The chart's group: the same command, clients and setting measured every way. */
    public String group() {
        return kind.id + ", " + clientsText() + ", sync " + syncCommit;
    }

    public String clientsText() {
        return clients + (clients == 1 ? " client" : " clients");
    }

    private String syncText() {
        return "sync commit " + syncCommit;
    }

    private static <E extends Enum<E>> E find(E[] values, String id, String key) {
        for (E value : values) {
            String valueId = value instanceof Kind kind ? kind.id : ((Way) value).id;
            if (valueId.equals(id)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown '" + id + "' in command run key " + key);
    }
}
