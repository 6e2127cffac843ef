package org.auditmanager.security;

import static org.springframework.security.config.Customizer.withDefaults;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Three doors: the JSON API (HTTP Basic or a personal API token, no session), the engine's REST API (HTTP
 * Basic, staff only) and the pages including the Camunda webapps (form login, session, CSRF). All three sign
 * in through {@link ThrottledAuthenticationProvider}; HTTP Basic checks the account on every request, and the
 * pages re-read it on every request ({@link ActiveAccountFilter}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleProperties.class)
class SecurityConfig {

    private static final Pattern IDENTITY_API =
            Pattern.compile("^/camunda/api/(engine/engine/[^/]+|admin/[^/]+/[^/]+)/(user|group|tenant|authorization|setup)\\b");
    private static final Pattern ENGINE_REST_IDENTITY_API =
            Pattern.compile("^/engine-rest/(engine/[^/]+/)?(user|group|tenant|authorization|identity)\\b");
    private static final String[] MANAGERS = {Role.ADMIN.name(), Role.ENGAGEMENT_MANAGER.name()};
    private static final String[] STAFF = {
            Role.ADMIN.name(), Role.ENGAGEMENT_MANAGER.name(), Role.AUDITOR.name(), Role.REVIEWER.name()};

    /**
     * Matches on the whole request path: the engine REST API and the Camunda webapps are servlets and filters
     * of their own, outside Spring MVC's dispatcher, so MVC-based matching would miss them.
     */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static RequestMatcher post(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, pattern);
    }

    /** BCrypt; the cost (log rounds, default 10) is a property so that tests can make sign-in cheap. */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${app.security.bcrypt-strength:10}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ProblemAuthenticationEntryPoint problems, ApiTokens tokens,
                                 ObjectMapper objectMapper) throws Exception {
        // the OpenAPI description too when a script sends credentials; a browser reads it with its session
        return http.securityMatcher(new OrRequestMatcher(path("/api/**"), new AndRequestMatcher(
                        path("/v3/api-docs/**"), request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null)))
                .authorizeHttpRequests(auth -> auth
                        // role checks before the body is read, so a refused caller learns nothing from validation
                        .requestMatchers(post("/api/engagements"), post("/api/organisations")).hasAnyRole(MANAGERS)
                        .requestMatchers(path("/api/audit-trail/**")).hasRole(Role.ADMIN.name())
                        .requestMatchers(path("/api/external-auditors"), path("/api/external-auditors/**")).hasAnyRole(MANAGERS)
                        .requestMatchers(path("/api/admin/**")).hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, objectMapper), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no session and no cookie: a forged cross-site request carries no credentials
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain engineRestChain(HttpSecurity http, ProblemAuthenticationEntryPoint problems,
                                        EngineIdentityFilter engineIdentity) throws Exception {
        return http.securityMatcher(path("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth
                        // a person's own engine user record is theirs to change in the engine; not here
                        .requestMatchers(request -> !"GET".equals(request.getMethod())
                                && ENGINE_REST_IDENTITY_API.matcher(request.getRequestURI()).find()).hasRole(Role.ADMIN.name())
                        .anyRequest().hasAnyRole(STAFF))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(engineIdentity, BasicAuthenticationFilter.class)
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http, UserAccounts accounts) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                        .requestMatchers(path("/login"), path("/css/**"), path("/js/**"), path("/images/**"),
                                path("/favicon.ico"), path("/actuator/health"), path("/actuator/health/**")).permitAll()
                        // calendar feeds: calendar apps cannot sign in; the secret token in the path is the credential
                        .requestMatchers(path("/calendar/*.ics")).permitAll()
                        // the Admin webapp, and any change to users, groups, tenants and authorizations
                        .requestMatchers(path("/camunda/app/admin/**")).hasRole(Role.ADMIN.name())
                        .requestMatchers(request -> !"GET".equals(request.getMethod())
                                && IDENTITY_API.matcher(request.getRequestURI()).find()).hasRole(Role.ADMIN.name())
                        .requestMatchers(path("/camunda/**")).hasAnyRole(STAFF)
                        .requestMatchers(path("/engagements/new"), post("/engagements")).hasAnyRole(MANAGERS)
                        .requestMatchers(path("/external-auditors"), path("/external-auditors/**")).hasAnyRole(MANAGERS)
                        .requestMatchers(path("/admin/**")).hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true)
                        .failureHandler(new SignInFailureHandler()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID").permitAll())
                // the Camunda webapps bring their own CSRF protection (CsrfPreventionFilter, X-XSRF-TOKEN)
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                // a new session id at sign-in: a session id planted before sign-in is worthless after it
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new LoginPageEntryPoint()))
                .addFilterAfter(new ActiveAccountFilter(accounts), AnonymousAuthenticationFilter.class)
                .httpBasic(basic -> basic.disable())
                .requestCache(withDefaults())
                .build();
    }
}
