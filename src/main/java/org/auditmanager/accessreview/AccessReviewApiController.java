package org.auditmanager.accessreview;

import org.auditmanager.common.PageOf;
import org.auditmanager.common.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The access review as JSON, for admins (role checked in SecurityConfig). */
@RestController
class AccessReviewApiController {

    private final AccessReview review;

    AccessReviewApiController(AccessReview review) {
        this.review = review;
    }

    @GetMapping("/api/admin/access-review")
    PageOf<AccessReviewEntry> entries(@RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        return review.entries(PageRequest.of(page, size));
    }
}
