package org.licencerisk.functions.http;

import java.util.regex.Pattern;

/**
 * The role a route requires of its caller, checked by {@link ApiDispatcher} before the request body is read.
 * <p>
 * The caller passes when the JWT claim {@code claim} lists {@code role} (see {@link Roles#of} for the formats) and the
 * token names its subject ({@code sub}); otherwise the answer is 403, naming the role and the claim needed but never
 * the caller's own claims. A request without JWT claims (no authorizer context) never passes: the check fails closed.
 *
 * @param claim the JWT claim that lists the caller's roles, e.g. {@code cognito:groups}
 * @param role  the role required, compared exactly (case-sensitive)
 */
public record RoleRequirement(String claim, String role) {

    private static final Pattern ROLE = Pattern.compile("[^\\s,\\[\\]\"]+");

    public RoleRequirement {
        if (claim == null || claim.isBlank()) {
            throw new IllegalArgumentException("A role requirement needs the name of a JWT claim.");
        }
        if (role == null || !ROLE.matcher(role).matches()) {
            throw new IllegalArgumentException("A role must be a non-empty name without white space, commas, brackets"
                    + " or double quotes, since those separate roles in a claim.");
        }
    }

    /**
     * Checks the caller's claims.
     *
     * @throws ApiException 403 when the role or the subject is missing
     */
    public void check(ApiRequest request) {
        String subject = request.claims().get("sub");
        if (!Roles.of(request.claims(), claim).contains(role) || subject == null || subject.isBlank()) {
            throw new ApiException(ProblemType.FORBIDDEN, "Only callers with the role '" + role
                    + "' in the JWT claim '" + claim + "' may do this.");
        }
    }
}
