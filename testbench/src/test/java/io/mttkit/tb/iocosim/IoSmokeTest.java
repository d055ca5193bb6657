package io.mttkit.tb.iocosim;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IoSmokeTest {
    @Test
    void smoke() {
        IoCheckerLibrary lib = IoCheckerLibrary.forConfiguration("io-checker-rv64", Map.of());
        IoRegression.Result r = IoRegression.run(lib, 1, Long.getLong("io.checks", 3000), n -> { });
        System.out.println("checks " + r.checks() + " regs " + r.registerAccesses() + " polls " + r.polls() + " reads "
                + r.reads() + " windows " + r.windows() + " digest " + Long.toHexString(r.digest()) + " s " + r.seconds());
        System.out.println(java.util.Arrays.toString(r.reasons()));
        System.out.println(r.coverage().db().summary(40));
        if (r.firstMismatch() != null) {
            System.out.println(r.firstMismatch());
        }
    }
}
