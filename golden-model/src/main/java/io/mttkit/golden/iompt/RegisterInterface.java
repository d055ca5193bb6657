package io.mttkit.golden.iompt;

/**
 * The memory-mapped registers of one checker as software sees them (ch. 6 §"I/O MPT Checker Register
 * Interface", §"Capabilities", §"Status register", §"Control", §"Command register"):
 * <pre>
 * offset  name          size  access
 *  0      capabilities  4     RO   VER[7:0] reserved[27:8] custom[31:28] (custom reads 0)
 *  4      status        4     RO   CODE[7:0] 0[30:8] BUSY[31]
 *  8      control       4     RW   MODE[3:0] (WARL) reserved[31:4] (read 0)
 * 12      command       4     RW   OP[7:0] operands[31:8]
 * 16      data1         8     RW
 * 24      data2         8     RW
 * </pre>
 * Little-endian: the 4-byte access at offset 16 is {@code data1[31:0]}, at 20 {@code data1[63:32]}. An 8-byte
 * access to {@code data1} or {@code data2} is performed as two 4-byte accesses, low half first ("may appear
 * ... as if two separate 4 byte accesses were performed").
 *
 * <p>What is UNSPECIFIED and how mttkit answers it:
 * <ul>
 *   <li>An access not 4 or 8 bytes, not aligned to its size, spanning two registers (an 8-byte access at 0 or
 *       8), or beyond offset 31: reads return 0, writes are ignored.</li>
 *   <li>A write to {@code control}, {@code command}, {@code data1} or {@code data2} while {@code BUSY} is 1 is
 *       ignored (the spec allows ignoring or performing it).</li>
 *   <li>Reset values: {@code BUSY} = 0, {@code CODE} = 0 and {@code MODE} = Off as required; {@code command},
 *       {@code data1} and {@code data2} reset to 0.</li>
 *   <li>{@code command} reads back the value last written (OP is not legalised: an unsupported OP is reported
 *       by CODE 2).</li>
 * </ul>
 * A write to {@code command} or {@code control} sets {@code BUSY} and is held pending until
 * {@link IoMptChecker#complete()} performs it, so a timing-accurate implementation can be compared with the
 * golden model at the moment its own {@code BUSY} falls.
 */
public final class RegisterInterface {
    public static final int CAPABILITIES = 0;
    public static final int STATUS = 4;
    public static final int CONTROL = 8;
    public static final int COMMAND = 12;
    public static final int DATA1 = 16;
    public static final int DATA2 = 24;
    /** Bytes of the register layout; offsets at and above read 0. */
    public static final int SIZE = 32;

    /** What a write to {@code command} or {@code control} left to do. */
    enum Pending { NONE, CONTROL, COMMAND }

    private final int capabilities;
    private int code;
    private boolean busy;
    private CheckerMode mode;
    private int command;
    private long data1;
    private long data2;
    private Pending pending;
    private int pendingControl;

    /** @param ver {@code capabilities.VER} (custom bits read 0) */
    RegisterInterface(int ver) {
        Bits.checkRange("VER", ver, 255);
        this.capabilities = ver;
        reset();
    }

    void reset() {
        code = 0;
        busy = false;
        mode = CheckerMode.OFF;
        command = 0;
        data1 = 0;
        data2 = 0;
        pending = Pending.NONE;
        pendingControl = 0;
    }

    // ---- software's view ---------------------------------------------------------------------------------

    /**
     * Reads {@code size} bytes at {@code offset}: the register value zero-extended, or 0 for an UNSPECIFIED
     * access.
     *
     * @throws IllegalArgumentException for a negative offset or a size outside 1..8
     */
    long read(long offset, int size) {
        checkAccess(offset, size);
        if (size == 4 && offset % 4 == 0 && offset < SIZE) {
            return read32((int) offset) & 0xFFFF_FFFFL;
        }
        if (size == 8 && (offset == DATA1 || offset == DATA2)) {
            return (read32((int) offset) & 0xFFFF_FFFFL) | ((long) read32((int) offset + 4) << 32);
        }
        return 0;
    }

    /**
     * Writes the low {@code size} bytes of {@code value} at {@code offset}; an UNSPECIFIED access is ignored.
     *
     * @throws IllegalArgumentException for a negative offset or a size outside 1..8
     */
    void write(long offset, int size, long value) {
        checkAccess(offset, size);
        if (size == 4 && offset % 4 == 0 && offset < SIZE) {
            write32((int) offset, (int) value);
        } else if (size == 8 && (offset == DATA1 || offset == DATA2)) {
            write32((int) offset, (int) value);
            write32((int) offset + 4, (int) (value >>> 32));
        }
    }

    private static void checkAccess(long offset, int size) {
        if (offset < 0) {
            throw new IllegalArgumentException("register offset must be non-negative, got " + offset);
        }
        if (size < 1 || size > 8) {
            throw new IllegalArgumentException("access size must be 1..8 bytes, got " + size);
        }
    }

    private int read32(int offset) {
        return switch (offset) {
            case CAPABILITIES -> capabilities;
            case STATUS -> code | (busy ? 1 << 31 : 0);
            case CONTROL -> mode.encoding();
            case COMMAND -> command;
            case DATA1 -> (int) data1;
            case DATA1 + 4 -> (int) (data1 >>> 32);
            case DATA2 -> (int) data2;
            case DATA2 + 4 -> (int) (data2 >>> 32);
            default -> throw new IllegalStateException("offset " + offset);
        };
    }

    private void write32(int offset, int value) {
        if (offset == CAPABILITIES || offset == STATUS || busy) {
            return; // read-only, or BUSY: ignored
        }
        switch (offset) {
            case CONTROL -> {
                pendingControl = value;
                pending = Pending.CONTROL;
                busy = true;
            }
            case COMMAND -> {
                command = value;
                pending = Pending.COMMAND;
                busy = true;
            }
            case DATA1 -> data1 = (data1 & 0xFFFF_FFFF_0000_0000L) | (value & 0xFFFF_FFFFL);
            case DATA1 + 4 -> data1 = (data1 & 0xFFFF_FFFFL) | ((long) value << 32);
            case DATA2 -> data2 = (data2 & 0xFFFF_FFFF_0000_0000L) | (value & 0xFFFF_FFFFL);
            case DATA2 + 4 -> data2 = (data2 & 0xFFFF_FFFFL) | ((long) value << 32);
            default -> throw new IllegalStateException("offset " + offset);
        }
    }

    // ---- the checker's view --------------------------------------------------------------------------------

    boolean busy() {
        return busy;
    }

    Pending pending() {
        return pending;
    }

    int command() {
        return command;
    }

    int pendingControl() {
        return pendingControl;
    }

    long data1() {
        return data1;
    }

    long data2() {
        return data2;
    }

    int code() {
        return code;
    }

    CheckerMode mode() {
        return mode;
    }

    /** The pending command finished: CODE and the data registers take its results, BUSY falls. */
    void finishCommand(int newCode, long newData1, long newData2) {
        code = newCode;
        data1 = newData1;
        data2 = newData2;
        pending = Pending.NONE;
        busy = false;
    }

    /** The pending control write finished: MODE takes its legalised value, CODE is kept, BUSY falls. */
    void finishControl(CheckerMode newMode) {
        mode = newMode;
        pending = Pending.NONE;
        busy = false;
    }
}
