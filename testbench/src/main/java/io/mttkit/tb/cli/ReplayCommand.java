package io.mttkit.tb.cli;

import io.mttkit.tb.repro.ReproBundleCodec;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.repro.Replay;
import io.mttkit.tb.repro.ReproBundle;
import io.mttkit.tb.repro.Shrinker;
import io.mttkit.tb.repro.ReproBundleException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtt replay}: reproduce a mismatch from its repro bundle, optionally with waves. */
@Command(name = "replay",
        header = "Reproduce a co-simulation mismatch from its repro bundle, optionally with waves.",
        description = {
            "Rebuild the checker for the bundle's parameters and cache shape (warning when the generator changed",
            "since), attach the bundle's memory image, re-run its stream (checks, invalidations, syncs, idle gaps,",
            "with the recorded table-entry writes between its parts) with the same latency, backpressure, bus-error",
            "and PMP settings and the same seed, and compare every check and cache event with the golden model again;",
            "the event digest tells whether the run was the same cycle for cycle. With --waves an FST wave file",
            "around the failing check is written (open it with GTKWave). With --shrink the stream is cut down",
            "(delta debugging: fewer items, same kind of mismatch) and written as a new bundle next to the old one.",
            "Exit 0 when the recorded mismatch reproduces, 1 when it does not."
        },
        footer = {"", "Examples:", "  ./mtt replay target/reports/regress/repro.tar.gz",
            "  ./mtt replay target/reports/regress/repro.tar.gz --rtl my-checker/",
            "  ./mtt replay target/reports/regress/repro.tar.gz --shrink   # writes repro.min.tar.gz",
            "  ./mtt replay target/reports/regress/repro.tar.gz --waves && gtkwave target/reports/regress/repro.fst"},
        mixinStandardHelpOptions = true)
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUNDLE.tar.gz", description = "The repro bundle a regression wrote.")
    Path bundle;

    @Option(names = "--waves", description = "Write an FST wave file around the failing request (generated checker only).")
    boolean waves;

    @Option(names = "--rtl", paramLabel = "DIR",
            description = "Replay on your own RTL (the folder given to mtt regress --rtl) instead of the generated checker.")
    Path rtl;

    @Option(names = "--shrink", description = "After the replay, shrink the failing stream to a small one that fails the "
            + "same way and write it as BUNDLE.min.tar.gz.")
    boolean shrink;

    @Override
    public Integer call() {
        if (!Files.exists(bundle)) {
            throw new UserInputException("bundle not found: " + bundle);
        }
        InputPaths.requireFile(bundle, "bundle");
        if (rtl != null && waves) {
            throw new UserInputException("--waves needs the generated checker (its trace build is made by the "
                    + "generator); replay your RTL without --waves, or dump waves from your own simulator");
        }
        if (rtl != null) {
            InputPaths.requireFolder(rtl, "--rtl");
        }
        PrintWriter out = spec.commandLine().getOut();
        ReproBundle b;
        Replay.Outcome outcome;
        try {
            b = ReproBundleCodec.read(bundle);
            PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
            if (rtl != null) {
                outcome = Replay.replay(b, CheckerLibrary.fromManifest(rtl), null, log);
            } else {
                outcome = Replay.replay(b, waves ? Replay.defaultWaveFile(bundle) : null, log);
                if (!outcome.buildHashMatches()) {
                    log.println("note: if this bundle came from mtt regress --rtl DIR, replay it with --rtl DIR");
                }
            }
        } catch (ReproBundleException e) {
            throw new UserInputException(e.getMessage());
        } catch (IllegalArgumentException e) { // --rtl of other parameters or another cache shape
            throw new UserInputException(e.getMessage());
        }
        out.print(outcome.summary(b));
        out.flush();
        if (shrink && outcome.reproduced() && b.failingIndex() >= 0) {
            CheckerLibrary lib = rtl != null ? CheckerLibrary.fromManifest(rtl) : Replay.libraryFor(b);
            Shrinker.Result r = Shrinker.shrink(b, lib);
            String name = bundle.getFileName().toString().replaceFirst("(\\.tar\\.gz|\\.tgz)?$", "") + ".min.tar.gz";
            Path file = bundle.toAbsolutePath().resolveSibling(name);
            try {
                Replay.writeWithDigest(r.bundle(), lib.library(), file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("writing " + file, e);
            }
            out.printf("shrunk: %d stream items -> %d (%d trial runs); the same kind of mismatch at check %d%n",
                    r.itemsBefore(), r.itemsAfter(), r.trials(), r.bundle().failingIndex());
            out.println("shrunk bundle: " + file + " (mtt replay " + file + " [--waves])");
            out.flush();
        } else if (shrink) {
            out.println("not shrunk: the recorded mismatch did not reproduce");
        }
        return outcome.reproduced() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
