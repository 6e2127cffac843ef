package org.auditmanager.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the signed-in account's state afresh on every page request (one primary-key lookup, never cached
 * beyond the request): an account that was disabled, revoked or whose access window closed loses its session
 * on its next request, whichever browser or node it comes from, and the login page says why.
 */
class ActiveAccountFilter extends OncePerRequestFilter {

    private final UserAccounts accounts;

    ActiveAccountFilter(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AuthenticatedUser user)) {
            chain.doFilter(request, response);
            return;
        }
        AccountState state = accounts.stateOf(user.getUsername());
        if (state.active()) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        SignInProblem.of(state).storeIn(request.getSession(true));
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
