package io.mttkit.tb.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mtt}: the mttkit command line. Every command has {@code --help} with an example; exit codes are
 * those of {@link ExitCodes}. Errors in the user's input print one line (a stack trace only with
 * {@code --debug}).
 */
@Command(name = "mtt",
        mixinStandardHelpOptions = true,
        versionProvider = Mtt.Version.class,
        description = {
            "Generate and verify RISC-V Smmtt/Smmpt (MTT/MPT) checker hardware.",
            ""
        },
        subcommands = {
            CheckCommand.class,
            TablesCommand.class,
            AuditCommand.class,
            BenchCommand.class,
            GenCommand.class,
            RegressCommand.class,
            ReplayCommand.class,
            MergeCommand.class,
            MutateCommand.class,
            SelftestCommand.class,
            RunCommand.class,
            MatrixCommand.class,
            ScenarioCommand.class,
            CommandLine.HelpCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  a mismatch or failure was found",
            "  2  bad input (arguments, files or their contents)",
            "",
            "Example:  ./mtt check --help"
        })
public final class Mtt implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces for errors (for reporting bugs in mttkit).")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (used by tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Mtt());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // The descriptions are written as lines of up to ~105 characters; keep them whole.
        cl.setUsageHelpWidth(120);
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("mtt: " + ex.getMessage());
            c.getErr().println("     try: " + c.getCommandSpec().qualifiedName() + " --help");
            return ExitCodes.BAD_INPUT;
        });
        ReportFolder.startCommand();
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            Throwable t = ex;
            ReportFolder.removeEmptyCreated(); // a refused or failed run leaves no empty report folder it made
            if (t instanceof UserInputException || t instanceof IllegalArgumentException) {
                c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + t.getMessage());
                if (debug) {
                    t.printStackTrace(c.getErr());
                }
                return ExitCodes.BAD_INPUT;
            }
            String environment = EnvironmentError.describe(t);
            if (environment != null) {
                c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + environment);
                if (debug) {
                    t.printStackTrace(c.getErr());
                }
                return ExitCodes.BAD_INPUT;
            }
            c.getErr().println(c.getCommandSpec().qualifiedName() + ": internal error: " + t
                    + (debug ? "" : " (run again with --debug for the stack trace, and report it)"));
            if (debug) {
                t.printStackTrace(c.getErr());
            }
            return ExitCodes.FAILURE;
        });
        return cl.execute(args);
    }

    /** Version from the jar manifest when packaged, else the development version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Mtt.class.getPackage().getImplementationVersion();
            return new String[] {"mttkit " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
