package org.licencerisk.functions.denials;

import org.licencerisk.functions.decisions.DecisionHooks;
import org.licencerisk.functions.decisions.DecisionOutcome;
import org.licencerisk.functions.decisions.OfficerDecision;
import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.model.application.Intermediary;
import org.licencerisk.model.application.Item;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.screening.Denial;
import org.licencerisk.screening.DenialParty;
import org.licencerisk.screening.DenialSource;
import org.licencerisk.screening.DenialStatus;
import org.licencerisk.screening.PartyRole;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * This authority's refusals in its own register: a REFUSED decision stores an {@code OWN} denial made from the
 * application (its parties, entries, destination and the decision's criteria), and a revision away from REFUSED
 * revokes it. Idempotent, so a repeated decision completes what an interrupted one left undone.
 */
public final class OwnRefusals implements DecisionHooks {

    /** Who own denials are recorded as changed by. */
    public static final String CHANGED_BY = "decision";
    private static final int MAX_DESCRIPTION = 4000;

    private final DenialRegister register;
    private final BiFunction<String, String, Optional<String>> contents;
    private final ApplicationParser parser = new ApplicationParser();

    /**
     * @param contents reads a stored application content by application id and score id
     */
    public OwnRefusals(DenialRegister register, BiFunction<String, String, Optional<String>> contents) {
        this.register = register;
        this.contents = contents;
    }

    /** The id of the own denial of an application: {@code OWN:} and the id, or a digest of a long id. */
    public static String denialId(String applicationId) {
        if (applicationId.length() <= 60) {
            return "OWN:" + applicationId;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(applicationId.getBytes(StandardCharsets.UTF_8));
            return "OWN:" + HexFormat.of().formatHex(d, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM lacks SHA-256.", e);
        }
    }

    @Override
    public void afterDecision(OfficerDecision decision, Optional<OfficerDecision> previous) {
        String id = denialId(decision.applicationId());
        if (decision.outcome() == DecisionOutcome.REFUSED) {
            String content = contents.apply(decision.applicationId(), decision.scoreId()).orElseThrow(() ->
                    new IllegalStateException("The refused application's content is not stored with its score."));
            register.store(denial(id, parser.parse(content), decision), CHANGED_BY);
        } else if (previous.map(p -> p.outcome() == DecisionOutcome.REFUSED).orElse(false)
                || register.exists(id)) {
            register.revokeIfPresent(id, CHANGED_BY);
        }
    }

    /** The own denial of a refused application. */
    static Denial denial(String id, LicenceApplication a, OfficerDecision decision) {
        List<DenialParty> parties = new ArrayList<>();
        parties.add(new DenialParty(PartyRole.END_USER, a.endUser().name(), a.endUser().country(), null));
        if (a.consignee() != null) {
            parties.add(new DenialParty(PartyRole.CONSIGNEE, a.consignee().name(), a.consignee().country(), null));
        }
        for (Intermediary i : a.intermediaries()) {
            if (i.name() != null && parties.size() < DenialParser.MAX_PARTIES) {
                parties.add(new DenialParty(PartyRole.INTERMEDIARY, i.name(), i.country(), null));
            }
        }
        List<String> entries = a.items().stream().map(Item::controlListEntry).filter(Objects::nonNull).distinct()
                .limit(DenialParser.MAX_ENTRIES).toList();
        String description = String.join("; ", a.items().stream().map(Item::description).toList());
        if (description.length() > MAX_DESCRIPTION) {
            description = description.substring(0, MAX_DESCRIPTION);
        }
        LocalDate on = LocalDate.ofInstant(decision.decidedAt(), ZoneOffset.UTC);
        // The exporter is established in this authority's state, which is the state that refused.
        return new Denial(id, DenialSource.OWN, a.exporter().country(), on, decision.criteria(), entries, description,
                a.destinationCountry(), parties, DenialStatus.VALID, on.plusYears(DenialParser.DEFAULT_REVIEW_YEARS));
    }
}
