package org.auditmanager.workflow;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API (/engine-rest, also behind Tasklist) with one addition: a refusal our listeners raise
 * (a typed name that does not match, an impartiality conflict) answers 400 with its own message. The engine wraps
 * a listener's exception and the REST layer turns it into a 500, as if the server had failed.
 */
@Component
class EngineRestResources extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(RefusalsAsBadRequests.class);
    }

    /** Ahead of Camunda's own handler for the same exception type; everything else answers as before. */
    @Priority(1)
    static class RefusalsAsBadRequests implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof BadUserRequestException refusal) {
                    return ExceptionHandlerHelper.getInstance().getResponse(refusal);
                }
            }
            return new RestExceptionHandler().toResponse(exception);
        }
    }
}
