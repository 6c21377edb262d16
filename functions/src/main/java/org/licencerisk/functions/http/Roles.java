package org.licencerisk.functions.http;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads roles from the JWT claims API Gateway passes on, always as strings. Accepted forms of the claim's value:
 * <ul>
 *     <li>{@code [officer data-scientist]}: how API Gateway renders a list claim such as {@code cognito:groups};</li>
 *     <li>{@code ["officer","data-scientist"]}: a JSON array held in a string claim;</li>
 *     <li>{@code officer} or {@code officer data-scientist} / {@code officer,data-scientist}: a plain string claim.</li>
 * </ul>
 * Roles are separated by white space or commas; surrounding brackets and double quotes are dropped. Anything else
 * (a JSON object, an unbalanced bracket) yields tokens that match no role, so the caller is refused.
 */
public final class Roles {

    private Roles() {
    }

    /** Returns the roles in {@code claim}, empty when it is absent. */
    public static Set<String> of(Map<String, String> claims, String claim) {
        String value = claims.get(claim);
        if (value == null) {
            return Set.of();
        }
        String list = value.strip();
        if (list.startsWith("[") && list.endsWith("]")) {
            list = list.substring(1, list.length() - 1);
        }
        return Arrays.stream(list.split("[\\s,]+")).map(Roles::unquote).filter(r -> !r.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String unquote(String token) {
        return token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")
                ? token.substring(1, token.length() - 1) : token;
    }
}
