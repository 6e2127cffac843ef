package org.auditmanager.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN, DMN and Camunda Form from the top-level {@code processes/} and {@code forms/} folders
 * as one deployment, with stable names ({@code processes/x.bpmn}, {@code forms/y.form}) so that forms bound
 * by deployment resolve and unchanged resources are not deployed again on restart or on a second node.
 */
@Component
class ProcessResourceDeployer implements SmartInitializingSingleton {

    static final String DEPLOYMENT_NAME = "audit-engagement-manager";
    private static final Logger log = LoggerFactory.getLogger(ProcessResourceDeployer.class);
    private static final String[] FOLDERS = {"processes", "forms"};
    private static final String[] PATTERNS = {
            "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form"};

    private final RepositoryService repositoryService;

    ProcessResourceDeployer(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, Resource> resources = findResources();
        DeploymentBuilder deployment = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("application")
                .enableDuplicateFiltering(true);
        resources.forEach((name, resource) -> deployment.addInputStream(name, read(resource)));
        String id = deployment.deploy().getId();
        log.info("Deployment {} holds {} process and form resources", id, resources.size());
    }

    private static Map<String, Resource> findResources() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, Resource> byName = new TreeMap<>();
        try {
            for (String pattern : PATTERNS) {
                for (Resource resource : resolver.getResources(pattern)) {
                    byName.put(stableName(resource), resource);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list process resources", e);
        }
        return byName;
    }

    /** The path from the processes/ or forms/ folder on, whatever the classpath root (folder or jar). */
    static String stableName(Resource resource) throws IOException {
        String url = resource.getURL().toString();
        for (String folder : FOLDERS) {
            int at = url.lastIndexOf("/" + folder + "/");
            if (at >= 0) {
                return url.substring(at + 1);
            }
        }
        throw new IllegalStateException("not under processes/ or forms/: " + url);
    }

    private static InputStream read(Resource resource) {
        try {
            // read fully: the deployment reads the streams after this method returns
            return new ByteArrayInputStream(resource.getContentAsByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
