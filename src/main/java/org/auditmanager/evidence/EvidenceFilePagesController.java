package org.auditmanager.evidence;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.auditmanager.common.ConflictException;
import org.auditmanager.common.InvalidInputException;
import org.auditmanager.engagement.Engagements;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Uploads and downloads from the pages: several files to one request, several files to several requests in one
 * submit (the client's bulk page), and an upload straight from the "Provide evidence" task form.
 */
@Controller
class EvidenceFilePagesController {

    private static final String BULK_UPLOAD = "evidence/upload";
    private static final Pattern FOR_TASK_UPLOAD = Pattern.compile("/evidence-requests/for-task/([^/]+)/files");

    private final EvidenceFiles files;
    private final EvidenceRequests requests;
    private final EvidenceTasks tasks;
    private final EvidenceBulkActions bulk;
    private final Engagements engagements;
    private final EvidenceProperties properties;
    private final MessageSource messages;
    private final Clock clock;

    EvidenceFilePagesController(EvidenceFiles files, EvidenceRequests requests, EvidenceTasks tasks,
                                EvidenceBulkActions bulk, Engagements engagements, EvidenceProperties properties,
                                MessageSource messages, Clock clock) {
        this.files = files;
        this.requests = requests;
        this.tasks = tasks;
        this.bulk = bulk;
        this.engagements = engagements;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping("/evidence-requests/{id}/files")
    String upload(@PathVariable UUID id, @RequestParam(name = "file", required = false) List<MultipartFile> parts,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate evidenceDate,
                  @AuthenticationPrincipal AuthenticatedUser user, RedirectAttributes redirect, Locale locale) {
        store(id, parts, evidenceDate, user, redirect, locale);
        return "redirect:/evidence-requests/" + id;
    }

    @GetMapping("/evidence-requests/{id}/files/{versionId}")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @PathVariable UUID versionId,
                                                 @AuthenticationPrincipal AuthenticatedUser user) {
        return EvidenceFileApiController.asAttachment(files.download(id, versionId, user));
    }

    /** From the task page's evidenceUpload component: the request the task works on. */
    @GetMapping("/evidence-requests/for-task/{taskId}")
    String requestOfTask(@PathVariable String taskId, @AuthenticationPrincipal AuthenticatedUser user) {
        return "redirect:/evidence-requests/" + tasks.requestOfTask(taskId, user);
    }

    /** The task form's upload button posts here; the person stays on the task page to hand over later. */
    @PostMapping("/evidence-requests/for-task/{taskId}/files")
    String uploadForTask(@PathVariable String taskId,
                         @RequestParam(name = "file", required = false) List<MultipartFile> parts,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                         LocalDate evidenceDate,
                         @AuthenticationPrincipal AuthenticatedUser user, RedirectAttributes redirect, Locale locale) {
        store(tasks.requestOfTask(taskId, user), parts, evidenceDate, user, redirect, locale);
        return "redirect:/tasks/" + taskId;
    }

    @GetMapping("/engagements/{id}/requests/upload")
    String bulkForm(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user, Model model) {
        model.addAttribute("engagement", engagements.get(id, user));
        model.addAttribute("requests", requests.uploadable(id, user));
        model.addAttribute("maxFileMb", properties.maxFileSize().toMegabytes());
        model.addAttribute("today", LocalDate.now(clock));
        return BULK_UPLOAD;
    }

    /** One submit for many requests: per request its files ({@code files-<id>}), date and hand-over box. */
    @PostMapping("/engagements/{id}/requests/upload")
    String bulkUpload(@PathVariable UUID id, MultipartHttpServletRequest multipart,
                      @AuthenticationPrincipal AuthenticatedUser user, RedirectAttributes redirect, Locale locale) {
        List<EvidenceBulkActions.RequestUpload> uploads = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (EvidenceRequest request : requests.uploadable(id, user)) {
            List<EvidenceBulkActions.IncomingFile> chosen = multipart.getFiles("files-" + request.id()).stream()
                    .filter(part -> !part.isEmpty() || hasName(part))
                    .map(part -> new EvidenceBulkActions.IncomingFile(part.getOriginalFilename(), part))
                    .toList();
            boolean submit = multipart.getParameter("submit-" + request.id()) != null;
            if (chosen.isEmpty() && !submit) {
                continue;
            }
            try {
                uploads.add(new EvidenceBulkActions.RequestUpload(request.id(), chosen,
                        date(multipart.getParameter("evidenceDate-" + request.id())), submit));
            } catch (DateTimeParseException e) {
                unreadable.add(request.reference() + ": " + messages.getMessage("form.error.notADate", null, locale));
            }
        }
        EvidenceBulkActions.Outcome outcome = bulk.upload(uploads, user);
        redirect.addFlashAttribute("flash", messages.getMessage("evidence.bulkUploaded",
                new Object[] {outcome.filesStored(), outcome.requestsCompleted()}, locale));
        List<String> failures = new ArrayList<>(unreadable);
        failures.addAll(outcome.failures());
        if (!failures.isEmpty()) {
            redirect.addFlashAttribute("flashError", String.join(" · ", failures));
        }
        return "redirect:/engagements/" + id + "/requests";
    }

    /**
     * The container refused a file over the multipart limit; nothing was stored. Back to the form with the
     * reason (the forms carry their CSRF token in the address, the body being unreadable).
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("flashError", messages.getMessage("evidence.upload.tooLarge",
                new Object[] {properties.maxFileSize().toMegabytes()}, locale));
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher forTask = FOR_TASK_UPLOAD.matcher(path);
        return "redirect:" + (forTask.matches() ? "/tasks/" + forTask.group(1) : path.replaceFirst("/files$", ""));
    }

    private void store(UUID requestId, List<MultipartFile> parts, LocalDate evidenceDate, AuthenticatedUser user,
                       RedirectAttributes redirect, Locale locale) {
        List<MultipartFile> chosen = parts == null ? List.of()
                : parts.stream().filter(part -> !part.isEmpty() || hasName(part)).toList();
        if (chosen.isEmpty()) {
            redirect.addFlashAttribute("flashError", messages.getMessage("evidence.upload.none", null, locale));
            return;
        }
        List<String> stored = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (MultipartFile part : chosen) {
            try (InputStream content = part.getInputStream()) {
                EvidenceFile file = files.upload(requestId, part.getOriginalFilename(), evidenceDate, content, user);
                stored.add(messages.getMessage("evidence.uploaded", new Object[] {file.filename(), file.version(),
                        file.sha256()}, locale));
            } catch (EvidenceFileRejected e) {
                failures.add(part.getOriginalFilename() + ": " + e.reason());
            } catch (ConflictException | InvalidInputException e) {
                failures.add(part.getOriginalFilename() + ": " + e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!stored.isEmpty()) {
            redirect.addFlashAttribute("flash", String.join(" ", stored));
        }
        if (!failures.isEmpty()) {
            redirect.addFlashAttribute("flashError", String.join(" · ", failures));
        }
    }

    /** A chosen but empty file still counts, so that it is refused with a reason instead of ignored. */
    private static boolean hasName(MultipartFile part) {
        return part.getOriginalFilename() != null && !part.getOriginalFilename().isBlank();
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text);
    }
}
