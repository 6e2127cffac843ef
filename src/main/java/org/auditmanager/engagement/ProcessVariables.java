package org.auditmanager.engagement;

/** The process variables every engagement process carries: ids only, the data stays in our tables. */
public final class ProcessVariables {

    public static final String ENGAGEMENT_ID = "engagementId";
    /** the client organisation's Camunda group: candidate group of every client task */
    public static final String CLIENT_GROUP = "clientGroup";
    public static final String LEAD_AUDITOR = "leadAuditor";

    private ProcessVariables() {
    }
}
