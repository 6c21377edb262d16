package org.licencerisk.functions.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.json.Json;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code registry denials import}: accepted and rejected rows, by line and field, never by content. */
class DenialImportCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(TestStack stack, String... args) {
        return new RegistryTool(stack.components(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private static List<String> rejected(JsonNode report) {
        List<String> r = new ArrayList<>();
        report.get("rejected").forEach(x -> r.add(x.get("line").asLong() + ":" + x.get("field").asText()));
        return r;
    }

    @Test
    void jsonLinesAreImportedAndBadRowsReportedByLineAndField() throws Exception {
        TestStack stack = TestStack.withDenials();
        String good = "{\"denialId\":\"DE-J-1\",\"source\":\"NOTIFICATION\",\"notifyingState\":\"DE\","
                + "\"notifiedOn\":\"2026-02-01\",\"criteria\":[\"7\"],\"controlListEntries\":[\"5A001.j\"],"
                + "\"itemDescription\":\"Monitoring centre\",\"destinationCountry\":\"EG\","
                + "\"parties\":[{\"role\":\"END_USER\",\"name\":\"Hidden Firm Name\",\"country\":\"EG\"}]}";
        String badCountry = good.replace("DE-J-1", "DE-J-2").replace("\"country\":\"EG\"", "\"country\":\"Hidden Land\"");
        Path file = dir.resolve("denials.jsonl");
        Files.writeString(file, good + "\n\n" + badCountry + "\n{not json\n" + good + "\n");
        assertEquals(1, run(stack, "denials", "import", file.toString()), "rows were rejected");
        JsonNode report = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(1, report.get("accepted").asInt());
        assertEquals(1, report.get("unchanged").asInt(), "the same denial again stores nothing");
        assertEquals(List.of("3:parties[0].country", "4:$"), rejected(report));
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("Hidden"), "no content in the report");
        assertFalse(stack.logs().contains("Hidden"));
    }

    @Test
    void csvRowsOfOneDenialAreItsPartiesAndProblemsNameTheFirstLine() throws Exception {
        TestStack stack = TestStack.withDenials();
        Path file = dir.resolve("denials.csv");
        Files.writeString(file, String.join("\n",
                "denialId,source,notifyingState,notifiedOn,criteria,controlListEntries,itemDescription,"
                        + "destinationCountry,status,reviewDue,partyRole,partyName,partyCountry,partyAddress",
                "FR-C-1,NOTIFICATION,FR,2026-03-01,2;7,5A001.j;5D002,\"Probe, with software\",EG,,,END_USER,Alpha Co,EG,",
                "FR-C-1,,,,,,,,,,CONSIGNEE,Beta Trading,AE,\"Street 1, Dubai\"",
                "FR-C-2,NOTIFICATION,FR,2026-13-01,2,5A001.j,Probe,EG,,,END_USER,Gamma,EG,",
                "FR-C-3,NOTIFICATION,FR,2026-03-01,2,5A001.j,Probe,EG,,,SPONSOR,Delta,EG,") + "\n");
        assertEquals(1, run(stack, "denials", "import", file.toString()));
        JsonNode report = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(1, report.get("accepted").asInt());
        assertEquals(List.of("4:notifiedOn", "5:parties[0].role"), rejected(report));
        var denial = stack.components().denialRegister().find("FR-C-1").denial();
        assertEquals(2, denial.parties().size());
        assertEquals(List.of("5A001.j", "5D002"), denial.controlListEntries());
        assertEquals("Street 1, Dubai", denial.parties().get(1).address());
    }

    @Test
    void aFileOfAnotherKindIsRefused() throws Exception {
        TestStack stack = TestStack.withDenials();
        Path file = dir.resolve("denials.xml");
        Files.writeString(file, "<denials/>");
        assertEquals(2, run(stack, "denials", "import", file.toString()));
    }
}
