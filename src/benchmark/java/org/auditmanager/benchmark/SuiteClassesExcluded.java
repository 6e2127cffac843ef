package org.auditmanager.benchmark;

import java.io.IOException;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * The benchmark runs on the test class path (Maven's test scope holds its sources), so the application's
 * component scan would also find the test suite's configurations (an embedded PostgreSQL among them). This
 * filter keeps everything compiled to {@code test-classes} out of the scan, as Spring Boot's test support does
 * for test classes; the benchmark's own configuration is registered by name.
 */
final class SuiteClassesExcluded extends TypeExcludeFilter {

    @Override
    public boolean match(MetadataReader metadataReader, MetadataReaderFactory factory) throws IOException {
        return metadataReader.getResource().getURL().toString().contains("/test-classes/");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SuiteClassesExcluded;
    }

    @Override
    public int hashCode() {
        return SuiteClassesExcluded.class.hashCode();
    }
}
