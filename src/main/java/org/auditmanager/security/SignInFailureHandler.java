package org.auditmanager.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/** Back to the login page; with a reason when it reveals nothing (see {@link SignInProblem}). */
class SignInFailureHandler extends SimpleUrlAuthenticationFailureHandler {

    SignInFailureHandler() {
        super("/login?error");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        if (exception instanceof LoginThrottledException throttled) {
            throttled.problem().storeIn(request.getSession());
        } else if (exception instanceof AccountInactiveException inactive) {
            inactive.problem().storeIn(request.getSession());
        }
        super.onAuthenticationFailure(request, response, exception);
    }
}
