package io.mttkit.golden.spmp;

/**
 * Smpmpdeleg's shared register file ("Resource Sharing between PMP and SPMP"): the PMP entries, by
 * architectural index. With {@code mpmpdeleg.pmpnum} = N, PMP entry N+j is SPMP entry j; the low 8 bits
 * of {@code spmpcfg[j]} are the {@code pmpcfg} byte of entry N+j and {@code spmpaddr[j]} is its
 * {@code pmpaddr}. The SPMP writes these through this interface after applying its own rules, and tells
 * the PMP where its entries now end.
 */
public interface PmpBacking {
    /** The number of writable PMP entries (the architectural space is 64; the rest read as zero). */
    int writableEntries();

    /** The raw pmpcfg byte of entry {@code i}. */
    int cfgByte(int i);

    /** Stores the raw pmpcfg byte of entry {@code i} (no PMP legalisation or locking). */
    void setCfgByte(int i, int value);

    /** The raw pmpaddr of entry {@code i}. */
    long addr(int i);

    /** Stores the raw pmpaddr of entry {@code i}. */
    void setAddr(int i, long value);

    /** Entries {@code pmpnum} and above are no longer PMP entries (reads zero, writes ignored, not checked). */
    void pmpCountChanged(int pmpnum);

    /** A plain array-backed file for tests and stand-alone use. */
    static PmpBacking array(int writable) {
        if (writable < 0 || writable > 64) {
            throw new IllegalArgumentException("writable PMP entries must be 0..64, got " + writable);
        }
        int[] cfg = new int[writable];
        long[] addr = new long[writable];
        return new PmpBacking() {
            @Override
            public int writableEntries() {
                return writable;
            }

            @Override
            public int cfgByte(int i) {
                return cfg[i];
            }

            @Override
            public void setCfgByte(int i, int value) {
                cfg[i] = value & 0xFF;
            }

            @Override
            public long addr(int i) {
                return addr[i];
            }

            @Override
            public void setAddr(int i, long value) {
                addr[i] = value;
            }

            @Override
            public void pmpCountChanged(int pmpnum) {
            }
        };
    }
}
