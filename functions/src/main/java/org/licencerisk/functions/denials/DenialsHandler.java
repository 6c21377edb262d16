package org.licencerisk.functions.denials;

import org.licencerisk.functions.Components;
import org.licencerisk.functions.http.ApiDispatcher;
import org.licencerisk.functions.http.ApiException;
import org.licencerisk.functions.http.ApiRequest;
import org.licencerisk.functions.http.ApiResponse;
import org.licencerisk.functions.http.HttpApiHandler;
import org.licencerisk.functions.http.ListBody;
import org.licencerisk.functions.http.RoleRequirement;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.functions.storage.Page;
import org.licencerisk.model.application.Countries;
import org.licencerisk.screening.DenialStatus;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The denial register's routes. Changes ({@code PUT}, {@code revoke}) need {@code DENIAL_ADMIN_SCOPE}; reading needs
 * {@code OFFICER_SCOPE} or {@code DENIAL_ADMIN_SCOPE}. The acting person is the caller's subject, never a body field. Logs carry the denial id and version, never the content.
 */
public final class DenialsHandler implements HttpApiHandler {

    public static final String PATH = "/v1/denials/{denialId}";
    public static final String LIST_PATH = "/v1/denials";
    public static final String VERSIONS_PATH = "/v1/denials/{denialId}/versions";
    public static final String REVOKE_PATH = "/v1/denials/{denialId}/revoke";

    private final Supplier<DenialRegister> register;
    private final ApiDispatcher api;

    /** For Lambda. */
    public DenialsHandler() {
        this(Components.fromEnvironment());
    }

    /**
     * For tests and the local server. The register is reached on each request, so that a process without a denials
     * table still starts (its denial routes then answer 500 and say so in the logs).
     */
    public DenialsHandler(Components components) {
        this(components::denialRegister, components.config().denialAdmin(), components.config().denialReader(),
                components.logger());
    }

    DenialsHandler(Supplier<DenialRegister> register, RoleRequirement admin, RoleRequirement readers,
                   StructuredLogger log) {
        this.register = register;
        this.api = ApiDispatcher.builder(log)
                .put(PATH, admin, this::put)
                .get(PATH, readers, this::get)
                .get(LIST_PATH, readers, this::list)
                .get(VERSIONS_PATH, readers, this::versions)
                .post(REVOKE_PATH, admin, this::revoke)
                .build();
    }

    @Override
    public ApiDispatcher dispatcher() {
        return api;
    }

    private ApiResponse put(ApiRequest request) {
        DenialChange change;
        try {
            change = register.get().put(request.path("denialId"), request.body(), request.subject());
        } catch (InvalidDenialException e) {
            throw ApiException.invalid(e.getMessage(), e.problems());
        }
        return changed(change);
    }

    private ApiResponse revoke(ApiRequest request) {
        return changed(register.get().revoke(request.path("denialId"), request.body(), request.subject()));
    }

    private ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(DenialView.of(register.get().find(request.path("denialId"))));
    }

    private ApiResponse versions(ApiRequest request) {
        return ApiResponse.ok(new ListBody<>(register.get().history(request.path("denialId")).stream().map(DenialView::of)
                .toList(), null));
    }

    private ApiResponse list(ApiRequest request) {
        DenialStatus status = null;
        String s = request.query("status");
        if (s != null) {
            for (DenialStatus st : DenialStatus.values()) {
                if (st.name().equals(s)) {
                    status = st;
                }
            }
            if (status == null) {
                throw ApiException.invalid("status", "Must be VALID or REVOKED.");
            }
        }
        String state = request.query("notifyingState");
        if (state != null && !Countries.isKnown(state)) {
            throw ApiException.invalid("notifyingState", "Must be an ISO 3166-1 alpha-2 country code in upper case.");
        }
        Page<StoredDenial> page = register.get().list(status, state, request.intQuery("limit", 50, 1, 100),
                request.query("cursor"));
        return ApiResponse.ok(new ListBody<>(page.items().stream().map(DenialView::of).toList(), page.nextCursor()));
    }

    private static ApiResponse changed(DenialChange change) {
        StoredDenial d = change.denial();
        return new ApiResponse(change.created() ? 201 : 200, DenialView.of(d), Map.of(), Map.of())
                .withLog("denialId", d.denial().denialId())
                .withLog("version", d.version())
                .withLog("changed", change.changed());
    }
}
