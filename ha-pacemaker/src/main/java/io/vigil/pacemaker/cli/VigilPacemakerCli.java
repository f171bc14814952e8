package io.vigil.pacemaker.cli;

import io.vigil.pacemaker.CibImportException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;

/**
 * Entry point of {@code vigil-pacemaker.jar}.
 *
 * <pre>
 * java -jar vigil-pacemaker.jar simulate cib.xml [--scores] [--repeat N]
 * java -jar vigil-pacemaker.jar conformance DIR [--report FILE]
 * </pre>
 */
@Command(name = "vigil-pacemaker", mixinStandardHelpOptions = true, version = "vigil-pacemaker 0.1.0",
        description = "Runs Vigil's scheduler on Pacemaker CIB files.",
        subcommands = {SimulateCommand.class, ConformanceCommand.class})
public final class VigilPacemakerCli implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (0 = success). */
    public static int run(String... args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        // Buffered standard output, flushed once at the end: simulate prints thousands of lines for a large
        // cluster, and picocli's default writer flushes on every line.
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out), 1 << 16),
                false); // the default charset, as picocli's own writer
        try {
            SimulateCommand simulate = args.length > 0 && args[0].equals("simulate")
                    ? SimulateCommand.plain(args, 1) : null;
            if (simulate == null) {
                return commandLine().setOut(out).execute(args);
            }
            // The common case without picocli's start-up cost (see SimulateCommand.plain); same output and status.
            PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err), true);
            try {
                return simulate.run(out, err);
            } catch (Exception e) {
                return report(e, err);
            }
        } finally {
            out.flush();
        }
    }

    /** The configured command line (output to System.out/err unless the caller sets others). */
    static CommandLine commandLine() {
        return new CommandLine(new VigilPacemakerCli()).setExecutionExceptionHandler(VigilPacemakerCli::report);
    }

    /** A failed import or scheduler run: one line on standard error, exit status 1. */
    private static int report(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        return report(e, cmd.getErr());
    }

    private static int report(Exception e, PrintWriter err) {
        String msg = e instanceof CibImportException ? e.getMessage()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        err.println("error: " + msg);
        return 1;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: simulate or conformance");
    }
}
