package org.auditmanager.signoff;

import java.util.UUID;
import org.auditmanager.common.PageOf;
import org.auditmanager.common.PageRequest;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.stereotype.Service;

/** The sign-offs of an engagement, for whoever may see the engagement. They are written by {@link SignOffTaskForm}. */
@Service
public class SignOffs {

    private final SignOffRepository repository;
    private final Engagements engagements;

    SignOffs(SignOffRepository repository, Engagements engagements) {
        this.repository = repository;
        this.engagements = engagements;
    }

    /** Latest first; 404 (NotFoundException) when the user may not see the engagement. */
    public PageOf<SignOff> of(UUID engagementId, AuthenticatedUser user, PageRequest page) {
        engagements.get(engagementId, user);
        return new PageOf<>(repository.ofEngagement(engagementId, page.size(), page.page() * page.size()),
                repository.countOfEngagement(engagementId), page.page(), page.size());
    }
}
