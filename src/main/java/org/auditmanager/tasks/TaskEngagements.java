package org.auditmanager.tasks;

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

/**
 * Finds the engagement of each task through its process instance's business key (the engagement reference,
 * handed down to called processes), two queries for a whole page of tasks.
 */
@Component
class TaskEngagements {

    private final RuntimeService runtimeService;
    private final Engagements engagements;

    TaskEngagements(RuntimeService runtimeService, Engagements engagements) {
        this.runtimeService = runtimeService;
        this.engagements = engagements;
    }

    /** Engagement per process instance id; instances without a known engagement are absent. */
    Map<String, Engagement> of(List<Task> tasks) {
        Set<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        if (instanceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> referenceByInstance = runtimeService.createProcessInstanceQuery()
                .processInstanceIds(instanceIds).list().stream()
                .filter(instance -> instance.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        Map<String, Engagement> byReference = engagements.byReferences(List.copyOf(Set.copyOf(referenceByInstance.values())))
                .stream().collect(Collectors.toMap(Engagement::reference, Function.identity()));
        return referenceByInstance.entrySet().stream()
                .filter(entry -> byReference.containsKey(entry.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> byReference.get(entry.getValue())));
    }
}
