package org.licencerisk.functions.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the local server and the template tests read from {@code template.yaml}: the functions with their handler,
 * memory, timeout, environment and HTTP API routes. The template uses the long forms {@code Ref:} and
 * {@code Fn::GetAtt:}, so that plain YAML parsing sees them.
 *
 * @param root      the parsed template
 * @param functions the functions, in template order
 */
public record SamTemplate(JsonNode root, List<Function> functions) {

    /**
     * One function.
     *
     * @param logicalId   the template's logical id
     * @param handler     the handler class name
     * @param memoryMb    its memory
     * @param timeoutSec  its timeout
     * @param environment its variables (globals merged in); a {@code Ref} appears as the logical id it names
     * @param routes      its HTTP API routes
     * @param node        the resource's node
     */
    public record Function(String logicalId, String handler, int memoryMb, int timeoutSec,
                           Map<String, String> environment, List<Route> routes, JsonNode node) {
    }

    /**
     * One HTTP API route.
     *
     * @param method     the method, {@code ANY} for every method
     * @param path       the path template
     * @param authorizer {@code AWS_IAM}, or the API's default authorizer's name
     * @param scopes     the OAuth scopes of which the gateway requires one of a token ({@code AuthorizationScopes}),
     *                   empty for none
     */
    public record Route(String method, String path, String authorizer, List<String> scopes) {

        public Route {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }
    }

    /** Reads and interprets a template. */
    public static SamTemplate read(Path file) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("The template " + file + " could not be read.", e);
        }
        JsonNode globals = root.path("Globals").path("Function");
        List<Function> functions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> r = it.next();
            if (!"AWS::Serverless::Function".equals(r.getValue().path("Type").asText())) {
                continue;
            }
            JsonNode p = r.getValue().path("Properties");
            String handler = p.path("Handler").asText();
            int sep = handler.indexOf("::");
            Map<String, String> env = new LinkedHashMap<>();
            putVariables(globals.path("Environment").path("Variables"), env);
            putVariables(p.path("Environment").path("Variables"), env);
            String defaultAuthorizer = root.path("Resources").path(apiId(p)).path("Properties").path("Auth")
                    .path("DefaultAuthorizer").asText(null);
            List<Route> routes = new ArrayList<>();
            for (JsonNode event : p.path("Events")) {
                if ("HttpApi".equals(event.path("Type").asText())) {
                    JsonNode ep = event.path("Properties");
                    List<String> scopes = new ArrayList<>();
                    ep.path("Auth").path("AuthorizationScopes").forEach(s -> scopes.add(s.asText()));
                    routes.add(new Route(ep.path("Method").asText(), ep.path("Path").asText(),
                            ep.path("Auth").path("Authorizer").asText(defaultAuthorizer), scopes));
                }
            }
            functions.add(new Function(r.getKey(), sep < 0 ? handler : handler.substring(0, sep),
                    p.path("MemorySize").asInt(globals.path("MemorySize").asInt(128)),
                    p.path("Timeout").asInt(globals.path("Timeout").asInt(3)), env, routes, r.getValue()));
        }
        return new SamTemplate(root, List.copyOf(functions));
    }

    /** Returns a resource's properties. */
    public JsonNode properties(String logicalId) {
        return root.path("Resources").path(logicalId).path("Properties");
    }

    private static String apiId(JsonNode functionProperties) {
        for (JsonNode event : functionProperties.path("Events")) {
            String ref = event.path("Properties").path("ApiId").path("Ref").asText(null);
            if (ref != null) {
                return ref;
            }
        }
        return "";
    }

    private static void putVariables(JsonNode variables, Map<String, String> env) {
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> v = it.next();
            env.put(v.getKey(), v.getValue().isObject() ? v.getValue().path("Ref").asText() : v.getValue().asText());
        }
    }
}
