package org.auditmanager.security;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Mirrors our users, roles and organisations into the engine's identity tables (no passwords: people sign in
 * through our login only), so that Tasklist, Cockpit and Admin show real names and groups.
 */
@Component
public class CamundaIdentityMirror {

    private final IdentityService identityService;

    CamundaIdentityMirror(IdentityService identityService) {
        this.identityService = identityService;
    }

    void mirror(NewUser user) {
        if (identityService.createUserQuery().userId(user.username()).count() == 0) {
            User engineUser = identityService.newUser(user.username());
            int space = user.displayName().indexOf(' ');
            engineUser.setFirstName(space > 0 ? user.displayName().substring(0, space) : user.displayName());
            engineUser.setLastName(space > 0 ? user.displayName().substring(space + 1) : "");
            engineUser.setEmail(user.email());
            identityService.saveUser(engineUser);
        }
        for (Role role : user.roles()) {
            ensureGroup(CamundaGroups.roleGroup(role), role.name(), "WORKFLOW");
            identityService.createMembership(user.username(), CamundaGroups.roleGroup(role));
        }
        if (user.roles().contains(Role.ADMIN)) {
            // the webapps treat members of camunda-admin as administrators (and ask for a first-run setup without one)
            ensureGroup(CamundaGroups.CAMUNDA_ADMIN, "Camunda administrators", "SYSTEM");
            identityService.createMembership(user.username(), CamundaGroups.CAMUNDA_ADMIN);
        }
        if (user.organisationId() != null) {
            identityService.createMembership(user.username(), CamundaGroups.organisationGroup(user.organisationId()));
        }
    }

    public void mirrorOrganisation(UUID organisationId, String name) {
        ensureGroup(CamundaGroups.organisationGroup(organisationId), name, "ORGANISATION");
    }

    private void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }
}
