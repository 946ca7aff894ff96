package org.neurona.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Where a command writes: human-readable text to stdout, or to stderr when {@code --json} is
 * set so that stdout carries exactly one JSON object; progress always to stderr. Uses the
 * command line's writers, so tests capture everything in-process.
 */
final class Out {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final PrintWriter stdout;
    private final PrintWriter stderr;
    private final boolean json;

    Out(CommandLine.Model.CommandSpec spec, boolean json) {
        this.stdout = spec.commandLine().getOut();
        this.stderr = spec.commandLine().getErr();
        this.json = json;
    }

    /** Whether stdout is reserved for one JSON object. */
    boolean json() {
        return json;
    }

    /** A line for the reader (stdout, or stderr under --json). */
    void say(String format, Object... args) {
        PrintWriter w = json ? stderr : stdout;
        w.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
        w.flush();
    }

    /** Plain data for stdout (predictions, tables) when not in JSON mode. */
    PrintWriter stdout() {
        return stdout;
    }

    /** The diagnostic stream (progress, warnings). */
    PrintWriter err() {
        return stderr;
    }

    /** A warning line on stderr. */
    void warn(String format, Object... args) {
        stderr.println("warning: " + String.format(Locale.ROOT, format, args));
        stderr.flush();
    }

    /** Prints {@code value} (maps, lists, numbers) as one JSON object on stdout. */
    void printJson(Object value) {
        try {
            stdout.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
        stdout.flush();
    }

    /** A number for humans: 4 significant digits, no locale surprises. */
    static String num(double v) {
        if (Double.isNaN(v)) return "n/a";
        if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6)) return String.format(Locale.ROOT, "%.3e", v);
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
