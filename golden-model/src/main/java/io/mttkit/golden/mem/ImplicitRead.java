package io.mttkit.golden.mem;

import io.mttkit.golden.Cause;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MpteReader;

/**
 * One implicit MPTE read of a table walk, with the checks that come before the value is known, in the
 * priority of SPEC-DECISIONS #16:
 * <ol>
 *   <li>PMP/Smepmp on the entry address as an M-mode read (SPEC-DECISIONS #20; Smmpt §4 step 2, v0.1 ch. 4
 *       step 2: "If accessing mpte violates a PMA or PMP check") → {@link Cause#WALK_PMP}, no read issued,
 *       the entry recorded as unread ({@link LookupResult#recordUnread});</li>
 *   <li>entry address at or above 2^{@code paw} (a next-level PPN beyond the platform's address width: the
 *       platform has no such address) → {@link Cause#WALK_BUS_ERROR}, no read issued, the entry recorded as
 *       unread;</li>
 *   <li>{@link MpteReader#canRead} false → {@link Cause#WALK_BUS_ERROR}, the read is recorded as failed
 *       with value 0;</li>
 *   <li>otherwise the value is read with the requested endianness ({@code mstatus.MBE}) and recorded.</li>
 * </ol>
 * Stateless: the value read is the last entry of {@link LookupResult}'s read list, so one instance can be
 * shared.
 */
public final class ImplicitRead {
    private final MpteReader memory;
    private final ImplicitReadCheck pmp;
    private final int paw;

    /**
     * @param memory where reads go
     * @param pmp    the PMP/PMA check applied before each read
     * @param paw    platform physical address width (12..64)
     */
    public ImplicitRead(MpteReader memory, ImplicitReadCheck pmp, int paw) {
        if (paw < 12 || paw > 64) {
            throw new IllegalArgumentException("paw must be between 12 and 64 bits, got " + paw);
        }
        this.memory = memory;
        this.pmp = pmp;
        this.paw = paw;
    }

    /**
     * Reads the {@code size}-byte entry at {@code addr} for a walk at {@code level}. On failure the fault
     * is already set in {@code out} (at {@code level}) and false is returned; on success the value is
     * {@code out.readValue(out.readCount() - 1)}, zero-extended from {@code size} bytes.
     */
    public boolean fetch(long addr, int size, boolean bigEndian, int level, LookupResult out) {
        if (!pmp.allowsImplicitRead(addr, size)) {
            out.recordUnread(addr, size);
            out.fault(Cause.WALK_PMP, level);
            return false;
        }
        if (paw < 64 && (addr >>> paw) != 0) {
            out.recordUnread(addr, size); // the PMP query went out (and passed); no read
            out.fault(Cause.WALK_BUS_ERROR, level);
            return false;
        }
        if (!memory.canRead(addr, size)) {
            out.recordRead(addr, size, 0, true);
            out.fault(Cause.WALK_BUS_ERROR, level);
            return false;
        }
        long value = memory.read(addr, size, bigEndian);
        if (size < 8) {
            // Guard against a reader that sign-extends: the entry is exactly size bytes wide.
            value &= (1L << (8 * size)) - 1;
        }
        out.recordRead(addr, size, value, false);
        return true;
    }

    /** The value of the read just recorded by a successful {@link #fetch}. */
    public static long lastValue(LookupResult out) {
        return out.readValue(out.readCount() - 1);
    }
}
