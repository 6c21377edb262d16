package org.licencerisk.functions.local;

import org.licencerisk.functions.Components;
import org.licencerisk.functions.denials.DenialImport;
import org.licencerisk.functions.denials.ImportReport;
import org.licencerisk.functions.logging.StructuredLogger;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seeds an empty local denial register from a JSON Lines file ({@code --seed-denials FILE}; the local API script
 * passes the synthetic register {@code docs/examples/synthetic-denials.jsonl}), so that the README's example
 * application shows a match. A register that has seen any change is left alone. Local stack only.
 */
final class LocalDenialSeed {

    private LocalDenialSeed() {
    }

    /** Imports {@code file} unless the register has seen a change; logs counts only. */
    static void seedIfEmpty(Components components, Path file) throws IOException {
        if (components.config().denialsTable() == null || components.denials().registerVersion() > 0) {
            return;
        }
        ImportReport report;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            report = new DenialImport(components.denialRegister()).jsonLines(in);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("accepted", report.accepted());
        fields.put("rejected", report.rejected().size());
        components.logger().log(StructuredLogger.Level.INFO, null, "local_denials_seeded", fields);
    }
}
