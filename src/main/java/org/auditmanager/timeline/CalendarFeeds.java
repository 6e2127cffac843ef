package org.auditmanager.timeline;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.auditmanager.common.AuditableChange;
import org.auditmanager.engagement.Engagement;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.security.UserAccounts;
import org.auditmanager.tasks.TaskFilter;
import org.auditmanager.tasks.TaskItem;
import org.auditmanager.tasks.TaskLists;
import org.auditmanager.tasks.TaskPage;
import org.auditmanager.timeline.TimelineEntry.Kind;
import org.auditmanager.timeline.TimelineEntry.Source;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A calendar feed (RFC 5545) per user at a secret URL: the due dates of the user's tasks and the milestones of
 * the engagements they may see. The token is random (256 bits) and stored only as its SHA-256, so it is shown
 * once; regenerating replaces it and revoking deletes it, and an unknown token finds nothing. Every event has a
 * UID built from what it is about (task id, engagement and milestone key), so a calendar that fetches the feed
 * again replaces the event instead of adding a copy.
 */
@Service
public class CalendarFeeds {

    static final String UID_DOMAIN = "@audit-engagement-manager";
    private static final int TOKEN_BYTES = 32;
    private static final int TASK_PAGE = 200;
    private static final int MAX_TASK_PAGES = 10;

    private final CalendarFeedRepository repository;
    private final UserAccounts users;
    private final Timelines timelines;
    private final TaskLists tasks;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CalendarFeeds(CalendarFeedRepository repository, UserAccounts users, Timelines timelines, TaskLists tasks,
                  MessageSource messages, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.timelines = timelines;
        this.tasks = tasks;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** A new secret token for the user's feed, replacing any earlier one. Returned once, never stored. */
    @Transactional
    public String create(AuthenticatedUser user) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        boolean replaced = repository.replace(user.getUsername(), hash(token), clock.instant());
        events.publishEvent(new AuditableChange(user.getUsername(), "CALENDAR_FEED", user.getUsername(),
                replaced ? "REGENERATED" : "CREATED", null, user.organisationId(), null, Map.of()));
        return token;
    }

    @Transactional
    public boolean revoke(AuthenticatedUser user) {
        boolean revoked = repository.delete(user.getUsername());
        if (revoked) {
            events.publishEvent(new AuditableChange(user.getUsername(), "CALENDAR_FEED", user.getUsername(),
                    "REVOKED", null, user.organisationId(), Map.of(), null));
        }
        return revoked;
    }

    /** When the user's current feed was created; empty when they have none. */
    public Optional<Instant> activeSince(AuthenticatedUser user) {
        return repository.createdAt(user.getUsername());
    }

    /** The feed behind a token as iCalendar text; empty for an unknown or revoked token or a disabled user. */
    Optional<String> render(String token, String baseUrl) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return repository.usernameFor(hash(token))
                .flatMap(username -> users.find(username).filter(account -> account.enabled()))
                .map(account -> (AuthenticatedUser) users.loadUserByUsername(account.username()))
                .map(user -> write(calendar(user, baseUrl)));
    }

    private Calendar calendar(AuthenticatedUser user, String baseUrl) {
        Locale locale = Locale.ENGLISH;
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.now(clock);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Audit Engagement Manager//Timeline//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", messages.getMessage("calendar.name",
                new Object[] {user.displayName()}, locale)));
        for (TaskItem task : userTasks(user)) {
            if (task.due() == null) {
                continue;
            }
            LocalDate due = task.due().atZone(clock.getZone()).toLocalDate();
            String status = messages.getMessage("timeline.status." + (due.isBefore(today) ? MilestoneStatus.OVERDUE
                    : MilestoneStatus.PLANNED), null, locale);
            VEvent event = event(due, due, "task-" + task.id(),
                    messages.getMessage("calendar.task.summary", new Object[] {task.engagementReference(), task.name()},
                            locale),
                    messages.getMessage("calendar.task.description", new Object[] {task.engagementTitle(),
                            task.organisationName(), status, baseUrl + "/tasks/" + task.id()}, locale),
                    baseUrl + "/tasks/" + task.id(), now);
            event.add(new Categories(messages.getMessage("calendar.category.task", null, locale)));
            calendar.add(event);
        }
        for (Timeline timeline : timelines.visibleTo(user)) {
            Engagement engagement = timeline.engagement();
            String link = baseUrl + "/engagements/" + engagement.id() + "/timeline";
            for (TimelineEntry entry : timeline.entries()) {
                if (entry.source() == Source.TASK || entry.date() == null) {
                    continue;
                }
                LocalDate start = entry.kind() == Kind.PERIOD && entry.windowStart() != null ? entry.windowStart()
                        : entry.date();
                LocalDate end = entry.kind() == Kind.PERIOD && entry.dueDate() != null ? entry.dueDate() : start;
                VEvent event = event(start, end.isBefore(start) ? start : end,
                        "milestone-" + engagement.id() + "-" + entry.key(),
                        messages.getMessage("calendar.milestone.summary",
                                new Object[] {engagement.reference(), entry.label()}, locale),
                        messages.getMessage("calendar.milestone.description", new Object[] {engagement.title(),
                                engagement.organisationName(),
                                messages.getMessage("timeline.status." + entry.status(), null, locale), link}, locale),
                        link, now);
                event.add(new Categories(messages.getMessage("calendar.category.milestone", null, locale)));
                calendar.add(event);
            }
        }
        return calendar;
    }

    private List<TaskItem> userTasks(AuthenticatedUser user) {
        List<TaskItem> all = new ArrayList<>();
        for (int page = 0; page < MAX_TASK_PAGES; page++) {
            TaskPage batch = tasks.list(user, TaskFilter.NONE, page, TASK_PAGE);
            all.addAll(batch.items());
            if (page + 1 >= batch.pages()) {
                break;
            }
        }
        return all;
    }

    /** An all-day event from {@code first} to {@code last}, both included. */
    private static VEvent event(LocalDate first, LocalDate last, String uid, String summary, String description,
                                String url, Instant stamp) {
        VEvent event = new VEvent(first, last.plusDays(1), summary);
        event.replace(new DtStamp(stamp));
        event.add(new Uid(uid + UID_DOMAIN));
        event.add(new Description(description));
        event.add(new Url(URI.create(url)));
        event.add(ImmutableTransp.TRANSPARENT);
        return event;
    }

    private static String write(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
