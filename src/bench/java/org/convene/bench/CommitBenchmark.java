package org.convene.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * (d) The database's own ceiling for durable steps: one single-row INSERT committed per operation
 * (auto-commit), through the app's own connection pool, as pgbench -N measures it in SQL.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CommitBenchmark {

    static final String TABLE = "bench_commit";
    /** The app's pool (Hikari, spring.datasource), set before JMH runs in this JVM. */
    static DataSource pool;

    @Benchmark
    public int singleRowCommit() throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into " + TABLE + " (at) values (now())")) {
            return insert.executeUpdate();
        }
    }
}
