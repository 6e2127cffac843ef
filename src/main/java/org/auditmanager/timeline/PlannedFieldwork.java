package org.auditmanager.timeline;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.auditmanager.engagement.Engagement;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * The fieldwork window the lead auditor set in the engagement plan (form {@code engagement-plan}, variables
 * {@code plannedStart} and {@code plannedEnd}): the timeline shows it until a process records the fieldwork.
 */
@Component
class PlannedFieldwork {

    static final String START = "plannedStart";
    static final String END = "plannedEnd";

    record Window(LocalDate start, LocalDate end) {
    }

    private final HistoryService historyService;

    PlannedFieldwork(HistoryService historyService) {
        this.historyService = historyService;
    }

    /** The planned window per engagement id; engagements without a complete plan are absent. */
    Map<UUID, Window> of(List<Engagement> engagements) {
        if (engagements.isEmpty()) {
            return Map.of();
        }
        Map<String, Engagement> byReference = engagements.stream()
                .collect(Collectors.toMap(Engagement::reference, Function.identity(), (a, b) -> a));
        Map<String, String> referenceByInstance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKeyIn(byReference.keySet().toArray(String[]::new)).list().stream()
                .collect(Collectors.toMap(HistoricProcessInstance::getId, HistoricProcessInstance::getBusinessKey));
        if (referenceByInstance.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Map<String, LocalDate>> dates = new HashMap<>();
        List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(referenceByInstance.keySet().toArray(String[]::new))
                .variableNameIn(START, END).list();
        for (HistoricVariableInstance variable : variables) {
            LocalDate date = parse(variable.getValue());
            Engagement engagement = byReference.get(referenceByInstance.get(variable.getProcessInstanceId()));
            if (date != null && engagement != null) {
                dates.computeIfAbsent(engagement.id(), id -> new HashMap<>()).put(variable.getName(), date);
            }
        }
        Map<UUID, Window> windows = new HashMap<>();
        dates.forEach((id, values) -> {
            if (values.containsKey(START) && values.containsKey(END)
                    && !values.get(END).isBefore(values.get(START))) {
                windows.put(id, new Window(values.get(START), values.get(END)));
            }
        });
        return windows;
    }

    private static LocalDate parse(Object value) {
        if (value instanceof String text && text.length() >= 10) {
            try {
                return LocalDate.parse(text.substring(0, 10));
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
        return null;
    }
}
