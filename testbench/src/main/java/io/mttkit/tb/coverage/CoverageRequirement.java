package io.mttkit.tb.coverage;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code mtt regress --require-coverage} demands: every defined bin hit, except the bins this testbench's driver
 * cannot reach, each with its reason (docs/coverage.md "Required coverage"). Those stay in the model and in every
 * summary as holes — they are reachable by another requester or another RTL — but do not fail the requirement.
 */
public final class CoverageRequirement {
    private CoverageRequirement() {
    }

    /** A hole and, when the driver cannot reach it, why ({@code null}: reachable, so missing it fails). */
    public record Hole(String group, String bin, String unreachableBecause) {
        @Override
        public String toString() {
            return group + ": " + bin;
        }
    }

    /** Why this testbench cannot reach the bin, or {@code null} when it can. */
    public static String unreachableBecause(String group, String bin) {
        if (group.equals(CacheCoverage.VICTIM) && bin.endsWith("overwrite in place")) {
            return "one walk is in flight and its fill carries a tag its own MISS proved absent (docs/cache-rtl.md "
                    + "\"Known limits\"); reachable only by an RTL with several walks in flight";
        }
        if (group.equals(CacheCoverage.MINVAL)) {
            if (bin.startsWith("queue held ") || bin.matches("batch=\\S+ sync wait=>\\d+")
                    || bin.matches("batch=[01] sync wait=2(\\.\\.\\d+)?")) {
                return "the driver presents one request per cycle and the cache applies a queued operand in every "
                        + "cycle without a lookup or fill, so the queue never fills and a sync never waits long; "
                        + "needs a requester that presents invalidations in the same cycle as lookups (not built)";
            }
        }
        return null;
    }

    /** Every hole of {@code db}, in group and bin order, each with its reason if unreachable. */
    public static List<Hole> holes(CoverageDb db) {
        List<Hole> out = new ArrayList<>();
        for (String g : db.groups()) {
            for (String b : db.holes(g)) {
                out.add(new Hole(g, b, unreachableBecause(g, b)));
            }
        }
        return out;
    }

    /** The holes that fail the requirement (reachable bins never hit). */
    public static List<Hole> missing(CoverageDb db) {
        return holes(db).stream().filter(h -> h.unreachableBecause() == null).toList();
    }
}
