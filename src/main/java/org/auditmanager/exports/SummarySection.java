package org.auditmanager.exports;

import org.auditmanager.engagement.Engagement;
import org.auditmanager.security.AuthenticatedUser;

/**
 * One section of the engagement summary PDF. Each section is a bean of this package that reads from its
 * feature's public service; the summary shows every section bean in {@link #order()}. A new feature (findings,
 * evidence, sign-offs) adds a section here, so that exports depends on the features and never the reverse.
 */
interface SummarySection {

    /** Position in the report; sections leave gaps of ten so that new ones fit between. */
    int order();

    /**
     * The section for an engagement the reader may see (checked before any section is asked).
     *
     * @param reader the person the PDF is made for: a section shows nothing that person could not see
     */
    SectionContent content(Engagement engagement, AuthenticatedUser reader, ExportText text);
}
