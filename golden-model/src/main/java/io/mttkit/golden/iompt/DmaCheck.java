package io.mttkit.golden.iompt;

import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttLookup;
import io.mttkit.golden.MttMode;

/**
 * The decision on one inbound transaction (ch. 6 §"Handling I/O MPT Checker violations", with the modes of
 * §"Control" and the flow of §"Placement of I/O MPT Checker"):
 * <ol>
 *   <li>{@code Off}: abort ({@link AbortReason#CHECKER_OFF}).</li>
 *   <li>{@code Bare}: "allow inbound transactions that are not TEE-associated and ... abort those that are"
 *       ({@link AbortReason#BARE_TEE}); nothing is classified.</li>
 *   <li>{@code On}: the SDCL classifies the transaction ({@link Sdcl}); no matching rule aborts
 *       ({@link AbortReason#UNCLASSIFIED}). An SDID never configured aborts
 *       ({@link AbortReason#SDID_NOT_CONFIGURED}, an mttkit choice for an UNSPECIFIED state).</li>
 *   <li>The SDID's {@code MPT_MODE} Bare means "No page-based memory protection": allowed, TEE-associated or
 *       not (the rule that classified it may already filter on TEE; only the checker-wide Bare mode, which
 *       classifies nothing, aborts TEE traffic).</li>
 *   <li>Otherwise the MPT check of the SDID's table with "The MPT permission lookup process ... identical to
 *       that specified by Smmpt" ({@link MttLookup}: root PPN, the mode of MXL + MPT_MODE, MBE as the
 *       endianness of the implicit reads). A fault aborts with the reason of its cause
 *       ({@link AbortReason#ofLookup}).</li>
 * </ol>
 * The whole range {@code [pa, pa + size)} is checked, not only its first byte: an access (or an ATS
 * translation, "the entire range of translated addresses") is allowed only when every 4 KiB granule it touches
 * is. To keep long ranges cheap each lookup skips the aligned block its {@code uniform_log2} reports as having
 * the same permission; the first failing granule decides.
 *
 * <p>The golden model keeps no MPT cache: every check walks afresh, which is one of the behaviours the spec
 * allows (the newest value of every entry).
 */
public final class DmaCheck {
    private static final int GRANULE_LOG2 = 12;

    private final IoMptParams params;
    private final MttLookup lookup;
    private final Sdcl sdcl;
    private final SdConfigTable sdcfg;

    public DmaCheck(IoMptParams params, MttLookup lookup, Sdcl sdcl, SdConfigTable sdcfg) {
        if (params == null || lookup == null || sdcl == null || sdcfg == null) {
            throw new IllegalArgumentException("params, lookup, sdcl and sdcfg must all be given");
        }
        this.params = params;
        this.lookup = lookup;
        this.sdcl = sdcl;
        this.sdcfg = sdcfg;
    }

    /**
     * Decides {@code tx} under checker mode {@code mode}.
     *
     * @throws IllegalArgumentException when the transaction's device ID is wider than {@link IoMptParams#srcIdWidth()}
     */
    public DmaVerdict check(CheckerMode mode, DmaTransaction tx) {
        if (params.srcIdWidth() < 24 && (tx.deviceId() >>> params.srcIdWidth()) != 0) {
            throw new IllegalArgumentException(String.format("device ID 0x%x does not fit the platform's %d-bit"
                    + " device IDs (srcIdWidth)", tx.deviceId(), params.srcIdWidth()));
        }
        switch (mode) {
            case OFF:
                return abort(tx, AbortReason.CHECKER_OFF, null, null);
            case BARE:
                return tx.tee() ? abort(tx, AbortReason.BARE_TEE, null, null) : allow(tx, null, null, null, null, 0);
            default:
                break;
        }
        Classification c = sdcl.classify(tx);
        if (c == null) {
            return abort(tx, AbortReason.UNCLASSIFIED, null, null);
        }
        SdConfig cfg = sdcfg.config(c.sdid());
        if (cfg == null) {
            return abort(tx, AbortReason.SDID_NOT_CONFIGURED, c, null);
        }
        MttMode m = cfg.mttMode(); // never null: SET_SDCFG_ENTRY accepts only implemented modes
        if (m == MttMode.BARE) {
            return allow(tx, c, cfg, m, null, 0);
        }
        return checkRange(tx, c, cfg, m);
    }

    private DmaVerdict checkRange(DmaTransaction tx, Classification c, SdConfig cfg, MttMode m) {
        long last = tx.pa() + tx.size() - 1;
        long a = tx.pa();
        LookupResult first = null;
        int count = 0;
        while (true) {
            LookupResult r = lookup.lookup(m, cfg.ppn(), a, tx.need(), cfg.mbe(), new LookupResult());
            count++;
            if (!r.allow()) {
                return new DmaVerdict(tx, AbortReason.ofLookup(r.cause()), c, cfg, m, r, a, count);
            }
            if (first == null) {
                first = r;
            }
            int step = Math.max(r.uniformLog2(), GRANULE_LOG2);
            if (step >= 64) {
                break;
            }
            long next = (a & -(1L << step)) + (1L << step);
            // Stop at the end of the range, or when the block ran to the top of the 64-bit space.
            if (Long.compareUnsigned(next, a) <= 0 || Long.compareUnsigned(next, last) > 0) {
                break;
            }
            a = next;
        }
        return allow(tx, c, cfg, m, first, count);
    }

    private static DmaVerdict abort(DmaTransaction tx, AbortReason why, Classification c, SdConfig cfg) {
        return new DmaVerdict(tx, why, c, cfg, null, null, tx.pa(), 0);
    }

    private static DmaVerdict allow(DmaTransaction tx, Classification c, SdConfig cfg, MttMode m, LookupResult r,
                                    int lookups) {
        return new DmaVerdict(tx, AbortReason.NONE, c, cfg, m, r, tx.pa(), lookups);
    }
}
