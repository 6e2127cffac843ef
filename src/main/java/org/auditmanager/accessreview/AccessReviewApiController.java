package org.auditmanager.accessreview;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The access review as JSON, for admins (role checked in SecurityConfig). */
@RestController
class AccessReviewApiController {

    private final AccessReview review;

    AccessReviewApiController(AccessReview review) {
        this.review = review;
    }

    @GetMapping("/api/admin/access-review")
    List<AccessReviewEntry> entries() {
        return review.entries();
    }
}
