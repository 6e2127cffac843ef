package org.auditmanager.soc2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.auditmanager.engagement.TeamMember;
import org.auditmanager.engagement.TeamRole;
import org.junit.jupiter.api.Test;

class Soc2IndependenceTest {

    private static TeamMember member(String username, TeamRole role) {
        return new TeamMember(username, username, role);
    }

    private static final List<TeamMember> TEAM = List.of(
            member("lead", TeamRole.LEAD_AUDITOR),
            member("auditor", TeamRole.AUDITOR),
            member("reviewer", TeamRole.QUALITY_REVIEWER));

    @Test
    void anIndependentTeamHasNoConflicts() {
        assertThat(Soc2Independence.conflicts(TEAM, Set.of("consultant"))).isEmpty();
    }

    @Test
    void aReadinessControlDesignerMayNotAuditTheControls() {
        List<IndependenceConflict> conflicts = Soc2Independence.conflicts(TEAM, Set.of("auditor"));

        assertThat(conflicts).singleElement().satisfies(conflict -> {
            assertThat(conflict.username()).isEqualTo("auditor");
            assertThat(conflict.reason()).startsWith("auditor designed the client's controls in the readiness "
                    + "engagement and may not be on the examination team");
        });
    }

    @Test
    void aReadinessControlDesignerMayNotLeadTheExamination() {
        assertThat(Soc2Independence.conflicts(TEAM, Set.of("lead")))
                .extracting(IndependenceConflict::username).containsExactly("lead");
    }

    @Test
    void theRuleOnReadinessDesignersCoversTheExaminationTeamOnly() {
        assertThat(Soc2Independence.conflicts(TEAM, Set.of("reviewer"))).isEmpty();
    }

    @Test
    void theQualityReviewerMayNotBeOnTheEngagementTeam() {
        List<TeamMember> team = List.of(member("lead", TeamRole.LEAD_AUDITOR), member("auditor", TeamRole.AUDITOR),
                member("auditor", TeamRole.QUALITY_REVIEWER));

        assertThat(Soc2Independence.conflicts(team, Set.of())).singleElement().satisfies(conflict -> {
            assertThat(conflict.username()).isEqualTo("auditor");
            assertThat(conflict.reason()).isEqualTo("auditor is the engagement quality reviewer and may not be on the "
                    + "engagement team: the review must be objective (SQMS No. 2).");
        });
    }

    @Test
    void reportsEveryConflictOfOnePerson() {
        List<TeamMember> team =
                List.of(member("lead", TeamRole.LEAD_AUDITOR), member("lead", TeamRole.QUALITY_REVIEWER));

        assertThat(Soc2Independence.conflicts(team, Set.of("lead"))).hasSize(2)
                .extracting(IndependenceConflict::reason)
                .anySatisfy(reason -> assertThat(reason).contains("readiness engagement"))
                .anySatisfy(reason -> assertThat(reason).contains("engagement quality reviewer"));
    }
}
