package dev.vitrine.app.web;

import dev.vitrine.api.error.ApiError;
import dev.vitrine.api.identity.Caller;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document is a contract the web client's types are generated from, so it must say exactly what the
 * API does: the resolved {@link Caller} is no request parameter, swagger-core's {@code default: ""} on annotated
 * schemas is no default, and a nullable reference is "that schema or null", not "null".
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /** One customizer, as springdoc applies several in no particular order. */
    @Bean
    OpenApiCustomizer exactDocument() {
        return api -> {
            api.info(new Info()
                            .title("Vitrine")
                            .version("1")
                            .description("Galleries and their images; the events are described by /api/asyncapi.json."))
                    // relative: the document is right wherever it is served from (behind a proxy too)
                    .servers(List.of(new Server().url("/").description("The Vitrine serving this document")));
            addErrorAnswers(api);
            schemas(api).forEach(OpenApiDocument::clean);
            if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
                api.getComponents().getSchemas().remove("DataBuffer"); // a streamed body, described as binary
            }
        };
    }

    /** Every operation may answer a 4xx, always in the one error shape. */
    private static void addErrorAnswers(OpenAPI api) {
        var errors = ModelConverters.getInstance(true).readAllAsResolvedSchema(ApiError.class);
        api.getComponents().addSchemas("Error", errors.schema);
        errors.referencedSchemas.forEach(api.getComponents()::addSchemas);
        var answer = new ApiResponse()
                .description("Refused: {error, path, message}")
                .content(new Content()
                        .addMediaType(
                                "application/json",
                                new MediaType().schema(new JsonSchema().$ref("#/components/schemas/Error"))));
        api.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .forEach(operation -> operation.getResponses().addApiResponse("4XX", answer));
    }

    /** Every schema the document holds at its top: components, parameters, bodies and responses. */
    @SuppressWarnings("rawtypes")
    private static Stream<Schema> schemas(OpenAPI api) {
        Stream<Schema> components =
                api.getComponents() == null || api.getComponents().getSchemas() == null
                        ? Stream.empty()
                        : api.getComponents().getSchemas().values().stream();
        Stream<Schema> operations = api.getPaths() == null
                ? Stream.empty()
                : api.getPaths().values().stream()
                        .flatMap(path -> path.readOperations().stream())
                        .flatMap(operation -> Stream.concat(
                                operation.getParameters() == null
                                        ? Stream.empty()
                                        : operation.getParameters().stream().map(p -> p.getSchema()),
                                Stream.concat(
                                        operation.getRequestBody() == null
                                                ? Stream.empty()
                                                : schemas(operation
                                                        .getRequestBody()
                                                        .getContent()),
                                        operation.getResponses() == null
                                                ? Stream.empty()
                                                : operation.getResponses().values().stream()
                                                        .flatMap(response -> schemas(response.getContent())))));
        return Stream.concat(components, operations).filter(schema -> schema != null);
    }

    @SuppressWarnings("rawtypes")
    private static Stream<Schema> schemas(Content content) {
        return content == null ? Stream.empty() : content.values().stream().map(media -> media.getSchema());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void clean(Schema schema) {
        if ("".equals(schema.getDefault())) {
            schema.setDefault(null);
            schema.setDefaultSetFlag(false);
        }
        if (schema.getDefault() == null) {
            schema.setDefaultSetFlag(false);
        }
        if (schema.getAdditionalProperties() instanceof Schema extra) {
            clean(extra);
            if (extra.getType() == null
                    && extra.getTypes() == null
                    && extra.get$ref() == null
                    && extra.getProperties() == null) {
                schema.setAdditionalProperties(null); // what remains of a made-up default says nothing
            }
        }
        if (schema.getItems() != null) {
            clean(schema.getItems());
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            properties.replaceAll((name, property) -> nullableReference(property));
            properties.values().forEach(OpenApiDocument::clean);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullableReference(Schema property) {
        if (property.get$ref() == null
                || property.getTypes() == null
                || !property.getTypes().contains("null")) {
            return property;
        }
        Schema either = new JsonSchema()
                .anyOf(List.of(new JsonSchema().$ref(property.get$ref()), new JsonSchema().types(Set.of("null"))));
        either.setDescription(property.getDescription());
        return either;
    }
}
