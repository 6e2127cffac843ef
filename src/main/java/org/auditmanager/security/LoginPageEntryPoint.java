package org.auditmanager.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/** Sends a person who is not signed in to the login page, which says so when their session timed out. */
class LoginPageEntryPoint extends LoginUrlAuthenticationEntryPoint {

    LoginPageEntryPoint() {
        super("/login");
    }

    @Override
    protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
                                                     AuthenticationException exception) {
        boolean sessionExpired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        return sessionExpired ? "/login?expired" : "/login";
    }
}
