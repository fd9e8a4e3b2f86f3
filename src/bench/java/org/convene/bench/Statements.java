package org.convene.bench;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an operation asks the database, from PostgreSQL's {@code pg_stat_statements} (loaded when the
 * benchmark runs with {@code -Dbench.statements=true} on its embedded PostgreSQL, or on a server that
 * preloads it): the statements between {@link #reset} and {@link #read}, their calls and the
 * database's own execution time, per operation.
 */
final class Statements {

    /** One statement's calls and execution time (ms) per operation, and its text (shortened). */
    record Statement(double calls, double milliseconds, String query) {
    }

    /** All statements per operation, their execution time per operation, and the statements by time. */
    record PerOperation(double calls, double milliseconds, List<Statement> statements) {

        /** "41 statements, 7.3 ms in the database per operation". */
        String summary() {
            return String.format("%.1f statements, %.1f ms in the database per operation", calls, milliseconds);
        }

        /** The statements by time, as Markdown table rows: calls, ms, text. */
        String table(int rows) {
            StringBuilder out = new StringBuilder("| calls/op | ms/op | statement |\n|---|---|---|\n");
            statements.stream().limit(rows).forEach(s -> out.append(String.format("| %.1f | %.2f | `%s` |%n",
                    s.calls(), s.milliseconds(), s.query().replace("|", "\\|"))));
            return out.toString();
        }
    }

    private final JdbcTemplate jdbc;
    private final boolean available;

    Statements(DataSource pool) {
        this.jdbc = new JdbcTemplate(pool);
        boolean loaded;
        try {
            loaded = jdbc.queryForObject("select count(*) from pg_settings where name = 'shared_preload_libraries'"
                    + " and setting like '%pg_stat_statements%'", Integer.class) > 0;
            if (loaded) {
                jdbc.execute("create extension if not exists pg_stat_statements");
            }
        } catch (RuntimeException notPostgres) {
            loaded = false;
        }
        this.available = loaded;
    }

    /** False when the database does not load pg_stat_statements: then nothing is counted. */
    boolean available() {
        return available;
    }

    void reset() {
        jdbc.execute("select pg_stat_statements_reset()");
    }

    /** The statements since {@link #reset}, divided by {@code operations}; the extension's own left out. */
    PerOperation read(int operations) {
        List<Statement> statements = jdbc.query("""
                        select calls, total_exec_time, query from pg_stat_statements
                        where query not like '%pg_stat_statements%' order by total_exec_time desc""",
                (rs, row) -> new Statement(rs.getLong(1) / (double) operations, rs.getDouble(2) / operations,
                        shorten(rs.getString(3))));
        return new PerOperation(statements.stream().mapToDouble(Statement::calls).sum(),
                statements.stream().mapToDouble(Statement::milliseconds).sum(), statements);
    }

    private static String shorten(String query) {
        String line = query.replaceAll("\\s+", " ").trim();
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
