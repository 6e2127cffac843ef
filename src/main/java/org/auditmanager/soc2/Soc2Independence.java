package org.auditmanager.soc2;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.auditmanager.engagement.TeamMember;
import org.auditmanager.engagement.TeamRole;

/**
 * Independence and objectivity of a SOC 2 engagement team (reference.md E.8), as a pure function for the
 * acceptance step. Both rules are firm requirements, not conventions, so nothing here is configurable.
 */
public final class Soc2Independence {

    private Soc2Independence() {
    }

    /**
     * @param team                      the engagement's members with their roles; the quality reviewer is a
     *                                  member with the {@link TeamRole#QUALITY_REVIEWER} role
     * @param readinessControlDesigners staff who designed the client's controls in a readiness engagement
     * @return every conflict, in team order; empty when the team is independent
     */
    public static List<IndependenceConflict> conflicts(Collection<TeamMember> team,
                                                       Set<String> readinessControlDesigners) {
        Set<String> engagementTeam = new LinkedHashSet<>();
        team.stream().filter(member -> member.role().isAuditTeam()).map(TeamMember::username)
                .forEach(engagementTeam::add);
        List<IndependenceConflict> conflicts = new ArrayList<>();
        for (String username : engagementTeam) {
            if (readinessControlDesigners.contains(username)) {
                conflicts.add(new IndependenceConflict(username, ("%s designed the client's controls in the readiness "
                        + "engagement and may not be on the examination team: the auditor must not perform "
                        + "management functions, and would be testing their own work.").formatted(username)));
            }
        }
        team.stream().filter(member -> member.role() == TeamRole.QUALITY_REVIEWER)
                .map(TeamMember::username).distinct().filter(engagementTeam::contains)
                .forEach(username -> conflicts.add(new IndependenceConflict(username, ("%s is the engagement "
                        + "quality reviewer and may not be on the engagement team: the review must be objective "
                        + "(SQMS No. 2).").formatted(username))));
        return conflicts;
    }
}
