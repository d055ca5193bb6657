package io.mttkit.tb.spmpcosim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mttkit.bridge.BuildDriver;
import io.mttkit.gen.spmp.SpmpCheckRequestPort;
import io.mttkit.gen.spmp.SpmpCsrPort;
import io.mttkit.gen.spmp.SpmpParams;
import io.mttkit.golden.Access;
import io.mttkit.golden.pmp.PrivMode;
import io.mttkit.golden.spmp.Spmp;
import io.mttkit.golden.spmp.SpmpCfg;
import io.mttkit.golden.spmp.SpmpCfg.AddressMode;
import io.mttkit.golden.spmp.SpmpVerdict;
import io.mttkit.tb.ToolGate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cases on which the generated SPMP and the golden SPMP disagreed (or nearly did) while they were reconciled
 * (docs/spec-notes.md "Sspmp" and "Sspmp (generator)"), each run on both sides and pinned to the value the spec
 * text gives: MXR, NA4 with granularity ≥ 1, the end of the physical address space, TOR bounds across a
 * non-TOR predecessor, and an M-mode write to a locked entry.
 */
class SpmpReconciliationTest {
    private static final int R = SpmpCfg.R;
    private static final int W = SpmpCfg.W;
    private static final int X = SpmpCfg.X;
    private static BuildDriver driver;

    @BeforeAll
    static void tools() {
        ToolGate.requireVerilator();
        driver = BuildDriver.fromEnvironment();
    }

    /** Both sides, programmed alike. */
    private static final class Pair implements AutoCloseable {
        final SpmpRtl rtl;
        final Spmp gold;

        Pair(String config, Map<String, String> settings) {
            SpmpParams p = SpmpCosim.params(config, settings);
            rtl = SpmpRtl.open(driver, p);
            gold = new Spmp(SpmpCosim.golden(p));
        }

        void entry(int i, long addr, int cfg, boolean mmode) {
            rtl.csrWrite(SpmpCsrPort.SEL_SIREG, Spmp.SELECT_BASE + i, addr, mmode);
            rtl.csrWrite(SpmpCsrPort.SEL_SIREG2, Spmp.SELECT_BASE + i, cfg, mmode);
            gold.writeIndirect(Spmp.SELECT_BASE + i, 1, addr, mmode);
            gold.writeIndirect(Spmp.SELECT_BASE + i, 2, cfg, mmode);
        }

        void enableAll() {
            rtl.csrWrite(SpmpCsrPort.SEL_SPMPEN, 0, -1L, false);
            gold.writeSpmpen(-1L, -1L);
        }

        /** The cfg as both sides read it back; fails if they differ. */
        long cfg(int i) {
            long r = rtl.csrRead(SpmpCsrPort.SEL_SIREG2, Spmp.SELECT_BASE + i, false);
            assertEquals(gold.readCfg(i), r, "spmpcfg[" + i + "] read back");
            return r;
        }

        /** The verdict of both sides as "allow"/"deny <entry|none>"; fails if they differ. */
        String check(long pa, int size, int type, boolean privS, boolean sum, boolean mxr) {
            int need = type == SpmpCheckRequestPort.FETCH ? Access.X : type == SpmpCheckRequestPort.LOAD ? Access.R
                    : type == SpmpCheckRequestPort.STORE ? Access.W : Access.R | Access.W;
            SpmpVerdict v = gold.check(pa, size, need, privS ? PrivMode.S : PrivMode.U, sum, mxr, true);
            SpmpRtl.Answer a = rtl.check(pa, size, type, privS, sum, mxr, true, 0);
            String golden = (v.allowed() ? "allow" : "deny") + (v.entry() >= 0 ? " " + v.entry() : " none");
            String got = (a.allow() ? "allow" : "deny") + (a.matched() ? " " + a.entry() : " none");
            assertEquals(golden, got, String.format("pa=0x%x size=%d type=%d S=%b SUM=%b MXR=%b", pa, size, type,
                    privS, sum, mxr));
            return got;
        }

        @Override
        public void close() {
            rtl.close();
        }
    }

    private static int cfg(int rwx, AddressMode a, boolean u, boolean shared) {
        return SpmpCfg.of(rwx, a, false, u, shared);
    }

    /** Finding 1: MXR had no input in the generator; the golden model let it read rule-executable memory. */
    @Test
    void mxrReadsRuleExecutableMemoryOnBothSides() {
        try (Pair p = new Pair("spmp-alone-rv64", Map.of("entryCount", "4"))) {
            p.enableAll();
            p.entry(0, 0x1000 >> 2, cfg(X, AddressMode.NA4, false, false), false);
            p.entry(1, 0x2000 >> 2, cfg(X, AddressMode.NA4, true, false), false);
            p.entry(2, 0x3000 >> 2, cfg(R | W | X, AddressMode.NA4, true, true), false);
            int load = SpmpCheckRequestPort.LOAD;
            assertEquals("deny 0", p.check(0x1000, 4, load, true, false, false));
            assertEquals("allow 0", p.check(0x1000, 4, load, true, false, true));
            assertEquals("deny 0", p.check(0x1000, 4, load, false, false, true), "Deny cell: MXR cannot help");
            assertEquals("allow 1", p.check(0x2000, 4, load, true, true, true), "EnforceNoX: X still readable");
            assertEquals("deny 1", p.check(0x2000, 4, load, true, false, true));
            assertEquals("allow 2", p.check(0x3000, 4, load, false, false, true), "Shared U execute-only");
            assertEquals("deny 2", p.check(0x3000, 4, load, false, false, false));
        }
    }

    /** Finding 2: with G ≥ 1 the generator stored a written NA4 as OFF, the golden model (like its PMP) as NAPOT. */
    @Test
    void na4WithGranularityIsStoredAsNapotOnBothSides() {
        try (Pair p = new Pair("spmp-alone-rv64", Map.of("entryCount", "2", "granularity", "1"))) {
            p.enableAll();
            p.entry(0, 0x1000 >> 2, cfg(R, AddressMode.NA4, false, false), false);
            assertEquals(cfg(R, AddressMode.NAPOT, false, false), p.cfg(0));
            assertEquals("allow 0", p.check(0x1000, 8, SpmpCheckRequestPort.LOAD, true, false, false),
                    "an 8-byte NAPOT region (the granule)");
        }
    }

    /** Finding 3: an all-ones NAPOT region ends at 2^paw; an access running past it is not covered. */
    @Test
    void wholeSpaceNapotEndsAtThePhysicalAddressSpace() {
        try (Pair p = new Pair("spmp-alone-rv32", Map.of("entryCount", "1"))) {
            p.enableAll();
            p.entry(0, -1L, cfg(R | W, AddressMode.NAPOT, false, false), false);
            long top = 1L << 34;
            assertEquals("allow 0", p.check(top - 8, 8, SpmpCheckRequestPort.STORE, true, false, false));
            assertEquals("deny 0", p.check(top - 4, 8, SpmpCheckRequestPort.LOAD, true, false, false));
            assertEquals("allow 0", p.check(0, 64, SpmpCheckRequestPort.AMO, true, false, false));
        }
    }

    /**
     * Near miss: the TOR lower bound is spmpaddr[i−1] with the granule's low bits cleared even when entry i−1 is
     * NAPOT (whose low bits read as ones), and an M-mode write changes a locked entry while an S-mode one cannot.
     */
    @Test
    void torBoundBehindANapotEntryAndLockedEntries() {
        try (Pair p = new Pair("spmp-alone-rv64", Map.of("entryCount", "3", "granularity", "2"))) {
            p.enableAll();
            p.entry(0, (0x1000 >> 2) | 0x1, cfg(0, AddressMode.NAPOT, false, false), false); // 16 bytes
            p.entry(1, 0x2000 >> 2, cfg(R, AddressMode.TOR, false, false), false);
            assertEquals("allow 1", p.check(0x1010, 4, SpmpCheckRequestPort.LOAD, true, false, false));
            assertEquals("deny 0", p.check(0x100C, 4, SpmpCheckRequestPort.LOAD, true, false, false));
            p.entry(2, 0x3000 >> 2, SpmpCfg.of(R, AddressMode.TOR, true, false, false), false);
            p.entry(1, 0x2800 >> 2, cfg(R | W, AddressMode.TOR, false, false), false); // spmpaddr[1] locked by 2
            assertEquals("deny 2", p.check(0x2000, 4, SpmpCheckRequestPort.STORE, true, false, false),
                    "spmpaddr[1] kept 0x2000: entry 2 (locked, read-only) decides, not a widened entry 1");
            p.entry(2, 0x3000 >> 2, cfg(R | W, AddressMode.TOR, false, false), true);  // M-mode clears L
            assertEquals("allow 2", p.check(0x2FF0, 4, SpmpCheckRequestPort.STORE, true, false, false));
        }
    }
}
