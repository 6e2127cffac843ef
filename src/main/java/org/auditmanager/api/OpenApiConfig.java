package org.auditmanager.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.auditmanager.common.PageRequest;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 description of /api/** (served at /v3/api-docs, shown by Swagger UI at /swagger-ui.html):
 * both ways to sign in, the paging parameters, and the application/problem+json answers every operation can
 * give, added here once instead of on every controller method.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BASIC = "basicAuth";
    static final String BEARER = "apiToken";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** What each error status means here; an operation gets the ones that can happen to it (see problemsOf). */
    private static final Map<String, String> ERRORS = Map.of(
            "400", "The request is not valid; `errors` names each failing field.",
            "401", "Not signed in: no credentials, wrong ones, or a revoked API token.",
            "403", "Signed in, but your role or a rule of the engagement does not allow this.",
            "404", "Unknown, or not visible to you: another organisation's record looks exactly like a missing one.",
            "409", "The record's current state does not allow this (already done, changed meanwhile, wrong framework).",
            "500", "Our fault; nothing was changed. The detail names an incident id to report.");

    @Bean
    OpenAPI openApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Audit Engagement Manager API")
                        .version("1")
                        .description("Everything the pages do, for scripts. Lists are paged (`page` from 0, `size` "
                                + "1 to " + PageRequest.MAX_SIZE + ", default 20) and answer `items`, `total`, `page`, "
                                + "`size`. Errors are application/problem+json (RFC 9457). See docs/api.md."))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Your user name and password."))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("amt_…")
                                .description("A personal API token made on your profile page or with "
                                        + "POST /api/me/tokens. It acts with your roles, never more.")))
                // either one: two requirements in the list are alternatives
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Groups operations by controller (EngagementApiController → Engagement), names them after it
     * (engagementList) for client generators, and explains the paging parameters.
     */
    @Bean
    OperationCustomizer tagsNamesAndPaging() {
        return (operation, handler) -> {
            String tag = handler.getBeanType().getSimpleName().replaceFirst("ApiController$", "");
            String method = handler.getMethod().getName();
            operation.setTags(List.of(tag));
            operation.setOperationId(method.equalsIgnoreCase(tag) ? method : Character.toLowerCase(tag.charAt(0))
                    + tag.substring(1) + Character.toUpperCase(method.charAt(0)) + method.substring(1));
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(OpenApiConfig::describePaging);
            }
            return operation;
        };
    }

    /**
     * Runs on springdoc's copy of the description: the Problem schema is added here rather than to the bean,
     * because springdoc copies the bean through JSON and loses a map-valued property on the way.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                problemsOf(path, method, operation).forEach(status -> {
                    if (!responses.containsKey(status)) {
                        responses.addApiResponse(status, new ApiResponse().description(ERRORS.get(status))
                                .content(new Content().addMediaType(PROBLEM_JSON,
                                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
                    }
                });
                operation.setResponses(responses);
            }));
        };
    }

    /**
     * 401, 403 and 500 can happen anywhere; 400 where there is input to reject; 404 where the path names a
     * record; 409 where a record's state matters (a named record, or a change).
     */
    static List<String> problemsOf(String path, PathItem.HttpMethod method, Operation operation) {
        boolean namesRecord = path.contains("{");
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        return ERRORS.keySet().stream().sorted().filter(status -> switch (status) {
            case "400" -> hasInput;
            case "404" -> namesRecord;
            case "409" -> namesRecord || method != PathItem.HttpMethod.GET;
            default -> true;
        }).toList();
    }

    private static void describePaging(Parameter parameter) {
        if (!"query".equals(parameter.getIn()) || parameter.getDescription() != null) {
            return;
        }
        if ("page".equals(parameter.getName())) {
            parameter.setDescription("Page number, from 0 (default 0).");
        } else if ("size".equals(parameter.getName())) {
            parameter.setDescription("Items per page, 1 to " + PageRequest.MAX_SIZE + " (default 20).");
        }
    }

    /** In OpenAPI 3.1 terms (JSON Schema types), the version springdoc 2.9 writes. */
    private static Schema<?> problemSchema() {
        return typed("object")
                .description("Problem details (RFC 9457): what went wrong, in a sentence a person can act on.")
                .addProperty("type", typed("string").format("uri").example("about:blank"))
                .addProperty("title", typed("string").example("Not Found"))
                .addProperty("status", typed("integer").format("int32").example(404))
                .addProperty("detail", typed("string").example("Engagement not found."))
                .addProperty("instance", typed("string").format("uri").example("/api/engagements/0c6a…"))
                .addProperty("errors", typed("object").additionalProperties(typed("string"))
                        .description("400 only: for each failing field, what is wrong with it."));
    }

    private static Schema<Object> typed(String type) {
        return new JsonSchema().types(Set.of(type));
    }
}
