package io.mttkit.tb.mutation;

import io.mttkit.tb.cosim.RegressionResult;
import io.mttkit.bridge.BridgeException;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.Regression;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The child process of a {@link MutationRun}: builds the Verilog in one folder and runs the regression on it, then
 * prints one result line. One process per mutant because a JVM can hold only so many Verilated libraries (each
 * takes static thread-local storage that {@code dlopen} cannot give back), and so that a mutant that crashes the
 * simulation cannot take the run with it.
 *
 * <p>Arguments: {@code DIR CONFIG CHECKS SEED}, DIR holding the mutated Verilog and its {@code checker.json}. Output: a line {@code RESULT<TAB>VERDICT<TAB>CHECKS<TAB>DETAIL}.
 */
public final class MutantWorker {
    static final String PREFIX = "RESULT\t";

    private MutantWorker() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: MutantWorker DIR CONFIG CHECKS SEED");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        String line;
        try {
            MutationConfig.of(args[1]); // a known configuration
            // the folder's checker.json is the unmodified one's: with its cache geometry, the regression drives
            // invalidations/syncs and the cache scoreboard compares every cache event (contract v2 observation)
            CheckerLibrary lib = CheckerLibrary.fromManifest(dir);
            RegressionResult r = Regression.run(lib, Long.parseLong(args[3]), Long.parseLong(args[2]));
            line = r.passed() ? result(MutationRun.Verdict.SURVIVED, r.checks(), "")
                    : result(MutationRun.Verdict.KILLED, r.checks(), MismatchSummary.of(r.firstMismatch()));
        } catch (BridgeException e) {
            String msg = String.valueOf(e.getMessage());
            line = result(MutationRun.Verdict.BUILD_FAILED, 0, msg.length() > 300 ? msg.substring(0, 300) + " ..." : msg);
        }
        System.out.println(line);
        System.out.flush();
        System.exit(0);
    }

    private static String result(MutationRun.Verdict v, long checks, String detail) {
        return PREFIX + v + "\t" + checks + "\t" + detail.replaceAll("\\s+", " ").strip();
    }
}
