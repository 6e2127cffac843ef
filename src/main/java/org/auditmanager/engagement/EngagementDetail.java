package org.auditmanager.engagement;

import java.util.Optional;

/**
 * What a feature adds to an engagement in GET /api/engagements/{id}, under its own property name, so that the
 * engagement package need not know the features built on it.
 */
public interface EngagementDetail {

    /** the property name in the engagement's JSON */
    String name();

    /** the feature's detail of an engagement already shown to the caller; empty when it has none */
    Optional<Object> of(Engagement engagement);
}
