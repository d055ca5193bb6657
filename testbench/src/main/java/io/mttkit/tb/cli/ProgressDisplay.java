package io.mttkit.tb.cli;

import io.mttkit.tb.cosim.RegressionProgress;
import io.mttkit.golden.MttMode;
import io.mttkit.tb.cosim.Regression;
import java.io.PrintStream;

/**
 * Progress of a long run on standard error: on a terminal one line rewritten in place (checks, checks/s,
 * ETA, mismatches so far), otherwise a plain line every ten seconds, so logs stay readable.
 */
final class ProgressDisplay implements RegressionProgress {
    private final PrintStream err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastPrint;
    private boolean printedInPlace;

    ProgressDisplay(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static ProgressDisplay forConsole() {
        return new ProgressDisplay(System.err, System.console() != null);
    }

    @Override
    public void update(long done, long total, MttMode mode) {
        long now = System.nanoTime();
        long interval = terminal ? 200_000_000L : 10_000_000_000L;
        if (now - lastPrint < interval && done != total) {
            return;
        }
        lastPrint = now;
        double seconds = (now - start) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        String line;
        if (done > total) {
            // a checker with several walks in flight adds the walk stimulus's checks after the requested ones
            // (docs/nonblocking.md "In the regression"): no percentage or ETA past the requested count
            line = String.format("%,d checks (%,d requested + the walk stimulus's)  %,.0f checks/s  finishing  "
                    + "mismatches 0  [%s]", done, total, rate, mode.id());
        } else {
            long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
            line = String.format("%,d / %,d checks (%d%%)  %,.0f checks/s  ETA %d:%02d  mismatches 0  [%s]",
                    done, total, total == 0 ? 100 : done * 100 / total, rate, eta / 60, eta % 60, mode.id());
        }
        if (terminal) {
            err.print("\r" + line + "\u001b[K");
            printedInPlace = true;
        } else {
            err.println("progress: " + line);
        }
        err.flush();
    }

    /** Ends the in-place line so that what follows starts on a fresh line. */
    void finish() {
        if (printedInPlace) {
            err.println();
            err.flush();
        }
    }
}
