package org.convene.bench;

import java.io.IOException;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Keeps the app started inside the benchmark's JVM to its own classes: the test and benchmark
 * classes (ProcessDriver, Mailbox, ... are components of the tests) are on the benchmark's class
 * path but must not be scanned. Spring Boot's {@code @SpringBootApplication} asks every
 * {@link TypeExcludeFilter} bean, as its test support does.
 */
final class MainClassesOnly extends TypeExcludeFilter {

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
        return reader.getResource().getURL().toString().contains("/test-classes/");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MainClassesOnly;
    }

    @Override
    public int hashCode() {
        return MainClassesOnly.class.hashCode();
    }
}
