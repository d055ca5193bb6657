package io.mttkit.gen.walker;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Hw;
import io.mttkit.hdl.UInt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small encodings both formats' decoders share (not table formats: those live in each decoder). */
final class EntryDecoding {
    private EntryDecoding() {
    }

    /** v0.9 XWR table: 010 and 110 (W without R) are reserved. */
    static Bool reservedXwr(UInt xwr) {
        return xwr.bit(1).and(xwr.bit(0).not());
    }

    /** The cause of the first true condition (in priority order), else NONE. */
    static UInt priority(List<Bool> conds, List<WalkCause> causes) {
        UInt r = Hw.lit(WalkCause.NONE.code(), WalkCause.WIDTH);
        for (int i = conds.size() - 1; i >= 0; i--) {
            r = Hw.mux(conds.get(i), Hw.lit(causes.get(i).code(), WalkCause.WIDTH), r);
        }
        return r;
    }

    /** Tuple 0 in the least significant bits: {@code {t[n-1], …, t[0]}}. */
    static UInt packTuples(List<UInt> tuples) {
        List<UInt> msbFirst = new ArrayList<>(tuples);
        Collections.reverse(msbFirst);
        return Hw.cat(msbFirst);
    }

    /** Whether the cause leaves a valid, well-formed leaf (allowed or PERM_DENY). */
    static Bool wellFormed(UInt cause) {
        return cause.eq(WalkCause.NONE.code()).or(cause.eq(WalkCause.PERM_DENY.code()));
    }

    /** Some tuple of {@code tuples} needs {@code need} bits it does not grant. */
    static Bool denies(UInt need, UInt xwr) {
        return need.and(xwr.not()).orR();
    }
}
