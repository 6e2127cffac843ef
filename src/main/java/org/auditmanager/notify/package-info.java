/**
 * E-mail notifications: a new task after its transaction commits, reminders ahead of due dates, escalations to
 * the engagement manager and daily digests, each recorded so that it goes out once. docs/timeline.md describes
 * them.
 */
package org.auditmanager.notify;
