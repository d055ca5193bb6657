package io.mttkit.tb.cli;

import io.mttkit.tb.lockstep.LockstepOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The lockstep options shared by {@code mtt run} and {@code mtt matrix} (a picocli mixin), and their checks. */
final class LockstepArgs {
    @Option(names = "--batch", paramLabel = "N",
            description = "With --rtl: checks per bridge run at most (1 .. 65536, default 256).")
    Integer batch;

    @Option(names = "--bundle-dir", paramLabel = "DIR",
            description = "With --rtl: where a mismatch's repro bundle goes (default: target/lockstep in the repository).")
    Path bundleDir;

    /** Whether any lockstep-only option was given. */
    boolean given() {
        return batch != null || bundleDir != null;
    }

    /** The options of a lockstep run, checked; bundles go to {@code root/target/lockstep} unless told otherwise. */
    LockstepOptions options(Path root) {
        int b = batch != null ? batch : LockstepOptions.DEFAULT_BATCH;
        if (b < 1 || b > 65_536) {
            throw new UserInputException("--batch: " + b + " is out of range (1 .. 65536)");
        }
        return new LockstepOptions(b, 1, bundleDir != null ? bundleDir.toAbsolutePath() : root.resolve("target/lockstep"));
    }
}
