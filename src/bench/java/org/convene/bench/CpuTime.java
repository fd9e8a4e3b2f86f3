package org.convene.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU time spent by this JVM's threads (the app's and the benchmark's clients'; not the JIT compiler's nor
 * the garbage collector's, and a thread that ends in between is not counted) and by the PostgreSQL server the
 * app's pool talks to (its postmaster and every backend, when it runs on this machine), in
 * milliseconds: unlike operations per second, the CPU an operation costs moves little when other
 * processes share the cores. Linux only ({@code /proc}); elsewhere the database's part is 0.
 */
final class CpuTime {

    /** CPU milliseconds of the JVM and of the database at one moment. */
    record Sample(double jvm, double database) {
        Sample minus(Sample earlier) {
            return new Sample(jvm - earlier.jvm, database - earlier.database);
        }
    }

    private static final double TICKS_PER_MS = 100 / 1000.0; // USER_HZ: 100 on Linux
    private final long postmaster;

    CpuTime(DataSource pool) {
        long pid;
        try {
            long backend = new JdbcTemplate(pool).queryForObject("select pg_backend_pid()", Long.class);
            pid = Long.parseLong(stat(backend)[3]);
        } catch (RuntimeException | IOException notHere) {
            pid = -1;
        }
        this.postmaster = pid;
    }

    Sample now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = Arrays.stream(threads.getAllThreadIds()).map(threads::getThreadCpuTime).filter(t -> t > 0).sum();
        return new Sample(nanos / 1e6, database());
    }

    /** The postmaster's own CPU and its reaped children's, and each live child's. */
    private double database() {
        if (postmaster < 0) {
            return 0;
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            String[] own = stat(postmaster);
            long ticks = Long.parseLong(own[13]) + Long.parseLong(own[14]) + Long.parseLong(own[15]) + Long.parseLong(own[16]);
            ticks += processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> {
                        try {
                            String[] fields = stat(Long.parseLong(p.getFileName().toString()));
                            return Long.parseLong(fields[3]) == postmaster
                                    ? Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : 0;
                        } catch (IOException | RuntimeException gone) {
                            return 0;
                        }
                    }).sum();
            return ticks / TICKS_PER_MS;
        } catch (IOException e) {
            return 0;
        }
    }

    /** /proc/pid/stat's fields, counted from 0, the name in parentheses taken out (it may hold spaces). */
    private static String[] stat(long pid) throws IOException {
        String line = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String afterName = line.substring(line.lastIndexOf(')') + 2);
        String[] rest = afterName.split(" ");
        String[] fields = new String[rest.length + 2];
        fields[0] = String.valueOf(pid);
        fields[1] = "name";
        System.arraycopy(rest, 0, fields, 2, rest.length);
        return fields;
    }
}
