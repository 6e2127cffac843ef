package org.auditmanager.engagement;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Documents GET /api/engagements/{id} as what it answers: the Engagement with each {@link EngagementDetail}'s
 * property (a SOC 2 report's state, an ISO certificate), which the controller assembles as a map and springdoc
 * alone would describe as any object.
 */
@Configuration(proxyBeanMethods = false)
class EngagementApiDocs {

    static final String PATH = "/api/engagements/{id}";

    @Bean
    OpenApiCustomizer engagementWithDetails(ObjectProvider<EngagementDetail> details) {
        return openApi -> {
            PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(PATH);
            Operation get = item == null ? null : item.getGet();
            ApiResponse ok = get == null || get.getResponses() == null ? null : get.getResponses().get("200");
            if (ok == null) {
                return;
            }
            Schema<Object> extras = typed("object");
            List<String> names = details.orderedStream().map(detail -> {
                ResolvedSchema resolved = ModelConverters.getInstance(true)
                        .resolveAsResolvedSchema(new AnnotatedType(detail.type()).resolveAsRef(true));
                resolved.referencedSchemas.forEach((name, schema) -> {
                    if (openApi.getComponents().getSchemas() == null
                            || !openApi.getComponents().getSchemas().containsKey(name)) {
                        openApi.getComponents().addSchemas(name, schema);
                    }
                });
                extras.addProperty(detail.name(), resolved.schema.description(detail.description()));
                return detail.name();
            }).toList();
            Schema<Object> answer = typed("object").allOf(List.of(
                    new JsonSchema().$ref("#/components/schemas/" + Engagement.class.getSimpleName()), extras));
            ok.description("The engagement, with what a feature adds under its own property when it applies: "
                    + String.join(", ", names) + ".");
            ok.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                    new MediaType().schema(answer)));
        };
    }

    private static Schema<Object> typed(String type) {
        return new JsonSchema().types(Set.of(type));
    }
}
