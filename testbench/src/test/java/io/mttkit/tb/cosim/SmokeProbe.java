package io.mttkit.tb.cosim;

import io.mttkit.gen.walker.WalkerParams;
import org.junit.jupiter.api.Test;

class SmokeProbe {
    @Test
    void probe() {
        for (int xlen : new int[] {64, 32}) {
            long t0 = System.nanoTime();
            CheckerLibrary.of(WalkerParams.defaults(xlen));
            System.out.println("build " + xlen + ": " + (System.nanoTime() - t0) / 1e9 + " s");
            Regression.Result r = Regression.run(WalkerParams.defaults(xlen), 1, 3000);
            System.out.println("checks " + r.checks() + " cps " + r.checksPerSecond() + " causes " + java.util.Arrays.toString(r.causes()));
            if (r.firstMismatch() != null) System.out.println(r.firstMismatch());
        }
    }
}
