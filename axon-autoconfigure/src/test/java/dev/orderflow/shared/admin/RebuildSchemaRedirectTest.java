package dev.orderflow.shared.admin;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildSchemaRedirectTest {

    private final RebuildSchemaRedirect.Redirect redirect = new RebuildSchemaRedirect.Redirect("order_history",
            List.of("order_history", "order_history_line"), "order_history_rebuild");

    @Test
    void sendsTheReadModelsTablesToTheCopy() {
        assertThat(redirect.apply("select oh1_0.order_id from order_history.order_history oh1_0 "
                + "join order_history.order_history_line l1_0 on l1_0.order_id = oh1_0.order_id"))
                .isEqualTo("select oh1_0.order_id from order_history_rebuild.order_history oh1_0 "
                        + "join order_history_rebuild.order_history_line l1_0 on l1_0.order_id = oh1_0.order_id");
        assertThat(redirect.apply("update order_history.order_history set customer_name=? where customer_id=?"))
                .isEqualTo("update order_history_rebuild.order_history set customer_name=? where customer_id=?");
        assertThat(redirect.apply("insert into order_history.order_history_line (order_id) values (?)"))
                .isEqualTo("insert into order_history_rebuild.order_history_line (order_id) values (?)");
    }

    @Test
    void leavesEverythingElseAlone() {
        // Tokens commit with the copy's rows, from their own schema; a column qualified by a table name is a column.
        String tokens = "update axon.token_entry set token=? where processor_name=? and segment=?";
        assertThat(redirect.apply(tokens)).isEqualTo(tokens);
        String column = "select order_history.customer_id from order_history.order_history";
        assertThat(redirect.apply(column))
                .isEqualTo("select order_history.customer_id from order_history_rebuild.order_history");
        String unknownTable = "select * from order_history.order_history_customer_archive";
        assertThat(redirect.apply(unknownTable)).isEqualTo(unknownTable);
        String otherSchema = "select * from my_order_history.order_history";
        assertThat(redirect.apply(otherSchema)).isEqualTo(otherSchema);
    }

    @Test
    void onlyARebuildsThreadsAreRedirected() throws InterruptedException {
        RebuildSchemaRedirect inspector = new RebuildSchemaRedirect();
        String sql = "select * from order_history.order_history";
        String[] seenByRebuild = new String[1];
        Thread rebuildThread = RebuildSchemaRedirect.threadsWriting("order_history", List.of("order_history"),
                "order_history_rebuild", "rebuild-test").newThread(() -> {
            seenByRebuild[0] = inspector.inspect(sql);
        });
        rebuildThread.start();
        rebuildThread.join();

        assertThat(seenByRebuild[0]).isEqualTo("select * from order_history_rebuild.order_history");
        assertThat(inspector.inspect(sql)).isEqualTo(sql);
    }
}
