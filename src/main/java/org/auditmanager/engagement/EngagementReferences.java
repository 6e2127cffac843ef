package org.auditmanager.engagement;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out ENG-YYYY-NNNN references, restarting at 1 each year. The one counter row is updated inside the
 * creating transaction: its lock serialises concurrent creations on every node, and a rolled-back creation
 * gives its number back.
 */
@Component
class EngagementReferences {

    private final JdbcClient jdbc;
    private final Clock clock;

    EngagementReferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next() {
        int year = LocalDate.now(clock).getYear();
        jdbc.sql("""
                        update engagement_reference_counter
                        set last_value = case when ref_year = :year then last_value + 1 else 1 end, ref_year = :year
                        where id = 1""")
                .param("year", year).update();
        int value = jdbc.sql("select last_value from engagement_reference_counter where id = 1")
                .query(Integer.class).single();
        return "ENG-%d-%04d".formatted(year, value);
    }
}
