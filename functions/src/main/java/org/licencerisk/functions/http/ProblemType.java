package org.licencerisk.functions.http;

/** The kinds of problem the API reports, each with its status and a stable type URI. */
public enum ProblemType {
    INVALID_REQUEST(400, "invalid-request", "The request is invalid."),
    FORBIDDEN(403, "forbidden", "The caller lacks the role this operation needs."),
    NOT_FOUND(404, "not-found", "The resource was not found."),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "The method is not allowed on this resource."),
    CONFLICT(409, "conflict", "The request conflicts with the stored state."),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large."),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "The request body must be JSON."),
    THROTTLED(429, "throttled", "The service is busy."),
    INTERNAL(500, "internal-error", "The request could not be completed."),
    UNAVAILABLE(503, "unavailable", "The service is temporarily unavailable.");

    private static final String PREFIX = "urn:licence-risk:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    /** Returns the HTTP status. */
    public int status() {
        return status;
    }

    /** Returns the type URI. */
    public String uri() {
        return PREFIX + slug;
    }

    /** Returns the title. */
    public String title() {
        return title;
    }
}
