package org.auditmanager.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;

/**
 * Every process and decision keeps its history for the retention documented in docs/api.md, so that the
 * documented figure stays true when processes are added.
 */
class HistoryRetentionTest {

    private static final String DOCUMENTED_DAYS = "3650";
    private static final Path PROCESSES = Path.of("processes");

    @Test
    void everyProcessAndDecisionKeepsItsHistoryForTheDocumentedRetention() throws IOException {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(PROCESSES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    if (file.toString().endsWith(".bpmn")) {
                        for (Process process : Bpmn.readModelFromStream(in).getModelElementsByType(Process.class)) {
                            checked++;
                            check(wrong, file, process.getId(), process.getCamundaHistoryTimeToLiveString());
                        }
                    } else if (file.toString().endsWith(".dmn")) {
                        for (Decision decision : Dmn.readModelFromStream(in).getModelElementsByType(Decision.class)) {
                            checked++;
                            check(wrong, file, decision.getId(), decision.getCamundaHistoryTimeToLiveString());
                        }
                    }
                }
            }
        }
        assertThat(checked).as("processes and decisions found").isGreaterThanOrEqualTo(3);
        assertThat(wrong).isEmpty();
    }

    private static void check(List<String> wrong, Path file, String id, String timeToLive) {
        if (!DOCUMENTED_DAYS.equals(timeToLive)) {
            wrong.add("%s in %s has camunda:historyTimeToLive=\"%s\"; docs/api.md documents %s days"
                    .formatted(id, file, timeToLive, DOCUMENTED_DAYS));
        }
    }
}
