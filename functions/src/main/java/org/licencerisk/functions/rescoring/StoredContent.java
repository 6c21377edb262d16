package org.licencerisk.functions.rescoring;

import java.util.Optional;

/**
 * Reads the application content a stored score was made from (the score item's {@code application} attribute,
 * {@link org.licencerisk.functions.scores.DynamoDbScoreRepository#application}).
 */
@FunctionalInterface
public interface StoredContent {

    /** Returns the content scored by {@code scoreId}, or empty for a score stored without it. */
    Optional<String> application(String applicationId, String scoreId);
}
