package org.licencerisk.model.testing;

import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.model.application.LicenceApplication;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The checked-in example applications under {@code src/test/resources/applications}. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Returns the JSON text of an example application. */
    public static String json(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/applications/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No example application " + name + ".");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the JSON tree of an example application, to change before parsing. */
    public static com.fasterxml.jackson.databind.node.ObjectNode node(String name) {
        try {
            return (com.fasterxml.jackson.databind.node.ObjectNode) org.licencerisk.model.json.Json.mapper().readTree(json(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns an example application, parsed and validated. */
    public static LicenceApplication application(String name) {
        return new ApplicationParser().parse(json(name));
    }
}
