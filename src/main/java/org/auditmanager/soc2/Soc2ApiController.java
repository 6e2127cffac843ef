package org.auditmanager.soc2;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.auditmanager.security.AuthenticatedUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A SOC 2 engagement's examination: its record, the control matrix and subservice organisations, bridge letters. */
@RestController
@RequestMapping("/api/engagements/{id}/soc2")
class Soc2ApiController {

    private final Soc2Examinations examinations;

    Soc2ApiController(Soc2Examinations examinations) {
        this.examinations = examinations;
    }

    @GetMapping
    Soc2Examination get(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user) {
        return examinations.get(id, user);
    }

    @PutMapping("/controls")
    Soc2Examination controls(@PathVariable UUID id, @RequestBody @Size(max = 500) List<@Valid ControlDefinition> controls,
                             @AuthenticationPrincipal AuthenticatedUser user) {
        return examinations.replaceControls(id, controls, user);
    }

    @PutMapping("/subservice-organisations")
    Soc2Examination subserviceOrganisations(@PathVariable UUID id,
                                            @RequestBody @Size(max = 100) List<@Valid SubserviceDefinition> organisations,
                                            @AuthenticationPrincipal AuthenticatedUser user) {
        return examinations.replaceSubserviceOrganisations(id, organisations, user);
    }

    @PostMapping("/bridge-letter-requests")
    ResponseEntity<Void> requestBridgeLetter(@PathVariable UUID id, @AuthenticationPrincipal AuthenticatedUser user) {
        examinations.requestBridgeLetter(id, user);
        return ResponseEntity.accepted().build();
    }
}
