package io.mttkit.golden.csr;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;

import java.util.EnumSet;
import java.util.Set;

/**
 * The common WARL behaviour of the two root CSRs, {@link MmptCsr} (v0.9 {@code mmpt}) and {@link MttpCsr}
 * (v0.1 {@code mttp}): a PPN, an SDID and a MODE at format- and XLEN-specific positions; every other bit
 * (NZR / WPRI) reads as zero.
 *
 * <p>Legalisation of a {@link #write(long)} (SPEC-DECISIONS #19; the spec says an unsupported MODE write
 * "is not ignored. Instead, the fields ... are WARL in the normal way"):
 * <ul>
 *   <li>MODE: a value that is reserved, custom, or not in the supported set leaves MODE unchanged; the
 *       other fields of the same write are still written. {@code Bare} (0) is always supported.</li>
 *   <li>SDID: bits at and above {@code sdidLen} read as zero, so writing all ones and reading back finds
 *       SDIDLEN (ch. 3).</li>
 *   <li>PPN: written as is, except low bits that the resulting MODE forces to zero (subclasses).</li>
 *   <li>With MODE=Bare the PPN and SDID are still written (SPEC-DECISIONS #7: Bare is a bypass, no fault).</li>
 * </ul>
 */
public abstract class MttRootCsr {
    private final TableFormat format;
    private final int xlen;
    private final int sdidLen;
    private final Set<MttMode> supported;
    private final int ppnBits;
    private final int sdidShift;
    private final int modeShift;
    private final int modeBits;

    private long ppn;
    private int sdid;
    private MttMode mode = MttMode.BARE;

    MttRootCsr(TableFormat format, int xlen, int sdidLen, Set<MttMode> supportedModes, int sdidShift) {
        if (xlen != 32 && xlen != 64) {
            throw new IllegalArgumentException("xlen must be 32 or 64, got " + xlen);
        }
        if (sdidLen < 0 || sdidLen > 6) {
            throw new IllegalArgumentException("sdidLen must be 0..6 (SDIDMAX is 6), got " + sdidLen);
        }
        EnumSet<MttMode> s = EnumSet.of(MttMode.BARE);
        for (MttMode m : supportedModes) {
            if (m != MttMode.BARE && (m.format() != format || m.xlen() != xlen)) {
                throw new IllegalArgumentException(m.id() + " is not a " + format.id() + " mode for XLEN=" + xlen);
            }
            s.add(m);
        }
        this.format = format;
        this.xlen = xlen;
        this.sdidLen = sdidLen;
        this.supported = s;
        this.ppnBits = xlen == 32 ? 22 : 44;
        this.sdidShift = sdidShift;
        this.modeShift = xlen == 32 ? 30 : 60;
        this.modeBits = xlen == 32 ? 2 : 4;
    }

    /** Bits of PPN that read as zero when the register's MODE is {@code m} (0 for none). */
    abstract long ppnZeroMask(MttMode m);

    /** Writes the register, legalising every field as described in the class comment. */
    public void write(long value) {
        int modeField = (int) ((value >>> modeShift) & ((1 << modeBits) - 1));
        MttMode requested = MttMode.fromCsrEncoding(format, xlen, modeField);
        if (requested != null && supported.contains(requested)) {
            mode = requested;
        }
        sdid = (int) ((value >>> sdidShift) & ((1L << sdidLen) - 1));
        ppn = value & ((1L << ppnBits) - 1) & ~ppnZeroMask(mode);
    }

    /** The register value as software reads it. */
    public long read() {
        long v = ppn | ((long) sdid << sdidShift) | ((long) mode.csrEncoding() << modeShift);
        return xlen == 32 ? v & 0xFFFF_FFFFL : v;
    }

    /** The active mode ({@link MttMode#BARE} for MODE=0). */
    public MttMode mode() {
        return mode;
    }

    public int sdid() {
        return sdid;
    }

    public long ppn() {
        return ppn;
    }

    public int xlen() {
        return xlen;
    }

    /** SDIDLEN: the number of implemented SDID bits. */
    public int sdidLen() {
        return sdidLen;
    }

    /** The supported modes, Bare included. */
    public Set<MttMode> supportedModes() {
        return EnumSet.copyOf(supported);
    }
}
