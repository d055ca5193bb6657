package io.mttkit.tb.iocosim;

import io.mttkit.bridge.Event;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.iompt.CheckerMode;
import io.mttkit.golden.iompt.CommandWord;
import io.mttkit.golden.iompt.DmaTransaction;
import io.mttkit.golden.iompt.DmaVerdict;
import io.mttkit.golden.iompt.IoMptParams;
import io.mttkit.golden.iompt.RegisterInterface;
import io.mttkit.golden.iompt.SdConfig;
import io.mttkit.golden.iompt.SdclRule;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.TableBuilder;
import io.mttkit.tb.cosim.SessionSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * A directed-test bench around {@link IoHarness}: two Smmpt43 tables (A: 16 KiB rw at 0x8000_0000 and 4 KiB r at
 * 0x8001_0000; B: the same 16 KiB read-only), programs as software writes them, and what the RTL answered (every
 * answer already compared with the golden model by the harness).
 */
final class IoBench implements IoObserver, AutoCloseable {
    static final long PA = 0x8000_0000L;
    static final long PA_READ_ONLY = 0x8001_0000L;
    static final int R = 1;
    static final int W = 2;
    static final int X = 4;

    final PhysicalMemory memory = new PhysicalMemory();
    final BuiltTables a;
    final BuiltTables b;
    final IoHarness h;
    final List<Event.DmaResponse> verdicts = new ArrayList<>();
    final List<DmaVerdict> golden = new ArrayList<>();
    final List<Event.RegisterAccess> regs = new ArrayList<>();
    private long nextId;

    IoBench(IoCheckerLibrary lib) {
        this(lib, SessionSettings.simple(7), null);
    }

    IoBench(IoCheckerLibrary lib, SessionSettings s, IoMptParams goldenParams) {
        a = TableBuilder.build(List.of(Region.parse(PA, 0x4000, "rw"), Region.parse(PA_READ_ONLY, 0x1000, "r")),
                MttMode.SMMPT43, 0x4000_0000L);
        b = TableBuilder.build(List.of(Region.parse(PA, 0x4000, "r")), MttMode.SMMPT43, 0x4010_0000L);
        memory.load(a.base(), a.image());
        memory.load(b.base(), b.image());
        h = goldenParams == null ? new IoHarness(lib, memory, s) : new IoHarness(lib, memory, s, goldenParams);
        h.setObserver(this);
    }

    @Override
    public void verdict(DmaVerdict v, SdclRule rule, SdclRule below, Event.DmaResponse rsp, boolean window) {
        verdicts.add(rsp);
        golden.add(v);
    }

    @Override
    public void register(Event.RegisterAccess access) {
        regs.add(access);
    }

    void run(List<IoOp> ops) {
        h.run(ops);
    }

    /** Runs one operation as software does; returns status.CODE read after BUSY fell. */
    int command(int command, long data1, long data2) {
        run(IoOp.command(command, data1, data2));
        return (int) (regs.get(regs.size() - 3).rdata() & 0xFF); // status, then data1 and data2
    }

    /** data1 as read back after the last {@link #command}. */
    long data1() {
        return regs.get(regs.size() - 2).rdata();
    }

    int sdcfg(int sdid, BuiltTables t) {
        return command(CommandWord.setSdcfgEntry(sdid), SdConfig.of(t.mode(), t.rootPpn(), false).toData1(), 0);
    }

    int rule(int r, SdclRule rule) {
        return command(CommandWord.setSdclEntry(r), rule.toData1(), 0);
    }

    void mode(CheckerMode m) {
        run(IoOp.mode(m.encoding()));
    }

    int fence() {
        return command(CommandWord.iofence(), 0, 0);
    }

    /** One DMA transaction; returns the RTL's verdict. */
    Event.DmaResponse dma(DmaTransaction tx) {
        run(List.of(new IoOp.Dma(tx.withId(nextId++))));
        return verdicts.get(verdicts.size() - 1);
    }

    /** A read of {@code need} at {@code pa} by {@code device}, not TEE, no IDE stream. */
    Event.DmaResponse dma(int device, long pa, int need) {
        return dma(new DmaTransaction(0, device, null, false, false, pa, 8, need));
    }

    long read(int addr, int size) {
        run(List.of(IoOp.Reg.read(addr, size)));
        return regs.get(regs.size() - 1).rdata();
    }

    long status() {
        return read(RegisterInterface.STATUS, 4);
    }

    @Override
    public void close() {
        h.close();
    }
}
