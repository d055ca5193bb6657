package io.mttkit.tb.cosim;

import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The golden modes a checker configuration implements: what stimulus, coverage and the run plan iterate over. Its
 * own class so that the regression and coverage both use it without depending on each other.
 */
public final class CheckerModes {
    private CheckerModes() {
    }

    /** The golden modes a configuration implements (both formats where built), in declaration order; no Bare. */
    public static List<MttMode> of(WalkerParams params) {
        List<MttMode> out = new ArrayList<>();
        for (MttMode m : MttMode.values()) {
            if (m == MttMode.BARE || m.xlen() != params.xlen()) {
                continue;
            }
            boolean v09 = m.format() == TableFormat.SMMPT_V0_9;
            if (v09 ? params.formats().v09() : params.formats().v01()) {
                out.add(m);
            }
        }
        return out;
    }
}
