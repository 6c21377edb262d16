package org.licencerisk.model.cli;

import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.model.application.FieldProblem;
import org.licencerisk.model.application.InvalidApplicationException;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.scoring.RiskScore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code risk-model score}: one application JSON file, as the API would score it. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score one licence application (the API's JSON) with a model artifact and print the RiskScore as JSON.")
final class ScoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "The model artifact directory.")
    Path model;

    @Parameters(paramLabel = "APPLICATION", description = "A JSON file holding one licence application.")
    Path application;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(application)) {
            throw new IllegalArgumentException("The application file " + application + " does not exist.");
        }
        LicenceApplication parsed;
        try {
            parsed = new ApplicationParser().parse(Files.readString(application));
        } catch (InvalidApplicationException e) {
            StringBuilder sb = new StringBuilder("The application in " + application.getFileName() + " is invalid:");
            for (FieldProblem p : e.problems()) {
                sb.append(System.lineSeparator()).append("  ").append(p.field()).append(": ").append(p.message());
            }
            throw new IllegalArgumentException(sb.toString(), e);
        }
        RiskScore score = ModelArtifact.load(model).scorer().score(parsed);
        spec.commandLine().getOut().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(score));
        return 0;
    }
}
