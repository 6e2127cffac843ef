/**
 * Engagement timelines: milestones recorded by the processes ({@link org.auditmanager.timeline.Milestones}, bean
 * {@code milestones} in BPMN expressions), the dates each framework projects from them, statuses, the what-if,
 * the portfolio, the process view and the per-user calendar feed. docs/timeline.md describes them.
 */
package org.auditmanager.timeline;
