package org.licencerisk.model.application;

import java.time.Instant;
import java.util.List;

/**
 * An application for a licence to export dual-use goods, as the licensing system sends it.
 * <p>
 * Its JSON form (camelCase, exactly these properties) is the API's request body and the native
 * historical-data format. Instances are built by {@link ApplicationParser}, which validates them first;
 * the lists are unmodifiable.
 *
 * @param applicationId            the case system's id: 1 to 64 letters, digits and {@code -_.:}
 * @param submittedAt              when the application was submitted
 * @param licenceType              individual or global licence
 * @param exporter                 the exporter
 * @param items                    the goods, 1 to 500 lines
 * @param destinationCountry       ISO 3166-1 alpha-2 code of the country of final destination
 * @param endUser                  the end user
 * @param consignee                the consignee, or {@code null}
 * @param intermediaries           intermediate consignees, brokers and agents (possibly empty)
 * @param endUse                   the stated end use; confidential, never logged
 * @param endUserStatementProvided whether a signed end-user statement is on file
 * @param catchAll                 whether the application falls under the Art. 5 cyber-surveillance catch-all
 */
public record LicenceApplication(
        String applicationId,
        Instant submittedAt,
        LicenceType licenceType,
        Exporter exporter,
        List<Item> items,
        String destinationCountry,
        EndUser endUser,
        Consignee consignee,
        List<Intermediary> intermediaries,
        String endUse,
        boolean endUserStatementProvided,
        boolean catchAll) {

    public LicenceApplication {
        items = items == null ? List.of() : List.copyOf(items);
        intermediaries = intermediaries == null ? List.of() : List.copyOf(intermediaries);
    }
}
