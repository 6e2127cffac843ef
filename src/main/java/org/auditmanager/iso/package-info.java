/**
 * ISO/IEC 27001 certification cycle rules: {@link org.auditmanager.iso.IsoCyclePolicy} for every deadline and
 * window of the cycle, {@link org.auditmanager.iso.AuditTime} for audit days, both configured through
 * {@link org.auditmanager.iso.IsoCycleProperties}. docs/iso27001-cycle.md explains each rule and its source.
 */
package org.auditmanager.iso;
