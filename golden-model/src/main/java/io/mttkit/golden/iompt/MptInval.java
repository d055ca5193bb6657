package io.mttkit.golden.iompt;

/**
 * The scope of one {@code MPTINVAL} (ch. 6 §"MPTINVAL"): which (SDID, PA) pairs' cached MPT information it
 * invalidates. Operands:
 * <pre>
 * command  OP[7:0] SDID[13:8] reserved[14] SDIDV[15] reserved[31:16]
 * data1    PPNV[0] S[1] reserved[9:2] PPN[53:10] reserved[63:54]
 * </pre>
 * "When a field is not valid for an operation, it is ignored": SDIDV=0 covers every SDID, PPNV=0 every
 * address (then S is ignored too). With PPNV=1 the range is 4 KiB at {@code PPN} when S=0; when S=1 it is the
 * NAPOT range of {@code 1 << (13 + x)} bytes, x the position of the first low-order 0 bit of {@code PPN}
 * (PPN = ...0 → 8 KiB, ...0 1111 1111 → 2 MiB). When S=1 and every PPN bit is 1 the spec says the behaviour is
 * UNSPECIFIED; mttkit covers every address (what the next larger range would be, and invalidating more is
 * always legal). A range beyond {@code paw} "may or may not be performed": mttkit performs it.
 *
 * <p>An implementation may invalidate more than the scope ("Simpler implementations may ignore the operands
 * ... and perform a global invalidation"), never less. {@link #covers(int, long)} is the set it must cover.
 *
 * <p>TODO (co-simulation): the golden checker has no MPT cache, so it always answers with the newest MPT. A
 * cached RTL checker may legally answer with an older value: "an implementation may use any information for an
 * address that was valid in the MPT at any time since the most recent MPTINVAL that subsumes that address"
 * (only valid entries: "not allowed to cache an MPT entry whose V bit is clear"). The comparison layer will
 * need, per (SDID, PA), the set of MPTE values valid since the last MPTINVAL covering it, and must accept either
 * the old or the new verdict in between; likewise the old or the new SDCL rule / SDCFG between a
 * {@code SET_*} and the next {@code IOFENCE}, and cached entries of the old root between a mode/PPN change and
 * the {@code MPTINVAL} with PPNV=0 that must follow the {@code IOFENCE} (§"IOFENCE").
 *
 * @param sdidValid {@code SDIDV}: only {@code sdid} is covered
 * @param sdid      {@code SDID}, 0..63 (ignored when {@code sdidValid} is false)
 * @param ppnValid  {@code PPNV}: only the address range is covered
 * @param napot     {@code S}: NAPOT range instead of 4 KiB (ignored when {@code ppnValid} is false)
 * @param ppn       {@code PPN}, 0..2^44−1 (ignored when {@code ppnValid} is false)
 */
public record MptInval(boolean sdidValid, int sdid, boolean ppnValid, boolean napot, long ppn) {
    private static final int PPN_BITS = 44;

    public MptInval {
        Bits.checkRange("SDID", sdid, 63);
        Bits.checkRange("PPN", ppn, Bits.mask(PPN_BITS));
    }

    /** The scope encoded by the {@code command} and {@code data1} registers; reserved bits are ignored. */
    public static MptInval fromOperands(int command, long data1) {
        CommandWord cw = new CommandWord(command);
        return new MptInval(cw.sdidValid(), cw.sdid(), Bits.field(data1, 0, 1) != 0, Bits.field(data1, 1, 1) != 0,
                Bits.field(data1, 10, PPN_BITS));
    }

    /** PPNV=0, SDIDV=0: everything cached from any MPT. */
    public static MptInval all() {
        return new MptInval(false, 0, false, false, 0);
    }

    /** PPNV=0, SDIDV=1: everything cached for {@code sdid}. */
    public static MptInval ofSdid(int sdid) {
        return new MptInval(true, sdid, false, false, 0);
    }

    /** PPNV=1, SDIDV=0: the range of {@code ppn} and {@code s} for every SDID. */
    public static MptInval ofRange(long ppn, boolean s) {
        return new MptInval(false, 0, true, s, ppn);
    }

    /** PPNV=1, SDIDV=1: the range of {@code ppn} and {@code s} for {@code sdid}. */
    public static MptInval ofRange(long ppn, boolean s, int sdid) {
        return new MptInval(true, sdid, true, s, ppn);
    }

    /** The {@code data1} operand (PPNV, S, PPN). */
    public long toData1() {
        return Bits.place(ppnValid ? 1 : 0, 0, 1) | Bits.place(napot ? 1 : 0, 1, 1) | Bits.place(ppn, 10, PPN_BITS);
    }

    /** The {@code command} operand (OP = MPTINVAL, SDID, SDIDV). */
    public int toCommand() {
        return sdidValid ? CommandWord.mptinvalSdid(sdid) : CommandWord.mptinvalAllSdids();
    }

    /**
     * log2 of the size of the address range: 12 for S=0, 13 + x for S=1, and 64 (every address) when PPNV=0 or
     * when S=1 with every PPN bit 1.
     */
    public int rangeLog2() {
        if (!ppnValid) {
            return 64;
        }
        if (!napot) {
            return 12;
        }
        int x = Long.numberOfTrailingZeros(~ppn); // position of the first low-order 0 bit
        return x >= PPN_BITS ? 64 : 13 + x;
    }

    /** First address of the range (aligned to its size); 0 when it covers every address. */
    public long rangeBase() {
        int log2 = rangeLog2();
        return log2 == 64 ? 0 : (ppn << 12) & -(1L << log2);
    }

    /** True when entries of {@code sdid} are within the scope. */
    public boolean coversSdid(int sdid) {
        return !sdidValid || this.sdid == sdid;
    }

    /** True when information about {@code pa} is within the scope. */
    public boolean coversPa(long pa) {
        int log2 = rangeLog2();
        return log2 == 64 || (pa & -(1L << log2)) == rangeBase();
    }

    /** True when information cached for {@code pa} in the MPT of {@code sdid} must be invalidated. */
    public boolean covers(int sdid, long pa) {
        return coversSdid(sdid) && coversPa(pa);
    }
}
