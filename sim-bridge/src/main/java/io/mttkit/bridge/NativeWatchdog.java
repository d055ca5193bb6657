package io.mttkit.bridge;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A wall-clock limit on a native call that a design can make endless: model creation runs the RTL's initial blocks
 * and its first evaluation, and an initial {@code while} that waits on an input never returns. A native call cannot be
 * interrupted, so when the limit passes the watchdog says what hung and why, and ends the process with exit code 2
 * (the user's RTL, not a bug of mttkit) rather than leave it hanging without a word (issue #16, category 2).
 * Combinational loops do not get here: Verilator's convergence limit ends them ({@link ConvergenceException}).
 *
 * <p>The limit is {@value #PROPERTY} seconds (default {@value #DEFAULT_SECONDS}; 0 turns the watchdog off). Legitimate
 * model creation takes well under a second.
 */
final class NativeWatchdog {
    /** System property: seconds a guarded native call may take (0 = no limit). */
    static final String PROPERTY = "mttkit.native.timeout";
    static final long DEFAULT_SECONDS = 600;

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mttb-native-watchdog");
        t.setDaemon(true);
        return t;
    });

    private NativeWatchdog() {
    }

    static long limitSeconds() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) {
            return DEFAULT_SECONDS;
        }
        try {
            return Math.max(0, Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            throw new FixableException("-D" + PROPERTY + "=" + v + " is not a number of seconds");
        }
    }

    /** Runs {@code call}; if it has not returned after the limit, prints why and halts the JVM with exit code 2. */
    static <T> T guard(String what, String hint, Supplier<T> call) {
        long limit = limitSeconds();
        if (limit == 0) {
            return call.get();
        }
        ScheduledFuture<?> alarm = TIMER.schedule(() -> {
            System.err.println("mtt: " + what + " has not returned after " + limit + " s: " + hint + ". Stopping (exit "
                    + "code 2); if your design really needs longer, set -D" + PROPERTY + "=SECONDS");
            System.err.flush();
            Runtime.getRuntime().halt(2);
        }, limit, TimeUnit.SECONDS);
        try {
            return call.get();
        } finally {
            alarm.cancel(false);
        }
    }
}
