package io.mttkit.tb.mutation;

import io.mttkit.tb.cosim.RegressionResult;
import io.mttkit.bridge.BridgeException;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.Regression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The child process of a {@link MutationRun}: builds the Verilog in one folder and runs the regression on it, then
 * prints one result line. One process per mutant because a JVM can hold only so many Verilated libraries (each
 * takes static thread-local storage that {@code dlopen} cannot give back), and so that a mutant that crashes the
 * simulation cannot take the run with it.
 *
 * <p>Arguments: {@code DIR TOP CONFIG CHECKS SEED}. Output: a line {@code RESULT<TAB>VERDICT<TAB>CHECKS<TAB>DETAIL}.
 */
public final class MutantWorker {
    static final String PREFIX = "RESULT\t";

    private MutantWorker() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: MutantWorker DIR TOP CONFIG CHECKS SEED");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".v") || p.toString().endsWith(".sv")).sorted().toList();
        }
        String line;
        try {
            MutationConfig cfg = MutationConfig.of(args[2]);
            // with the cache shape, so that the regression drives invalidations/syncs and the cache scoreboard
            // compares every cache event (contract v2 observation)
            CheckerLibrary lib = CheckerLibrary.fromVerilog(files, args[1], cfg.params(), cfg.cache());
            RegressionResult r = Regression.run(lib, Long.parseLong(args[4]), Long.parseLong(args[3]));
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
