package org.convene.bench;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs one JMH benchmark method inside this JVM (no fork: the app it measures runs here), one
 * warm-up iteration, then {@code iterations} measured ones of {@code seconds} each.
 */
final class Jmh {

    private final int iterations;
    private final int seconds;

    Jmh(int iterations, int seconds) {
        this.iterations = iterations;
        this.seconds = seconds;
    }

    RunResult run(Class<?> benchmark, String method, int threads) throws RunnerException {
        return run(benchmark, method, threads, null);
    }

    /** With {@code mode} = SingleShotTime: no warm-up, one call per iteration (for calls of seconds or more). */
    RunResult run(Class<?> benchmark, String method, int threads, Mode mode) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(benchmark.getName().replace(".", "\\.") + "\\." + method + "$")
                .forks(0).threads(threads).shouldFailOnError(true)
                .warmupIterations(1).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(seconds));
        if (mode != null) {
            options.mode(mode);
            if (mode == Mode.SingleShotTime) {
                options.warmupIterations(0);
            }
        }
        return new Runner(options.build()).runSingle();
    }
}
