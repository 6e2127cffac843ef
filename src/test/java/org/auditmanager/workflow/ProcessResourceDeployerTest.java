package org.auditmanager.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = "app.demo.seed-engagements=false")
@ActiveProfiles("demo")
class ProcessResourceDeployerTest {

    @Autowired RepositoryService repositoryService;
    @Autowired ProcessResourceDeployer deployer;

    private Deployment latest() {
        return repositoryService.createDeploymentQuery().deploymentName(ProcessResourceDeployer.DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().list().get(0);
    }

    @Test
    void processesAndFormsAreOneDeploymentWithStableNames() {
        assertThat(repositoryService.getDeploymentResourceNames(latest().getId()))
                .contains("processes/engagement-kickoff.bpmn", "forms/engagement-plan.form", "forms/audit-contacts.form")
                .allMatch(name -> name.startsWith("processes/") || name.startsWith("forms/"));
    }

    @Test
    void deployingUnchangedResourcesAgainCreatesNoNewVersion() {
        long deployments = repositoryService.createDeploymentQuery().count();
        int version = repositoryService.createProcessDefinitionQuery().processDefinitionKey("engagement-kickoff")
                .latestVersion().singleResult().getVersion();

        deployer.afterSingletonsInstantiated();

        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("engagement-kickoff")
                .latestVersion().singleResult().getVersion()).isEqualTo(version);
    }
}
