package org.auditmanager.engagement;

/** What sort of engagement: an ISO certification cycle, or a SOC 2 Type I or Type II examination. */
public enum EngagementKind {
    CERTIFICATION_CYCLE(Framework.ISO27001),
    TYPE_I(Framework.SOC2),
    TYPE_II(Framework.SOC2);

    private final Framework framework;

    EngagementKind(Framework framework) {
        this.framework = framework;
    }

    public Framework framework() {
        return framework;
    }

    public boolean belongsTo(Framework candidate) {
        return framework == candidate;
    }
}
