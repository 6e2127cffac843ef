package org.auditmanager.evidence;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/**
 * An upload refused for its size (413) or its content type (415); nothing of it is stored. As an
 * {@link ErrorResponseException} it becomes a problem+json answer through the central API error handling.
 */
public class EvidenceFileRejected extends ErrorResponseException {

    private EvidenceFileRejected(HttpStatus status, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    static EvidenceFileRejected tooLarge(DataSize limit) {
        return new EvidenceFileRejected(HttpStatus.PAYLOAD_TOO_LARGE,
                "The file is larger than the allowed %d MB; nothing was stored.".formatted(limit.toMegabytes()));
    }

    static EvidenceFileRejected unsupportedType(String detected) {
        return new EvidenceFileRejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "The file's content is %s, which is not an accepted evidence type; nothing was stored."
                        .formatted(detected));
    }

    /** The sentence for the person who uploaded. */
    public String reason() {
        return getBody().getDetail();
    }
}
