package org.licencerisk.functions.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.model.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the officers' console (the static files of {@code console/site}) under {@code /console/}, as CloudFront
 * serves them in AWS: the same security headers, and {@code config.json} written from the local server's settings
 * (sign-in {@code none} when local authentication is off, {@code local} with a choice of local identities when it
 * is on). Only {@code GET} and {@code HEAD} of files inside the site directory; nothing is logged.
 */
public final class ConsoleFiles {

    /** Where the console is served. */
    public static final String PREFIX = "/console";

    /**
     * The console's Content-Security-Policy: scripts and styles only from the site's own files (no inline code or
     * style attributes), API calls only to its own origin. In AWS, connect-src adds the API and the sign-in domain.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The identities the local sign-in page offers: subject and roles (given the officer and data-scientist scopes). */
    public static final List<Map.Entry<String, List<String>>> LOCAL_IDENTITIES = List.of(
            Map.entry("officer-7", List.of("officer")),
            Map.entry("officer-12", List.of("officer")),
            Map.entry("ds-ada", List.of("data-scientist")),
            Map.entry("visitor", List.of()));

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9]+)*(/[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9]+)*)*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json", "svg", "image/svg+xml", "png", "image/png", "txt", "text/plain; charset=utf-8");

    private final Path root;
    private final byte[] config;
    private final String contentSecurityPolicy;

    /**
     * @param root   the site directory ({@code console/site})
     * @param config the API's configuration (the officer and data-scientist scopes)
     * @param auth   local authentication: decides the sign-in mode
     */
    public ConsoleFiles(Path root, ApiConfig config, LocalAuth auth) {
        this(root, configJson(config, auth), CONTENT_SECURITY_POLICY);
    }

    private ConsoleFiles(Path root, byte[] config, String contentSecurityPolicy) {
        if (!Files.isRegularFile(root.resolve("index.html"))) {
            throw new IllegalArgumentException("The console directory " + root + " has no index.html.");
        }
        this.root = root.toAbsolutePath().normalize();
        this.config = config;
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    /**
     * The console signing in with an OpenID Connect provider (authorization code with PKCE), as in AWS: for trying a
     * provider such as a local Keycloak, and for the browser tests' stand-in provider. The policy lets the console
     * call the provider's token endpoint.
     *
     * @param authorizeUrl the provider's authorization endpoint
     * @param tokenUrl     its token endpoint
     * @param clientId     the console's client id there
     */
    public static ConsoleFiles withOpenIdConnect(Path root, ApiConfig config, URI authorizeUrl, URI tokenUrl, String clientId) {
        ObjectNode c = baseConfig(config);
        c.put("signIn", "oidc");
        ObjectNode oidc = c.putObject("oidc");
        oidc.put("authorizeUrl", authorizeUrl.toString());
        oidc.put("tokenUrl", tokenUrl.toString());
        oidc.put("clientId", clientId);
        oidc.put("scope", "openid");
        String tokenOrigin = tokenUrl.getScheme() + "://" + tokenUrl.getRawAuthority();
        return new ConsoleFiles(root, bytes(c), CONTENT_SECURITY_POLICY.replace("connect-src 'self'", "connect-src 'self' " + tokenOrigin));
    }

    private static ObjectNode baseConfig(ApiConfig config) {
        ObjectNode c = Json.mapper().createObjectNode();
        c.put("apiBase", "");
        // Roles are the token's OAuth scopes (the API checks the same, exactly).
        c.put("roleClaim", "scope");
        c.put("officerRole", config.officerScope());
        c.put("dataScientistRole", config.dataScientistScope());
        c.put("openSubject", LocalAuth.OPEN_SUBJECT);
        return c;
    }

    private static byte[] bytes(ObjectNode c) {
        try {
            return Json.mapper().writeValueAsBytes(c);
        } catch (IOException e) {
            throw new IllegalStateException("The console configuration cannot be written.", e);
        }
    }

    /** The console's config.json for this server. */
    static byte[] configJson(ApiConfig config, LocalAuth auth) {
        ObjectNode c = baseConfig(config);
        c.put("signIn", auth.enabled() ? "local" : "none");
        if (auth.enabled()) {
            ObjectNode local = c.putObject("local");
            local.put("issuer", auth.issuer());
            local.put("audience", auth.audience());
            ArrayNode identities = local.putArray("identities");
            for (Map.Entry<String, List<String>> identity : LOCAL_IDENTITIES) {
                ObjectNode i = identities.addObject();
                i.put("subject", identity.getKey());
                ArrayNode roles = i.putArray("roles");
                identity.getValue().forEach(r -> roles.add(r.equals("officer") ? config.officerScope()
                        : r.equals("data-scientist") ? config.dataScientistScope() : r));
            }
        }
        return bytes(c);
    }

    /** Whether this request's path is the console's ({@code /console} or below it). */
    static boolean serves(String rawPath) {
        return rawPath.equals(PREFIX) || rawPath.startsWith(PREFIX + "/");
    }

    /** Answers one request for a console file. */
    LocalResponse answer(LocalRequest request) {
        List<Map.Entry<String, String>> headers = new ArrayList<>(List.of(
                Map.entry("Content-Security-Policy", contentSecurityPolicy),
                Map.entry("X-Content-Type-Options", "nosniff"),
                Map.entry("Referrer-Policy", "no-referrer"),
                Map.entry("X-Frame-Options", "DENY"),
                Map.entry("Cross-Origin-Opener-Policy", "same-origin")));
        String method = request.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            headers.add(Map.entry("Allow", "GET, HEAD"));
            return send(request, headers, 405, "text/plain; charset=utf-8", "Method Not Allowed\n".getBytes(), "no-cache");
        }
        String path = request.rawPath();
        if (path.equals(PREFIX)) {
            headers.add(Map.entry("Location", PREFIX + "/"));
            return send(request, headers, 308, null, new byte[0], "no-cache");
        }
        String relative = path.substring(PREFIX.length() + 1);
        if (relative.isEmpty()) {
            relative = "index.html";
        }
        if (relative.equals("config.json")) {
            return send(request, headers, 200, TYPES.get("json"), config, "no-store");
        }
        Path file = SAFE_PATH.matcher(relative).matches() ? root.resolve(relative).normalize() : null;
        String extension = relative.substring(relative.lastIndexOf('.') + 1);
        if (file == null || !file.startsWith(root) || !Files.isRegularFile(file) || !TYPES.containsKey(extension)) {
            return send(request, headers, 404, "text/plain; charset=utf-8", "Not Found\n".getBytes(), "no-cache");
        }
        try {
            return send(request, headers, 200, TYPES.get(extension), Files.readAllBytes(file), "no-cache");
        } catch (IOException e) {
            throw new UncheckedIOException("A console file could not be read.", e);
        }
    }

    private static LocalResponse send(LocalRequest request, List<Map.Entry<String, String>> headers, int status,
                                      String type, byte[] body, String cacheControl) {
        headers.add(Map.entry("Cache-Control", cacheControl));
        if (type != null) {
            headers.add(Map.entry("Content-Type", type));
        }
        return new LocalResponse(status, List.copyOf(headers), request.method().equals("HEAD") ? new byte[0] : body);
    }
}
