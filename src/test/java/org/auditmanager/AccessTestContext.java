package org.auditmanager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo application with MockMvc and a clock tests can move: one context shared by the access, sign-in and
 * external-auditor tests (each resets the clock it moved).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "app.security.login-throttle.max-failures=5")
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@Import(MutableClock.Configuration.class)
public @interface AccessTestContext {
}
