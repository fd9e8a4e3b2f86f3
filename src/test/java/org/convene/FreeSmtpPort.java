package org.convene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code spring.mail.port: 0} in a test's configuration means "a free port": the embedded SMTP
 * server (mail/EmbeddedSmtp) and Spring's mail sender both read the port chosen here, so test runs
 * on one machine (several worktrees, a running app on 3025) never meet on a fixed port.
 * Registered in src/test/resources/META-INF/spring.factories.
 */
class FreeSmtpPort implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"0".equals(environment.getProperty("spring.mail.port"))) {
            return;
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            environment.getPropertySources().addFirst(new MapPropertySource("freeSmtpPort",
                    Map.of("spring.mail.port", socket.getLocalPort())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
