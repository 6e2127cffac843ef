/**
 * Who may reach what: the access review of every account, external auditors with an access window, and the
 * engine grants that make Cockpit, Tasklist and /engine-rest follow engagement membership like the app does.
 */
package org.auditmanager.accessreview;
