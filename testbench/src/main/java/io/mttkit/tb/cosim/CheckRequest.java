package io.mttkit.tb.cosim;

import io.mttkit.golden.MttMode;

/**
 * One check as the harness sends it: the contract v1 request fields plus the golden-model mode they stand for.
 *
 * @param pa      physical address
 * @param need    {X,W,R} required ({@code io.mttkit.golden.Access} bits)
 * @param mode    the mode, {@link MttMode#BARE} for Bare; {@code null} when {@code rawMode} is a value no
 *                implemented mode has (a driver error the RTL must answer fail-safe)
 * @param rawMode the 5-bit {@code req_mode} value: {@code {format, MODE}}
 * @param rootPpn root table PPN
 * @param sdid    supervisor domain id (not used by a cache-less checker, sent anyway)
 * @param be      MPTEs are big-endian
 * @param bypass  {@code req_bypass} (effective M)
 */
public record CheckRequest(long pa, int need, MttMode mode, int rawMode, long rootPpn, int sdid, boolean be,
                           boolean bypass) implements Stimulus {

    /** A check in {@code mode} (Bare included). */
    public static CheckRequest of(MttMode mode, long rootPpn, long pa, int need, boolean be) {
        return new CheckRequest(pa, need, mode, reqMode(mode), rootPpn, 0, be, false);
    }

    /** A bypass check ({@code req_bypass} = 1) with otherwise meaningful fields. */
    public static CheckRequest bypass(MttMode mode, long rootPpn, long pa, int need) {
        return new CheckRequest(pa, need, mode, reqMode(mode), rootPpn, 0, false, true);
    }

    /** A check carrying a raw {@code req_mode} that no implemented mode has. */
    public static CheckRequest rawMode(int rawMode, long rootPpn, long pa, int need) {
        return new CheckRequest(pa, need, null, rawMode, rootPpn, 0, false, false);
    }

    /** The contract v1 {@code req_mode} of a mode: {@code {format (1 = smmpt-v0.9), MODE}}; Bare is 0. */
    public static int reqMode(MttMode mode) {
        if (mode == MttMode.BARE) {
            return 0;
        }
        int fmt = mode.format() == io.mttkit.golden.TableFormat.SMMPT_V0_9 ? 16 : 0;
        return fmt | mode.csrEncoding();
    }

    /** Whether the checker must answer at once with allow (bypass or Bare). */
    public boolean isBypass() {
        return bypass || (rawMode & 0xF) == 0;
    }
}
