package org.convene.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convene.ConveneApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ApplicationListener;

/**
 * (e) Where Convene's start-up time goes: Convene started as {@link StartUp} starts it, with Spring's
 * {@link BufferingApplicationStartup} recording every step (each bean's instantiation, the parsing
 * of configuration classes, the web server's creation…). When the app is ready it writes the
 * {@code bench.steps} file (a text table) and goes on serving until it is stopped:
 * <ul>
 * <li>the phases of the refresh (the steps directly under {@code spring.context.refresh}), in
 * milliseconds, longest first;</li>
 * <li>the beans whose instantiation took longest, each with its time of its own (its time less that
 * of the beans it made on the way), in milliseconds.</li>
 * </ul>
 * Recording adds a little to the start, so {@link StartUp} times this launch apart from the rounds it
 * compares with the bare app.
 */
public final class StartupSteps {

    private StartupSteps() {
    }

    /**
     * @param args Convene's own arguments (as {@link StartUp} passes them)
     * @throws UncheckedIOException when the {@code bench.steps} file cannot be written
     */
    public static void main(String[] args) {
        Path output = Path.of(System.getProperty("bench.steps", "startup-steps.txt"));
        BufferingApplicationStartup recording = new BufferingApplicationStartup(50_000);
        SpringApplication app = new SpringApplication(ConveneApplication.class);
        app.setApplicationStartup(recording);
        app.addInitializers(context -> context.getBeanFactory().registerSingleton("benchMainClassesOnly", new MainClassesOnly()));
        app.addListeners(new ApplicationListener<ApplicationReadyEvent>() { // a class, so that its event type is known
            @Override
            public void onApplicationEvent(ApplicationReadyEvent ready) {
                write(recording, output);
            }
        });
        app.run(args);
    }

    private static void write(BufferingApplicationStartup recording, Path output) {
        List<TimelineEvent> events = recording.getBufferedTimeline().getEvents();
        Map<Long, Duration> children = new HashMap<>();
        Long refresh = null;
        for (TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                children.merge(parent, event.getDuration(), Duration::plus);
            }
            if (event.getStartupStep().getName().equals("spring.context.refresh")) {
                refresh = event.getStartupStep().getId();
            }
        }
        List<String> lines = new ArrayList<>();
        Long refreshId = refresh;
        lines.add("Phases of the refresh (ms, longest first):");
        events.stream().filter(e -> refreshId != null && refreshId.equals(e.getStartupStep().getParentId())
                        && !e.getStartupStep().getName().equals("spring.beans.instantiate"))
                .sorted(Comparator.comparing(TimelineEvent::getDuration).reversed()).limit(10)
                .forEach(e -> lines.add(String.format("%8d  %s %s", e.getDuration().toMillis(), e.getStartupStep().getName(), tags(e))));
        lines.add("");
        lines.add("Beans by time of their own (ms: own, with the beans made on the way):");
        events.stream().filter(e -> e.getStartupStep().getName().equals("spring.beans.instantiate"))
                .sorted(Comparator.comparing((TimelineEvent e) -> own(e, children)).reversed()).limit(40)
                .forEach(e -> lines.add(String.format("%8d %8d  %s", own(e, children).toMillis(), e.getDuration().toMillis(), tags(e))));
        try {
            Files.write(output, lines);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static Duration own(TimelineEvent event, Map<Long, Duration> children) {
        return event.getDuration().minus(children.getOrDefault(event.getStartupStep().getId(), Duration.ZERO));
    }

    private static String tags(TimelineEvent event) {
        StringBuilder tags = new StringBuilder();
        event.getStartupStep().getTags().forEach(tag -> tags.append(tag.getKey()).append('=').append(tag.getValue()).append(' '));
        return tags.toString().strip();
    }
}
