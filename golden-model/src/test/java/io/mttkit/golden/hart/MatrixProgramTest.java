package io.mttkit.golden.hart;

import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.tables.SeedMatrix;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed's matrix program on the golden hart: every XLEN × mode × permission cell. */
class MatrixProgramTest {
    /** Default run: every 256th page of the 1 GiB region; set -Dmttkit.matrix.stride=1 for the long run. */
    private static final long STRIDE = Long.getLong("mttkit.matrix.stride", HartMatrix.DEFAULT_STRIDE);

    @Test
    void everyCellPasses() {
        Programs.requireToolchain();
        HartMatrix.Result r = HartMatrix.runAll(Programs.dir(), Programs.cache(), STRIDE);
        List<String> failed = new ArrayList<>();
        for (HartMatrix.Cell c : r.cells()) {
            if (!c.pass()) {
                failed.add(c.line() + "\n" + c.run().console());
            }
        }
        assertTrue(failed.isEmpty(), String.join("\n", failed));
        // 2 RV32 modes + 5 RV64 modes, × 4 permissions, plus firmware-built tables for Smmpt34 and Smmpt43.
        assertEquals(36, r.cells().size(), r.summary());
        assertEquals(8, r.cells().stream().filter(HartMatrix.Cell::firmwareTables).count());
        assertEquals("36/36 cells passed", r.summary());
    }

    @Test
    void everyCellPassesWithCompressedCode() {
        Programs.requireToolchain();
        HartMatrix.Result r = HartMatrix.runAll(Programs.dir(), Programs.cache(), 4096, true);
        assertTrue(r.allPassed(), String.join("\n", r.lines()));
        assertEquals(36, r.cells().size());
    }

    @Test
    void deniedProbesTrapToMachineModeAsMttAccessFaults() {
        ElfFile elf = ElfFile.read(Programs.elf("matrix", 64));
        HartMatrix.Cell c = HartMatrix.runCell(elf, MttMode.SMMPT43, Access.R | Access.X, 64);
        assertTrue(c.pass(), c.line() + "\n" + c.run().console());
        // allow-rx: every probed page's store faults (cause 7) with an MPT permission denial, sent to M.
        long storeFaults = c.run().traps().stream()
                .filter(t -> t.code() == TrapCause.STORE_ACCESS_FAULT && t.toPriv() == Priv.M
                        && t.fromPriv() == Priv.S && t.mttCause() == io.mttkit.golden.Cause.PERM_DENY)
                .count();
        long pages = HartMatrix.probedPages(1 << 18, 64) + HartMatrix.probedPages(512, 64) + 1;
        assertEquals(pages, storeFaults);
        assertTrue(c.run().traps().stream().noneMatch(t -> t.code() == TrapCause.LOAD_ACCESS_FAULT
                || t.code() == TrapCause.INSN_ACCESS_FAULT), "rx pages must be readable and executable");
    }

    @Test
    void aHartThatIgnoresTheMttFailsTheDisallowCell() {
        ElfFile elf = ElfFile.read(Programs.elf("matrix", 32));
        HartMatrix.Cell c = HartMatrix.runCell(elf, MttMode.SMMTT34, 0, 4096, false,
                inner -> (mode, root, sdid, pa, size, kind, be, out) -> {
                    inner.check(mode, root, sdid, pa, size, kind, be, out);
                    out.reset().bypass(); // a broken checker: allows everything
                    return out;
                });
        assertFalse(c.pass(), c.line());
        assertTrue(c.detail().contains("region 0xc0000000"), c.detail());
    }

    @Test
    void probedPageCountFollowsTheStride() {
        assertEquals(1, HartMatrix.probedPages(1, 256));
        assertEquals(512, HartMatrix.probedPages(512, 1));
        // pages 0, 256, ..., 261888 (1024 of them) and the last page 262143
        assertEquals(1025, HartMatrix.probedPages(1 << 18, 256));
        assertEquals(3, HartMatrix.probedPages(5, 2)); // 0, 2, then 4 = last
        assertEquals(4, HartMatrix.probedPages(6, 2)); // 0, 2, 4, then 5
        assertEquals(SeedMatrix.PERMISSIONS.size(), 4);
    }
}
