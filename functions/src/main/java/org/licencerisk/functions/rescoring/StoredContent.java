package org.licencerisk.functions.rescoring;

import java.util.Map;

/**
 * Reads the application contents stored scores were made from (the score items' {@code application} attribute,
 * {@link org.licencerisk.functions.scores.DynamoDbScoreRepository#applications}), many at a time.
 */
@FunctionalInterface
public interface StoredContent {

    /**
     * Returns the contents of the given scores by application id; a score stored without content is absent.
     *
     * @param scoreIds the score to read, by application id
     */
    Map<String, String> applications(Map<String, String> scoreIds);
}
