package org.licencerisk.functions.models;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.licencerisk.functions.scores.ScoresHandler;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.functions.testing.TestResponse;
import org.licencerisk.functions.testing.TestStack;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelsHandlerTest {

    private static TestStack stack;
    private static ModelsHandler handler;

    @BeforeAll
    static void setUp() {
        stack = TestStack.create();
        handler = new ModelsHandler(stack.components());
    }

    @Test
    void listsNothingBeforeAnyScoringThenTheServedModelAsCurrent() {
        TestStack empty = TestStack.create();
        TestResponse none = TestStack.invoke(new ModelsHandler(empty.components()), Events.get(ModelsHandler.LIST, Map.of()));
        assertEquals(200, none.status());
        assertEquals(0, none.body().get("items").size());

        TestStack.invoke(new ScoresHandler(stack.components()), Events.request("POST", ScoresHandler.PATH, Map.of())
                .jsonBody(Applications.crypto().toString()));
        TestResponse r = TestStack.invoke(handler, Events.get(ModelsHandler.LIST, Map.of()));
        assertEquals(200, r.status());
        OpenApi.assertValid("ModelList", r.body());
        assertEquals(1, r.body().get("items").size());
        assertEquals(TestModel.scorer().manifest().modelVersion(), r.body().get("items").get(0).get("modelVersion").asText());
        assertTrue(r.body().get("items").get(0).get("current").asBoolean());
    }

    @Test
    void returnsOneModelWithItsManifest() {
        new ScoresHandler(stack.components()).prime();
        String version = TestModel.scorer().manifest().modelVersion();
        TestResponse r = TestStack.invoke(handler, Events.get(ModelsHandler.ONE, Map.of("modelVersion", version)));
        assertEquals(200, r.status());
        OpenApi.assertValid("ModelDetail", r.body());
        assertEquals(version, r.body().get("manifest").get("modelVersion").asText());
    }

    @Test
    void anUnknownModelIs404AndAMalformedVersion400() {
        assertEquals(404, TestStack.invoke(handler, Events.get(ModelsHandler.ONE, Map.of("modelVersion", "nope"))).status());
        assertEquals(400, TestStack.invoke(handler, Events.get(ModelsHandler.ONE, Map.of("modelVersion", "a b"))).status());
    }
}
