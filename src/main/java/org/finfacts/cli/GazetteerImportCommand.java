package org.finfacts.cli;

import org.finfacts.extract.company.AshareImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code finfacts gazetteer-import}: converts the A-share list CSV into the gazetteer file
 * {@code models/companies/ashare.tsv} (reproducibly: the same CSV gives the same file).
 */
@Command(name = "gazetteer-import", mixinStandardHelpOptions = true,
        description = "Convert the A-share list (ts_code,symbol,name,area,industry,list_date,delist_date,status) "
                + "into a company gazetteer file: id, kind, names, tickers, source.")
public final class GazetteerImportCommand implements Callable<Integer> {
    @Option(names = "--csv", required = true, paramLabel = "PATH", description = "The A-share list CSV (UTF-8).")
    Path csv;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The gazetteer TSV to write, e.g. models/companies/ashare.tsv.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException("--csv: no such file: " + csv);
        }
        List<String> problems = new ArrayList<>();
        List<AshareImporter.Row> rows = new AshareImporter().convert(Files.readAllLines(csv, StandardCharsets.UTF_8), problems);
        List<String> lines = new ArrayList<>(AshareImporter.header(rows.size()));
        for (AshareImporter.Row r : rows) {
            lines.add(r.toTsv());
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.write(out, lines, StandardCharsets.UTF_8);
        for (String p : problems) {
            System.err.println("finfacts: skipped " + p);
        }
        System.err.println("finfacts: wrote " + rows.size() + " companies to " + out);
        return 0;
    }
}
