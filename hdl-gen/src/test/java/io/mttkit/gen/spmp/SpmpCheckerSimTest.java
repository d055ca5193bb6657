package io.mttkit.gen.spmp;

import static io.mttkit.gen.spmp.SpmpBench.AMO;
import static io.mttkit.gen.spmp.SpmpBench.FETCH;
import static io.mttkit.gen.spmp.SpmpBench.L;
import static io.mttkit.gen.spmp.SpmpBench.LOAD;
import static io.mttkit.gen.spmp.SpmpBench.NA4;
import static io.mttkit.gen.spmp.SpmpBench.NAPOT;
import static io.mttkit.gen.spmp.SpmpBench.OFF;
import static io.mttkit.gen.spmp.SpmpBench.R;
import static io.mttkit.gen.spmp.SpmpBench.SHARED;
import static io.mttkit.gen.spmp.SpmpBench.SIREG;
import static io.mttkit.gen.spmp.SpmpBench.SIREG2;
import static io.mttkit.gen.spmp.SpmpBench.SPMPEN;
import static io.mttkit.gen.spmp.SpmpBench.SPMPENH;
import static io.mttkit.gen.spmp.SpmpBench.STORE;
import static io.mttkit.gen.spmp.SpmpBench.TOR;
import static io.mttkit.gen.spmp.SpmpBench.U;
import static io.mttkit.gen.spmp.SpmpBench.W;
import static io.mttkit.gen.spmp.SpmpBench.X;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.gen.spmp.SpmpBench.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code mtt_spmp} against the sentences of {@code shared/specs/sspmp/spmp_spec.adoc} and {@code spmpswitch.adoc},
 * each test quoting the sentence it checks; the expectations are written from the text (and, for the encoding table
 * the text refers to, from the table docs/spec-notes.md "Sspmp (generator)" names), never from the generator.
 */
class SpmpCheckerSimTest {
    // ---------------------------------------------------------------------------------------------
    // Matching logic
    // ---------------------------------------------------------------------------------------------

    /**
     * "If the effective privilege mode of the access is S or U and no SPMP entry matches, but at least one SPMP entry
     * is implemented, the access is denied"; the fault is the page fault of the access type (§"Exceptions").
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void noMatchDeniesWithThePageFaultOfTheAccessType(int pipeline) {
        SpmpBench b = SpmpBench.rv64(8, pipeline);
        assertEquals(new Answer(false, false, 0, 12), b.s(0x1000, 4, FETCH));
        assertEquals(new Answer(false, false, 0, 13), b.s(0x1000, 8, LOAD));
        assertEquals(new Answer(false, false, 0, 15), b.u(0x1000, 8, STORE));
        assertEquals(new Answer(false, false, 0, 15), b.u(0x1000, 8, AMO), "Store/AMO page fault");
    }

    /** "satp.mode != Bare | Paged Virtual Memory only": the SPMP does not check, whatever its entries say. */
    @Test
    void inactiveUnlessSatpModeIsBare() {
        SpmpBench b = SpmpBench.rv64(8, 0);
        b.spmpen(0xFF);
        b.entry(0, 0x2000 >> 2, TOR); // matches [0, 0x2000) with no permission
        assertFalse(b.sAllows(0x1000, 4, LOAD));
        assertEquals(new Answer(true, false, 0, 0), b.check(0x1000, 4, LOAD, true, false, false));
        assertEquals(new Answer(true, false, 0, 0), b.check(0x9000, 4, STORE, false, false, false), "no match either");
    }

    /** TOR: "spmpaddr[i-1] ≤ y < spmpaddr[i]", first and last bytes; "if spmpcfg[0].A is TOR, zero is used". */
    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void torCoversFromThePrecedingAddressToItsOwnExclusive(int pipeline) {
        SpmpBench b = SpmpBench.rv64(8, pipeline);
        b.spmpen(0xFF);
        b.entry(0, 0x1000 >> 2, TOR | R);
        b.entry(1, 0x1800 >> 2, TOR | R | W);
        assertEquals(new Answer(true, true, 0, 0), b.s(0x0, 1, LOAD), "entry 0 from zero");
        assertEquals(new Answer(true, true, 0, 0), b.s(0xFFF, 1, LOAD), "last byte of entry 0");
        assertEquals(new Answer(false, true, 0, 15), b.s(0xFF8, 8, STORE), "entry 0 is read-only");
        assertEquals(new Answer(true, true, 1, 0), b.s(0x1000, 8, STORE), "first bytes of entry 1");
        assertEquals(new Answer(true, true, 1, 0), b.s(0x17F8, 8, STORE), "last bytes of entry 1");
        assertEquals(new Answer(false, false, 0, 13), b.s(0x1800, 1, LOAD), "the top is exclusive");
    }

    /**
     * "This matching SPMP entry must match all bytes of the access, or the access fails": a straddling access is
     * decided by the lowest-numbered entry holding any of its bytes, which does not hold them all.
     */
    @Test
    void straddlingAccessFailsEvenWhenTheNextEntryWouldAllow() {
        SpmpBench b = SpmpBench.rv64(8, 0);
        b.spmpen(0xFF);
        b.entry(0, 0x1000 >> 2, TOR | R | W);
        b.entry(1, 0x2000 >> 2, TOR | R | W);
        assertEquals(new Answer(false, true, 0, 13), b.s(0xFFC, 8, LOAD), "bytes 0xFFC..0x1003 span entries 0 and 1");
        assertEquals(new Answer(false, true, 1, 15), b.s(0x1FFC, 8, STORE), "runs past the top of entry 1");
        assertEquals(new Answer(true, true, 1, 0), b.s(0x1FF8, 8, STORE));
    }

    /** "The lowest-numbered SPMP entry that matches any byte of an access ... determines whether ... allowed or denied". */
    @Test
    void lowestNumberedMatchDecidesEvenWhenAHigherOneWouldAllow() {
        SpmpBench b = SpmpBench.rv64(8, 0);
        b.spmpen(0xFF);
        b.entry(2, (0x4000 >> 2) | 0x1FF, NAPOT | R); // 4 KiB at 0x4000, read-only
        b.entry(5, (0x0 >> 2) | 0x3FFF, NAPOT | R | W | X); // 64 KiB at 0, everything
        assertEquals(new Answer(false, true, 2, 15), b.s(0x4800, 8, STORE), "entry 2 wins over entry 5");
        assertEquals(new Answer(true, true, 2, 0), b.s(0x4800, 8, LOAD));
        assertEquals(new Answer(true, true, 5, 0), b.s(0x5000, 8, STORE), "outside entry 2");
        // the reverse: a high-priority permissive entry inside a low-priority restrictive one
        b.entry(1, (0x4400 >> 2) | 0x7F, NAPOT | R | W); // 1 KiB at 0x4400
        assertEquals(new Answer(true, true, 1, 0), b.s(0x4400, 8, STORE));
        assertEquals(new Answer(false, true, 1, 15), b.s(0x43FC, 8, STORE), "straddles entries 1 and 2: 1 decides");
    }

    /** TOR "matching is independent of the configuration or activation state of the preceding entry". */
    @Test
    void torLowerBoundIgnoresThePrecedingEntrysConfigurationAndSpmpen() {
        SpmpBench b = SpmpBench.rv64(8, 0);
        b.entry(3, 0x8000 >> 2, OFF); // OFF, and spmpen[3] stays 0: still the lower bound of entry 4
        b.entry(4, 0x9000 >> 2, TOR | R);
        b.spmpen(1 << 4);
        assertEquals(new Answer(false, false, 0, 13), b.s(0x7FFC, 4, LOAD));
        assertEquals(new Answer(true, true, 4, 0), b.s(0x8000, 4, LOAD));
        assertEquals(new Answer(true, true, 4, 0), b.s(0x8FFC, 4, LOAD));
        // "the condition spmpaddr[i-1] < spmpaddr[i] must hold" for a valid rule: equal or above matches nothing
        b.entry(3, 0x9000 >> 2, OFF);
        assertEquals(new Answer(false, false, 0, 13), b.s(0x8FFC, 8, LOAD), "an access across the equal bounds");
        b.entry(3, 0xA000 >> 2, OFF);
        assertEquals(new Answer(false, false, 0, 13), b.s(0x8FFC, 8, LOAD), "an access across both bounds too");
    }

    /** NA4: "Naturally aligned four-byte region". */
    @Test
    void na4IsExactlyFourBytes() {
        SpmpBench b = SpmpBench.rv64(8, 0);
        b.spmpen(0xFF);
        b.entry(0, 0x1004 >> 2, NA4 | R);
        assertEquals(new Answer(false, false, 0, 13), b.s(0x1003, 1, LOAD));
        assertTrue(b.sAllows(0x1004, 1, LOAD));
        assertTrue(b.sAllows(0x1004, 4, LOAD));
        assertTrue(b.sAllows(0x1007, 1, LOAD));
        assertEquals(new Answer(false, false, 0, 13), b.s(0x1008, 1, LOAD));
        assertEquals(new Answer(false, true, 0, 13), b.s(0x1004, 8, LOAD), "8 bytes: only half inside");
        assertEquals(new Answer(false, true, 0, 13), b.s(0x1002, 4, LOAD), "straddles the start");
    }

    /**
     * sstatus.MXR ("must be writable", a dependency of Sspmp): a load also succeeds where the rule lets the mode
     * execute — Enforce, EnforceNoX (S with SUM on a U-mode rule) and the Shared-Region's U share — never where the
     * cell is Deny. Found by the co-simulation against the golden SPMP (docs/spec-notes.md "Sspmp (generator)").
     */
    @Test
    void mxrMakesRuleExecutableMemoryReadable() {
        SpmpBench b = SpmpBench.rv64(4, 0);
        b.spmpen(0xF);
        b.entry(0, 0x1000 >> 2, NA4 | X);                  // S-mode-only, execute-only
        b.entry(1, 0x2000 >> 2, NA4 | U | X);              // U-mode rule, execute-only
        b.entry(2, 0x3000 >> 2, NA4 | SHARED | U | X | W | R); // Shared-Region RWX: U execute-only
        assertEquals(new Answer(false, true, 0, 13), b.check(0x1000, 4, LOAD, true, false, false, true));
        assertEquals(new Answer(true, true, 0, 0), b.check(0x1000, 4, LOAD, true, false, true, true));
        assertEquals(new Answer(false, true, 0, 13), b.check(0x1000, 4, LOAD, false, false, true, true),
                "U on an S-mode-only rule: Deny, MXR does not help");
        assertEquals(new Answer(true, true, 1, 0), b.check(0x2000, 4, LOAD, false, false, true, true));
        assertEquals(new Answer(true, true, 1, 0), b.check(0x2000, 4, LOAD, true, true, true, true),
                "S with SUM on a U-mode rule: EnforceNoX, the rule's X still makes it readable");
        assertEquals(new Answer(false, true, 1, 13), b.check(0x2000, 4, LOAD, true, false, true, true),
                "S without SUM on a U-mode rule: Deny");
        assertEquals(new Answer(false, true, 2, 13), b.check(0x3000, 4, LOAD, false, false, false, true));
        assertEquals(new Answer(true, true, 2, 0), b.check(0x3000, 4, LOAD, false, false, true, true));
        assertEquals(new Answer(false, true, 0, 15), b.check(0x1000, 4, STORE, true, false, true, true),
                "MXR gives read, not write");
    }

    /** NAPOT: "Naturally aligned power-of-two region, ≥8 bytes", size from the trailing ones (the PMP table). */
    @Test
    void napotSizeFollowsTheTrailingOnes() {
        SpmpBench b = SpmpBench.rv64(8, 0);
        b.spmpen(0xFF);
        b.entry(0, 0x2000 >> 2, NAPOT | R); // ...0: 8 bytes
        assertEquals(new Answer(false, false, 0, 13), b.s(0x1FFF, 1, LOAD));
        assertTrue(b.sAllows(0x2000, 8, LOAD));
        assertEquals(new Answer(false, false, 0, 13), b.s(0x2008, 1, LOAD));
        b.entry(1, (0x3000 >> 2) | 0x3, NAPOT | R); // ...011: 32 bytes
        assertTrue(b.sAllows(0x3000, 1, LOAD));
        assertTrue(b.sAllows(0x301F, 1, LOAD));
        assertEquals(new Answer(false, true, 1, 13), b.s(0x301C, 8, LOAD), "last 4 bytes in, 4 out");
        assertEquals(new Answer(false, false, 0, 13), b.s(0x3020, 1, LOAD));
        assertEquals(new Answer(false, false, 0, 13), b.s(0x2FFF, 1, LOAD));
    }

    /** NAPOT with every implemented spmpaddr bit 1: the whole physical address space (the PMP encoding's limit). */
    @Test
    void napotAllOnesCoversTheWholeSpace() {
        SpmpBench b = SpmpBench.rv64(8, 0);
        b.spmpen(0xFF);
        b.write(SIREG, 0x107, -1L, false);
        b.write(SIREG2, 0x107, NAPOT | R | W | X, false);
        assertEquals(new Answer(true, true, 7, 0), b.s(0x0, 8, STORE));
        assertEquals(new Answer(true, true, 7, 0), b.s((1L << 56) - 8, 8, STORE), "last 8 bytes of 2^56");
        assertEquals(new Answer(false, true, 7, 15), b.s((1L << 56) - 4, 8, STORE), "runs past 2^paw");
    }

    /** Sspmpen: "An SPMP entry i is considered active only when both the spmpen[i] bit is set and ... A ... non-zero". */
    @Test
    void spmpenGatesEachEntry() {
        SpmpBench b = SpmpBench.rv64(8, 0);
        b.entry(0, 0x1000 >> 2, TOR | R);
        assertEquals(new Answer(false, false, 0, 13), b.s(0x10, 4, LOAD), "spmpen resets to 0");
        b.spmpen(1);
        assertTrue(b.sAllows(0x10, 4, LOAD));
        b.spmpen(0);
        assertFalse(b.sAllows(0x10, 4, LOAD));
        b.spmpen(0xFF);
        b.entry(0, 0x1000 >> 2, OFF | R);
        assertEquals(new Answer(false, false, 0, 13), b.s(0x10, 4, LOAD), "A = OFF: a null region");
        assertEquals(0xFF, b.read(SPMPEN, 0));
        b.spmpen(-1L);
        assertEquals(0xFF, b.read(SPMPEN, 0), "bits at or above N are ignored");
        assertEquals(0, b.read(SPMPENH, 0), "no spmpenh on RV64");
    }

    /** Without Sspmpen an entry is active whenever A is not OFF; spmpen reads 0. */
    @Test
    void withoutSspmpenEveryConfiguredEntryTakesPart() {
        SpmpBench b = new SpmpBench(new SpmpParams(64, 4, 0, false, 0, 56));
        b.entry(0, 0x1000 >> 2, TOR | R);
        assertTrue(b.sAllows(0x10, 4, LOAD));
        b.spmpen(0);
        assertEquals(0, b.read(SPMPEN, 0));
        assertTrue(b.sAllows(0x10, 4, LOAD));
    }

    /** RV32: "spmpenh ... serves as an alias for the upper 32 bits of the spmpen register". */
    @Test
    void rv32SpmpenhHoldsEntries32AndUp() {
        SpmpBench b = new SpmpBench(new SpmpParams(32, 40, 0, true, 0, 34));
        b.write(SPMPENH, 0, 1L << (35 - 32), false);
        assertEquals(0, b.read(SPMPEN, 0));
        assertEquals(1L << 3, b.read(SPMPENH, 0));
        b.entry(35, 0x1000 >> 2, NA4 | R);
        assertEquals(new Answer(true, true, 35, 0), b.s(0x1000, 4, LOAD));
        b.write(SPMPEN, 0, 0xFFFF_FFFFL, false);
        assertEquals(0xFFFF_FFFFL, b.read(SPMPEN, 0));
        assertEquals(1L << 3, b.read(SPMPENH, 0), "writing spmpen leaves spmpenh");
        b.write(SPMPENH, 0, 0xFFFF_FFFFL, false);
        assertEquals(0xFFL, b.read(SPMPENH, 0), "entries 32..39 only");
        b.write(SPMPENH, 0, 0, false);
        assertEquals(new Answer(false, false, 0, 13), b.s(0x1000, 4, LOAD), "spmpenh bit 3 cleared: entry 35 off");
    }

    // ---------------------------------------------------------------------------------------------
    // Encoding of permissions
    // ---------------------------------------------------------------------------------------------

    /**
     * Every legal (SHARED, U, RWX) × privilege × SUM × access type, against the rule sentences:
     * "An S-mode-only rule enforces accesses for Supervisor mode and denies accesses for User mode";
     * "A U-mode rule is always enforced for User mode accesses"; "With sstatus.SUM set, the rule is enforced for
     * Supervisor mode data accesses, but execution permission is denied"; "With sstatus.SUM clear, the rule is denied
     * for any Supervisor mode access"; "For shared regions, the state of the sstatus.SUM bit is irrelevant"; "A
     * Shared-Region rule is enforced for both Supervisor and User modes, but ... read and write permissions for User
     * mode are mutually exclusive" (the table of spec-notes: RW- gives U read-only, RWX execute-only).
     */
    @Test
    void permissionMatrix() {
        SpmpBench b = SpmpBench.rv64(1, 0);
        b.spmpen(1);
        int[] rwxs = {0, R, X, R | X, R | W, R | W | X};
        int[][] kinds = {{0, 0}, {0, U}, {SHARED, U}};
        int checked = 0;
        for (int[] kind : kinds) {
            for (int rwx : rwxs) {
                int cfg = kind[0] | kind[1] | rwx | NAPOT;
                b.entry(0, 0x3FF, cfg); // 4 KiB at 0
                for (int priv = 0; priv < 2; priv++) {
                    for (int sum = 0; sum < 2; sum++) {
                        for (int type = 0; type < 4; type++) {
                            boolean want = expected(kind[0] != 0, kind[1] != 0, rwx, priv == 1, sum == 1, type);
                            Answer a = b.check(0x100, 4, type, priv == 1, sum == 1, true);
                            String what = "cfg " + Integer.toHexString(cfg) + (priv == 1 ? " S" : " U") + " SUM " + sum
                                    + " type " + type;
                            assertEquals(want, a.allow(), what);
                            assertTrue(a.matched(), what);
                            assertEquals(want ? 0 : type == 0 ? 12 : type == 1 ? 13 : 15, a.cause(), what);
                            checked++;
                        }
                    }
                }
            }
        }
        assertEquals(3 * 6 * 16, checked);
    }

    /** The expected answer of one cell, from the sentences quoted on {@link #permissionMatrix}. */
    static boolean expected(boolean shared, boolean u, int rwx, boolean privS, boolean sum, int type) {
        boolean r = (rwx & R) != 0;
        boolean w = (rwx & W) != 0;
        boolean x = (rwx & X) != 0;
        if (shared) {
            if (!privS && r && w) { // U: R and W mutually exclusive: RW- read-only, RWX execute-only
                r = !x;
                w = false;
            }
        } else if (!u) {
            if (!privS) {
                return false; // S-mode-only: denies U
            }
        } else if (privS) {
            if (!sum) {
                return false; // U-mode rule, S with SUM clear: denied
            }
            x = false; // EnforceNoX
        }
        return switch (type) {
            case FETCH -> x;
            case LOAD -> r;
            case STORE -> w;
            default -> r && w; // AMO reads and writes
        };
    }

    // ---------------------------------------------------------------------------------------------
    // CSRs: lock, WARL, access method
    // ---------------------------------------------------------------------------------------------

    /**
     * "Attempts to write to locked spmpcfg[i] and spmpaddr[i] registers using the siselect CSR are ignored"; "If a
     * locked entry has spmpcfg[i].A set to TOR, writes to the preceding spmpaddr[i-1] via siselect are also ignored";
     * "Setting the L bit locks the SPMP entry, regardless of the A field's setting (even OFF)".
     */
    @Test
    void lockedEntriesIgnoreSupervisorWrites() {
        SpmpBench b = SpmpBench.rv64(8, 0);
        b.entry(2, 0x100, OFF | L | R);
        b.entry(2, 0x200, TOR | R | W);
        assertEquals(0x100, b.addr(2), "locked while OFF");
        assertEquals(L | R, b.cfg(2));
        b.entry(4, 0x40, OFF);
        b.entry(5, 0x80, TOR | L | R);
        b.write(SIREG, 0x104, 0x10, false);
        assertEquals(0x40, b.addr(4), "the TOR lower bound of locked entry 5");
        b.write(SIREG2, 0x104, NA4 | R, false);
        assertEquals(NA4 | R, b.cfg(4), "spmpcfg[4] itself is not locked");
        b.entry(6, 0x90, TOR | R);
        assertEquals(0x90, b.addr(6));
    }

    /** "The lock bit (spmpcfg[i].L) of an SPMP entry can only be cleared by M-mode through ... miselect". */
    @Test
    void machineModeClearsTheLock() {
        SpmpBench b = SpmpBench.rv64(8, 0);
        b.entry(1, 0x100, NA4 | L | R);
        b.write(SIREG2, 0x101, NA4 | R, false);
        assertEquals(NA4 | L | R, b.cfg(1));
        b.write(SIREG2, 0x101, NA4 | R, true);
        assertEquals(NA4 | R, b.cfg(1));
        b.entry(1, 0x200, NA4 | W | R);
        assertEquals(0x200, b.addr(1));
    }

    /** "When an entry i is locked, as indicated by spmpcfg[i].L == 1, its corresponding spmpen[i] bit becomes read-only". */
    @Test
    void lockedEntrysSpmpenBitIsReadOnly() {
        SpmpBench b = SpmpBench.rv64(8, 0);
        b.spmpen(0b0101);
        b.entry(0, 0x100, NA4 | L);
        b.entry(1, 0x100, NA4 | L);
        b.spmpen(0b1010);
        assertEquals(0b1001, b.read(SPMPEN, 0), "bit 0 stays 1, bit 1 stays 0, bits 2 and 3 written");
    }

    /**
     * WARL: "The encodings spmpcfg.RWX=010, spmpcfg.RWX=011, as well as the combination spmpcfg.SHARED == 1 and
     * spmpcfg.U == 0 are all reserved" and the reserved bits (5, 6, SXLEN-1..10, WPRI) — the legal values stored are
     * spec-notes' (W dropped, SHARED dropped).
     */
    @Test
    void reservedEncodingsAreNeverStored() {
        SpmpBench b = SpmpBench.rv64(8, 0);
        b.entry(0, 0, W | TOR);
        assertEquals(TOR, b.cfg(0), "RWX 010 -> 000");
        b.entry(0, 0, W | X | TOR);
        assertEquals(X | TOR, b.cfg(0), "RWX 011 -> 001");
        b.entry(0, 0, SHARED | R | TOR);
        assertEquals(R | TOR, b.cfg(0), "SHARED without U -> SHARED 0");
        b.entry(0, 0, SHARED | U | R | W | TOR);
        assertEquals(SHARED | U | R | W | TOR, b.cfg(0), "a Shared-Region rule is kept");
        b.write(SIREG2, 0x100, -1L & ~L, false);
        assertEquals(SHARED | U | R | W | X | NAPOT, b.cfg(0), "bits 5, 6 and 10 and up read 0");
        // the address register holds PA bits 55..2 only ("encodes a 56-bit physical address from bit 55 down to 2")
        b.write(SIREG, 0x101, -1L, false);
        assertEquals((1L << 54) - 1, b.addr(1));
    }

    /**
     * Granularity: "writing all ones to spmpaddr[i], and then reading back ... If G is the index of the
     * least-significant bit set in the result, the granularity is 2^(G+2) bytes"; NA4 is not selectable when G ≥ 1
     * and NAPOT reads its low G-1 bits as ones (the PMP rules the spec refers to).
     */
    @Test
    void granularityProbeAndNa4() {
        SpmpBench b = new SpmpBench(new SpmpParams(64, 4, 3, true, 0, 56)); // 32-byte granule
        b.spmpen(0xF);
        b.write(SIREG2, 0x100, 0, false);
        b.write(SIREG, 0x100, -1L, false);
        assertEquals(3, Long.numberOfTrailingZeros(b.addr(0)), "the probe finds G");
        b.write(SIREG2, 0x100, NAPOT | R, false);
        assertEquals((1L << 54) - 1, b.addr(0), "NAPOT: low bits read as ones");
        b.write(SIREG2, 0x100, OFF, false);
        b.write(SIREG, 0x101, 0x1000 >> 2, false);
        b.write(SIREG2, 0x101, NAPOT | R, false);
        assertEquals((0x1000 >> 2) | 0x3, b.addr(1), "NAPOT with bits 1:0 read as ones: 32 bytes");
        assertTrue(b.sAllows(0x1000, 1, LOAD));
        assertTrue(b.sAllows(0x101F, 1, LOAD));
        assertEquals(new Answer(false, false, 0, 13), b.s(0x1020, 1, LOAD));
        b.write(SIREG2, 0x102, NA4 | R, false);
        assertEquals(NAPOT | R, b.cfg(2), "NA4 is not selectable with G >= 1: stored NAPOT, as mttkit's PMP");
        b.write(SIREG, 0x103, (0x2000 >> 2) | 0x7, false);
        b.write(SIREG2, 0x103, TOR | R, false);
        assertEquals(0x2000 >> 2, b.addr(3), "TOR: low G bits read as zeros");
    }

    /** "An access to an out-of-bounds index via siselect will return zero on read and be ignored on write". */
    @Test
    void outOfBoundsIndexReadsZeroAndIgnoresWrites() {
        SpmpBench b = SpmpBench.rv64(8, 0);
        for (long sel : new long[] {0x108, 0x13F, 0x140, 0xFF, 0x1100, 0x8000_0000_0000_0100L}) {
            b.write(SIREG, sel, 0x1234, false);
            b.write(SIREG2, sel, R | W | NAPOT, false);
            assertEquals(0, b.read(SIREG, sel), "siselect " + Long.toHexString(sel));
            assertEquals(0, b.read(SIREG2, sel), "siselect " + Long.toHexString(sel));
        }
        for (int i = 0; i < 8; i++) {
            assertEquals(0, b.addr(i), "entry " + i + " untouched");
            assertEquals(0, b.cfg(i), "entry " + i + " untouched");
        }
        b.entry(7, 0x55, NA4 | X);
        assertEquals(0x55, b.addr(7), "0x107 is entry 7");
        assertEquals(NA4 | X, b.cfg(7));
    }

    /** "sireg is used to access the spmpaddr register, while sireg2 is used for the spmpcfg register", per index. */
    @Test
    void eachSiselectValueReachesItsOwnEntry() {
        SpmpBench b = SpmpBench.rv64(64, 0);
        for (int i = 0; i < 64; i++) {
            b.entry(i, 0x1000 + i, (i % 3 == 0 ? NAPOT : TOR) | R);
        }
        for (int i = 0; i < 64; i++) {
            assertEquals(0x1000 + i, b.addr(i));
            assertEquals((i % 3 == 0 ? NAPOT : TOR) | R, b.cfg(i));
        }
    }

    /** With one register stage a response that is not taken holds, and no new request is accepted under it. */
    @Test
    void pipelinedResponseHoldsUnderBackpressure() {
        SpmpBench b = SpmpBench.rv64(4, 1);
        b.spmpen(0xF);
        b.entry(0, 0x1000 >> 2, TOR | R);
        var sim = b.sim;
        sim.poke(sim.port("chk_pa"), 0x10);
        sim.poke(sim.port("chk_size"), 4);
        sim.poke(sim.port("chk_type"), LOAD);
        sim.poke(sim.port("chk_priv_s"), 1);
        sim.poke(sim.port("chk_bare"), 1);
        sim.poke(sim.port("chk_valid"), 1);
        sim.poke(sim.port("rsp_ready"), 0);
        assertEquals(1, sim.peek(sim.port("chk_ready")).intValue(), "empty stage accepts");
        assertEquals(0, sim.peek(sim.port("rsp_valid")).intValue());
        sim.step();
        sim.poke(sim.port("chk_pa"), 0x2000); // a different access waits
        for (int c = 0; c < 3; c++) {
            assertEquals(1, sim.peek(sim.port("rsp_valid")).intValue());
            assertEquals(1, sim.peek(sim.port("rsp_allow")).intValue(), "the first access's answer holds");
            assertEquals(0, sim.peek(sim.port("chk_ready")).intValue());
            sim.step();
        }
        sim.poke(sim.port("rsp_ready"), 1);
        assertEquals(1, sim.peek(sim.port("chk_ready")).intValue(), "taking the response frees the stage");
        sim.step();
        assertEquals(1, sim.peek(sim.port("rsp_valid")).intValue());
        assertEquals(0, sim.peek(sim.port("rsp_allow")).intValue(), "the second access: no match");
    }
}
