package org.auditmanager.timeline;

import java.util.Map;
import org.auditmanager.engagement.Framework;
import org.auditmanager.timeline.TimelineEntry.Kind;
import org.auditmanager.timeline.TimelineEntry.Phase;

/**
 * The milestone keys the timeline knows, with the phase it shows them in and what kind of date they are. The
 * ISO keys are those of {@code iso.CycleProjection.MilestoneKind} plus the initial audits; processes record
 * them with {@link Milestones}. Any other key is shown too, under "Other milestones". docs/timeline.md lists
 * them all.
 */
final class KnownMilestones {

    static final String STAGE1_AUDIT = "STAGE1_AUDIT";
    static final String STAGE2_AUDIT = "STAGE2_AUDIT";
    static final String CERTIFICATION_DECISION = "CERTIFICATION_DECISION";
    static final String FIRST_SURVEILLANCE = "FIRST_SURVEILLANCE";
    static final String SECOND_SURVEILLANCE = "SECOND_SURVEILLANCE";
    static final String RECERTIFICATION_DECISION = "RECERTIFICATION_DECISION";
    static final String CERTIFICATE_EXPIRY = "CERTIFICATE_EXPIRY";
    static final String RESTORATION_DEADLINE = "RESTORATION_DEADLINE";
    static final String FIELDWORK = "FIELDWORK";
    static final String FIELDWORK_START = "FIELDWORK_START";
    static final String FIELDWORK_END = "FIELDWORK_END";
    static final String OBSERVATION_PERIOD = "OBSERVATION_PERIOD";
    static final String AS_OF_DATE = "AS_OF_DATE";
    static final String REPORT_ISSUED = "REPORT_ISSUED";
    static final String BRIDGE_LETTER_COVER = "BRIDGE_LETTER_COVER";

    record Shape(Phase phase, Kind kind) {
    }

    private static final Map<String, Shape> ISO = Map.of(
            STAGE1_AUDIT, new Shape(Phase.INITIAL_AUDIT, Kind.DEADLINE),
            STAGE2_AUDIT, new Shape(Phase.INITIAL_AUDIT, Kind.DEADLINE),
            CERTIFICATION_DECISION, new Shape(Phase.INITIAL_AUDIT, Kind.DEADLINE),
            FIRST_SURVEILLANCE, new Shape(Phase.SURVEILLANCE, Kind.DEADLINE),
            SECOND_SURVEILLANCE, new Shape(Phase.SURVEILLANCE, Kind.DEADLINE),
            "RECERTIFICATION_PLANNING", new Shape(Phase.RECERTIFICATION, Kind.DEADLINE),
            "RECERTIFICATION_AUDIT", new Shape(Phase.RECERTIFICATION, Kind.DEADLINE),
            RECERTIFICATION_DECISION, new Shape(Phase.RECERTIFICATION, Kind.DEADLINE),
            CERTIFICATE_EXPIRY, new Shape(Phase.RECERTIFICATION, Kind.MARKER),
            RESTORATION_DEADLINE, new Shape(Phase.RECERTIFICATION, Kind.PERIOD));

    private static final Map<String, Shape> SOC2 = Map.of(
            AS_OF_DATE, new Shape(Phase.EXAMINATION, Kind.MARKER),
            OBSERVATION_PERIOD, new Shape(Phase.EXAMINATION, Kind.PERIOD),
            REPORT_ISSUED, new Shape(Phase.REPORTING, Kind.DEADLINE),
            BRIDGE_LETTER_COVER, new Shape(Phase.REPORTING, Kind.PERIOD));

    private KnownMilestones() {
    }

    /** Where a key belongs; an unknown key with a due date is a deadline, without one a marker. */
    static Shape shape(Framework framework, String key, boolean hasDueDate) {
        if (FIELDWORK.equals(key)) {
            return new Shape(framework == Framework.ISO27001 ? Phase.INITIAL_AUDIT : Phase.EXAMINATION, Kind.PERIOD);
        }
        Shape known = (framework == Framework.ISO27001 ? ISO : SOC2).get(key);
        if (known != null) {
            return known;
        }
        return new Shape(Phase.OTHER, hasDueDate ? Kind.DEADLINE : Kind.MARKER);
    }
}
