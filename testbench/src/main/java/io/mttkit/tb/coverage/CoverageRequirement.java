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
        if (group.equals(CacheCoverage.MINVAL) && bin.matches("batch=\\S+ sync wait=>\\d+")) {
            return "a waiting sync makes the cache apply the queue head in every cycle, and the queue holds at most "
                    + "its depth, so sync_ack comes at most depth cycles after sync_req (docs/cache-rtl.md); "
                    + "reachable only by an RTL that drains its queue more slowly";
        }
        return null;
    }

    /** Prefix of the coverage configuration of a checker with several walks in flight (RegressionRunner). */
    public static final String NON_BLOCKING = "non-blocking ";

    /** Every hole of {@code db}, in group and bin order, each with its reason if unreachable. */
    public static List<Hole> holes(CoverageDb db) {
        // a checker with several walks in flight has no unreachable bin of its own: "walks end together" is counted
        // from the walks' predicted ready cycles since 2026-12-06 (docs/coverage.md "Several walks in flight")
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
