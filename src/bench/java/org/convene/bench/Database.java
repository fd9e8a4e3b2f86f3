package org.convene.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * The PostgreSQL the benchmark runs on: the one at {@code bench.url} (user {@code bench.user},
 * password {@code bench.password}), or an embedded PostgreSQL 15 (zonky, as the tests use) started
 * for the run, with commits as durable as a production server's ({@code fsync=on},
 * {@code synchronous_commit=on}: the embedded default turns both off) and an empty database each run;
 * with {@code bench.statements=true} it loads {@code pg_stat_statements} (statements counted: Statements, EngineProfile).
 */
final class Database implements AutoCloseable {

    final String url;
    final String user;
    final String password;
    private final EmbeddedPostgres embedded;

    private Database(String url, String user, String password, EmbeddedPostgres embedded) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    static Database start(String url, String user, String password) throws IOException {
        if (url != null && !url.isBlank()) {
            return new Database(url, user, password, null);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (Boolean.getBoolean("bench.statements")) {
            // Statements.java: what each figure's operation asks the database (part b)
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        EmbeddedPostgres postgres = builder
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("shared_buffers", "128MB")
                .setRegisterShutdownHook(false)
                .start();
        return new Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", postgres);
    }

    String describe() {
        return embedded == null ? "PostgreSQL at " + url : "embedded PostgreSQL 15 (zonky), fsync=on, synchronous_commit=on";
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
