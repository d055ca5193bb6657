package io.mttkit.tb.spmpcosim;

import io.mttkit.gen.spmp.SpmpMptRequestPort;
import io.mttkit.golden.Cause;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.pmp.PrivMode;
import java.util.List;

/**
 * Coverage of the composed {@code mtt_spmp_checker} co-simulation, on top of the SPMP's own groups
 * ({@link SpmpCosimCoverage}, fed with every S/U access): which unit decided (× privilege × access type), the
 * priority collisions between the units (what each unit would have said on its own: the SPMP as if
 * {@code satp.MODE} were Bare, the PMP, the MPT walk), and the MPT causes that reach the response.
 */
final class SpmpMptCoverage {
    static final String UNIT = "unit";
    static final String PRIORITY = "priority";
    static final String MPT_CAUSE = "mpt-cause";
    private static final String[] TYPES = {"fetch", "load", "store", "amo"};
    private static final String[] UNITS = {"none", "SPMP", "PMP", "MPT"};

    private SpmpMptCoverage() {
    }

    /** The bins of a run whose MPT implements {@code modes}. */
    static void declare(SpmpCoverage cov, List<MttMode> modes) {
        SpmpCoverage.Group unit = cov.group(UNIT, "deciding unit × privilege × access type");
        for (String priv : new String[] {"U", "S"}) {
            for (String u : UNITS) {
                for (String t : TYPES) {
                    unit.declare(priv + " " + u + " " + t);
                }
            }
        }
        for (String u : new String[] {"none", "PMP"}) {
            for (String t : TYPES) {
                unit.declare("M " + u + " " + t);
            }
        }
        SpmpCoverage.Group prio = cov.group(PRIORITY, "one access, several units that would deny it");
        for (String b : PRIORITY_BINS) {
            prio.declare(b);
        }
        SpmpCoverage.Group cause = cov.group(MPT_CAUSE, "MPT causes on the response (SPMP and PMP allowed)");
        for (Cause c : REACHED_CAUSES) {
            cause.declare(c.name());
        }
        if (modes.stream().anyMatch(m -> m.xlen() == 64)) {
            cause.declare(Cause.PA_RANGE.name());
        }
        cov.note("mpt-cause: the composed run's tables are golden-built and never corrupted, so the MPTE format "
                + "causes (reserved bits/encodings, NAPOT, non-leaf at L0) are the walker co-simulation's to cover");
    }

    /** MPT causes the composed run reaches on both XLENs (PA_RANGE is declared on RV64 only). */
    private static final Cause[] REACHED_CAUSES = {Cause.WALK_PMP, Cause.WALK_BUS_ERROR, Cause.MPTE_INVALID,
        Cause.PERM_DENY};

    private static final String[] PRIORITY_BINS = {
        "SPMP denies, PMP would deny",
        "SPMP denies, MPT would deny",
        "SPMP denies, PMP and MPT would deny",
        "SPMP denies, PMP and MPT would allow",
        "SPMP denies (no match), MPT would allow",
        "SPMP denies (straddle), MPT would deny",
        "SPMP allows, PMP denies, MPT would deny",
        "SPMP allows, PMP denies, MPT would allow",
        "SPMP allows, PMP allows, MPT denies",
        "SPMP, PMP and MPT allow",
        "satp not Bare: SPMP would deny, MPT denies",
        "satp not Bare: SPMP would deny, allowed",
        "M-mode: SPMP and MPT would deny, allowed",
        "M-mode: SPMP would deny, PMP denies",
        "MPT Bare: SPMP allows, allowed without a walk",
    };

    /** Classifies one access (its golden expectation) into the groups. */
    static void access(SpmpCoverage cov, SpmpMptCosim run, SpmpMptRtl.Request q, MttMode mode,
                       SpmpMptCosim.Expected e, SpmpMptRtl.Observed o) {
        boolean m = q.priv() == SpmpMptRequestPort.PRIV_M;
        String priv = m ? "M" : q.priv() == SpmpMptRequestPort.PRIV_S ? "S" : "U";
        cov.get(UNIT).hit(priv + " " + UNITS[e.unit] + " " + TYPES[q.type()]);
        if (!m) {
            SpmpCosimCoverage.access(cov, run.goldSpmp(), run.spmpParams(), run.spmpAddrMask(), q.pa(), q.size(),
                    q.type(), q.priv() == SpmpMptRequestPort.PRIV_S ? PrivMode.S : PrivMode.U, q.sum(), q.mxr(),
                    q.satpBare(), e.spmp);
        }
        SpmpCoverage.Group prio = cov.get(PRIORITY);
        boolean mptDenies = mode != MttMode.BARE && e.mptWouldDeny;
        if (m) {
            if (e.spmpWouldDeny && mptDenies && e.allow) {
                prio.hit("M-mode: SPMP and MPT would deny, allowed");
            }
            if (e.spmpWouldDeny && !e.pmpOk) {
                prio.hit("M-mode: SPMP would deny, PMP denies");
            }
        } else if (!q.satpBare()) {
            if (e.spmpWouldDeny && e.unit == 3) {
                prio.hit("satp not Bare: SPMP would deny, MPT denies");
            }
            if (e.spmpWouldDeny && e.allow) {
                prio.hit("satp not Bare: SPMP would deny, allowed");
            }
        } else if (e.unit == 1) {
            if (e.pmpWouldDeny) {
                prio.hit("SPMP denies, PMP would deny");
            }
            if (mptDenies) {
                prio.hit("SPMP denies, MPT would deny");
            }
            if (e.pmpWouldDeny && mptDenies) {
                prio.hit("SPMP denies, PMP and MPT would deny");
            }
            if (!e.pmpWouldDeny && mode != MttMode.BARE && !mptDenies) {
                prio.hit("SPMP denies, PMP and MPT would allow");
            }
            if (e.spmp.entry() < 0 && mode != MttMode.BARE && !mptDenies) {
                prio.hit("SPMP denies (no match), MPT would allow");
            }
            if (e.spmp.outcome() == io.mttkit.golden.spmp.SpmpVerdict.Outcome.PARTIAL_MATCH && mptDenies) {
                prio.hit("SPMP denies (straddle), MPT would deny");
            }
        } else if (e.unit == 2) {
            if (mode != MttMode.BARE) {
                prio.hit(mptDenies ? "SPMP allows, PMP denies, MPT would deny" : "SPMP allows, PMP denies, MPT would allow");
            }
        } else if (e.unit == 3) {
            prio.hit("SPMP allows, PMP allows, MPT denies");
        } else if (mode == MttMode.BARE) {
            prio.hit("MPT Bare: SPMP allows, allowed without a walk");
        } else {
            prio.hit("SPMP, PMP and MPT allow");
        }
        SpmpCoverage.Group cause = cov.get(MPT_CAUSE);
        if (e.unit == 3 && cause.bins.containsKey(e.mpt.cause().name())) {
            cause.hit(e.mpt.cause().name());
        }
    }
}
