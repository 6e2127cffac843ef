package org.auditmanager.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request to /api/** that carries {@code Authorization: Bearer <token>}. A token that is unknown,
 * revoked or whose owner is disabled answers 401 at once; any other request passes on to HTTP Basic.
 * Not a bean: as a bean, Spring Boot would also register it for every page.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    /** The owner as principal, with their roles; no credentials kept. */
    static final class TokenAuthentication extends AbstractAuthenticationToken {

        private final AuthenticatedUser owner;

        TokenAuthentication(AuthenticatedUser owner) {
            super(owner.getAuthorities());
            this.owner = owner;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return owner;
        }
    }

    private final ApiTokens tokens;
    private final ObjectMapper objectMapper;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(ApiTokens tokens, ObjectMapper objectMapper) {
        this.tokens = tokens;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AuthenticatedUser> owner = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (owner.isEmpty()) {
            contexts.clearContext();
            refuse(response);
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(owner.get()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                "This API token is unknown or revoked, or its owner can no longer sign in.");
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
