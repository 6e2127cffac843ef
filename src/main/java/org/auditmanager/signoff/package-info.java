/**
 * Sign-offs and approval decisions: the lead auditor's sign-off, the certification decision, the engagement quality
 * review and the partner sign-off. When such a task is completed, {@link org.auditmanager.signoff.SignOffTaskForm}
 * records who signed what (the summary they were shown, with its SHA-256), under a typed-name acknowledgement;
 * records are only ever inserted, and signing again after a return is the next version.
 */
package org.auditmanager.signoff;
