package io.mttkit.gen.iompt;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Module;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * The configuration side of the I/O MPT checker ({@code mtt_io_front}): the register block {@code u_regs}
 * ({@link IoMptRegs}) and the classifier {@code u_sdcl} ({@link IoSdcl}) wired together through the rule port.
 * Outside: the register port, the classification port (combinational), the SDCFG lookup (combinational),
 * {@code control.MODE} and {@code status.BUSY}. This is the top of the {@code io-sdcl-rv64}/{@code io-sdcl-rv32}
 * configurations and a child of {@code mtt_io_checker}.
 */
public final class IoMptFront extends Module {
    /** The Verilog name. */
    public static final String MODULE_NAME = "mtt_io_front";

    /** The front's ports. */
    public static final class Io extends Bundle {
        public final RegPort reg;
        public final ClassifyPort cls;
        public final SdcfgLookupPort cfg;
        public final UInt mode;
        public final Bool busy;
        public final UInt state;
        /** Only inside the checker top: IOFENCE / MPTINVAL waiting for the DMA side ({@link FencePort}). */
        public final FencePort fence;

        public Io(Scope s, IoMptParams p, boolean withFence) {
            super(s);
            reg = s.in().bundle("reg", RegPort::new);
            fence = withFence ? s.out().bundle("fence", FencePort::new) : null;
            cls = s.in().bundle("cls", x -> new ClassifyPort(x, p));
            cfg = s.in().bundle("cfg", SdcfgLookupPort::new);
            mode = s.out().uint("mode", 4);
            busy = s.out().bool("busy");
            state = s.out().uint("regs_state", IoMptRegs.STATE_WIDTH);
        }
    }

    private final IoMptParams p;
    private final boolean withFence;
    /** The ports, after the module is built. */
    public Io io;

    /** The front alone (configurations {@code io-sdcl-*}): IOFENCE and MPTINVAL complete at once. */
    public IoMptFront(IoMptParams params) {
        this(params, false);
    }

    /** With {@code withFence} (inside {@code mtt_io_checker}) the {@code fence_*} port of {@link IoMptRegs}. */
    public IoMptFront(IoMptParams params, boolean withFence) {
        this.p = params;
        this.withFence = withFence;
        moduleName(MODULE_NAME);
    }

    @Override
    protected void build() {
        doc("I/O MPT checker configuration side (Smmpt v0.9 ch. 6): register interface u_regs and SDCL u_sdcl.\n"
                + "Parameters: xlen=" + p.xlen() + " " + p.values(false) + ".\n"
                + "cls_* and cfg_* are combinational; reg_rvalid follows a register access by one cycle.");
        io = ports(s -> new Io(s, p, withFence));
        IoMptRegs regs = instance("u_regs", new IoMptRegs(p, withFence));
        if (withFence) {
            connect(io.fence, regs.io.fence);
        }
        IoSdcl sdcl = instance("u_sdcl", new IoSdcl(p));
        connect(io.reg, regs.io.reg);
        connect(io.cfg, regs.io.cfg);
        connect(io.cls, sdcl.io.cls);
        connect(regs.io.rule, sdcl.io.rule);
        io.mode.set(regs.io.mode);
        io.busy.set(regs.io.busy);
        io.state.set(regs.io.state);
    }
}
