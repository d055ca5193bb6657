package io.mttkit.golden;

/**
 * Everything one lookup decides and everything it did on the way, in a reusable object so that the hot
 * path allocates nothing: call {@link #reset()} (the lookup does) and read the fields afterwards.
 *
 * <p>Fields follow the checker port contract's response (CHECKER-MICROARCH.md §3) plus the walk itself:
 * the ordered list of implicit MPTE reads (address, size, value; a read that ended in a bus error is
 * listed with {@link #readFailed(int)} true and value 0), the non-leaf pointers followed (for a walk
 * cache) and the normalised leaf that decided (for a leaf cache).
 */
public final class LookupResult {
    /** Upper bound on reads per walk: Smmpt64 has 5 levels. */
    public static final int MAX_READS = 8;

    private boolean allow;
    private Cause cause = Cause.NONE;
    private int xwr = -1;
    private int level;
    private int leafLog2;
    private int uniformLog2;
    private boolean cacheable;

    private int readCount;
    private final long[] readAddr = new long[MAX_READS];
    private final int[] readSize = new int[MAX_READS];
    private final long[] readValue = new long[MAX_READS];
    private final boolean[] readFailed = new boolean[MAX_READS];

    /** The entry whose implicit read was checked but not issued (PMP refused it, or it lies beyond paw). */
    private long unreadAddr;
    private int unreadSize;

    private int pointerCount;
    private final int[] pointerLevel = new int[MAX_READS];
    private final long[] pointerNextPpn = new long[MAX_READS];

    private LeafKind leafKind;
    private long leafBase;
    private int tupleCount;
    private int tupleLog2;
    private long tuples;

    /** Clears every field; lookups call this first. */
    public LookupResult reset() {
        allow = false;
        cause = Cause.NONE;
        xwr = -1;
        level = 0;
        leafLog2 = 0;
        uniformLog2 = 0;
        cacheable = false;
        readCount = 0;
        unreadAddr = 0;
        unreadSize = 0;
        pointerCount = 0;
        leafKind = null;
        leafBase = 0;
        tupleCount = 0;
        tupleLog2 = 0;
        tuples = 0;
        return this;
    }

    // ---- recording, used by the format lookups -------------------------------------------------

    /** Records an implicit read that was issued (after its PMP check passed). */
    public void recordRead(long addr, int size, long value, boolean failed) {
        if (readCount == MAX_READS) {
            throw new IllegalStateException("more than " + MAX_READS + " reads in one walk");
        }
        readAddr[readCount] = addr;
        readSize[readCount] = size;
        readValue[readCount] = value;
        readFailed[readCount] = failed;
        readCount++;
    }

    /**
     * Records the entry whose PMP/PMA check was made but whose read was not issued (PMP refused it, or its address lies
     * beyond {@code paw}): the walk's last PMP query, which the read list does not show (a co-simulation compares every
     * query, docs/cache-model.md §11).
     */
    public void recordUnread(long addr, int size) {
        unreadAddr = addr;
        unreadSize = size;
    }

    /** Records a valid non-leaf entry at {@code level} pointing to the table at {@code nextPpn}. */
    public void recordPointer(int level, long nextPpn) {
        pointerLevel[pointerCount] = level;
        pointerNextPpn[pointerCount] = nextPpn;
        pointerCount++;
    }

    /** Records the normalised leaf that decided the lookup (a valid, well-formed leaf). */
    public void recordLeaf(LeafKind kind, long base, int rangeLog2, int count, int granuleLog2, long packedXwr) {
        this.leafKind = kind;
        this.leafBase = base;
        this.leafLog2 = rangeLog2;
        this.tupleCount = count;
        this.tupleLog2 = granuleLog2;
        this.tuples = packedXwr;
    }

    /** Ends the lookup with a fault of {@code why} decided at {@code atLevel}. */
    public void fault(Cause why, int atLevel) {
        if (why == Cause.NONE) {
            throw new IllegalArgumentException("fault() needs a cause");
        }
        this.allow = false;
        this.cause = why;
        this.level = atLevel;
    }

    /**
     * Ends the lookup at a well-formed leaf with the selected {@code selectedXwr}: allowed when it grants
     * {@code need}, otherwise {@link Cause#PERM_DENY}. The leaf is cacheable either way.
     */
    public void decide(int atLevel, int selectedXwr, int need, int uniform) {
        this.level = atLevel;
        this.xwr = selectedXwr;
        this.uniformLog2 = uniform;
        this.cacheable = true;
        this.allow = Access.grants(selectedXwr, need);
        this.cause = allow ? Cause.NONE : Cause.PERM_DENY;
    }

    /** Ends the lookup for Bare mode or effective M: allowed, no reads, XWR unknown. */
    public void bypass() {
        this.allow = true;
        this.cause = Cause.NONE;
    }

    // ---- results -------------------------------------------------------------------------------

    public boolean allow() {
        return allow;
    }

    public Cause cause() {
        return cause;
    }

    /** XWR of the selected granule, or -1 when no leaf was reached. */
    public int xwr() {
        return xwr;
    }

    /** The level of the entry that decided (leaf or faulting entry); for PA_RANGE the root level. */
    public int level() {
        return level;
    }

    /** log2 of the range the deciding leaf covers (0 when no leaf was reached). */
    public int leafLog2() {
        return leafLog2;
    }

    /** log2 of the largest aligned region around the PA known to have the same XWR (0 when no leaf). */
    public int uniformLog2() {
        return uniformLog2;
    }

    /** True when the deciding leaf was valid and well-formed (whatever its permissions). */
    public boolean cacheable() {
        return cacheable;
    }

    public int readCount() {
        return readCount;
    }

    public long readAddr(int i) {
        check(i, readCount);
        return readAddr[i];
    }

    public int readSize(int i) {
        check(i, readCount);
        return readSize[i];
    }

    public long readValue(int i) {
        check(i, readCount);
        return readValue[i];
    }

    public boolean readFailed(int i) {
        check(i, readCount);
        return readFailed[i];
    }

    /** Whether an entry was checked by PMP but not read ({@link #recordUnread}). */
    public boolean hasUnread() {
        return unreadSize > 0;
    }

    /** The entry checked by PMP but not read ({@link #recordUnread}); 0 when {@link #hasUnread()} is false. */
    public long unreadAddr() {
        return unreadAddr;
    }

    /** The size of {@link #unreadAddr()}'s entry (0 when none). */
    public int unreadSize() {
        return unreadSize;
    }

    /**
     * The implicit reads' PMP queries: each read's entry, then the entry checked but not read, if any. Query {@code i}
     * is read {@code i} for {@code i < readCount()}.
     */
    public int queryCount() {
        return readCount + (hasUnread() ? 1 : 0);
    }

    public int pointerCount() {
        return pointerCount;
    }

    public int pointerLevel(int i) {
        check(i, pointerCount);
        return pointerLevel[i];
    }

    public long pointerNextPpn(int i) {
        check(i, pointerCount);
        return pointerNextPpn[i];
    }

    /** Kind of the deciding leaf, or null when no well-formed leaf was reached. */
    public LeafKind leafKind() {
        return leafKind;
    }

    /** PA of the first byte the deciding leaf covers (aligned to {@link #leafLog2()}). */
    public long leafBase() {
        return leafBase;
    }

    /** Number of tuples in the leaf (16 or 8 for TUPLES, 1 for NAPOT and UNIFORM). */
    public int tupleCount() {
        return tupleCount;
    }

    /** log2 of the region one tuple covers (for NAPOT and UNIFORM: the whole leaf range). */
    public int tupleLog2() {
        return tupleLog2;
    }

    /** XWR of tuple {@code i}: 3 bits each, tuple 0 in bits [2:0]; v0.1 PERM already converted. */
    public long packedTuples() {
        return tuples;
    }

    public int tupleXwr(int i) {
        check(i, tupleCount);
        return (int) ((tuples >>> (3 * i)) & 7);
    }

    private static void check(int i, int n) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("index " + i + " of " + n);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(allow ? "allow" : "deny").append(" cause=").append(cause)
          .append(" xwr=").append(xwr < 0 ? "-" : Access.format(xwr))
          .append(" level=").append(level).append(" leaf_log2=").append(leafLog2)
          .append(" uniform_log2=").append(uniformLog2).append(" cacheable=").append(cacheable)
          .append(" reads=[");
        for (int i = 0; i < readCount; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format("0x%x/%d=0x%x%s", readAddr[i], readSize[i],
                    readValue[i], readFailed[i] ? "!err" : ""));
        }
        return sb.append(']').toString();
    }
}
