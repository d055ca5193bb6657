package io.mttkit.golden.iompt;

/**
 * Which MPT endianness the checker implements (ch. 6 §"SET_SDCFG_ENTRY": "MBE can be hardwired when only
 * one endianness is supported"). A hardwired {@code MBE} ignores the value written by
 * {@code SET_SDCFG_ENTRY} and reads back as the hardwired value; it is not an invalid operand.
 */
public enum MbeSupport {
    /** MBE hardwired to 0: every MPT is read little-endian. */
    LITTLE_ONLY,
    /** MBE hardwired to 1: every MPT is read big-endian. */
    BIG_ONLY,
    /** MBE writable per SDID. */
    BOTH;

    /** The MBE value stored when software writes {@code written}. */
    public boolean legalise(boolean written) {
        return switch (this) {
            case LITTLE_ONLY -> false;
            case BIG_ONLY -> true;
            case BOTH -> written;
        };
    }
}
