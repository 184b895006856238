package io.echain.shared.internal;

import io.echain.shared.RateLimited;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document: bearer scheme, the RFC 9457 Problem schema and, on every operation, the
 * problem responses it can give (derived from its shape: body, path id, security, rate limit).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI echainOpenApi() {
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem detail, media type application/problem+json")
                .addProperty("type", new StringSchema().format("uri").example("https://echain.io/problems/validation"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty(
                        "errors",
                        new MapSchema()
                                .additionalProperties(new StringSchema())
                                .description("Message per offending field"));
        return new OpenAPI()
                .info(new Info()
                        .title("Echain API")
                        .version("v1")
                        .description("Event ticketing on Base. Sign in with Ethereum at /api/auth, then send "
                                + "'Authorization: Bearer <token>'. Every error, including 405 and 406, is application/problem+json "
                                + "(schema Problem) with a stable type URI under https://echain.io/problems/."))
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT"))
                        .addSchemas(PROBLEM, problem));
    }

    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            boolean hasBody = operation.getRequestBody() != null;
            boolean secured =
                    operation.getSecurity() != null && !operation.getSecurity().isEmpty();
            boolean api = isApi(handler);
            if (api) {
                add(responses, "400", "Invalid input (errors lists each field)");
            }
            if (hasBody) {
                add(responses, "413", "Body larger than 1 MiB");
                add(responses, "415", "Body is not application/json");
            }
            if (secured) {
                add(responses, "401", "Missing, expired or invalid access token");
                add(responses, "403", "Role or ownership does not allow this");
            }
            if (hasPathId(operation)) {
                add(responses, "404", "No such resource");
            }
            if (handler.hasMethodAnnotation(RateLimited.class)) {
                add(responses, "429", "Rate limit exceeded; see Retry-After");
                responses
                        .get("429")
                        .addHeaderObject(
                                "Retry-After",
                                new Header().description("Seconds to wait").schema(new IntegerSchema()));
            }
            if (handler.hasMethodAnnotation(org.springframework.web.bind.annotation.PostMapping.class)
                    && operation.getOperationId() != null
                    && operation.getOperationId().equals("verify")) {
                add(responses, "401", "Sign-in rejected (the errors map names the failing part of the message)");
            }
            return operation;
        };
    }

    private static boolean isApi(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().startsWith("io.echain")
                && !handler.getBeanType().getSimpleName().equals("HealthController");
    }

    private static boolean hasPathId(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
    }

    private static void add(ApiResponses responses, String code, String description) {
        if (responses.containsKey(code)) {
            ApiResponse existing = responses.get(code);
            if (existing.getContent() == null) {
                existing.setContent(problemContent());
            }
            return;
        }
        responses.addApiResponse(
                code, new ApiResponse().description(description).content(problemContent()));
    }

    private static Content problemContent() {
        return new Content()
                .addMediaType(
                        "application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }
}
