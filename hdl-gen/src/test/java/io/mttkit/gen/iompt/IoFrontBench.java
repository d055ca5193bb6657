package io.mttkit.gen.iompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.sim.Simulator;
import io.mttkit.hdl.sim.Simulator.Port;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives {@code mtt_io_front} in the DSL's simulator the way software and a bus would: register accesses by the
 * documented protocol (request one cycle, {@code reg_rvalid} the next), operations as software performs them
 * (data1, data2, command, then poll {@code status.BUSY}), and classifications on {@code cls_*}. Field layouts are
 * written here from the spec's figures, independently of the generator's.
 */
final class IoFrontBench {
    static final int CAPABILITIES = 0;
    static final int STATUS = 4;
    static final int CONTROL = 8;
    static final int COMMAND = 12;
    static final int DATA1 = 16;
    static final int DATA2 = 24;
    static final long BUSY = 1L << 31;

    final Simulator sim;
    private final Port valid;
    private final Port write;
    private final Port addr;
    private final Port size;
    private final Port wdata;
    private final Port ready;
    private final Port rvalid;
    private final Port rdata;
    private final Port deviceId;
    private final Port hasIde;
    private final Port ideId;
    private final Port tee;
    private final Port match;
    private final Port rule;
    private final Port sdid;
    private final Port iommuId;
    private final Port cfgSdid;
    private final Port cfgValid;
    final Port state;
    /** Every {@code regs_state} value seen. */
    final List<Integer> statesSeen = new ArrayList<>();

    /** Runs at the end of every cycle, before its clock edge (the checker bench serves memory and PMP here). */
    Runnable beforeEdge = () -> {};

    IoFrontBench(IoMptParams p) {
        this(p, new Simulator(Hdl.elaborate(new IoMptFront(p))), true);
    }

    /**
     * A bench on {@code sim}, whose top has the register port and {@code regs_state}; with {@code front} also the
     * {@code cls_*} and {@code cfg_*} ports of {@code mtt_io_front} (the checker top keeps them inside).
     */
    IoFrontBench(IoMptParams p, Simulator sim, boolean front) {
        this(p, sim, front, null);
    }

    private boolean inReset;

    /** Every clock edge's input values, in {@link #recordedInputs} order ({@code null}: not recording). */
    final List<java.math.BigInteger[]> recorded;
    /** The inputs recorded: {@code rst} and every input port of the top. */
    final List<String> recordedInputs;

    /**
     * As {@link #IoFrontBench(IoMptParams, Simulator, boolean)}, recording the values of {@code record} (input port
     * names, {@code rst} first) at every clock edge from reset on, to replay them in Verilator.
     */
    IoFrontBench(IoMptParams p, Simulator sim, boolean front, List<String> record) {
        this.sim = sim;
        this.recordedInputs = record;
        this.recorded = record == null ? null : new ArrayList<>();
        valid = sim.port("reg_valid");
        write = sim.port("reg_write");
        addr = sim.port("reg_addr");
        size = sim.port("reg_size");
        wdata = sim.port("reg_wdata");
        ready = sim.port("reg_ready");
        rvalid = sim.port("reg_rvalid");
        rdata = sim.port("reg_rdata");
        deviceId = front ? sim.port("cls_device_id") : null;
        hasIde = front ? sim.port("cls_has_ide") : null;
        ideId = front ? sim.port("cls_ide_id") : null;
        tee = front ? sim.port("cls_tee") : null;
        match = front ? sim.port("cls_match") : null;
        rule = front ? sim.port("cls_rule") : null;
        sdid = front ? sim.port("cls_sdid") : null;
        iommuId = front && p.iommuCount() > 0 ? sim.port("cls_iommu_id") : null;
        cfgSdid = front ? sim.port("cfg_sdid") : null;
        cfgValid = front ? sim.port("cfg_valid") : null;
        state = sim.port("regs_state");
        Port rst = sim.port("rst");
        sim.poke(rst, 1);
        inReset = true;
        step();
        inReset = false;
        sim.poke(rst, 0);
    }

    void step() {
        statesSeen.add(sim.peek(state).intValue());
        beforeEdge.run();
        if (recorded != null) {
            // rst is driven here, not a port the simulator reads back
            recorded.add(recordedInputs.stream().map(n -> n.equals("rst") ? java.math.BigInteger.valueOf(inReset ? 1 : 0)
                    : sim.peek(sim.port(n))).toArray(java.math.BigInteger[]::new));
        }
        sim.step();
    }

    /** One register access; returns {@code reg_rdata} of its response cycle. */
    long access(boolean isWrite, int offset, int bytes, long value) {
        sim.poke(valid, 1);
        sim.poke(write, isWrite ? 1 : 0);
        sim.poke(addr, offset);
        sim.poke(size, bytes);
        sim.poke(wdata, java.math.BigInteger.valueOf(value).and(java.math.BigInteger.ONE.shiftLeft(64).subtract(
                java.math.BigInteger.ONE)));
        assertEquals(1, sim.peek(ready).intValue(), "reg_ready");
        step();
        sim.poke(valid, 0);
        assertEquals(1, sim.peek(rvalid).intValue(), "reg_rvalid the cycle after the request");
        long out = sim.peek(rdata).longValue();
        if (isWrite) {
            assertEquals(0, out, "reg_rdata of a write");
        }
        return out;
    }

    long read(int offset, int bytes) {
        return access(false, offset, bytes, 0);
    }

    long read32(int offset) {
        return read(offset, 4);
    }

    long read64(int offset) {
        return read(offset, 8);
    }

    void write(int offset, int bytes, long value) {
        access(true, offset, bytes, value);
    }

    void write32(int offset, long value) {
        write(offset, 4, value);
    }

    void write64(int offset, long value) {
        write(offset, 8, value);
    }

    /** Waits until {@code status.BUSY} reads 0 (bounded); returns the cycles spent polling. */
    int waitNotBusy() {
        for (int i = 0; i < 20; i++) {
            if ((read32(STATUS) & BUSY) == 0) {
                return i;
            }
        }
        throw new AssertionError("BUSY stuck at 1");
    }

    /** Software's way of running an operation: data1, data2, command, poll BUSY; returns status.CODE. */
    int run(long command, long data1, long data2) {
        write64(DATA1, data1);
        write64(DATA2, data2);
        write32(COMMAND, command);
        assertTrue((read32(STATUS) & BUSY) != 0, "BUSY right after the command write");
        waitNotBusy();
        return (int) (read32(STATUS) & 0xFF);
    }

    /** Writes {@code control} and waits for BUSY to fall; returns MODE as read back. */
    int control(long value) {
        write32(CONTROL, value);
        waitNotBusy();
        return (int) read32(CONTROL);
    }

    /** The classification: {rule matched?, RULEID, SDID, IOMMU_ID} (IOMMU_ID -1 without IOMMU). */
    long[] classify(long device, boolean ide, long ideKey, boolean isTee) {
        sim.poke(deviceId, device);
        sim.poke(hasIde, ide ? 1 : 0);
        sim.poke(ideId, ideKey);
        sim.poke(tee, isTee ? 1 : 0);
        return new long[] {sim.peek(match).longValue(), sim.peek(rule).longValue(), sim.peek(sdid).longValue(),
                iommuId == null ? -1 : sim.peek(iommuId).longValue()};
    }

    /** The RULEID that classifies the transaction, or -1 when no rule matches. */
    int ruleFor(long device, boolean ide, long ideKey, boolean isTee) {
        long[] c = classify(device, ide, ideKey, isTee);
        return c[0] == 0 ? -1 : (int) c[1];
    }

    /** {@code cfg_valid} and the named field for {@code sdidValue}. */
    long cfg(int sdidValue, String field) {
        sim.poke(cfgSdid, sdidValue);
        return field.equals("valid") ? sim.peek(cfgValid).longValue() : sim.peek(sim.port("cfg_" + field)).longValue();
    }

    // ---- operand encodings, from the spec's figures ----

    /** command: OP[7:0], RULEID[15:8] (SDCL ops) / SDID[13:8], SDIDV[15] (SDCFG ops, MPTINVAL). */
    static long command(int op, int operand) {
        return op | ((long) operand << 8);
    }

    /** SET_SDCL_ENTRY data1: SRC_IDT[3:0] SRC_IDM[5:4] TEE_FLT[7:6] SRC_ID[31:8] IOMMU_ID[39:32] SDID[45:40]. */
    static long rule(int srcIdt, int srcIdm, int teeFlt, long srcId, int iommu, int sdidValue) {
        return srcIdt | (srcIdm << 4) | (teeFlt << 6) | (srcId << 8) | ((long) iommu << 32) | ((long) sdidValue << 40);
    }

    /** SET_SDCFG_ENTRY data1: MPT_MODE[3:0] MBE[4] MXL[5] PPN[53:10]. */
    static long sdcfg(int mode, int mbe, int mxl, long ppn) {
        return mode | (mbe << 4) | (mxl << 5) | (ppn << 10);
    }
}
