package io.mttkit.golden.pmp;

import org.junit.jupiter.api.Test;

import static io.mttkit.golden.Access.R;
import static io.mttkit.golden.Access.W;
import static io.mttkit.golden.Access.X;
import static io.mttkit.golden.pmp.PrivMode.M;
import static io.mttkit.golden.pmp.PrivMode.S;
import static io.mttkit.golden.pmp.PrivMode.U;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PMP/Smepmp tests (Privileged Architecture §3.7; Smepmp truth table), including the M-mode implicit
 * read used by the MPT walker (VERIFICATION-PLAN §4 items 18, 19).
 */
class PmpTest {
    private static final int CFG_TOR = 1 << 3;
    private static final int CFG_NA4 = 2 << 3;
    private static final int CFG_NAPOT = 3 << 3;
    private static final int L = 0x80;

    @Test
    void off_neverMatches_mAllowed_suDenied() {
        Pmp p = new Pmp(64, 4, 0);
        p.writePmpaddr(0, -1L);
        p.writePmpcfg(0, R | W | X); // A=OFF
        assertTrue(p.check(0x1000, 8, R, M));
        assertFalse(p.check(0x1000, 8, R, S));
        assertFalse(p.check(0x1000, 8, R, U));
        // No entry implemented: S/U succeed.
        assertTrue(new Pmp(64, 0, 0).check(0x1000, 8, W, U));
    }

    @Test
    void tor_matchesBottomInclusiveTopExclusive_andEntry0StartsAtZero() {
        Pmp p = Pmp.builder().tor(0x1000, "r", false).tor(0x2000, 0x3000, "rw", false).build();
        assertTrue(p.check(0x0, 4, R, S));
        assertTrue(p.check(0xFFC, 4, R, S));
        assertFalse(p.check(0xFFC, 4, W, S));
        assertFalse(p.check(0x1000, 4, R, S), "between the rules: no match");
        assertTrue(p.check(0x2000, 8, W, S));
        assertTrue(p.check(0x2FF8, 8, W, S));
        assertFalse(p.check(0x3000, 4, R, S));
        // Empty TOR (bottom >= top) matches nothing.
        Pmp empty = new Pmp(32, 2, 0);
        empty.writePmpaddr(0, 0x3000 >> 2);
        empty.writePmpaddr(1, 0x2000 >> 2);
        empty.writePmpcfg(1, R | CFG_TOR);
        assertFalse(empty.check(0x2800, 4, R, U));
    }

    @Test
    void na4_andNapot_ranges() {
        Pmp p = Pmp.builder().na4(0x1004, "r", false).napot(0x8000, 0x4000, "x", false).build();
        assertTrue(p.check(0x1004, 4, R, U));
        assertFalse(p.check(0x1000, 4, R, U));
        assertFalse(p.check(0x1008, 4, R, U));
        assertTrue(p.check(0x8000, 4, X, U));
        assertTrue(p.check(0xBFFC, 4, X, U));
        assertFalse(p.check(0xC000, 4, X, U));
        assertFalse(p.check(0x7FFC, 4, X, U));
        // pmpaddr encoding: base>>2 | (size/8 - 1).
        assertEquals((0x8000 >> 2) | 0x7FF, p.readPmpaddr(1));
    }

    @Test
    void partialMatch_failsEvenForMachineModeAndUnlockedRules() {
        Pmp p = Pmp.builder().napot(0x1000, 0x1000, "rwx", false).build();
        assertFalse(p.check(0xFFC, 8, R, M), "straddles the bottom");
        assertFalse(p.check(0x1FFC, 8, R, M), "straddles the top");
        assertFalse(p.check(0x1FFC, 8, R, S));
        assertTrue(p.check(0x1FF8, 8, R, M));
    }

    @Test
    void lowestNumberedMatchWins() {
        Pmp p = Pmp.builder().napot(0x1000, 0x1000, "", false).napot(0x0, 0x10000, "rwx", false).build();
        assertFalse(p.check(0x1800, 4, R, S));
        assertTrue(p.check(0x2800, 4, R, S));
    }

    @Test
    void machineMode_unlockedIgnored_lockedEnforced_implicitReadIsMachineRead() {
        Pmp unlocked = Pmp.builder().napot(0x1000, 0x1000, "", false).build();
        assertTrue(unlocked.allowsImplicitRead(0x1008, 8));
        Pmp locked = Pmp.builder().napot(0x1000, 0x1000, "", true).build();
        assertFalse(locked.allowsImplicitRead(0x1008, 8));
        Pmp lockedR = Pmp.builder().napot(0x1000, 0x1000, "r", true).build();
        assertTrue(lockedR.allowsImplicitRead(0x1008, 8));
        assertFalse(lockedR.check(0x1008, 8, W, M));
        assertFalse(lockedR.check(0x1008, 4, X, M));
        // No match in M: allowed (MMWP=0).
        assertTrue(lockedR.allowsImplicitRead(0x9000, 8));
    }

    @Test
    void entryBoundaryInsideATablePage_exactEntryAddress() {
        // A locked 4-byte NA4 rule on one RV32 MPTE and an 8-byte NAPOT on one RV64 MPTE.
        Pmp p = Pmp.builder().na4(0x5_0010, "", true).napot(0x6_0018, 8, "", true).build();
        assertFalse(p.allowsImplicitRead(0x5_0010, 4));
        assertTrue(p.allowsImplicitRead(0x5_000C, 4));
        assertTrue(p.allowsImplicitRead(0x5_0014, 4));
        assertFalse(p.allowsImplicitRead(0x6_0018, 8));
        assertTrue(p.allowsImplicitRead(0x6_0010, 8));
        assertTrue(p.allowsImplicitRead(0x6_0020, 8));
        // An 8-byte read covering the NA4 rule partially fails.
        assertFalse(p.allowsImplicitRead(0x5_0010, 8));
    }

    @Test
    void mmwp_deniesMachineAccessesWithoutMatchingRule() {
        Pmp p = Pmp.builder().napot(0x1000, 0x1000, "", false).mseccfg(Pmp.MSECCFG_MMWP).build();
        assertFalse(p.allowsImplicitRead(0x9000, 8));
        // A matching unlocked rule still does not restrict M (MML=0).
        assertTrue(p.allowsImplicitRead(0x1000, 8));
    }

    /**
     * The Smepmp truth table (mseccfg.MML=1), transcribed row by row from the spec: LRWX, M-mode
     * permissions, S/U-mode permissions.
     */
    private static final String[][] MML_TABLE = {
        {"0000", "", ""}, {"0001", "", "x"}, {"0010", "rw", "r"}, {"0011", "rw", "rw"},
        {"0100", "", "r"}, {"0101", "", "rx"}, {"0110", "", "rw"}, {"0111", "", "rwx"},
        {"1000", "", ""}, {"1001", "x", ""}, {"1010", "x", "x"}, {"1011", "rx", "x"},
        {"1100", "r", ""}, {"1101", "rx", ""}, {"1110", "rw", ""}, {"1111", "r", "r"},
    };

    @Test
    void mml_everyRowOfTheTruthTable_forEveryModeAndAccess() {
        for (String[] row : MML_TABLE) {
            boolean locked = row[0].charAt(0) == '1';
            String rwx = (row[0].charAt(1) == '1' ? "r" : "") + (row[0].charAt(2) == '1' ? "w" : "")
                    + (row[0].charAt(3) == '1' ? "x" : "");
            Pmp p = Pmp.builder().napot(0x4000, 0x1000, rwx, locked).mseccfg(Pmp.MSECCFG_MML).build();
            for (int a : new int[] {R, W, X}) {
                String name = a == R ? "r" : a == W ? "w" : "x";
                assertEquals(row[1].contains(name), p.check(0x4000, 4, a, M), row[0] + " M " + name);
                assertEquals(row[2].contains(name), p.check(0x4000, 4, a, S), row[0] + " S " + name);
                assertEquals(row[2].contains(name), p.check(0x4000, 4, a, U), row[0] + " U " + name);
            }
            // The walker's implicit read is an M-mode read.
            assertEquals(row[1].contains("r"), p.allowsImplicitRead(0x4000, 8), row[0] + " implicit read");
        }
    }

    @Test
    void mml_noMatch_machineReadsAllowedExecutionDenied_andMmwpDeniesAll() {
        Pmp p = Pmp.builder().napot(0x4000, 0x1000, "r", true).mseccfg(Pmp.MSECCFG_MML).build();
        assertTrue(p.allowsImplicitRead(0x8000, 8));
        assertTrue(p.check(0x8000, 4, W, M));
        assertFalse(p.check(0x8000, 4, X, M));
        Pmp q = Pmp.builder().napot(0x4000, 0x1000, "r", true).mseccfg(Pmp.MSECCFG_MML | Pmp.MSECCFG_MMWP).build();
        assertFalse(q.allowsImplicitRead(0x8000, 8));
    }

    // ---- CSR write rules ---------------------------------------------------------------------------------

    @Test
    void lockedEntry_ignoresCfgAndAddrWrites_torLockProtectsPreviousAddr() {
        Pmp p = new Pmp(64, 4, 0);
        p.writePmpaddr(0, 0x1000 >> 2);
        p.writePmpaddr(1, 0x2000 >> 2);
        p.writePmpcfg(1, R | CFG_TOR | L);
        p.writePmpcfg(1, R | W | CFG_TOR); // ignored
        assertEquals(R | CFG_TOR | L, p.readPmpcfg(1));
        p.writePmpaddr(1, 0x5000 >> 2); // ignored: entry locked
        p.writePmpaddr(0, 0x0);         // ignored: entry 1 is locked TOR
        assertEquals(0x2000 >> 2, p.readPmpaddr(1));
        assertEquals(0x1000 >> 2, p.readPmpaddr(0));
        // A locked NAPOT entry 3 does not protect entry 2's address.
        p.writePmpcfg(3, R | CFG_NAPOT | L);
        p.writePmpaddr(2, 0x77);
        assertEquals(0x77, p.readPmpaddr(2));
    }

    @Test
    void rlb_bypassesLocks_andCannotBeSetOnceAnEntryIsLocked() {
        Pmp p = new Pmp(64, 2, 0);
        p.writeMseccfg(Pmp.MSECCFG_RLB);
        p.writePmpcfg(0, R | CFG_NA4 | L);
        p.writePmpcfg(0, R | W | CFG_NA4 | L); // allowed under RLB
        assertEquals(R | W | CFG_NA4 | L, p.readPmpcfg(0));
        p.writeMseccfg(0); // RLB may be cleared
        assertEquals(0, p.readMseccfg());
        p.writeMseccfg(Pmp.MSECCFG_RLB); // ...but not set again while an entry is locked
        assertEquals(0, p.readMseccfg());
        p.writePmpcfg(0, 0);
        assertEquals(R | W | CFG_NA4 | L, p.readPmpcfg(0));
    }

    @Test
    void mmlAndMmwp_areSticky() {
        Pmp p = new Pmp(32, 4, 0);
        p.writeMseccfg(Pmp.MSECCFG_MML | Pmp.MSECCFG_MMWP);
        p.writeMseccfg(0);
        assertEquals(Pmp.MSECCFG_MML | Pmp.MSECCFG_MMWP, p.readMseccfg());
    }

    @Test
    void reservedRw01_legalisedWhileMmlIsZero_keptWhenMmlIsOne() {
        Pmp p = new Pmp(64, 2, 0);
        p.writePmpcfg(0, W | CFG_NAPOT);
        assertEquals(CFG_NAPOT, p.readPmpcfg(0));
        p.writeMseccfg(Pmp.MSECCFG_MML);
        p.writePmpcfg(1, W | CFG_NAPOT);
        assertEquals(W | CFG_NAPOT, p.readPmpcfg(1));
    }

    @Test
    void mml_ignoresWritesAddingExecutableMachineOrLockedSharedCodeRules() {
        int[] ignored = {L | X, L | W, L | W | X, L | R | X}; // LRWX 1001, 1010, 1011, 1101
        int[] accepted = {L | R, L | R | W, L | R | W | X, L, X, R | W | X};
        for (int c : ignored) {
            Pmp p = new Pmp(64, 1, 0);
            p.writeMseccfg(Pmp.MSECCFG_MML);
            p.writePmpcfg(0, c | CFG_NAPOT);
            assertEquals(0, p.readPmpcfg(0), "cfg 0x" + Integer.toHexString(c));
            // RLB lifts the restriction.
            Pmp q = new Pmp(64, 1, 0);
            q.writeMseccfg(Pmp.MSECCFG_MML | Pmp.MSECCFG_RLB);
            q.writePmpcfg(0, c | CFG_NAPOT);
            assertEquals(c | CFG_NAPOT, q.readPmpcfg(0));
        }
        for (int c : accepted) {
            Pmp p = new Pmp(64, 1, 0);
            p.writeMseccfg(Pmp.MSECCFG_MML);
            p.writePmpcfg(0, c | CFG_NAPOT);
            assertEquals(c | CFG_NAPOT, p.readPmpcfg(0), "cfg 0x" + Integer.toHexString(c));
        }
    }

    @Test
    void granularity_na4NotSelectable_andPmpaddrLowBitsReadBack() {
        Pmp p = new Pmp(64, 2, 2); // 16-byte grain
        p.writePmpcfg(0, R | CFG_NA4);
        assertEquals(R | CFG_NAPOT, p.readPmpcfg(0), "NA4 is stored as NAPOT when G >= 1");
        p.writePmpaddr(0, 0x1000 >> 2);
        assertEquals((0x1000 >> 2) | 0x1, p.readPmpaddr(0), "NAPOT: bits G-2:0 read as ones");
        p.writePmpaddr(1, (0x2000 >> 2) | 0x3);
        assertEquals(0x2000 >> 2, p.readPmpaddr(1), "OFF/TOR: bits G-1:0 read as zeros");
        // The G=2 NAPOT region is 16 bytes at 0x1000.
        assertTrue(p.check(0x100C, 4, R, U));
        assertFalse(p.check(0x1010, 4, R, U));
    }

    @Test
    void pmpcfgCsr_packsFourOrEightEntries() {
        Pmp rv32 = new Pmp(32, 8, 0);
        rv32.writePmpcfgCsr(1, 0x1B19_0F01L); // entries 4..7
        assertEquals(0x01, rv32.readPmpcfg(4));
        assertEquals(0x0F, rv32.readPmpcfg(5));
        assertEquals(0x19, rv32.readPmpcfg(6));
        assertEquals(0x1B, rv32.readPmpcfg(7));
        assertEquals(0x1B19_0F01L, rv32.readPmpcfgCsr(1));
        Pmp rv64 = new Pmp(64, 16, 0);
        rv64.writePmpcfgCsr(2, 0x1900_0000_0000_0001L);
        assertEquals(0x01, rv64.readPmpcfg(8));
        assertEquals(0x19, rv64.readPmpcfg(15));
        assertThrows(IllegalArgumentException.class, () -> rv64.writePmpcfgCsr(1, 0));
        // Bits 6:5 are WARL zero.
        rv64.writePmpcfg(0, 0x60 | R | CFG_NAPOT);
        assertEquals(R | CFG_NAPOT, rv64.readPmpcfg(0));
    }

    @Test
    void pmpaddr_widthIsXlenDependent() {
        Pmp rv32 = new Pmp(32, 1, 0);
        rv32.writePmpaddr(0, -1L);
        assertEquals(0xFFFF_FFFFL, rv32.readPmpaddr(0));
        Pmp rv64 = new Pmp(64, 1, 0);
        rv64.writePmpaddr(0, -1L);
        assertEquals((1L << 54) - 1, rv64.readPmpaddr(0));
        // All-ones NAPOT covers the whole 56-bit space.
        rv64.writePmpcfg(0, R | CFG_NAPOT);
        assertTrue(rv64.check(0, 8, R, U));
        assertTrue(rv64.check((1L << 56) - 8, 8, R, U));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Pmp(48, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> new Pmp(64, 65, 0));
        assertThrows(IllegalArgumentException.class, () -> new Pmp(64, 4, 0).writePmpcfg(4, 0));
        assertThrows(IllegalArgumentException.class, () -> new Pmp(64, 4, 0).check(0, 0, R, M));
        assertThrows(IllegalArgumentException.class, () -> Pmp.builder().napot(0x1000, 0x3000, "r", false));
        assertThrows(IllegalArgumentException.class, () -> Pmp.builder().napot(0x0, 0x1000, "w", false).build());
        assertThrows(IllegalArgumentException.class, () -> Pmp.builder(64, 4, 1).na4(0x1000, "r", false));
        assertThrows(IllegalArgumentException.class, () -> Pmp.builder(64, 4, 2).napot(0x1000, 8, "r", false));
    }

    @Test
    void delegatedEntries_readZero_ignoreWrites_areNotChecked_andDoNotBlockRlb() {
        Pmp p = new Pmp(64, 4, 0);
        p.writePmpaddr(2, -1L);
        p.writePmpcfg(2, R | W | X | CFG_NAPOT | L);
        p.setPmpCount(2); // Smpmpdeleg: entries 2 and 3 now belong to SPMP
        assertEquals(0, p.readPmpcfg(2));
        assertEquals(0, p.readPmpaddr(2));
        p.writePmpaddr(3, 0x123);
        assertEquals(0, p.rawAddr(3), "writes to a delegated entry are ignored");
        assertFalse(p.check(0x1000, 4, R, U), "entry 2 (RWX over everything) is not checked; 0 and 1 match nothing");
        p.setPmpCount(0);
        assertTrue(p.check(0x1000, 4, R, U), "no entry in the PMP role: S/U are not denied by PMP");
        p.setPmpCount(2);
        p.writeMseccfg(Pmp.MSECCFG_RLB);
        assertEquals(Pmp.MSECCFG_RLB, p.readMseccfg(), "the locked delegated entry does not block RLB");
        p.setPmpCount(4);
        assertEquals(R | W | X | CFG_NAPOT | L, p.readPmpcfg(2), "back in the PMP role with its old value");
        assertTrue(p.check(0x1000, 4, W, S), "entry 2 (locked RWX, whole space) checks again");
        assertThrows(IllegalArgumentException.class, () -> p.setPmpCount(5));
    }
}
