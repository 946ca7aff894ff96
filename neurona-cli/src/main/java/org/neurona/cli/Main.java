package org.neurona.cli;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.neurona.train.TrainingDivergedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code neurona} command: one subcommand per job (demo, train, predict, evaluate, plot,
 * cluster, hopfield, autoencode, export, import).
 *
 * <p>Exit codes: 0 success, 1 failure, 2 bad input or usage. Bad input (a missing or malformed
 * file, an impossible option value: any {@link IllegalArgumentException}) is reported in one
 * line without a stack trace unless {@code --debug} is given.
 *
 * <p>To add a command: write a class annotated with {@code @Command} that implements
 * {@code Callable<Integer>}, and add it to the {@code subcommands} list below.
 */
@Command(name = "neurona",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Neural networks the way the backpropagation lecture teaches them.", ""},
        subcommands = {
            DemoCommand.class,
            TrainCommand.class,
            PredictCommand.class,
            EvaluateCommand.class,
            PlotCommand.class,
            ClusterCommand.class,
            HopfieldCommand.class,
            AutoencodeCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            TourCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class,
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  neurona demo                      the lecture's example, plots in neurona-out/",
            "  neurona train --data xor.csv --layers 2:3:1 --save xor.json",
            "  neurona predict --model xor.json --data new.csv",
            "  neurona cluster --data blobs.csv --units 4 --label label --plot clusters.png",
            "  neurona hopfield --store letters.csv --noise 0.1 --shape 10x10 --plot recall.png",
            "  neurona export --model xor.json --format snns --out xor.net",
            "  neurona <command> --help          options and examples of one command",
        })
public final class Main implements java.util.concurrent.Callable<Integer> {

    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for a failure that is not the user's input. */
    public static final int FAILURE = 1;
    /** Exit code for bad input or usage. */
    public static final int BAD_INPUT = 2;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print the stack trace of errors (for bug reports).")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // no subcommand: show what there is, and exit as for any other usage error
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line: exception handlers, exit codes, headless plotting. Tests call
     * this and {@code execute} in-process, with their own out/err writers.
     */
    public static CommandLine commandLine() {
        // plots are rendered off-screen; no display is needed or wanted
        System.setProperty("java.awt.headless", "true");
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setAbbreviatedOptionsAllowed(false);
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> failure(ex, cmd, main.debug));
        cl.setExitCodeExceptionMapper(ex -> isBadInput(ex) ? BAD_INPUT : FAILURE);
        return cl;
    }

    /** Unknown option, missing value, unparseable number: picocli's message, a suggestion, exit 2. */
    private static int usageError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        // a misspelt option also leaves the option meant missing: name the misspelling, the cause
        if (!(ex instanceof UnmatchedArgumentException) && !cmd.getUnmatchedArguments().isEmpty()) {
            ex = new UnmatchedArgumentException(cmd, cmd.getUnmatchedArguments());
        }
        err.println("error: " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage and examples.");
        err.flush();
        return BAD_INPUT;
    }

    private static int failure(Exception ex, CommandLine cmd, boolean debug) {
        PrintWriter err = cmd.getErr();
        Throwable t = ex;
        if (debug) {
            t.printStackTrace(err);
        }
        if (isBadInput(t)) {
            err.println("error: " + message(t));
            err.flush();
            return BAD_INPUT;
        }
        if (t instanceof TrainingDivergedException) {
            // a known outcome with its own advice (a smaller eta), not a bug
            err.println("error: " + message(t));
            err.flush();
            return FAILURE;
        }
        err.println("error: " + t.getClass().getSimpleName() + ": " + message(t)
                + (debug ? "" : " (run again with --debug for the stack trace)"));
        err.flush();
        return FAILURE;
    }

    /** Bad input is the user's to fix: a wrong value, a missing or unreadable file. */
    static boolean isBadInput(Throwable t) {
        return t instanceof IllegalArgumentException
                || t instanceof NoSuchFileException
                || t instanceof AccessDeniedException
                || t instanceof NotDirectoryException
                || t instanceof ParameterException;
    }

    private static String message(Throwable t) {
        if (t instanceof NoSuchFileException e) {
            return e.getReason() != null ? e.getReason() : e.getFile() + ": file not found";
        }
        if (t instanceof AccessDeniedException e) return e.getFile() + ": permission denied";
        if (t instanceof FileSystemException e) return e.getMessage();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
