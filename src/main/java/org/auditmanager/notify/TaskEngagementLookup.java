package org.auditmanager.notify;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.engagement.Engagements;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The engagement of each task: its process instance's business key is the engagement reference. */
@Component
class TaskEngagementLookup {

    private final RuntimeService runtimeService;
    private final Engagements engagements;

    TaskEngagementLookup(RuntimeService runtimeService, Engagements engagements) {
        this.runtimeService = runtimeService;
        this.engagements = engagements;
    }

    /** Engagement per task id; tasks outside any engagement are absent. */
    Map<String, Engagement> of(Collection<Task> tasks) {
        Set<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
                .collect(Collectors.toSet());
        if (instanceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> referenceByInstance = runtimeService.createProcessInstanceQuery()
                .processInstanceIds(instanceIds).list().stream()
                .filter(instance -> instance.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        Map<String, Engagement> byReference = engagements.byReferences(List.copyOf(Set.copyOf(
                        referenceByInstance.values()))).stream()
                .collect(Collectors.toMap(Engagement::reference, Function.identity()));
        Map<String, Engagement> byTask = new HashMap<>();
        for (Task task : tasks) {
            Engagement engagement = byReference.get(referenceByInstance.get(task.getProcessInstanceId()));
            if (engagement != null) {
                byTask.put(task.getId(), engagement);
            }
        }
        return byTask;
    }
}
