package dev.orderflow.bench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandRunTest {

    @Test
    void everyRunHasAKeyThatReadsBackAsTheSameRun() {
        for (CommandRun.Kind kind : CommandRun.Kind.values()) {
            for (CommandRun.Way way : CommandRun.Way.values()) {
                for (String sync : new String[]{"off", "on", "remote_apply"}) {
                    CommandRun run = new CommandRun(kind, way, 8, sync);
                    assertThat(CommandRun.parse(run.key())).isEqualTo(run);
                }
            }
        }
        assertThat(new CommandRun(CommandRun.Kind.RESTOCK, CommandRun.Way.GATEWAY, 32, "on").key())
                .isEqualTo("restock.gateway.32.on");
    }

    @Test
    void theNamesSayTheCommandTheWayTheClientsAndTheSetting() {
        CommandRun create = new CommandRun(CommandRun.Kind.CREATE, CommandRun.Way.HTTP, 1, "off");
        CommandRun restock = new CommandRun(CommandRun.Kind.RESTOCK, CommandRun.Way.GATEWAY, 8, "on");

        assertThat(create.figureName()).isEqualTo("Create over HTTP, 1 client, sync commit off");
        assertThat(restock.figureName()).isEqualTo("Restock via gateway, 8 clients, sync commit on");
        assertThat(restock.baseline().figureName()).isEqualTo("JDBC insert, restock row, 8 clients, sync commit on");
        assertThat(create.stepName(1)).isEqualTo("1 HTTP create, 1 client, sync commit off");
        assertThat(restock.baseline().stepName(1)).isEqualTo("1 JDBC insert restock, 8 clients, sync commit on");
        assertThat(restock.group()).isEqualTo("restock, 8 clients, sync on");
    }

    @Test
    void theSameCommandInBothSettingsHasTwoNames() {
        CommandRun off = new CommandRun(CommandRun.Kind.CREATE, CommandRun.Way.GATEWAY, 8, "off");
        CommandRun on = new CommandRun(CommandRun.Kind.CREATE, CommandRun.Way.GATEWAY, 8, "on");

        assertThat(off.figureName()).isNotEqualTo(on.figureName());
        assertThat(off.key()).isNotEqualTo(on.key());
        assertThat(off.baseline().figureName()).isNotEqualTo(on.baseline().figureName());
        assertThat(off.group()).isNotEqualTo(on.group());
    }

    @Test
    void aBaselineIsTheSameRunInsertedByJdbc() {
        CommandRun http = new CommandRun(CommandRun.Kind.CREATE, CommandRun.Way.HTTP, 32, "off");

        assertThat(http.baseline()).isEqualTo(new CommandRun(CommandRun.Kind.CREATE, CommandRun.Way.JDBC, 32, "off"));
    }

    @Test
    void malformedKeysAndValuesAreRejected() {
        assertThatThrownBy(() -> CommandRun.parse("gateway.8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandRun.parse("delete.http.8.off")).hasMessageContaining("'delete'");
        assertThatThrownBy(() -> CommandRun.parse("create.ftp.8.off")).hasMessageContaining("'ftp'");
        assertThatThrownBy(() -> new CommandRun(CommandRun.Kind.CREATE, CommandRun.Way.HTTP, 0, "off"))
                .hasMessageContaining("clients");
        assertThatThrownBy(() -> new CommandRun(CommandRun.Kind.CREATE, CommandRun.Way.HTTP, 1, "off; drop table x"))
                .hasMessageContaining("synchronous_commit");
    }
}
