package dev.gantry.control.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the OpenAPI document generated from the resources with what annotations would repeat
 * on every method: the bearer token every path but {@code /status} needs, the RFC 9457 problem
 * document every error is, and the {@code Idempotency-Key} header every POST takes. Registered in application.properties ({@code mp.openapi.filter}).
 */
public class OpenApiDocument implements OASFilter {

    private static final String BEARER = "bearer";
    private static final String PROBLEM = "Problem";
    private static final String OPEN_PATH = "/api/v1/status";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.info(OASFactory.createInfo().title("Gantry REST API").version("v1")
                .description("Every operation of the SSH commands, with the same names. Errors are"
                        + " application/problem+json; lists take ?limit=&page= and answer a Link header;"
                        + " POSTs that create take an Idempotency-Key header. See docs/api.md."));
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme(BEARER).description("An API token from tokens:create (POST /api/v1/tokens)"))
                .addSchema(PROBLEM, problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : item.getOperations().entrySet()) {
                if (!path.equals(OPEN_PATH)) {
                    operation.getValue().addSecurityRequirement(OASFactory.createSecurityRequirement()
                            .addScheme(BEARER));
                }
                if (operation.getKey() == PathItem.HttpMethod.POST) {
                    operation.getValue().addParameter(OASFactory.createParameter().name(IdempotentPosts.HEADER)
                            .in(Parameter.In.HEADER).required(false).schema(text("1 to 255 visible ASCII characters"))
                            .description("Sent again within 24 hours, the request answers its first success"
                                    + " (with Idempotent-Replayed: true) instead of running again"));
                }
                if (operation.getValue().getResponses() != null) {
                    operation.getValue().getResponses().addAPIResponse("4XX", problemResponse(
                            "Refused: the detail says what was wrong and how to fix it"));
                    operation.getValue().getResponses().addAPIResponse("5XX", problemResponse(
                            "The engine or the server failed; the detail says what to do"));
                }
            }
        });
    }

    private static APIResponse problemResponse(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(ProblemMapper.PROBLEM_JSON, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM))));
    }

    /** RFC 9457, section 3.1, with the members Gantry fills in. */
    private static Schema problemSchema() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", text("always about:blank"))
                .addProperty("title", text("the HTTP status's reason phrase"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", text("what was wrong and how to fix it, one sentence"));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
