package io.mttkit.golden;

import io.mttkit.golden.mem.ImplicitRead;
import io.mttkit.golden.smmpt.SmmptLookup;
import io.mttkit.golden.smmtt.SmmttLookup;

/**
 * The spec-exact MTT lookup: given the mode and root of {@code mttp}/{@code mmpt}, a physical address and
 * the permissions an access needs, walks the memory-resident table and decides allow/deny with the cause,
 * recording every implicit read on the way. Dispatches to one class per table format, each of which
 * follows its spec's numbered lookup steps: {@link SmmttLookup} (v0.1 ch. 4) and {@link SmmptLookup}
 * (v0.9 ch. 4).
 *
 * <p>Order of checks (SPEC-DECISIONS #16): PA range once, before any read; then per entry PMP on the
 * entry address, entry address beyond {@code paw}, bus error, V=0, reserved bits, reserved encodings,
 * bad G, pointer at level 0, permission. See {@code docs/notes/g1.md} for the exact semantics of every
 * result field.
 *
 * <p>No allocation per lookup: the caller passes (and reuses) the {@link LookupResult}. An instance holds
 * no mutable state and may be shared between threads if its reader and PMP check may.
 */
public final class MttLookup {
    private final LookupConfig config;
    private final SmmttLookup smmtt;
    private final SmmptLookup smmpt;

    /**
     * @param memory where implicit MPTE reads go
     * @param pmp    PMP/Smepmp check on each implicit read (M-mode read, SPEC-DECISIONS #20)
     * @param config platform choices and spec interpretations
     */
    public MttLookup(MpteReader memory, ImplicitReadCheck pmp, LookupConfig config) {
        if (memory == null || pmp == null || config == null) {
            throw new IllegalArgumentException("memory, pmp and config must all be given"
                    + " (use ImplicitReadCheck.ALLOW_ALL for no PMP, LookupConfig.DEFAULT for defaults)");
        }
        this.config = config;
        ImplicitRead reader = new ImplicitRead(memory, pmp, config.paw());
        this.smmtt = new SmmttLookup(reader, config);
        this.smmpt = new SmmptLookup(reader, config);
    }

    public LookupConfig config() {
        return config;
    }

    /** Full walk from the root table (mmpt/mttp PPN). mode BARE → out.bypass(), no reads. */
    public LookupResult lookup(MttMode mode, long rootPpn, long pa, int need, boolean bigEndian, LookupResult out) {
        return lookupFrom(mode, mode.levels() - 1, rootPpn, pa, need, bigEndian, out);
    }

    /**
     * Walk that starts at startLevel in the table at tablePpn (a walk-cache hit); PA range check still first.
     * A PA_RANGE fault reports the root level whatever {@code startLevel} is. BARE → out.bypass().
     *
     * @throws IllegalArgumentException for a level outside 0 .. LEVELS−1, a table PPN wider than the
     *                                  mode's PPN field (44 bits; 22 on RV32) or {@code need} outside rwx
     */
    public LookupResult lookupFrom(MttMode mode, int startLevel, long tablePpn, long pa, int need, boolean bigEndian,
                                   LookupResult out) {
        out.reset();
        if (mode == MttMode.BARE) {
            out.bypass();
            return out;
        }
        if (startLevel < 0 || startLevel >= mode.levels()) {
            throw new IllegalArgumentException("start level " + startLevel + " is outside 0.." + (mode.levels() - 1)
                    + " for " + mode.id());
        }
        int ppnBits = mode.xlen() == 32 ? 22 : 44;
        if ((tablePpn >>> ppnBits) != 0) {
            throw new IllegalArgumentException(String.format("table PPN 0x%x is wider than the %d-bit PPN of %s",
                    tablePpn, ppnBits, mode.id()));
        }
        if ((need & ~(Access.R | Access.W | Access.X)) != 0) {
            throw new IllegalArgumentException("need 0x" + Integer.toHexString(need) + " has bits other than R|W|X");
        }
        // PA range (SPEC-DECISIONS #3, #10; Smmpt43/52 "bits 43 (52) and higher all equal to 0"): no read at all.
        int width = Math.min(mode.paBits(), config.paw());
        if (width < 64 && (pa >>> width) != 0) {
            out.fault(Cause.PA_RANGE, mode.levels() - 1);
            return out;
        }
        return mode.format() == TableFormat.SMMPT_V0_9
                ? smmpt.walk(mode, startLevel, tablePpn, pa, need, bigEndian, out)
                : smmtt.walk(mode, startLevel, tablePpn, pa, need, bigEndian, out);
    }
}
