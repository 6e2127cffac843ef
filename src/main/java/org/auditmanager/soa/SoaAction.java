package org.auditmanager.soa;

/** What the caller may do with a Statement of Applicability now. */
public enum SoaAction {
    SAVE_DRAFT,
    SUBMIT,
    APPROVE,
    SEND_BACK,
    START_REVISION
}
