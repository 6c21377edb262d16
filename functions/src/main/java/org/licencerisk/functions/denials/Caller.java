package org.licencerisk.functions.denials;

import org.licencerisk.functions.http.ApiException;
import org.licencerisk.functions.http.ApiRequest;
import org.licencerisk.functions.http.ProblemType;
import org.licencerisk.functions.http.RoleRequirement;

import java.util.List;

/**
 * Who is calling, from the JWT claims API Gateway passed on: the one place the denial register and the review of
 * matches read the acting person (the token's subject), never from a request body.
 */
public final class Caller {

    private Caller() {
    }

    /**
     * The token's subject.
     *
     * @throws ApiException 403 when the token names none
     */
    public static String subject(ApiRequest request) {
        String sub = request.claims().get("sub");
        if (sub == null || sub.isBlank()) {
            throw new ApiException(ProblemType.FORBIDDEN, "The token names no subject (sub), so the change cannot be"
                    + " attributed to anyone.");
        }
        return sub;
    }

    /**
     * Checks that the caller holds one of {@code roles}.
     *
     * @throws ApiException 403 naming the roles when it holds none
     */
    public static void requireAny(ApiRequest request, List<RoleRequirement> roles) {
        for (RoleRequirement role : roles) {
            try {
                role.check(request);
                return;
            } catch (ApiException notThisOne) {
                // try the next role
            }
        }
        throw new ApiException(ProblemType.FORBIDDEN, "Only callers with one of the roles "
                + String.join(", ", roles.stream().map(r -> "'" + r.role() + "'").toList()) + " in the JWT claim '"
                + roles.get(0).claim() + "' may do this.");
    }
}
