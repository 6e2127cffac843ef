package org.auditmanager.signoff;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.engagement.ProcessVariables;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.UserAccounts;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A sign-off task completed through the engine's own doors (Tasklist, /engine-rest) is a sign-off too: on the
 * engine's task complete event (published to Spring by the Camunda event bridge, public API) the typed name is
 * checked against the completing person and the sign-off is recorded, in the completing transaction, exactly as
 * {@link SignOffTaskForm} does for our pages and API. A refusal throws, so the task stays open.
 * <p>
 * Only completions by an authenticated person are signed: Tasklist and /engine-rest set the engine's
 * authentication, internal Java API calls (process tests, the engine's own work) have none and are left alone.
 * Our own path has already recorded the sign-off for the task when the engine completes it, and is skipped.
 */
@Component
class EngineSignOffListener {

    private final SignOffRecorder recorder;
    private final IdentityService identityService;
    private final UserAccounts accounts;
    private final Engagements engagements;
    private final MessageSource messages;

    EngineSignOffListener(SignOffRecorder recorder, IdentityService identityService, UserAccounts accounts,
                          Engagements engagements, MessageSource messages) {
        this.recorder = recorder;
        this.identityService = identityService;
        this.accounts = accounts;
        this.engagements = engagements;
        this.messages = messages;
    }

    @EventListener
    void onTask(DelegateTask task) {
        if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        Optional<SignOffStep> step = SignOffStep.of(task.getTaskDefinitionKey());
        var caller = identityService.getCurrentAuthentication();
        if (step.isEmpty() || caller == null || caller.getUserId() == null) {
            return;
        }
        Object engagementId = task.getVariable(ProcessVariables.ENGAGEMENT_ID);
        if (engagementId == null) {
            return;
        }
        AuthenticatedUser user = accounts.principal(caller.getUserId())
                .orElseThrow(() -> new BadUserRequestException(message("signoff.error.notSigned")));
        Engagement engagement = engagements.get(UUID.fromString(String.valueOf(engagementId)), user);
        String processInstanceId = task.getProcessInstanceId();
        if (recorder.recorded(engagement, processInstanceId, task.getTaskDefinitionKey(), task.getId())) {
            return;
        }
        SignOffRecorder.Signing signing = SignOffRecorder.Signing.of(step.get(), task.getVariables());
        if (!signing.nameMatches(user)) {
            throw new BadUserRequestException(message("signoff.error.notSigned") + " "
                    + message("signoff.error.nameMismatch", user.displayName()));
        }
        if (signing.lacksReturnComment()) {
            throw new BadUserRequestException(message("signoff.error.notSigned") + " "
                    + message("signoff.error.returnNeedsComment"));
        }
        recorder.record(engagement, processInstanceId, task.getId(), task.getName(), signing,
                recorder.summary(engagement, user), user);
    }

    private String message(String code, Object... arguments) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, arguments, locale);
    }
}
