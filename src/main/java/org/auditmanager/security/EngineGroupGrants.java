package org.auditmanager.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine permissions that follow from a role alone, made sure of at every start (existing grants only
 * gain what is missing): administrators everything, engagement managers read everything, every staff member
 * may open Cockpit and Tasklist and read the process models. What auditors and reviewers may see of running
 * engagements is granted per person and engagement elsewhere, as they join a team.
 */
@Component
class EngineGroupGrants {

    private static final String ANY = Authorization.ANY;

    private record Grant(String group, Resource resource, String resourceId, List<Permission> permissions) {
    }

    private final AuthorizationService authorizationService;

    EngineGroupGrants(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void ensureGroupGrants() {
        grants().forEach(this::ensure);
    }

    private static List<Grant> grants() {
        String manager = CamundaGroups.roleGroup(Role.ENGAGEMENT_MANAGER);
        String staff = CamundaGroups.STAFF_WEBAPPS;
        List<Grant> administrators = Stream.of(CamundaGroups.roleGroup(Role.ADMIN), CamundaGroups.CAMUNDA_ADMIN)
                .flatMap(group -> Arrays.stream(Resources.values())
                        .map(resource -> new Grant(group, resource, ANY, List.of(Permissions.ALL))))
                .toList();
        List<Grant> readers = List.of(
                new Grant(manager, Resources.PROCESS_DEFINITION, ANY, List.of(Permissions.READ,
                        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                        ProcessDefinitionPermissions.READ_TASK)),
                new Grant(manager, Resources.PROCESS_INSTANCE, ANY, List.of(Permissions.READ)),
                new Grant(manager, Resources.TASK, ANY, List.of(Permissions.READ)),
                new Grant(manager, Resources.HISTORIC_PROCESS_INSTANCE, ANY, List.of(HistoricProcessInstancePermissions.READ)),
                new Grant(manager, Resources.HISTORIC_TASK, ANY, List.of(HistoricTaskPermissions.READ)),
                new Grant(manager, Resources.DECISION_DEFINITION, ANY, List.of(Permissions.READ, Permissions.READ_HISTORY)),
                new Grant(manager, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, List.of(Permissions.READ)),
                new Grant(manager, Resources.DEPLOYMENT, ANY, List.of(Permissions.READ)),
                new Grant(staff, Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
                new Grant(staff, Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
                new Grant(staff, Resources.APPLICATION, "welcome", List.of(Permissions.ACCESS)),
                // the models only: which instances exist is granted per engagement
                new Grant(staff, Resources.PROCESS_DEFINITION, ANY, List.of(Permissions.READ)),
                new Grant(staff, Resources.DECISION_DEFINITION, ANY, List.of(Permissions.READ)),
                new Grant(staff, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, List.of(Permissions.READ)),
                // Tasklist's saved task filters; each filter's tasks are still checked one by one
                new Grant(staff, Resources.FILTER, ANY, List.of(Permissions.READ)));
        return Stream.concat(administrators.stream(), readers.stream()).toList();
    }

    private void ensure(Grant grant) {
        Authorization authorization = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(grant.group())
                .resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(grant.group());
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
        } else if (grant.permissions().stream().allMatch(authorization::isPermissionGranted)) {
            return;
        }
        grant.permissions().forEach(authorization::addPermission);
        authorizationService.saveAuthorization(authorization);
    }
}
