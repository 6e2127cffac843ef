package org.auditmanager.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    /** The catalogue files ship inside the application, next to this manifest. */
    static final String MANIFEST = "catalog/catalogues.yml";

    @Bean
    CatalogManifest catalogManifest() {
        return CatalogManifest.read(new ClassPathResource(MANIFEST));
    }
}
