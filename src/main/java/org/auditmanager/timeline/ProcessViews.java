package org.auditmanager.timeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.auditmanager.common.ForbiddenException;
import org.auditmanager.common.NotFoundException;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.security.AuthenticatedUser;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The processes an engagement has run (every process instance with its reference as business key), with their
 * BPMN and which activities are current and which completed, read from the engine's history. Staff only: the
 * diagram shows the auditors' internal steps, which a client's task list never does.
 */
@Component
class ProcessViews {

    record Step(String activityId, String name, @Nullable Instant ended) {
    }

    record Instance(String id, String definitionId, String name, boolean active, Instant started,
                    List<Step> current, List<Step> completed) {

        List<String> currentIds() {
            return current.stream().map(Step::activityId).distinct().toList();
        }

        List<String> completedIds() {
            return completed.stream().map(Step::activityId).filter(id -> !currentIds().contains(id)).distinct()
                    .toList();
        }
    }

    private final HistoryService historyService;
    private final RepositoryService repositoryService;

    ProcessViews(HistoryService historyService, RepositoryService repositoryService) {
        this.historyService = historyService;
        this.repositoryService = repositoryService;
    }

    static void requireStaff(AuthenticatedUser user) {
        if (user.isClient()) {
            throw new ForbiddenException("The process diagram is for the audit firm's staff.");
        }
    }

    /** Oldest first: the kick-off, then the processes that took over from it. */
    List<Instance> of(Engagement engagement) {
        List<Instance> instances = new ArrayList<>();
        for (HistoricProcessInstance process : historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(engagement.reference()).orderByProcessInstanceStartTime().asc().list()) {
            instances.add(instance(process));
        }
        return instances;
    }

    /** One instance of the engagement, or its latest when no id is given; 404 for an instance of another one. */
    Instance one(Engagement engagement, @Nullable String instanceId) {
        List<Instance> instances = of(engagement);
        if (instanceId == null || instanceId.isBlank()) {
            if (instances.isEmpty()) {
                throw new NotFoundException("Process");
            }
            return instances.get(instances.size() - 1);
        }
        return instances.stream().filter(instance -> instance.id().equals(instanceId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Process"));
    }

    String bpmnXml(Instance instance) {
        try (InputStream in = repositoryService.getProcessModel(instance.definitionId())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the process model " + instance.definitionId(), e);
        }
    }

    private Instance instance(HistoricProcessInstance process) {
        Map<String, Step> current = new LinkedHashMap<>();
        List<Step> completed = new ArrayList<>();
        for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(process.getId()).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list()) {
            // a multi-instance body is a scope around the activity it repeats, not a step of its own
            if (activity.getActivityId().contains("#")) {
                continue;
            }
            String name = activity.getActivityName() != null ? activity.getActivityName() : activity.getActivityId();
            if (activity.getEndTime() == null) {
                current.put(activity.getActivityId(), new Step(activity.getActivityId(), name, null));
            } else {
                completed.add(new Step(activity.getActivityId(), name, activity.getEndTime().toInstant()));
            }
        }
        String name = process.getProcessDefinitionName() != null ? process.getProcessDefinitionName()
                : process.getProcessDefinitionKey();
        return new Instance(process.getId(), process.getProcessDefinitionId(), name, process.getEndTime() == null,
                process.getStartTime().toInstant(), List.copyOf(current.values()), completed);
    }
}
