package org.auditmanager.organisation;

import java.util.List;
import java.util.UUID;

/** An audited organisation (the client). Persons in the ISMS scope and its sites drive audit time. */
public record Organisation(UUID id, String name, Integer personsInScope, List<String> sites) {
}
