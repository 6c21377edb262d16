package org.licencerisk.functions.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who sent a request, as the gateway proved it: the one place that reads identities and roles from an event.
 * <p>
 * Every record of who did something (a decision's {@code decidedBy}, a promotion's or shadow change's actor) takes
 * {@link #subject()}, never a name from the body. Roles are exact, whole values: the OAuth scopes of the token, which
 * API Gateway checks itself on each route ({@code AuthorizationScopes} in {@code template.yaml}) and passes on as a
 * list ({@code requestContext.authorizer.jwt.scopes}); a scope is granted only when one element equals it. Group
 * claims such as {@code cognito:groups} are never read: the gateway flattens a list claim to {@code [a b]}, so an
 * element {@code "b officer"} could not be told apart from two groups.
 *
 * @param kind    how the caller was authenticated
 * @param subject the JWT's {@code sub} for a token, the IAM principal's ARN for a signed request, {@code null} for none
 * @param roles   the scopes the token grants (empty for IAM callers and anonymous requests)
 */
public record Caller(Kind kind, String subject, Set<String> roles) {

    /** How the gateway authenticated the caller. */
    public enum Kind {
        /** A person with a token from the identity provider (JWT authorizer). */
        TOKEN,
        /** A system that signed the request with IAM credentials (the licensing system). */
        IAM,
        /** No authorizer context: nothing is proven about the caller. */
        NONE
    }

    /** The caller of a request without authorizer context. */
    public static final Caller NONE = new Caller(Kind.NONE, null, Set.of());

    /** OAuth 2.0 scope tokens (RFC 6749, section 3.3): printable ASCII without space, '"' or '\'. */
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    public Caller {
        if (kind == null) {
            throw new IllegalArgumentException("A caller needs the way it was authenticated.");
        }
        subject = subject == null || subject.isBlank() ? null : subject;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** Whether the caller holds {@code role}, compared whole and exactly (case-sensitive). */
    public boolean holds(String role) {
        return roles.contains(role);
    }

    /** Whether the gateway proved who the caller is (a subject or an IAM principal). */
    public boolean identified() {
        return kind != Kind.NONE && subject != null;
    }

    /** Reads the caller of an API Gateway HTTP API (payload 2.0) event. */
    public static Caller of(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext rc = event.getRequestContext();
        if (rc == null || rc.getAuthorizer() == null) {
            return NONE;
        }
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = rc.getAuthorizer();
        if (authorizer.getJwt() != null && authorizer.getJwt().getClaims() != null) {
            Map<String, String> claims = authorizer.getJwt().getClaims();
            return new Caller(Kind.TOKEN, claims.get("sub"), scopes(authorizer.getJwt().getScopes(), claims.get("scope")));
        }
        if (authorizer.getIam() != null) {
            return new Caller(Kind.IAM, authorizer.getIam().getUserArn(), Set.of());
        }
        return NONE;
    }

    /**
     * The gateway's list of the token's scopes; without it, the standard {@code scope} claim, a string of scopes
     * separated by single spaces (which a scope cannot contain). A value in the gateway's flattened-list form
     * ({@code [a b]}, from an array claim) is not read: its elements cannot be told apart.
     */
    static Set<String> scopes(List<String> listed, String scopeClaim) {
        Set<String> out = new LinkedHashSet<>();
        if (listed != null) {
            listed.stream().filter(s -> s != null && SCOPE.matcher(s).matches()).forEach(out::add);
            return out;
        }
        if (scopeClaim == null || (scopeClaim.startsWith("[") && scopeClaim.endsWith("]"))) {
            return out;
        }
        for (String s : scopeClaim.split(" ")) {
            if (SCOPE.matcher(s).matches()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Whether {@code value} is a valid OAuth scope, so that a role can be granted as one. */
    public static boolean isScope(String value) {
        return value != null && SCOPE.matcher(value).matches();
    }
}
