package org.licencerisk.functions.storage;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorsTest {

    private static final Set<String> KEY = Set.of("applicationId", "sk");

    @Test
    void aCursorRoundTrips() {
        String cursor = Cursors.encode(Map.of("applicationId", AttributeValue.fromS("A-1"), "sk", AttributeValue.fromS("CASE")), Map.of());
        assertEquals(Map.of("applicationId", "A-1", "sk", "CASE"), Cursors.decode(cursor, KEY));
    }

    @Test
    void aKeyValueLongerThanDynamoDbAcceptsIsAnInvalidCursorNotAStorageError() {
        String cursor = Cursors.encode(Map.of("applicationId", AttributeValue.fromS("A-1"),
                "sk", AttributeValue.fromS("x".repeat(1025))), Map.of());
        assertThrows(InvalidCursorException.class, () -> Cursors.decode(cursor, KEY));
    }
}
