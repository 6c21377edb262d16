package org.licencerisk.functions.http;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The roles a route accepts, checked by {@link ApiDispatcher} before the request body is read: the {@link Caller}
 * passes when the gateway identified it by a token with a subject and it holds at least one of {@code anyOf}, compared
 * exactly (see {@link Caller} for where roles come from). Otherwise the answer is 403, naming the roles needed but
 * never the caller's own. A request without an authorizer context never passes: the check fails closed.
 * <p>
 * {@code template.yaml} declares the same scopes on the route ({@code AuthorizationScopes}), so that API Gateway
 * refuses such callers before any function runs; this check holds when a route is added without them.
 *
 * @param anyOf the roles (OAuth scopes) of which the caller needs one, e.g. {@code licence-risk/officer}
 */
public record RoleRequirement(List<String> anyOf) {

    public RoleRequirement {
        if (anyOf == null || anyOf.isEmpty()) {
            throw new IllegalArgumentException("A role requirement needs at least one role.");
        }
        for (String role : anyOf) {
            if (!Caller.isScope(role)) {
                throw new IllegalArgumentException("A role must be an OAuth scope: printable ASCII without spaces,"
                        + " double quotes or backslashes, such as licence-risk/officer.");
            }
        }
        anyOf = List.copyOf(anyOf);
    }

    /** The requirement of one role. */
    public static RoleRequirement of(String role) {
        return new RoleRequirement(java.util.Collections.singletonList(role));
    }

    /** The requirement of any one of {@code roles}. */
    public static RoleRequirement anyOf(String... roles) {
        return new RoleRequirement(java.util.Arrays.asList(roles));
    }

    /** Whether {@code caller} passes. */
    public boolean admits(Caller caller) {
        return caller.kind() == Caller.Kind.TOKEN && caller.identified() && anyOf.stream().anyMatch(caller::holds);
    }

    /**
     * Checks the caller.
     *
     * @throws ApiException 403 when no role matches or the token names no subject
     */
    public void check(Caller caller) {
        if (!admits(caller)) {
            throw new ApiException(ProblemType.FORBIDDEN, "Only callers whose token grants "
                    + anyOf.stream().map(r -> "'" + r + "'").collect(Collectors.joining(" or "))
                    + " (an OAuth scope) may do this.");
        }
    }

    /** The roles as a set. */
    public Set<String> roles() {
        return Set.copyOf(anyOf);
    }
}
