package io.mttkit.gen.walker;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.UInt;
import java.util.ArrayList;
import java.util.List;

/**
 * Which implemented mode a {@code req_mode = {format, MODE}} names, and whether the PA is out of range for it
 * (SPEC-DECISIONS #3, #10): a bit at or above the mode's PA width or {@code paw}, or a mode the configuration does
 * not implement (a driver error, answered fail-safe with {@code PA_RANGE}). The walker decodes its registered
 * lookup with it; the cached checker top decodes the request with it, to keep out-of-range PAs away from the
 * cache (cache-model.md §4.2).
 *
 * @param modeHit       one bit per {@link WalkerParams#modes()} entry, in that order
 * @param implemented   the request names an implemented mode
 * @param paRangeFault  out of range (or unimplemented): no cache probe, no read, {@code PA_RANGE}
 */
public record ModeDecode(List<Bool> modeHit, Bool implemented, Bool paRangeFault) {

    /**
     * Decodes {@code mode} (the 4-bit MODE field) of format {@code fmtV09} for the PA {@code pa} (width
     * {@link WalkerParams#paWidth()}), naming the wires {@code mode_is_*}, {@code mode_implemented} and
     * {@code pa_range_fault} in the calling module.
     */
    public static ModeDecode of(WalkerParams p, UInt pa, Bool fmtV09, UInt mode) {
        int paW = p.paWidth();
        List<WalkMode> modes = p.modes();
        List<Bool> modeHit = new ArrayList<>();
        for (WalkMode m : modes) {
            Bool fmtMatch = m.v09() ? fmtV09 : fmtV09.not();
            modeHit.add(fmtMatch.and(mode.eq(m.csrEncoding())).named("mode_is_" + m.name().toLowerCase()));
        }
        Bool implemented = Hw.orAll(modeHit).named("mode_implemented");
        List<UInt> rangeFaults = new ArrayList<>();
        for (int i = 0; i < modes.size(); i++) {
            int width = modes.get(i).paBits();
            if (width < paW) {
                rangeFaults.add(modeHit.get(i).and(pa.bits(paW - 1, width).orR()));
            }
        }
        if (p.paw() < paW) {
            rangeFaults.add(pa.bits(paW - 1, p.paw()).orR());
        }
        rangeFaults.add(implemented.not()); // a mode no real hart can send: fail safe (docs/port-contract.md)
        return new ModeDecode(List.copyOf(modeHit), implemented, Hw.orAll(rangeFaults).named("pa_range_fault"));
    }
}
