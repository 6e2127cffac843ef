package org.auditmanager.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests that reach no controller at all (an unknown path, a method the path does not offer): a problem for
 * API callers, the error page for people.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class NoHandlerAdvice {

    private final ObjectMapper objectMapper;

    NoHandlerAdvice(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView unknownPath(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return answer(HttpStatus.NOT_FOUND, "There is nothing at " + request.getRequestURI() + ".", request, response);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView methodNotOffered(HttpRequestMethodNotSupportedException e, HttpServletRequest request,
                                  HttpServletResponse response) throws IOException {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, "%s is not offered here; use %s.".formatted(e.getMethod(),
                String.join(", ", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods())),
                request, response);
    }

    private ModelAndView answer(HttpStatus status, String detail, HttpServletRequest request,
                                HttpServletResponse response) throws IOException {
        if (request.getRequestURI().startsWith("/api/")) {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            objectMapper.writeValue(response.getOutputStream(), ApiProblemHandler.problem(status, detail));
            return new ModelAndView();
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("messageKey", status == HttpStatus.NOT_FOUND ? "error.notFound" : "error.generic");
        return page;
    }
}
