package org.auditmanager.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.thymeleaf.TemplateEngine;
import java.util.UUID;
import org.auditmanager.tasks.TaskForm;
import org.auditmanager.tasks.TaskItem;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.IWebExchange;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** Every Camunda Form in forms/ parses, renders every input with a label, and enforces its required fields. */
@SpringBootTest(properties = "app.demo.seed-engagements=false")
@ActiveProfiles("demo")
class EveryFormTest {

    @Autowired FormSchemas schemas;
    @Autowired FormBinder binder;
    @Autowired TemplateEngine templates;

    static Stream<Path> forms() throws IOException {
        List<Path> files;
        try (Stream<Path> found = Files.list(Path.of("forms"))) {
            files = found.filter(path -> path.toString().endsWith(".form")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("forms")
    void rendersEveryInputWithItsLabel(Path file) throws IOException {
        FormDefinition form = schemas.parse(Files.readString(file));
        // a web context: the evidence upload component links to its task's request
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/tasks/preview");
        IWebExchange exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, new MockHttpServletResponse());
        TaskItem task = new TaskItem("preview", "Preview", "Preview", UUID.randomUUID(), "ENG-2026-0001", "Preview",
                "Acme Cloud Ltd", null, null, null);
        WebContext context = new WebContext(exchange, Locale.ENGLISH, Map.of(
                "form", new RenderedForm(form, Map.of(), Map.of()),
                "task", new TaskForm(task, true, form, "{}", Map.of()),
                "_csrf", new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "preview-token")));
        String html = templates.process("test/form-preview", context);
        for (FormComponent input : form.inputs()) {
            assertThat(html).as("%s: input %s", file, input.key()).contains("name=\"" + input.key() + "\"");
            assertThat(html).as("%s: label of %s", file, input.key()).contains(input.label());
        }
    }

    @ParameterizedTest
    @MethodSource("forms")
    void anEmptySubmissionFailsExactlyOnTheRequiredFields(Path file) throws IOException {
        FormDefinition form = schemas.parse(Files.readString(file));
        BoundForm bound = binder.bind(form, Map.of());
        List<String> required = form.inputs().stream().filter(FormComponent::required).map(FormComponent::key).toList();
        assertThat(bound.errors().keySet()).containsExactlyInAnyOrderElementsOf(required);
    }

    @ParameterizedTest
    @MethodSource("forms")
    void theFormIdMatchesItsFileName(Path file) throws IOException {
        FormDefinition form = schemas.parse(Files.readString(file));
        assertThat(file.getFileName().toString()).isEqualTo(form.id() + ".form");
    }
}
