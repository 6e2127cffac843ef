package org.auditmanager.signoff;

import java.util.List;

/**
 * The sign-off part of a task page: the summary being signed with its digest (posted back with the form, so a
 * summary that changed in between is noticed), and the earlier versions of this step's sign-off.
 */
public record SignOffForm(SignOffSummary summary, String summarySha256, List<SignOff> earlier) {

    static final String TEMPLATE = "signoff/summary";

    public String digestField() {
        return SignOffStep.SUMMARY_DIGEST_FIELD;
    }
}
