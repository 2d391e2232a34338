package org.finfacts.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code finfacts} command line: {@code extract}, {@code eval}, {@code demo} and the commands
 * that build on them. Errors reach the user as one line on stderr and a non-zero exit code, never as
 * a stack trace ({@code FINFACTS_DEBUG=1} prints it).
 */
@Command(name = "finfacts", mixinStandardHelpOptions = true, version = "finfacts 0.1.0",
        description = "Structured, searchable facts from Chinese financial news.",
        subcommands = {ExtractCommand.class, EvalCommand.class, DemoCommand.class, ConformanceCommand.class, BenchCommand.class,
                PagesEvalCommand.class, IndexCommand.class, SearchCommand.class, ServeCommand.class, BenchSearchCommand.class,
                GazetteerImportCommand.class, NerEvalCommand.class, CompanySampleCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            line.getErr().println("finfacts: " + messageOf(ex));
            if (System.getenv("FINFACTS_DEBUG") != null) {
                ex.printStackTrace(line.getErr());
            }
            return 2;
        });
        return cl.execute(args);
    }

    static String messageOf(Throwable ex) {
        String m = ex.getMessage();
        if (m == null || m.isBlank()) {
            return ex.getClass().getSimpleName();
        }
        return m;
    }
}
