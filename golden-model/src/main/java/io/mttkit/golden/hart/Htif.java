package io.mttkit.golden.hart;

/**
 * The host-target interface as Spike implements it, reduced to what bare-metal test programs use: the
 * program stores a 64-bit command into {@code tohost} and the host answers through {@code fromhost}.
 * <ul>
 *   <li>device 0, bit 0 = 1: exit with code {@code value >>> 1};</li>
 *   <li>device 1 (console), command 1: print the low byte; answered with {@code fromhost} =
 *       device/command and {@code 0x100 | byte}, as Spike does.</li>
 * </ul>
 * On RV32 the command is two 32-bit stores: write the high word first; the command is taken when the low
 * word (the store that touches {@code tohost} byte 0) lands. Any other command stops the run with
 * {@link StopReason#HTIF_ERROR} (the syscall proxy of riscv-pk is not implemented).
 */
final class Htif implements Hart.StoreWatcher {
    private final PageMemory mem;
    private final long tohost;
    private final long fromhost; // -1 when the program has none
    private final StringBuilder console = new StringBuilder();
    private boolean exited;
    private long exitCode = -1;
    private String error;

    Htif(PageMemory mem, long tohost, long fromhost) {
        this.mem = mem;
        this.tohost = tohost;
        this.fromhost = fromhost;
    }

    @Override
    public void stored(long pa, int size) {
        if (pa != tohost) {
            return; // the high word of an RV32 command: wait for the low word
        }
        long v = mem.load(tohost, 8);
        if (v == 0) {
            return;
        }
        int device = (int) (v >>> 56);
        int cmd = (int) ((v >>> 48) & 0xFF);
        long payload = v & 0xFFFF_FFFF_FFFFL;
        if (device == 0 && (payload & 1) == 1) {
            exited = true;
            exitCode = payload >>> 1;
        } else if (device == 1 && cmd == 1) {
            console.append((char) (payload & 0xFF));
            if (fromhost != -1) {
                mem.store(fromhost, 8, (1L << 56) | (1L << 48) | 0x100 | (payload & 0xFF));
            }
        } else {
            error = String.format("unsupported HTIF command 0x%016x (device %d, command %d)", v, device, cmd);
        }
        mem.store(tohost, 8, 0);
    }

    boolean exited() {
        return exited;
    }

    long exitCode() {
        return exitCode;
    }

    String error() {
        return error;
    }

    String console() {
        return console.toString();
    }
}
