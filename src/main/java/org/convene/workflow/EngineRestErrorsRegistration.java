package org.convene.workflow;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link EngineRestErrors}' mappers in front of Camunda's, in both of the JAX-RS
 * applications that users call: the REST API ({@code /engine-rest}, the Spring Boot starter's
 * Jersey {@code ResourceConfig}, through a customizer) and the webapps' own APIs, of which
 * Tasklist's engine API ({@code /camunda/api/engine/...}) is one. Those are Jersey servlets that
 * the webapp starter registers with an {@code Application} class; Jersey adds to each the
 * properties it finds among the servlet context's attributes, so the provider class names go
 * there (an init parameter of the servlet would depend on the order of the initializers).
 */
@Configuration
class EngineRestErrorsRegistration {

    static final Class<?>[] MAPPERS = {EngineRestErrors.RestExceptionRefusal.class,
            EngineRestErrors.EngineExceptionRefusal.class, EngineRestErrors.NullPointerRefusal.class};

    @Bean
    ResourceConfigCustomizer engineRestRefusals() {
        return config -> Stream.of(MAPPERS).forEach(config::register);
    }

    @Bean
    ServletContextInitializer webappApiRefusals() {
        return servletContext -> servletContext.setAttribute(ServerProperties.PROVIDER_CLASSNAMES,
                Stream.of(MAPPERS).map(Class::getName).collect(Collectors.joining(",")));
    }
}
