package org.finfacts.cli;

import org.finfacts.eval.conformance.ConformanceRunner;
import org.finfacts.facts.JsonCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code finfacts conformance}: runs Recognizers-Text spec files (or a folder of them) through the
 * engine and prints the share of cases passed per suite and model, with failures and convention
 * differences listed apart.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true,
        description = "Check the engine against Recognizers-Text spec files (JSONL, e.g. ../shared/conformance/recognizers).")
public final class ConformanceCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", arity = "1..*", description = "Spec files or folders of *.jsonl.")
    List<Path> specs;

    @Option(names = "--failures", description = "List every failing case.")
    boolean failures;

    @Option(names = "--conventions", description = "List every case that differs by convention.")
    boolean conventions;

    @Option(names = "--json", description = "Print tallies and non-passing cases as JSON.")
    boolean json;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path p : specs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.toString().endsWith(".jsonl")).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new IllegalArgumentException("no such file or folder: " + p);
            }
        }
        List<ConformanceRunner.Judged> judged = new ConformanceRunner(ConformanceRunner.registered())
                .run(files, engineOptions.engine());
        if (json) {
            System.out.println(JsonCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(ConformanceRunner.json(judged)));
        } else {
            System.out.print(ConformanceRunner.table(judged, failures, conventions));
        }
        return 0;
    }
}
