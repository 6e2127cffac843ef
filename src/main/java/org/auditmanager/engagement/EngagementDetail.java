package org.auditmanager.engagement;

import java.util.Optional;

/**
 * What a feature adds to an engagement in GET /api/engagements/{id}, under its own property name, so that the
 * engagement package need not know the features built on it. {@link #type()} documents the property in the
 * OpenAPI description ({@code EngagementApiDocs}).
 */
public interface EngagementDetail {

    /** the property name in the engagement's JSON */
    String name();

    /** the type of the value {@link #of} gives, for the API description */
    Class<?> type();

    /** what the property says and when it is there, for the API description */
    String description();

    /** the feature's detail of an engagement already shown to the caller; empty when it has none */
    Optional<Object> of(Engagement engagement);
}
