package org.licencerisk.screening.names;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A name after normalisation: its significant words in order, legal forms and filler words removed.
 *
 * @param tokens the words; empty when nothing significant was left
 */
public record NormalisedName(List<NameToken> tokens) {

    public NormalisedName {
        tokens = List.copyOf(tokens);
    }

    /** @return true when no word is left */
    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** @return the words joined by single spaces (confidential: never log it) */
    public String text() {
        return tokens.stream().map(NameToken::text).collect(Collectors.joining(" "));
    }

    /** @return whether any word was transliterated from another script */
    public boolean transliterated() {
        return tokens.stream().anyMatch(t -> t.origin() != Script.LATIN && t.origin() != Script.OTHER);
    }
}
