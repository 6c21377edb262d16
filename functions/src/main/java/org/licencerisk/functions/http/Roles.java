package org.licencerisk.functions.http;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads roles from the JWT claims API Gateway passes on. A list claim such as {@code cognito:groups} arrives as one
 * string, {@code [a b]}; a plain string claim may also list roles separated by spaces or commas.
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
        return Arrays.stream(list.split("[\\s,]+")).map(r -> r.replace("\"", "")).filter(r -> !r.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Returns the caller's subject if its claims grant {@code role}.
     *
     * @throws ApiException 403 when the role or the subject is missing
     */
    public static String requireRole(ApiRequest request, String claim, String role) {
        String subject = request.claims().get("sub");
        if (!of(request.claims(), claim).contains(role) || subject == null || subject.isBlank()) {
            throw new ApiException(ProblemType.FORBIDDEN, "Only callers with the role '" + role
                    + "' in the JWT claim '" + claim + "' may do this.");
        }
        return subject;
    }
}
