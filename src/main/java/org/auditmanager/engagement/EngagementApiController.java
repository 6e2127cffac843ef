package org.auditmanager.engagement;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.auditmanager.security.AuthenticatedUser;
import org.auditmanager.common.PageOf;
import org.auditmanager.common.PageRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/engagements")
class EngagementApiController {

    private final Engagements engagements;
    private final ObjectProvider<EngagementDetail> details;
    private final ObjectMapper objectMapper;

    EngagementApiController(Engagements engagements, ObjectProvider<EngagementDetail> details,
                            ObjectMapper objectMapper) {
        this.engagements = engagements;
        this.details = details;
        this.objectMapper = objectMapper;
    }

    @GetMapping
    PageOf<Engagement> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                            @AuthenticationPrincipal AuthenticatedUser user) {
        PageRequest request = PageRequest.of(page, size);
        return new PageOf<>(engagements.visibleTo(user, request.page(), request.size()),
                engagements.countVisibleTo(user), request.page(), request.size());
    }

    /** The engagement with what each feature adds to it under its own name (a SOC 2 report's state, say). */
    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user) {
        Engagement engagement = engagements.get(id, user);
        Map<String, Object> body = new LinkedHashMap<>(objectMapper.convertValue(engagement,
                new TypeReference<Map<String, Object>>() { }));
        details.orderedStream().forEach(detail -> detail.of(engagement).ifPresent(value -> body.put(detail.name(), value)));
        return body;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Created, with its process started.")
    ResponseEntity<Engagement> create(@Valid @RequestBody NewEngagement request,
                                      @AuthenticationPrincipal AuthenticatedUser user) {
        Engagement created = engagements.create(request, user);
        return ResponseEntity.created(URI.create("/api/engagements/" + created.id())).body(created);
    }
}
