package org.auditmanager.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.timeline.Milestones;
import org.auditmanager.timeline.TimelineFixtures;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Mails through a real SMTP server (GreenMail): a new task, a reminder ahead of the due date and an escalation
 * after it each arrive once, at the right people, with links; nobody hears of another organisation's work.
 */
@SpringBootTest(properties = {
        "spring.mail.host=localhost",
        "app.notify.base-url=https://audit.example",
        "app.notify.digest-hour=0",
        "app.demo.seed-engagements=false"})
@ActiveProfiles("demo")
class NotificationMailTest {

    /** Started before the Spring context, which a test listener loads before any JUnit extension runs. */
    static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        smtp.start();
    }

    @AfterAll
    static void stopMailServer() {
        smtp.stop();
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired ApplicationContext context;
    @Autowired ReminderScan scan;
    @Autowired TaskService taskService;
    @Autowired Milestones milestones;
    @Autowired NotificationPreferences preferences;

    TimelineFixtures fixtures;
    final LocalDate today = LocalDate.now();

    @BeforeEach
    void fixtures() throws Exception {
        fixtures = new TimelineFixtures(context);
        smtp.purgeEmailFromAllMailboxes();
    }

    private static List<MimeMessage> about(Engagement engagement) throws MessagingException {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> subject(message)
                .contains("[" + engagement.reference() + "]")).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text (mails are sent quoted-printable: the middle dot and the arrow are not ASCII). */
    private static String body(MimeMessage message) throws Exception {
        return message.getContent().toString();
    }

    /** "recipient: subject" of each message, so that a failing assertion shows what arrived. */
    private static List<String> to(List<MimeMessage> messages) {
        return messages.stream().map(message -> {
            try {
                return message.getRecipients(Message.RecipientType.TO)[0].toString() + ": " + message.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private void setDue(Task task, LocalDate due) {
        task.setDueDate(Date.from(due.atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant()));
        taskService.saveTask(task);
    }

    private Task clientTask(Engagement engagement) {
        return taskService.createTaskQuery().processInstanceBusinessKey(engagement.reference())
                .taskDefinitionKey("ConfirmAuditContacts").singleResult();
    }

    @Test
    void aNewTaskIsAnnouncedOnceToItsAssigneeAfterTheCreatingTransaction() throws Exception {
        Engagement iso = fixtures.iso(TimelineFixtures.ACME, "Announced engagement");
        scan.scan();
        scan.scan();

        List<MimeMessage> mails = about(iso);
        assertThat(to(mails)).containsExactly(
                "lead@auditfirm.example: [" + iso.reference() + "] New task: Plan the engagement");
        String task = fixtures.openTask(iso, "lead").id();
        assertThat(body(mails.get(0))).contains("https://audit.example/tasks/" + task);
    }

    @Test
    void aReminderAndAnEscalationArriveOnceEachEvenWithTwoNodesScanning() throws Exception {
        Engagement iso = plannedTenDaysAgo(TimelineFixtures.ACME, "Reminded engagement");
        Task contacts = clientTask(iso);
        smtp.purgeEmailFromAllMailboxes();

        setDue(contacts, today.plusDays(3));
        scanTwiceAtOnce();
        scan.scan();
        List<MimeMessage> reminders = about(iso);
        assertThat(to(reminders)).containsExactly("acme@client.example: [" + iso.reference()
                + "] Reminder: Confirm audit contacts is due on " + today.plusDays(3));
        assertThat(body(reminders.get(0)))
                .contains("in 3 days", "https://audit.example/tasks/" + contacts.getId());

        smtp.purgeEmailFromAllMailboxes();
        setDue(contacts, today.minusDays(1));
        scanTwiceAtOnce();
        scan.scan();
        List<MimeMessage> escalations = about(iso);
        assertThat(to(escalations)).containsExactly("manager@auditfirm.example: [" + iso.reference()
                + "] Overdue: Confirm audit contacts was due on " + today.minusDays(1));
        assertThat(body(escalations.get(0))).contains("https://audit.example/tasks/" + contacts.getId());
    }

    @Test
    void milestonesRemindTheAuditTeamAndEscalateToTheEngagementManager() throws Exception {
        Engagement iso = fixtures.iso(TimelineFixtures.ACME, "Milestone engagement");
        smtp.purgeEmailFromAllMailboxes();

        milestones.record(iso.id(), "STAGE1_AUDIT", null, null, today.plusDays(14), null);
        scan.scan();
        scan.scan();
        List<MimeMessage> reminders = about(iso);
        assertThat(to(reminders)).containsExactly("lead@auditfirm.example: [" + iso.reference()
                + "] Reminder: Stage 1 audit is due on " + today.plusDays(14));
        assertThat(body(reminders.get(0)))
                .contains("https://audit.example/engagements/" + iso.id() + "/timeline");

        smtp.purgeEmailFromAllMailboxes();
        milestones.record(iso.id(), "STAGE1_AUDIT", null, null, today.minusDays(2), null);
        scan.scan();
        scan.scan();
        assertThat(to(about(iso))).containsExactly("manager@auditfirm.example: [" + iso.reference()
                + "] Overdue: Stage 1 audit was due on " + today.minusDays(2));
    }

    @Test
    void noOneHearsOfAnotherOrganisationsWork() throws Exception {
        Engagement globex = plannedTenDaysAgo(TimelineFixtures.GLOBEX, "Globex reminded");
        smtp.purgeEmailFromAllMailboxes();
        setDue(clientTask(globex), today.plusDays(3));
        scan.scan();

        assertThat(to(about(globex))).containsExactly("globex@client.example: [" + globex.reference()
                + "] Reminder: Confirm audit contacts is due on " + today.plusDays(3));
        for (MimeMessage mail : smtp.getReceivedMessagesForDomain("client.example")) {
            if (mail.getRecipients(Message.RecipientType.TO)[0].toString().equals("acme@client.example")) {
                assertThat(mail.getSubject() + body(mail)).doesNotContain("Globex");
            }
        }
    }

    @Test
    void aDigestReaderGetsOneMailADayInsteadOfSeparateReminders() throws Exception {
        Engagement iso = plannedTenDaysAgo(TimelineFixtures.ACME, "Digest engagement");
        setDue(clientTask(iso), today.plusDays(3));
        preferences.setDailyDigest(fixtures.principal("acme"), true);
        try {
            smtp.purgeEmailFromAllMailboxes();
            scan.scan();
            scan.scan();

            assertThat(about(iso)).isEmpty();
            List<MimeMessage> toAcme = Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
                try {
                    return mail.getRecipients(Message.RecipientType.TO)[0].toString().equals("acme@client.example");
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(toAcme).hasSize(1);
            assertThat(toAcme.get(0).getSubject()).startsWith("Your deadlines on " + today);
            assertThat(body(toAcme.get(0)))
                    .contains(iso.reference() + " · Confirm audit contacts").doesNotContain("Globex");
        } finally {
            preferences.setDailyDigest(fixtures.principal("acme"), false);
        }
    }

    /** Created and planned ten days ago (engine clock), so reminders falling due today are not its first news. */
    private Engagement plannedTenDaysAgo(String organisation, String title) {
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(10))));
        try {
            Engagement engagement = fixtures.iso(organisation, title);
            fixtures.plan(engagement, today.plusDays(30), today.plusDays(32));
            return engagement;
        } finally {
            ClockUtil.reset();
        }
    }

    /** Two scans at the same moment, as on two nodes: the record of sent notices lets only one mail through. */
    private void scanTwiceAtOnce() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = nodes.invokeAll(List.of(scan::scan, scan::scan));
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            nodes.shutdown();
        }
    }
}
