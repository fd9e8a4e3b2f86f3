package org.convene.bench;

import java.util.HashMap;
import java.util.Map;
import org.convene.AppNode;
import org.convene.ConveneApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Convene as it runs (its default configuration, authorizations on) inside the benchmark's JVM, on
 * the benchmark's PostgreSQL, with the demo users and no demo meeting, serving HTTP on a free port.
 */
final class ConveneApp {

    private ConveneApp() {
    }

    static ConfigurableApplicationContext start(Database database, Map<String, Object> extra) throws Exception {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", database.url);
        properties.put("spring.datasource.username", database.user);
        properties.put("spring.datasource.password", database.password);
        properties.put("server.port", 0);
        properties.put("spring.mail.port", freePort());
        properties.put("convene.demo.enabled", true);
        properties.put("convene.demo.meeting", false);
        properties.put("logging.level.root", "warn");
        properties.putAll(extra);
        return new SpringApplicationBuilder(ConveneApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("benchMainClassesOnly", new MainClassesOnly()))
                // part (b)'s switches, each layer of a REST request on unless the benchmark turns it off
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(new RestLayers()))
                // as arguments: they override application.yaml (builder properties would be defaults under it)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    static int freePort() throws java.io.IOException {
        return AppNode.freePort();
    }
}
