package org.convene;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A real PostgreSQL 15 for the integration tests, started in-process (no Docker needed). */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

    /**
     * Closed by Spring, after the engine that uses it. Its own JVM shutdown hook (on by default)
     * raced Spring's: when PostgreSQL stopped first, the engine's close waited 30 s for a
     * connection and Surefire killed the forked JVM.
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    }

    @Bean
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .password("postgres")
                .build();
    }
}
