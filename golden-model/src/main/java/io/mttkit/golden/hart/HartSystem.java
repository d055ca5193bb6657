package io.mttkit.golden.hart;

import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;

import java.util.ArrayList;
import java.util.List;

/**
 * A golden system of 1..{@value #MAX_HARTS} harts sharing one physical memory and one CLINT. Each hart has its
 * own architectural state: registers, CSRs ({@code mhartid} = its index), PMP, {@code mmpt}/{@code mttp} with
 * its SDID, and its own {@link MttAccessCheck} (the golden lookup with that hart's PMP as the implicit-read
 * check). The CLINT has one {@code msip} and one {@code mtimecmp} per hart (+4·i, +0x4000 + 8·i) and one
 * {@code mtime}, which advances with every step of any hart.
 *
 * <p>Shared-memory rules: one instruction is atomic with respect to the other harts (the scheduler steps a
 * whole instruction), so AMOs are atomic; an LR reserves the 64-byte block ({@value #RESERVATION_BYTES} bytes)
 * holding its address, and any store by another hart into that block (store, SC, AMO, A/D update) breaks the
 * reservation. WFI stalls a hart until {@code mip & mie} ≠ 0 (whatever {@code mstatus.MIE} says).
 *
 * <p>Who runs next is not decided here: {@link SystemRunner} interleaves the harts with a seeded
 * {@link HartScheduler}.
 */
public final class HartSystem {
    /** Most harts a system may have. */
    public static final int MAX_HARTS = 8;
    /** Size of an LR reservation set (naturally aligned). */
    public static final int RESERVATION_BYTES = 64;

    private final Hart[] harts;
    private final PageMemory mem;
    private final Clint clint;
    private final Tap[] taps;
    private final List<HartCheckListener> checkListeners = new ArrayList<>();

    /**
     * @param cfg    configuration of every hart
     * @param memory the shared physical memory
     * @param n      number of harts, 1..{@value #MAX_HARTS}
     */
    public HartSystem(HartConfig cfg, PageMemory memory, int n) {
        if (n < 1 || n > MAX_HARTS) {
            throw new IllegalArgumentException("the number of harts must be 1.." + MAX_HARTS + ", got " + n);
        }
        if (cfg == null || memory == null) {
            throw new IllegalArgumentException("config and memory must be given");
        }
        this.mem = memory;
        this.clint = new Clint(cfg.clintBase(), n);
        this.harts = new Hart[n];
        this.taps = new Tap[n];
        Hart.StoreSnoop snoop = this::snoop;
        for (int i = 0; i < n; i++) {
            Hart h = new Hart(cfg, memory, i, clint);
            h.wfiStalls = true;
            h.storeSnoop = snoop;
            taps[i] = new Tap(h, h.mttCheck());
            h.setMttCheck(taps[i]);
            harts[i] = h;
        }
    }

    /** Number of harts. */
    public int size() {
        return harts.length;
    }

    /** Hart {@code i}. */
    public Hart hart(int i) {
        return harts[i];
    }

    /** The shared memory. */
    public PageMemory memory() {
        return mem;
    }

    /** The CLINT's {@code mtime}. */
    public long mtime() {
        return clint.mtime;
    }

    /** The CLINT's {@code msip} bit of hart {@code i}. */
    public boolean msip(int i) {
        return clint.msip(i);
    }

    /** Adds a listener told about every check of every hart (in the order added). */
    public void addCheckListener(HartCheckListener l) {
        checkListeners.add(l);
    }

    /**
     * Replaces hart {@code i}'s check (e.g. by a lockstep check); the check listeners keep seeing its answers.
     * Use this rather than {@link Hart#setMttCheck}, which would bypass them.
     */
    public void setMttCheck(int i, MttAccessCheck check) {
        if (check == null) {
            throw new IllegalArgumentException("the MTT access check must not be null");
        }
        taps[i].inner = check;
    }

    /** Hart {@code i}'s check as installed (without the listener tap). */
    public MttAccessCheck mttCheck(int i) {
        return taps[i].inner;
    }

    /**
     * True when hart {@code i} can step: it is not in WFI, or an interrupt enabled in its {@code mie} is
     * pending (which ends the WFI).
     */
    public boolean runnable(int i) {
        Hart h = harts[i];
        if (!h.inWfi) {
            return true;
        }
        if ((h.mip() & h.mie) != 0) {
            h.inWfi = false;
            return true;
        }
        return false;
    }

    /**
     * When every hart waits in WFI: the earliest {@code mtimecmp} above {@code mtime} of a waiting hart with
     * MTIE set in {@code mie}, or -1 when no timer can ever wake one (the system is stuck).
     */
    long nextWake() {
        long best = -1;
        for (Hart h : harts) {
            if (h.inWfi && (h.mie & Hart.IRQ_MTIP) != 0) {
                long cmp = clint.mtimecmp(h.hartId);
                if (cmp != -1 && (best == -1 || Long.compareUnsigned(cmp, best) < 0)) {
                    best = cmp;
                }
            }
        }
        return best;
    }

    /** Sets {@code mtime} (the scheduler skips idle time when all harts wait for a timer). */
    void setMtime(long v) {
        clint.mtime = v;
    }

    private void snoop(Hart by, long pa, int size) {
        long block = pa & -RESERVATION_BYTES;
        for (Hart h : harts) {
            if (h != by && h.reservation != -1 && (h.reservation & -RESERVATION_BYTES) == block) {
                h.reservation = -1;
            }
        }
    }

    /** Calls the hart's check and tells the listeners. */
    private final class Tap implements MttAccessCheck {
        private final Hart hart;
        MttAccessCheck inner;

        Tap(Hart hart, MttAccessCheck inner) {
            this.hart = hart;
            this.inner = inner;
        }

        @Override
        public LookupResult check(MttMode mode, long rootPpn, int sdid, long pa, int size, AccessKind kind,
                                  boolean bigEndian, LookupResult out) {
            LookupResult r = inner.check(mode, rootPpn, sdid, pa, size, kind, bigEndian, out);
            for (int i = 0; i < checkListeners.size(); i++) {
                checkListeners.get(i).checked(hart.hartId, hart.pc(), mode, rootPpn, sdid, pa, size, kind, r);
            }
            return r;
        }
    }
}
