package org.auditmanager.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.auditmanager.security.AuthenticatedUser;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The task types the task-list filter offers: the user tasks of the deployed processes (their BPMN ids and
 * names). A client is offered the types its organisation is asked to do, the firm's staff the others. The
 * models come from the engine's deployment cache, so this costs one definition query.
 */
@Component
class TaskTypes {

    /** How a process offers a task to the client's organisation (see the processes' candidateGroups). */
    private static final String CLIENT_GROUP_EXPRESSION = "${clientGroup}";

    private final RepositoryService repositoryService;

    TaskTypes(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** Task type id → name, by name. */
    Map<String, String> offeredTo(AuthenticatedUser user) {
        Map<String, String> byKey = new TreeMap<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)
                    .stream()
                    .filter(task -> isForClients(task) == user.isClient())
                    .forEach(task -> byKey.putIfAbsent(task.getId(), task.getName() == null ? task.getId()
                            : task.getName()));
        }
        Map<String, String> byName = new LinkedHashMap<>();
        byKey.entrySet().stream()
                .sorted(Map.Entry.<String, String>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> byName.put(entry.getKey(), entry.getValue()));
        return byName;
    }

    private static boolean isForClients(UserTask task) {
        String groups = task.getCamundaCandidateGroups();
        return groups != null && List.of(groups.split(",")).stream().map(String::strip)
                .anyMatch(CLIENT_GROUP_EXPRESSION::equals);
    }
}
