package org.auditmanager.accessreview;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;

/** The external-auditor page's form, bound field by field and turned into a {@link NewExternalAuditor}. */
public class ExternalAuditorForm {

    private UUID engagementId;
    private String username;
    private String displayName;
    private String email;
    private String password;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate accessFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate accessUntil;

    NewExternalAuditor toRequest() {
        return new NewExternalAuditor(engagementId, username == null ? null : username.strip(), displayName,
                email == null || email.isBlank() ? null : email.strip(), password, accessFrom, accessUntil);
    }

    public UUID getEngagementId() { return engagementId; }
    public void setEngagementId(UUID engagementId) { this.engagementId = engagementId; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public LocalDate getAccessFrom() { return accessFrom; }
    public void setAccessFrom(LocalDate accessFrom) { this.accessFrom = accessFrom; }
    public LocalDate getAccessUntil() { return accessUntil; }
    public void setAccessUntil(LocalDate accessUntil) { this.accessUntil = accessUntil; }
}
