package org.licencerisk.functions.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Validates JSON against a schema of {@code openapi.yaml} (OpenAPI 3.1, whose schemas are JSON Schema 2020-12).
 * <p>
 * Each schema is checked as the whole document plus a root {@code $ref} to {@code #/components/schemas/NAME}, so that
 * references inside it resolve exactly as in the document.
 */
public final class OpenApi {

    private static final JsonNode DOCUMENT = load();
    /** Formats ({@code date-time}, {@code uri}) are asserted, as a client that validates what it sends would. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private OpenApi() {
    }

    /** The parsed document. */
    public static JsonNode document() {
        return DOCUMENT;
    }

    /** Fails the test unless {@code json} satisfies schema {@code name}. */
    public static void assertValid(String name, JsonNode json) {
        List<Error> errors = SCHEMAS.computeIfAbsent(name, OpenApi::schema).validate(json.toString(), InputFormat.JSON);
        if (!errors.isEmpty()) {
            fail("The response does not satisfy the OpenAPI schema " + name + ": " + errors + "\n" + json);
        }
    }

    /** Returns whether {@code json} satisfies schema {@code name}. */
    public static boolean isValid(String name, JsonNode json) {
        return SCHEMAS.computeIfAbsent(name, OpenApi::schema).validate(json.toString(), InputFormat.JSON).isEmpty();
    }

    private static Schema schema(String name) {
        if (!DOCUMENT.path("components").path("schemas").has(name)) {
            throw new IllegalArgumentException("openapi.yaml has no schema " + name + ".");
        }
        ObjectNode root = DOCUMENT.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + name);
        return REGISTRY.getSchema(root.toString(), InputFormat.JSON);
    }

    private static JsonNode load() {
        Path file = Dynalite.repositoryRoot().resolve("openapi.yaml");
        try {
            return new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("openapi.yaml could not be read.", e);
        }
    }
}
