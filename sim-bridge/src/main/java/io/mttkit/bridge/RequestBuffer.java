package io.mttkit.bridge;

import com.sun.jna.Memory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A request stream in native memory: 32-byte {@code mttb_request} records that {@code run} reads in place.
 * Invalidations, syncs and idle gaps sit at exact positions between checks, and the driver presents them
 * in that order. Kept reachable by the session while a call runs.
 */
public final class RequestBuffer {
    private final Memory memory;
    private final ByteBuffer view;
    private final int capacity;
    private int size;

    public RequestBuffer(int capacity) {
        if (capacity < 1) {
            throw new BridgeException("request buffer capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        this.memory = new Memory((long) capacity * Records.REQUEST_SIZE);
        memory.clear();
        this.view = memory.getByteBuffer(0, memory.size()).order(ByteOrder.LITTLE_ENDIAN);
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    public void clear() {
        size = 0;
    }

    private int next() {
        if (size == capacity) {
            throw new BridgeException("request buffer full (" + capacity + " records)");
        }
        return size++ * Records.REQUEST_SIZE;
    }

    private void put(int kind, int need, int flags, int mode, int id, long pa, long rootPpn, int sdid) {
        int o = next();
        view.put(o, (byte) kind).put(o + 1, (byte) need).put(o + 2, (byte) flags).put(o + 3, (byte) mode)
                .putInt(o + 4, id).putLong(o + 8, pa).putLong(o + 16, rootPpn).putInt(o + 24, sdid).putInt(o + 28, 0);
    }

    /** Appends a check: {@code need} is {X,W,R} in bits 2..0. Returns its index. */
    public int check(int id, long pa, int need, int sdid, int mode, long rootPpn, boolean be, boolean bypass) {
        if ((need & ~7) != 0) {
            throw new BridgeException("need must be a 3-bit {X,W,R} mask, got " + need);
        }
        put(Records.REQ_CHECK, need, (be ? Records.RF_BE : 0) | (bypass ? Records.RF_BYPASS : 0), mode, id, pa, rootPpn, sdid);
        return size - 1;
    }

    /** Appends an invalidation (MINVAL-like). Returns its index. */
    public int invalidate(boolean hasPa, long pa, boolean hasSdid, int sdid) {
        return invalidate(hasPa, pa, hasSdid, sdid, false);
    }

    /**
     * Appends an invalidation; {@code withCheck}: presented in the same cycles as the check appended next (ABI 5,
     * docs/bridge.md): each half is driven until its own handshake, and the pair is consumed when both were taken.
     * The check must follow it, in the same {@code run} call. Returns its index.
     */
    public int invalidate(boolean hasPa, long pa, boolean hasSdid, int sdid, boolean withCheck) {
        put(Records.REQ_INVAL, 0, (hasPa ? Records.RF_INV_HAS_PA : 0) | (hasSdid ? Records.RF_INV_HAS_SDID : 0)
                | (withCheck ? Records.RF_INV_WITH_CHECK : 0), 0, 0, pa, 0, sdid);
        return size - 1;
    }

    /** Appends a sync (held until {@code sync_ack}). Returns its index. */
    public int sync() {
        put(Records.REQ_SYNC, 0, 0, 0, 0, 0, 0, 0);
        return size - 1;
    }

    /** Appends an idle gap of {@code cycles} cycles in which nothing new is presented. */
    public int idle(int cycles) {
        if (cycles < 1) {
            throw new BridgeException("idle gap must be at least one cycle, got " + cycles);
        }
        put(Records.REQ_IDLE, 0, 0, 0, cycles, 0, 0, 0);
        return size - 1;
    }

    /**
     * Appends a DMA transaction for an I/O checker (contract v3, {@code mttb_io_request}): {@code need} is {X,W,R};
     * {@code [pa, pa + size)} must lie within one 4 KiB granule. Returns its index.
     */
    public int dma(int id, int deviceId, boolean hasIde, int ideId, boolean tee, boolean iommuOriginated, long pa,
                   int size, int need) {
        if ((need & ~7) != 0) {
            throw new BridgeException("need must be a 3-bit {X,W,R} mask, got " + need);
        }
        if (size < 1 || size > 4096 || (pa & 0xFFF) + size > 4096) {
            throw new BridgeException(String.format("a DMA transaction of %d bytes at 0x%x must be 1..4096 bytes within"
                    + " one 4 KiB granule (port contract v3): split it", size, pa));
        }
        if ((ideId & ~0xFFFF) != 0) {
            throw new BridgeException("ide_id is 16 bits (segment 15:8, stream 7:0), got " + ideId);
        }
        int o = next();
        int flags = (tee ? Records.IOF_TEE : 0) | (hasIde ? Records.IOF_HAS_IDE : 0)
                | (iommuOriginated ? Records.IOF_IOMMU : 0);
        view.put(o, (byte) Records.REQ_DMA).put(o + 1, (byte) need).put(o + 2, (byte) flags).put(o + 3, (byte) 0)
                .putInt(o + 4, id).putLong(o + 8, pa).putInt(o + 16, deviceId).putShort(o + 20, (short) ideId)
                .putShort(o + 22, (short) size).putLong(o + 24, 0);
        return size() - 1;
    }

    /** Appends a register access for an I/O checker: {@code size} bytes at {@code addr}, a write of {@code wdata}
     *  or a read. Returns its index. */
    public int register(int addr, int size, boolean write, long wdata) {
        if ((addr & ~0xFF) != 0 || (size & ~0xFF) != 0) {
            throw new BridgeException("register access: addr and size are one byte each, got " + addr + ", " + size);
        }
        int o = next();
        view.put(o, (byte) Records.REQ_REG).put(o + 1, (byte) size).put(o + 2, (byte) (write ? Records.IOF_WRITE : 0))
                .put(o + 3, (byte) addr).putInt(o + 4, 0).putLong(o + 8, write ? wdata : 0).putLong(o + 16, 0)
                .putLong(o + 24, 0);
        return size() - 1;
    }

    /** Appends a status poll for an I/O checker: 4-byte reads of {@code status} until BUSY reads 0. */
    public int poll() {
        put(Records.REQ_POLL, 0, 0, 0, 0, 0, 0, 0);
        return size - 1;
    }

    public int kind(int i) {
        return view.get(i * Records.REQUEST_SIZE) & 0xff;
    }

    public int need(int i) {
        return view.get(i * Records.REQUEST_SIZE + 1) & 0xff;
    }

    public int flags(int i) {
        return view.get(i * Records.REQUEST_SIZE + 2) & 0xff;
    }

    public int mode(int i) {
        return view.get(i * Records.REQUEST_SIZE + 3) & 0xff;
    }

    public int id(int i) {
        return view.getInt(i * Records.REQUEST_SIZE + 4);
    }

    public long pa(int i) {
        return view.getLong(i * Records.REQUEST_SIZE + 8);
    }

    public long rootPpn(int i) {
        return view.getLong(i * Records.REQUEST_SIZE + 16);
    }

    public int sdid(int i) {
        return view.getInt(i * Records.REQUEST_SIZE + 24);
    }

    /** The records [0, size) as bytes (for stimulus files). */
    public byte[] toBytes() {
        byte[] b = new byte[size * Records.REQUEST_SIZE];
        memory.read(0, b, 0, b.length);
        return b;
    }

    Memory memory() {
        return memory;
    }
}
