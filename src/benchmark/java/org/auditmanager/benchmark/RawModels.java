package org.auditmanager.benchmark;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;

/**
 * Plain BPMN of the same shape as ours, without listeners, delegates or our tables: the baseline every ratio is
 * measured against. Built in code and deployed into the application's own engine.
 * <ul>
 * <li>{@value #ENGAGEMENT}: like iso27001-certification-cycle up to the application review: four non-interrupting
 * message event subprocesses (suspend, withdraw, scope change, special audit), a call activity to
 * {@value #KICKOFF} (plan: assignee, candidate group, due date; gateway; audit contacts: client group, due date),
 * a gateway, and the application-review user task;</li>
 * <li>{@value #EVIDENCE}: like evidence-request while the client has to provide evidence: the provide task with
 * three non-interrupting timers (first reminder, final reminder, due date), each reminder through a gateway to the one
 * reminder service task, the due-date timer to a chase task.</li>
 * </ul>
 */
final class RawModels {

    static final String ENGAGEMENT = "bench-raw-engagement";
    static final String KICKOFF = "bench-raw-kickoff";
    static final String EVIDENCE = "bench-raw-evidence";

    private RawModels() {
    }

    static void deploy(RepositoryService repositoryService) {
        repositoryService.createDeployment().name("benchmark-raw-camunda")
                .addModelInstance("bench-raw-kickoff.bpmn", kickoff())
                .addModelInstance("bench-raw-engagement.bpmn", engagement())
                .addModelInstance("bench-raw-evidence.bpmn", evidence())
                .deploy();
    }

    private static BpmnModelInstance kickoff() {
        return Bpmn.createExecutableProcess(KICKOFF).camundaHistoryTimeToLive(3650)
                .startEvent("EngagementCreated")
                .userTask("PlanEngagement").camundaAssignee("${leadAuditor}")
                .camundaCandidateGroups("ENGAGEMENT_MANAGER").camundaDueDate("${dateTime().plusDays(14).toDate()}")
                .exclusiveGateway("EngagementAcceptedGateway")
                .condition("accepted", "${decision == 'accept'}")
                .userTask("ConfirmAuditContacts").camundaCandidateGroups("${clientGroup}")
                .camundaDueDate("${dateTime().plusDays(10).toDate()}")
                .endEvent("KickoffCompleted")
                .moveToNode("EngagementAcceptedGateway")
                .condition("declined", "${decision != 'accept'}")
                .endEvent("EngagementDeclined")
                .done();
    }

    private static BpmnModelInstance engagement() {
        ProcessBuilder process = Bpmn.createExecutableProcess(ENGAGEMENT).camundaHistoryTimeToLive(3650);
        for (String message : new String[] {"Suspend", "Withdraw", "ScopeChange", "SpecialAudit"}) {
            process.eventSubProcess(message + "Requested").startEvent(message + "Start").interrupting(false)
                    .message("bench-" + message).endEvent(message + "Handled");
        }
        return process.startEvent("EngagementCreated")
                .callActivity("Kickoff").calledElement(KICKOFF)
                .camundaInBusinessKey("#{execution.processBusinessKey}")
                .camundaIn("engagementId", "engagementId").camundaIn("clientGroup", "clientGroup")
                .camundaIn("leadAuditor", "leadAuditor").camundaOut("decision", "kickoffDecision")
                .exclusiveGateway("KickoffAcceptedGateway")
                .condition("accepted", "${kickoffDecision == 'accept'}")
                .userTask("ReviewApplication").camundaCandidateGroups("ENGAGEMENT_MANAGER")
                .endEvent("ApplicationReviewed")
                .moveToNode("KickoffAcceptedGateway")
                .condition("declined", "${kickoffDecision != 'accept'}")
                .endEvent("EngagementDeclined")
                .done();
    }

    private static BpmnModelInstance evidence() {
        return Bpmn.createExecutableProcess(EVIDENCE).camundaHistoryTimeToLive(3650)
                .startEvent("EvidenceRequested")
                .userTask("ProvideEvidence").camundaCandidateGroups("${clientGroup}").camundaDueDate("${dueAt}")
                .endEvent("EvidenceProvided")
                .moveToActivity("ProvideEvidence")
                .boundaryEvent("FirstReminderTimer").cancelActivity(false).timerWithDate("${firstReminderAt}")
                .exclusiveGateway("FirstReminderUsefulGateway")
                .condition("useful", "${reminderUseful}")
                .serviceTask("RemindClient").camundaExpression("${true}")
                .endEvent("ClientReminded")
                .moveToNode("FirstReminderUsefulGateway").condition("skip", "${!reminderUseful}")
                .endEvent("FirstReminderSkipped")
                .moveToActivity("ProvideEvidence")
                .boundaryEvent("FinalReminderTimer").cancelActivity(false).timerWithDate("${finalReminderAt}")
                .exclusiveGateway("FinalReminderUsefulGateway")
                .condition("useful", "${reminderUseful}")
                .connectTo("RemindClient")
                .moveToNode("FinalReminderUsefulGateway").condition("skip", "${!reminderUseful}")
                .endEvent("FinalReminderSkipped")
                .moveToActivity("ProvideEvidence")
                .boundaryEvent("OverdueTimer").cancelActivity(false).timerWithDate("${dueAt}")
                .userTask("ChaseOverdueEvidence").camundaCandidateGroups("ENGAGEMENT_MANAGER")
                .endEvent("OverdueChased")
                .done();
    }
}
