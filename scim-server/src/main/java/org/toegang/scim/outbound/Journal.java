package org.toegang.scim.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.toegang.core.provisioning.AccountState;

/**
 * The durable record of outbound provisioning, in a JDBC database: H2 on local disk by default,
 * PostgreSQL in production, the same tables in both ({@code journal-schema.sql}). A change is
 * committed here before anything is sent, and removed only after its target acknowledged it, so a
 * crash at any moment loses nothing: what was not acknowledged is sent again (at least once), and
 * the target ids kept here, with {@code externalId}, make the repeat harmless.
 *
 * <p>One process writes a journal at a time. Thread-safe: a small pool of connections.
 */
public final class Journal implements AutoCloseable {
    private static final int CONNECTIONS = 4;
    private static final int ERROR_LENGTH = 2000;

    private final BlockingQueue<Connection> pool;
    private final List<Connection> all;

    private Journal(List<Connection> connections) {
        this.all = connections;
        this.pool = new ArrayBlockingQueue<>(connections.size(), false, connections);
    }

    /**
     * Opens the journal and creates its tables when they are missing.
     *
     * @throws IllegalStateException when the database cannot be reached; the message names its URL
     *     (without a password)
     */
    public static Journal open(ProvisioningConfig.JournalConfig config) {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                Connection connection = DriverManager.getConnection(durable(config.url()), config.user(),
                        config.password().reveal());
                connection.setAutoCommit(false);
                connections.add(connection);
            }
            Journal journal = new Journal(connections);
            journal.createTables();
            return journal;
        } catch (SQLException e) {
            connections.forEach(Journal::closeQuietly);
            throw new IllegalStateException("Cannot open the provisioning journal at "
                    + config.url().replaceAll("password=[^&;]*", "password=********") + ": " + e.getMessage(), e);
        }
    }

    /**
     * H2 keeps commits in memory for up to 500 ms ({@code WRITE_DELAY}) before its background writer
     * stores them, so a killed process would forget its last acknowledgements and send those changes
     * again; a journal stores each commit at once. PostgreSQL commits durably already.
     */
    static String durable(String url) {
        return url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY=")
                ? url + ";WRITE_DELAY=0" : url;
    }

    private void createTables() throws SQLException {
        String script;
        try (InputStream in = Journal.class.getResourceAsStream("journal-schema.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("journal-schema.sql is missing from the classpath", e);
        }
        Connection connection = take();
        try (Statement statement = connection.createStatement()) {
            for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            give(connection);
        }
    }

    /** A change to queue: what {@code target} should hold for a person from now on. */
    public record Change(String target, AccountState state) {
    }

    /**
     * Queues changes in one transaction: each gets the next {@code seq}, and its account's queued
     * state becomes the change's state.
     */
    public void enqueue(List<Change> changes, Instant now) {
        if (changes.isEmpty()) {
            return;
        }
        inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO toegang_outbox (target, person_id,"
                    + " account_state, enqueued_at, attempts, next_attempt_at, dead) VALUES (?, ?, ?, ?, 0, ?, FALSE)");
                 PreparedStatement update = connection.prepareStatement(
                         "UPDATE toegang_account SET queued_state = ? WHERE target = ? AND person_id = ?");
                 PreparedStatement create = connection.prepareStatement(
                         "INSERT INTO toegang_account (target, person_id, queued_state) VALUES (?, ?, ?)")) {
                for (Change change : changes) {
                    String json = AccountStates.write(change.state());
                    insert.setString(1, change.target());
                    insert.setString(2, change.state().personId());
                    insert.setString(3, json);
                    insert.setLong(4, now.toEpochMilli());
                    insert.setLong(5, now.toEpochMilli());
                    insert.addBatch();
                    update.setString(1, json);
                    update.setString(2, change.target());
                    update.setString(3, change.state().personId());
                    if (update.executeUpdate() == 0) {
                        create.setString(1, change.target());
                        create.setString(2, change.state().personId());
                        create.setString(3, json);
                        create.executeUpdate();
                    }
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** Changes not yet delivered nor dead with a {@code seq} above {@code after}, in order, at most {@code limit}. */
    public List<JournalEntry> pendingAfter(long after, int limit) {
        return query("SELECT * FROM toegang_outbox WHERE dead = FALSE AND seq > ? ORDER BY seq", limit, after);
    }

    /** The dead letters, oldest first, of one target or of all. */
    public List<JournalEntry> deadLetters(Optional<String> target, int limit) {
        return target.isPresent()
                ? query("SELECT * FROM toegang_outbox WHERE dead = TRUE AND target = ? ORDER BY seq", limit, target.get())
                : query("SELECT * FROM toegang_outbox WHERE dead = TRUE ORDER BY seq", limit);
    }

    public Optional<JournalEntry> entry(long seq) {
        return query("SELECT * FROM toegang_outbox WHERE seq = ?", 1, seq).stream().findFirst();
    }

    /** A change the target acknowledged, and the target's id of the account afterwards. */
    public record Delivery(JournalEntry entry, Optional<String> targetId) {
    }

    /**
     * The target acknowledged the change: it leaves the journal, and the account remembers the
     * target's id and the state now held, in one transaction.
     */
    public void delivered(JournalEntry entry, Optional<String> targetId) {
        delivered(List.of(new Delivery(entry, targetId)));
    }

    /**
     * {@link #delivered(JournalEntry, Optional)} for several changes in one transaction (a group
     * commit: one write to disk for all of them). Changes of one person must come in {@code seq} order.
     */
    public void delivered(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM toegang_outbox WHERE seq = ?");
                 PreparedStatement account = connection.prepareStatement("UPDATE toegang_account SET target_id = ?,"
                         + " delivered_state = ?, delivered_seq = ? WHERE target = ? AND person_id = ?")) {
                for (Delivery delivery : deliveries) {
                    JournalEntry entry = delivery.entry();
                    delete.setLong(1, entry.seq());
                    delete.addBatch();
                    account.setString(1, delivery.targetId().orElse(null));
                    account.setString(2, AccountStates.write(entry.state()));
                    account.setLong(3, entry.seq());
                    account.setString(4, entry.target());
                    account.setString(5, entry.personId());
                    account.addBatch();
                }
                delete.executeBatch();
                account.executeBatch();
            }
            return null;
        });
    }

    /** Records a failed try; the change stays queued until {@code next}. */
    public void failed(long seq, int attempts, Instant next, String error) {
        update("UPDATE toegang_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE seq = ?",
                attempts, next.toEpochMilli(), shorten(error), seq);
    }

    /** Gives a change up: it becomes a dead letter, kept until replayed. */
    public void dead(long seq, int attempts, String error) {
        update("UPDATE toegang_outbox SET dead = TRUE, attempts = ?, last_error = ? WHERE seq = ?",
                attempts, shorten(error), seq);
    }

    /** What replaying a dead letter did. */
    public enum Replay {
        /** Queued again, after every change queued so far. */
        QUEUED,
        /** A newer change of the same person at the same target exists; replaying would undo it, so the dead letter is dropped. */
        SUPERSEDED,
        /** No dead letter has that number. */
        UNKNOWN
    }

    /**
     * Queues a dead letter again at the end of the queue with its tries reset, unless a newer change
     * of the same person at the same target was queued after it, which already says what the
     * target should hold; then the dead letter is dropped.
     */
    public Replay replay(long seq, Instant now) {
        return inTransaction(connection -> {
            JournalEntry dead;
            try (PreparedStatement find = connection.prepareStatement(
                    "SELECT * FROM toegang_outbox WHERE seq = ? AND dead = TRUE")) {
                find.setLong(1, seq);
                List<JournalEntry> found = read(find.executeQuery(), 1);
                if (found.isEmpty()) {
                    return Replay.UNKNOWN;
                }
                dead = found.get(0);
            }
            boolean newer;
            try (PreparedStatement later = connection.prepareStatement("SELECT COUNT(*) FROM toegang_outbox WHERE target = ?"
                    + " AND person_id = ? AND seq > ?");
                 PreparedStatement delivered = connection.prepareStatement("SELECT COUNT(*) FROM toegang_account"
                         + " WHERE target = ? AND person_id = ? AND delivered_seq > ?")) {
                newer = count(later, dead) > 0 || count(delivered, dead) > 0;
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM toegang_outbox WHERE seq = ?")) {
                delete.setLong(1, seq);
                delete.executeUpdate();
            }
            if (newer) {
                return Replay.SUPERSEDED;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO toegang_outbox (target, person_id,"
                    + " account_state, enqueued_at, attempts, next_attempt_at, dead) VALUES (?, ?, ?, ?, 0, ?, FALSE)")) {
                insert.setString(1, dead.target());
                insert.setString(2, dead.personId());
                insert.setString(3, AccountStates.write(dead.state()));
                insert.setLong(4, now.toEpochMilli());
                insert.setLong(5, now.toEpochMilli());
                insert.executeUpdate();
            }
            return Replay.QUEUED;
        });
    }

    private static long count(PreparedStatement statement, JournalEntry entry) throws SQLException {
        statement.setString(1, entry.target());
        statement.setString(2, entry.personId());
        statement.setLong(3, entry.seq());
        try (ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Every account the journal knows at {@code target}, per person id. */
    public Map<String, JournalAccount> accounts(String target) {
        return inTransaction(connection -> {
            Map<String, JournalAccount> accounts = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM toegang_account WHERE target = ?")) {
                select.setString(1, target);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        JournalAccount account = account(result);
                        accounts.put(account.personId(), account);
                    }
                }
            }
            return accounts;
        });
    }

    public Optional<JournalAccount> account(String target, String personId) {
        return inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM toegang_account WHERE target = ? AND person_id = ?")) {
                select.setString(1, target);
                select.setString(2, personId);
                try (ResultSet result = select.executeQuery()) {
                    return result.next() ? Optional.of(account(result)) : Optional.empty();
                }
            }
        });
    }

    /**
     * The target's id of each of {@code personIds}' accounts at {@code target} that the journal
     * knows; a person without an account row, or without an id, is absent from the answer.
     */
    public Map<String, String> targetIds(String target, java.util.Collection<String> personIds) {
        Map<String, String> ids = new HashMap<>();
        List<String> all = List.copyOf(personIds);
        for (int from = 0; from < all.size(); from += 100) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 100));
            String sql = "SELECT person_id, target_id FROM toegang_account WHERE target = ? AND target_id IS NOT NULL"
                    + " AND person_id IN (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
            inTransaction(connection -> {
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    select.setString(1, target);
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            ids.put(result.getString(1), result.getString(2));
                        }
                    }
                }
                return null;
            });
        }
        return ids;
    }

    /** The target no longer has the account with the kept id: the next delivery creates or finds it anew. */
    public void forgetTargetId(String target, String personId) {
        update("UPDATE toegang_account SET target_id = NULL WHERE target = ? AND person_id = ?", target, personId);
    }

    /** Counts per target: changes queued, dead letters, and the oldest queued change's time. */
    public record Backlog(long queued, long dead, Optional<Instant> oldestQueued) {
    }

    public Map<String, Backlog> backlog() {
        return inTransaction(connection -> {
            Map<String, Backlog> backlog = new HashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT target, dead, COUNT(*), MIN(enqueued_at)"
                         + " FROM toegang_outbox GROUP BY target, dead")) {
                while (result.next()) {
                    String target = result.getString(1);
                    Backlog known = backlog.getOrDefault(target, new Backlog(0, 0, Optional.empty()));
                    backlog.put(target, result.getBoolean(2)
                            ? new Backlog(known.queued(), result.getLong(3), known.oldestQueued())
                            : new Backlog(result.getLong(3), known.dead(),
                                    Optional.of(Instant.ofEpochMilli(result.getLong(4)))));
                }
            }
            return backlog;
        });
    }

    /** Last success and last error per target, as {@link #recordStatus} kept them. */
    public record TargetStatus(Optional<Instant> lastSuccess, Optional<String> lastError, Optional<Instant> lastErrorAt) {
    }

    public Map<String, TargetStatus> targetStatus() {
        return inTransaction(connection -> {
            Map<String, TargetStatus> status = new HashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT * FROM toegang_target_status")) {
                while (result.next()) {
                    status.put(result.getString("target"), new TargetStatus(time(result, "last_success"),
                            Optional.ofNullable(result.getString("last_error")), time(result, "last_error_at")));
                }
            }
            return status;
        });
    }

    public void recordStatus(String target, TargetStatus status) {
        inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE toegang_target_status SET last_success"
                    + " = ?, last_error = ?, last_error_at = ? WHERE target = ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO toegang_target_status"
                         + " (last_success, last_error, last_error_at, target) VALUES (?, ?, ?, ?)")) {
                for (PreparedStatement statement : List.of(update, insert)) {
                    statement.setObject(1, status.lastSuccess().map(Instant::toEpochMilli).orElse(null),
                            java.sql.Types.BIGINT);
                    statement.setString(2, status.lastError().map(Journal::shorten).orElse(null));
                    statement.setObject(3, status.lastErrorAt().map(Instant::toEpochMilli).orElse(null),
                            java.sql.Types.BIGINT);
                    statement.setString(4, target);
                    if (statement == update && update.executeUpdate() > 0) {
                        break;
                    }
                    if (statement == insert) {
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    private static Optional<Instant> time(ResultSet result, String column) throws SQLException {
        long value = result.getLong(column);
        return result.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
    }

    private static JournalAccount account(ResultSet result) throws SQLException {
        String delivered = result.getString("delivered_state");
        return new JournalAccount(result.getString("target"), result.getString("person_id"),
                Optional.ofNullable(result.getString("target_id")), AccountStates.read(result.getString("queued_state")),
                Optional.ofNullable(delivered).map(AccountStates::read));
    }

    private List<JournalEntry> query(String sql, int limit, Object... parameters) {
        return inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setMaxRows(limit);
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return read(statement.executeQuery(), limit);
            }
        });
    }

    private static List<JournalEntry> read(ResultSet result, int limit) throws SQLException {
        List<JournalEntry> entries = new ArrayList<>();
        try (result) {
            while (entries.size() < limit && result.next()) {
                entries.add(new JournalEntry(result.getLong("seq"), result.getString("target"),
                        result.getString("person_id"), AccountStates.read(result.getString("account_state")),
                        Instant.ofEpochMilli(result.getLong("enqueued_at")), result.getInt("attempts"),
                        Instant.ofEpochMilli(result.getLong("next_attempt_at")), result.getBoolean("dead"),
                        Optional.ofNullable(result.getString("last_error"))));
            }
        }
        return entries;
    }

    private void update(String sql, Object... parameters) {
        inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                statement.executeUpdate();
            }
            return null;
        });
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        Connection connection = take();
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the first failure is the one to report
            }
            throw new IllegalStateException("Provisioning journal: " + e.getMessage(), e);
        } finally {
            give(connection);
        }
    }

    private Connection take() {
        try {
            return pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the journal", e);
        }
    }

    private void give(Connection connection) {
        pool.add(connection);
    }

    private static String shorten(String error) {
        return error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
    }

    @Override
    public void close() {
        all.forEach(Journal::closeQuietly);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing
        }
    }
}
