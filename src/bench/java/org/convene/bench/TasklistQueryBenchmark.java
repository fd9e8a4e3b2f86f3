package org.convene.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * (c) Tasklist's "My groups' tasks" as a staff user sees it: the first page (with the count the HAL
 * answer holds), and the count alone; latency per request, sampled (p50, p95).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TasklistQueryBenchmark {

    /** Signed in before JMH runs in this JVM. */
    static TasklistSession session;

    @Benchmark
    public long firstPage() throws Exception {
        return session.firstPage();
    }

    @Benchmark
    public long count() throws Exception {
        return session.count();
    }
}
