package org.finfacts.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the finfacts command line in a fresh JVM with the current classpath, for measurements that
 * need a cold start (time to first result) or a given heap limit ({@code -Xmx} probes).
 */
public final class ChildJvm {
    /** Exit code, wall time, and the captured stderr tail of one run. */
    public record Run(int exitCode, long nanos, String stderrTail, boolean timedOut) {
    }

    private ChildJvm() {
    }

    /** Runs {@code finfacts args...} with JVM options, feeding {@code stdin} if not null. */
    public static Run run(List<String> jvmOptions, List<String> args, String stdin, Path output, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.finfacts.cli.Main");
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        File err = File.createTempFile("finfacts-child", ".err");
        err.deleteOnExit();
        pb.redirectError(err);
        pb.redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(output.toFile()));
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        long nanos = System.nanoTime() - t0;
        String e = Files.readString(err.toPath(), StandardCharsets.UTF_8);
        Files.deleteIfExists(err.toPath());
        String tail = e.length() > 400 ? e.substring(e.length() - 400) : e;
        return new Run(done ? p.exitValue() : -1, nanos, tail.strip(), !done);
    }
}
