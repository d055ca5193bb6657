package io.mttkit.golden.hart;

import io.mttkit.golden.Cause;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Paging on (Sv39 on RV64, Sv32 on RV32) with the lower page tables in memory the MTT lets S-mode read
 * or not (SPEC-DECISIONS #21): the walk's reads are checked as loads and its A/D updates as stores, and
 * a denial is an access fault of the original access type — never a page fault.
 */
class PagingProgramTest {
    static final long T1 = 0x8100_0000L;       // root page table: MTT grants rx (read) in every phase
    static final long T2 = 0xB000_0000L;       // lower page tables: MTT none, read-only (rx) or rw by phase
    static final long DATA = 0xB010_0000L;     // the pages the probes reach: MTT rwx
    static final long VA = 0x4000_0000L;       // V1 = VA (A=D=1), V2 = VA+0x1000 (A=D=0), V3 = VA+0x2000 (A=1, D=0)
    static final long PTE_V = 1;
    static final long PTE_RWX = 0xE;
    static final long PTE_A = 0x40;
    static final long PTE_D = 0x80;

    static Stream<Arguments> modesWithAndWithoutC() {
        return Arrays.stream(MttMode.values()).filter(m -> m != MttMode.BARE)
                .flatMap(m -> Stream.of(Arguments.of(m, false), Arguments.of(m, true)));
    }

    @ParameterizedTest(name = "{0} rvc={1}")
    @MethodSource("modesWithAndWithoutC")
    void walkAccessesAreMttCheckedAndFaultAsTheOriginalAccess(MttMode mode, boolean rvc) {
        DomainsProgram p = new DomainsProgram(mode);
        p.compressed = rvc;
        p.memory.add(new PageMemory.Range(0xB000_0000L, 2L << 20, "page tables and data"));
        boolean rv32 = mode.xlen() == 32;
        int pteSize = rv32 ? 4 : 8;
        long l0 = rv32 ? T2 : T2 + 0x1000;
        if (rv32) { // Sv32: root[VPN1] → L0 at T2; root[0x200] = 4 MiB identity megapage for the code
            p.preloadXlen.put(T1 + (VA >>> 22) * 4, ((T2 >>> 12) << 10) | PTE_V);
            p.preloadXlen.put(T1 + 0x200L * 4, (0x80000L << 10) | PTE_RWX | PTE_V | PTE_A | PTE_D);
        } else {    // Sv39: root[1] → L1 at T2 → L0 at T2+0x1000; root[2] = 1 GiB identity gigapage for the code
            p.preloadXlen.put(T1 + (VA >>> 30) * 8, ((T2 >>> 12) << 10) | PTE_V);
            p.preloadXlen.put(T1 + 2 * 8, (0x80000L << 10) | PTE_RWX | PTE_V | PTE_A | PTE_D);
            p.preloadXlen.put(T2, ((l0 >>> 12) << 10) | PTE_V);
        }
        long[] ad = {PTE_A | PTE_D, 0, PTE_A};
        for (int i = 0; i < 3; i++) {
            long pa = DATA + 0x1000L * i;
            p.preloadXlen.put(l0 + (long) i * pteSize, ((pa >>> 12) << 10) | PTE_RWX | PTE_V | ad[i]);
            p.preload32.put(pa, 0x00008067L);
            p.probes.add(VA + 0x1000L * i);
        }
        long satp = rv32 ? (1L << 31) | (T1 >>> 12) : (8L << 60) | (T1 >>> 12);
        int[] t2Perms = {0, 5, 3}; // none, read-only (rx: v0.1 has no r-only encoding), rw
        for (int perm : t2Perms) {
            BuiltTables t = p.tablesFor(List.of(new Region(T1, 0x1000, 5), new Region(T2, 0x4000, perm),
                    new Region(DATA, 0x4000, 7)));
            p.phase(p.csr(t, 1), satp, new int[] {0, 0}, DomainsProgram.FENCE_ALL, 0, 0, 0);
        }
        Hart[] hart = new Hart[1];
        RunResult r = p.run(null, hart);
        assertEquals(StopReason.EXIT, r.reason(), r.message() + "\n" + r.console());
        assertEquals(0, r.exitCode(), r.console());

        List<Integer> allFault = List.of(TrapCause.LOAD_ACCESS_FAULT, TrapCause.STORE_ACCESS_FAULT,
                TrapCause.INSN_ACCESS_FAULT);
        List<Integer> ok = List.of(0, 0, 0);
        List<List<List<Integer>>> expect = List.of(
                List.of(allFault, allFault, allFault),             // T2 unreadable: every walk read faults
                List.of(ok, allFault, List.of(0, TrapCause.STORE_ACCESS_FAULT, 0)), // read-only: A/D updates fault
                List.of(ok, ok, ok));                              // rw: updates succeed
        Map<String, List<Integer>> got = DomainsProgram.results(r.console());
        for (int ph = 0; ph < 3; ph++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(expect.get(ph).get(i), got.get(ph + "/" + i),
                        mode.id() + " phase " + ph + " probe " + i + "\n" + r.console());
            }
        }
        assertTrue(r.traps().stream().noneMatch(t -> t.code() == TrapCause.LOAD_PAGE_FAULT
                || t.code() == TrapCause.STORE_PAGE_FAULT || t.code() == TrapCause.INSN_PAGE_FAULT), "no page faults");
        TrapRecord first = r.traps().stream().filter(t -> t.fromPriv() == Priv.S && t.code() == TrapCause.LOAD_ACCESS_FAULT)
                .findFirst().orElseThrow();
        assertEquals(VA, first.tval(), "xtval is the virtual address of the original access");
        assertTrue(first.mttCause().isFault(), first.toString());
        assertEquals(Priv.M, first.toPriv());
        // A/D bits: V1 untouched, V2 got A and D (phase 2 store), V3 got D; the denied updates wrote nothing.
        PageMemory m = hart[0].memory();
        for (int i = 0; i < 3; i++) {
            long pte = m.load(l0 + (long) i * pteSize, pteSize);
            assertEquals(PTE_A | PTE_D, pte & (PTE_A | PTE_D), "PTE " + i + " = 0x" + Long.toHexString(pte));
        }
        assertEquals(Cause.NONE, r.traps().stream().filter(t -> t.code() == TrapCause.ECALL_S).findFirst()
                .orElseThrow().mttCause());
    }
}
