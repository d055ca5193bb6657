package io.mttkit.golden.hart;

import io.mttkit.golden.Cause;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.pmp.Pmp;
import io.mttkit.golden.tables.Region;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.mttkit.golden.hart.Asm.i;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sv39/Sv32 translation with A/D updates, SUM/MXR, PMP on S/U accesses, MPRV, and the MTT checks on every
 * access below effective M including the walk's own reads and A/D updates (SPEC-DECISIONS #15, #21).
 */
class PagingAndMttTest {
    static final long RAM = TestHarts.RAM;
    static final long ROOT = RAM + 0x10000;
    static final long L1 = RAM + 0x11000;
    static final long L0 = RAM + 0x12000;
    static final long DATA = RAM + 0x20000;
    static final long VA = 0x1000;
    static final long HANDLER_M = RAM + 0x3000;
    static final long HANDLER_S = RAM + 0x4000;
    static final long V = 1;
    static final long R = 2;
    static final long W = 4;
    static final long X = 8;
    static final long U = 0x10;
    static final long A = 0x40;
    static final long D = 0x80;

    /** RV64 S-mode hart with Sv39: code identity-mapped by a gigapage, VA 0x1000 → DATA with {@code leafBits}. */
    static Hart sv39(long leafBits, HartConfig cfg) {
        Hart h = TestHarts.hart(cfg);
        TestHarts.openPmp(h);
        PageMemory m = h.memory();
        m.store(ROOT, 8, ((L1 >>> 12) << 10) | V);
        m.store(ROOT + 2 * 8, 8, ((RAM >>> 12) << 10) | V | R | W | X | A | D);
        m.store(L1, 8, ((L0 >>> 12) << 10) | V);
        m.store(L0 + 8, 8, ((DATA >>> 12) << 10) | leafBits);
        m.store(DATA, 8, 0x1122_3344_5566_7788L);
        h.satp = (8L << 60) | (ROOT >>> 12);
        h.mtvec = HANDLER_M;
        h.stvec = HANDLER_S;
        h.priv = Priv.S;
        return h;
    }

    static Hart sv39(long leafBits) {
        return sv39(leafBits, HartConfig.defaults(64, TableFormat.SMMPT_V0_9));
    }

    static long pte(Hart h) {
        return h.memory().load(L0 + 8, 8);
    }

    @Test
    void loadSetsAccessedAndStoreSetsDirty() {
        Hart h = sv39(V | R | W);
        h.setReg(1, VA);
        TestHarts.exec(h, i(0, 1, 3, 3, 0x03)); // ld x3, 0(x1)
        assertEquals(0x1122_3344_5566_7788L, h.reg(3));
        assertEquals(A, pte(h) & (A | D));
        TestHarts.exec(h, Asm.s(8, 3, 1, 3, 0x23)); // sd x3, 8(x1)
        assertEquals(A | D, pte(h) & (A | D));
        assertEquals(0x1122_3344_5566_7788L, h.memory().load(DATA + 8, 8));
    }

    @Test
    void invalidLeafIsAPageFaultOfTheAccessType() {
        for (int kind = 0; kind < 3; kind++) {
            Hart h = sv39(R | W | X); // V = 0
            h.setReg(1, VA);
            int insn = kind == 0 ? i(0, 1, 3, 3, 0x03) : kind == 1 ? Asm.s(0, 3, 1, 3, 0x23) : i(0, 1, 0, 5, 0x67);
            TestHarts.exec(h, insn);
            if (kind == 2) {
                h.step(); // the jump retired; the fetch at the target faults
            }
            int want = kind == 0 ? TrapCause.LOAD_PAGE_FAULT : kind == 1 ? TrapCause.STORE_PAGE_FAULT
                    : TrapCause.INSN_PAGE_FAULT;
            assertEquals(want, h.csr(0x342));
            assertEquals(VA, h.csr(0x343), "mtval = faulting VA");
        }
    }

    @Test
    void sumAndMxrControlSupervisorAccess() {
        Hart h = sv39(V | R | W | U | A | D);
        h.setReg(1, VA);
        TestHarts.exec(h, i(0, 1, 3, 3, 0x03));
        assertEquals(TrapCause.LOAD_PAGE_FAULT, h.csr(0x342), "U page from S without SUM");
        h.priv = Priv.S;
        h.mstatus |= Hart.SUM;
        h.setPc(RAM);
        TestHarts.exec(h, i(0, 1, 3, 3, 0x03));
        assertEquals(RAM + 4, h.pc(), "SUM=1 lets S load from a U page");
        Hart x = sv39(V | X | A | D);
        x.setReg(1, VA);
        TestHarts.exec(x, i(0, 1, 3, 3, 0x03));
        assertEquals(TrapCause.LOAD_PAGE_FAULT, x.csr(0x342), "execute-only page without MXR");
        x.priv = Priv.S;
        x.mstatus |= Hart.MXR;
        x.setPc(RAM);
        TestHarts.exec(x, i(0, 1, 3, 3, 0x03));
        assertEquals(0x1122_3344_5566_7788L, x.reg(3), "MXR makes executable pages readable");
    }

    @Test
    void misalignedSuperpageIsAPageFault() {
        Hart h = sv39(V | R);
        // L1[0] as a 2 MiB leaf whose PPN is not 2 MiB aligned
        h.memory().store(L1, 8, ((DATA >>> 12) << 10) | V | R | A);
        h.setReg(1, VA);
        TestHarts.exec(h, i(0, 1, 3, 3, 0x03));
        assertEquals(TrapCause.LOAD_PAGE_FAULT, h.csr(0x342));
    }

    @Test
    void pmpDeniesSupervisorAndUserButNotUnlockedMachine() {
        Hart h = TestHarts.hart(64);
        h.mtvec = HANDLER_M;
        Pmp pmp = h.pmp();
        pmp.writePmpaddr(0, (RAM >>> 2) | ((1L << 17) - 1)); // NAPOT 1 MiB at RAM
        pmp.writePmpcfg(0, Pmp.CFG_R | Pmp.CFG_X | (Pmp.A_NAPOT << Pmp.CFG_A_SHIFT));
        h.setReg(1, DATA);
        h.priv = Priv.S;
        TestHarts.exec(h, Asm.s(0, 3, 1, 3, 0x23));
        assertEquals(TrapCause.STORE_ACCESS_FAULT, h.csr(0x342));
        h.setPc(RAM);
        h.priv = Priv.U;
        TestHarts.exec(h, i(0, 1, 3, 3, 0x03));
        assertEquals(RAM + 4, h.pc(), "U may read");
        h.setPc(RAM);
        h.priv = Priv.M;
        TestHarts.exec(h, Asm.s(0, 3, 1, 3, 0x23));
        assertEquals(RAM + 4, h.pc(), "an unlocked entry does not bind M");
        pmp.writePmpcfg(0, Pmp.CFG_R | Pmp.CFG_X | (Pmp.A_NAPOT << Pmp.CFG_A_SHIFT) | Pmp.CFG_L);
        TestHarts.exec(h, Asm.s(0, 3, 1, 3, 0x23));
        assertEquals(TrapCause.STORE_ACCESS_FAULT, h.csr(0x342), "a locked entry binds M");
    }

    /** Records every check the hook receives. */
    static final class Spy implements MttAccessCheck {
        final MttAccessCheck inner;
        final List<String> log = new ArrayList<>();

        Spy(MttAccessCheck inner) {
            this.inner = inner;
        }

        @Override
        public LookupResult check(MttMode mode, long rootPpn, int sdid, long pa, int size, AccessKind kind,
                                  boolean bigEndian, LookupResult out) {
            inner.check(mode, rootPpn, sdid, pa, size, kind, bigEndian, out);
            log.add(kind + " 0x" + Long.toHexString(pa) + (out.allow() ? " allow" : " deny"));
            return out;
        }
    }

    /** MTT tables (Smmpt43, SDID 1) granting the first 512 KiB of RAM rwx except {@code page} with {@code perm}. */
    static void mttAllBut(Hart h, long page, int perm) {
        List<Region> rs = new ArrayList<>();
        rs.add(new Region(RAM, page - RAM, 7));
        rs.add(new Region(page, 0x1000, perm));
        rs.add(new Region(page + 0x1000, RAM + 0x80000 - page - 0x1000, 7));
        TestHarts.mtt(h, MttMode.SMMPT43, rs);
    }

    @Test
    void walkReadsAreCheckedAsLoadsAndFaultAsTheOriginalAccess() {
        int[] want = {TrapCause.LOAD_ACCESS_FAULT, TrapCause.STORE_ACCESS_FAULT, TrapCause.INSN_ACCESS_FAULT};
        for (int kind = 0; kind < 3; kind++) {
            Hart h = sv39(V | R | W | X | A | D);
            mttAllBut(h, L0, 0);
            Spy spy = new Spy(h.mttCheck());
            h.setMttCheck(spy);
            List<TrapRecord> traps = new ArrayList<>();
            h.addListener(new HartListener() {
                @Override
                public void trap(TrapRecord r) {
                    traps.add(r);
                }
            });
            h.setReg(1, VA);
            int insn = kind == 0 ? i(0, 1, 3, 3, 0x03) : kind == 1 ? Asm.s(0, 3, 1, 3, 0x23) : i(0, 1, 0, 5, 0x67);
            TestHarts.exec(h, insn);
            if (kind == 2) {
                h.step(); // the jump retired; the fetch at the target faults
            }
            assertEquals(want[kind], h.csr(0x342), "kind " + kind);
            assertEquals(VA, h.csr(0x343));
            assertEquals(Priv.M, h.priv());
            assertEquals(Cause.PERM_DENY, traps.get(0).mttCause());
            assertTrue(spy.log.contains("PTW_READ 0x" + Long.toHexString(L0 + 8) + " deny"), spy.log.toString());
        }
    }

    @Test
    void accessedDirtyUpdatesAreCheckedAsStores() {
        Hart h = sv39(V | R | W | X); // A = D = 0
        mttAllBut(h, L0, 5);          // the leaf table is readable (rx) but not writable
        Spy spy = new Spy(h.mttCheck());
        h.setMttCheck(spy);
        h.setReg(1, VA);
        TestHarts.exec(h, i(0, 1, 3, 3, 0x03));
        assertEquals(TrapCause.LOAD_ACCESS_FAULT, h.csr(0x342), "a load whose A update is denied faults as a load");
        assertEquals(0, pte(h) & (A | D), "the denied update wrote nothing");
        assertTrue(spy.log.contains("PTW_UPDATE 0x" + Long.toHexString(L0 + 8) + " deny"), spy.log.toString());
        assertTrue(spy.log.contains("PTW_READ 0x" + Long.toHexString(L0 + 8) + " allow"), spy.log.toString());
    }

    @Test
    void everySupervisorAccessGoesThroughTheHookAndMachineAccessesDoNot() {
        Hart h = sv39(V | R | W | X | A | D);
        mttAllBut(h, L0, 7);
        Spy spy = new Spy(h.mttCheck());
        h.setMttCheck(spy);
        h.setReg(1, VA);
        TestHarts.exec(h, i(0, 1, 3, 3, 0x03));
        // fetch: walk root(gigapage) then fetch; load: walk root, L1, L0, then the data read
        assertEquals(List.of("PTW_READ 0x" + Long.toHexString(ROOT + 16) + " allow",
                "FETCH 0x" + Long.toHexString(RAM) + " allow",
                "PTW_READ 0x" + Long.toHexString(ROOT) + " allow", "PTW_READ 0x" + Long.toHexString(L1) + " allow",
                "PTW_READ 0x" + Long.toHexString(L0 + 8) + " allow", "LOAD 0x" + Long.toHexString(DATA) + " allow"),
                spy.log);
        spy.log.clear();
        h.priv = Priv.M;
        h.setReg(1, DATA);
        TestHarts.exec(h, i(0, 1, 3, 3, 0x03));
        assertEquals(List.of(), spy.log, "M-mode accesses are not MTT-checked");
    }

    @Test
    void mprvDataAccessesAreCheckedAsTheEffectivePrivilege() {
        Hart h = sv39(V | R | W | A | D);
        mttAllBut(h, DATA, 0);
        h.priv = Priv.M;
        h.mstatus |= Hart.MPRV | (1L << Hart.MPP_SHIFT); // MPP = S
        h.setReg(1, VA);
        long pc = h.pc();
        TestHarts.exec(h, i(0, 1, 3, 3, 0x03));
        assertEquals(TrapCause.LOAD_ACCESS_FAULT, h.csr(0x342), "translated with S's satp, MTT-checked");
        assertEquals(pc, h.csr(0x341));
        // Fetches are not affected by MPRV: the same instruction fetched in M again is fine, and with MPRV=0
        // the M load of the physical page is not MTT-checked.
        h.setPc(RAM);
        h.mstatus &= ~Hart.MPRV;
        h.setReg(1, DATA);
        TestHarts.exec(h, i(0, 1, 3, 3, 0x03));
        assertEquals(0x1122_3344_5566_7788L, h.reg(3));
    }

    @Test
    void mttFaultsGoToMachineModeUnlessConfiguredToHonourMedeleg() {
        for (boolean honour : new boolean[] {false, true}) {
            HartConfig cfg = HartConfig.defaults(64, TableFormat.SMMPT_V0_9).withMttFaultsHonourMedeleg(honour);
            Hart h = sv39(V | R | W | A | D, cfg);
            mttAllBut(h, DATA, 0);
            h.medeleg = (1L << TrapCause.LOAD_ACCESS_FAULT) | (1L << TrapCause.STORE_ACCESS_FAULT);
            h.setReg(1, VA);
            TestHarts.exec(h, i(0, 1, 3, 3, 0x03));
            assertEquals(honour ? Priv.S : Priv.M, h.priv(), "honour medeleg = " + honour);
            assertEquals(honour ? HANDLER_S : HANDLER_M, h.pc());
        }
        // A PMP access fault is an ordinary access fault and follows medeleg.
        Hart h = sv39(V | R | W | A | D);
        h.pmp().writePmpaddr(1, -1L); // entry 1: everything RWX; entry 0 (higher priority): DATA execute-only
        h.pmp().writePmpcfg(1, 0x1F);
        h.pmp().writePmpaddr(0, (DATA >>> 2) | ((1L << 9) - 1));
        h.pmp().writePmpcfg(0, Pmp.CFG_X | (Pmp.A_NAPOT << Pmp.CFG_A_SHIFT));
        h.medeleg = 1L << TrapCause.LOAD_ACCESS_FAULT;
        h.setReg(1, VA);
        TestHarts.exec(h, i(0, 1, 3, 3, 0x03));
        assertEquals(Priv.S, h.priv());
        assertEquals(TrapCause.LOAD_ACCESS_FAULT, h.scause);
    }

    @Test
    void sv48WalksFourLevelsAndRejectsNonCanonicalAddresses() {
        Hart h = sv39(V | R | W | A | D);
        // Sv48: a new top-level table whose entry 0 points at the Sv39 root, which becomes level 2
        long top = RAM + 0x14000;
        h.memory().store(top, 8, ((ROOT >>> 12) << 10) | V);
        h.satp = (9L << 60) | (top >>> 12);
        h.setReg(1, VA);
        TestHarts.exec(h, i(0, 1, 3, 3, 0x03));
        assertEquals(0x1122_3344_5566_7788L, h.reg(3));
        h.setReg(1, 0x0000_8000_0000_1000L); // bit 47 set, bits 63:48 clear: not canonical for Sv48
        TestHarts.exec(h, i(0, 1, 3, 3, 0x03));
        assertEquals(TrapCause.LOAD_PAGE_FAULT, h.csr(0x342));
    }

    @Test
    void unsupportedSatpModeWritesHaveNoEffect() {
        Hart h = TestHarts.hart(64);
        h.setReg(5, (10L << 60) | 0x1234); // Sv57 is not implemented
        TestHarts.exec(h, i(0x180, 5, 1, 0, 0x73));
        assertEquals(0, h.csr(0x180));
        h.setReg(5, (8L << 60) | 0x1234);
        TestHarts.exec(h, i(0x180, 5, 1, 0, 0x73));
        assertEquals((8L << 60) | 0x1234, h.csr(0x180));
    }

    @Test
    void sv32TranslatesAndChecksTheWalkOnRv32() {
        Hart h = TestHarts.hart(32);
        TestHarts.openPmp(h);
        PageMemory m = h.memory();
        long root = RAM + 0x10000;
        long l0 = RAM + 0x11000;
        m.store(root + (RAM >>> 22) * 4, 4, ((RAM >>> 12) << 10) | V | R | W | X | A | D); // 4 MiB megapage
        m.store(root, 4, ((l0 >>> 12) << 10) | V);
        m.store(l0 + 4, 4, ((DATA >>> 12) << 10) | V | R | W);
        m.store(DATA, 4, 0xCAFE_F00DL);
        h.satp = (1L << 31) | (root >>> 12);
        h.mtvec = HANDLER_M;
        h.priv = Priv.S;
        List<Region> rs = List.of(new Region(RAM, 0x11000, 7), new Region(l0, 0x1000, 5),
                new Region(l0 + 0x1000, 0x6F000, 7));
        TestHarts.mtt(h, MttMode.SMMPT34, rs);
        h.setReg(1, VA);
        TestHarts.exec(h, i(0, 1, 2, 3, 0x03)); // lw: A update to an rx table page is denied
        assertEquals(TrapCause.LOAD_ACCESS_FAULT, h.csr(0x342));
        assertEquals(0, m.load(l0 + 4, 4) & A);
        TestHarts.mtt(h, MttMode.SMMPT34, List.of(new Region(RAM, 0x80000, 7)));
        h.priv = Priv.S;
        h.setPc(RAM);
        TestHarts.exec(h, i(0, 1, 2, 3, 0x03));
        assertEquals((long) (int) 0xCAFE_F00DL, h.reg(3));
        assertEquals(A, m.load(l0 + 4, 4) & (A | D));
    }
}
