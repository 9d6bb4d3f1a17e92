package dev.orderflow.shared.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * The record of operator actions, in the service's own database ({@code operations.operator_action}). Each action
 * is kept in a transaction of its own, after it ran: an action that failed is kept with its reason.
 */
public class OperatorAudit {

    /** Who acted when no user is authenticated: an action started by the service itself or by a test. */
    static final String UNKNOWN_ACTOR = "(unauthenticated)";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public OperatorAudit(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps what the current user did. */
    public void record(String channel, String action, String target, boolean succeeded, String detail) {
        jdbc.update("insert into operations.operator_action "
                        + "(happened_at, actor, channel, action, target, succeeded, detail) values (?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), currentActor(), channel, action, target, succeeded, detail);
    }

    /** The newest actions first. */
    public List<OperatorAction> recent(int limit) {
        return jdbc.query("select id, happened_at, actor, channel, action, target, succeeded, detail "
                        + "from operations.operator_action order by happened_at desc, id desc limit ?",
                (row, number) -> new OperatorAction(row.getLong("id"), row.getTimestamp("happened_at").toInstant(),
                        row.getString("actor"), row.getString("channel"), row.getString("action"),
                        row.getString("target"), row.getBoolean("succeeded"), row.getString("detail")),
                limit);
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication.getName() == null ? UNKNOWN_ACTOR : authentication.getName();
    }
}
