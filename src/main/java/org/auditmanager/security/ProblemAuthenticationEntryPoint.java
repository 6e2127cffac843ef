package org.auditmanager.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * 401, 403 and 429 for the APIs as application/problem+json, like every other API error, and 400 for a request
 * the firewall rejects before any controller sees it (encoded slashes or percent signs, path traversal). A
 * refused sign-in says why only when that reveals nothing: a pause after failed attempts (429, the same for
 * every name) or the state of an account whose password was right.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final ObjectMapper objectMapper;
    private final MessageSource messages;

    ProblemAuthenticationEntryPoint(ObjectMapper objectMapper, MessageSource messages) {
        this.objectMapper = objectMapper;
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException authException) throws IOException {
        if (authException instanceof LoginThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, throttled.remaining().toSeconds())));
            write(response, HttpStatus.TOO_MANY_REQUESTS, messages.getMessage(throttled.problem(), request.getLocale()));
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"audit-engagement-manager\"");
        if (authException instanceof AccountInactiveException inactive) {
            write(response, HttpStatus.UNAUTHORIZED, messages.getMessage(inactive.problem(), request.getLocale()));
            return;
        }
        write(response, HttpStatus.UNAUTHORIZED, "Sign in with HTTP Basic credentials or a personal API token (Authorization: Bearer).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException accessDeniedException) throws IOException {
        write(response, HttpStatus.FORBIDDEN, "Your role does not allow this request.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       RequestRejectedException requestRejectedException) throws IOException {
        write(response, HttpStatus.BAD_REQUEST, "The request address contains characters that are not accepted.");
    }

    private void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
