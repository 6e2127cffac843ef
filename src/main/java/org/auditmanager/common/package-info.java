/** Exceptions every feature may throw; the web layer turns them into HTTP answers. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.auditmanager.common;
