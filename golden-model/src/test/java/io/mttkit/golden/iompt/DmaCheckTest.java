package io.mttkit.golden.iompt;

import io.mttkit.golden.Access;
import io.mttkit.golden.Cause;
import io.mttkit.golden.ImplicitReadCheck;
import io.mttkit.golden.MpteReader;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.TableBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.mttkit.golden.iompt.Spec.CODE_SUCCESS;
import static io.mttkit.golden.iompt.Spec.IDT_DEVID;
import static io.mttkit.golden.iompt.Spec.SET_SDCFG_ENTRY;
import static io.mttkit.golden.iompt.Spec.SET_SDCL_ENTRY;
import static io.mttkit.golden.iompt.Spec.TEE_ANY;
import static io.mttkit.golden.iompt.Spec.UNARY;
import static io.mttkit.golden.iompt.Spec.sdcfg;
import static io.mttkit.golden.iompt.Spec.sdcl;
import static io.mttkit.golden.iompt.Spec.sdclCmd;
import static io.mttkit.golden.iompt.Spec.sdidCmd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ch. 6 §"Handling I/O MPT Checker violations" with the modes of §"Control": two SDIDs whose Smmpt43 tables
 * (built by the golden table builder from regions) differ; expectations come from the regions.
 */
class DmaCheckTest {
    static final int DEV_A = 0x0100;
    static final int DEV_B = 0x0200;
    static final int SD_A = 1;
    static final int SD_B = 2;
    static final long MIB = 1L << 20;

    /** SDID 1: 2 MiB rw at 0x8000_0000, 64 KiB r at 0x8020_0000. */
    static final List<Region> REGIONS_A = List.of(Region.parse(0x8000_0000L, 2 * MIB, "rw"),
            Region.parse(0x8020_0000L, 0x1_0000, "r"));
    /** SDID 2: 4 KiB r at 0x8000_0000, 1 MiB rwx at 0x8030_0000. */
    static final List<Region> REGIONS_B = List.of(Region.parse(0x8000_0000L, 0x1000, "r"),
            Region.parse(0x8030_0000L, MIB, "rwx"));
    static final long IMAGE_A = 0x4000_0000L;
    static final long IMAGE_B = 0x4100_0000L;

    final PhysicalMemory mem = new PhysicalMemory();
    final BuiltTables tablesA = TableBuilder.build(REGIONS_A, MttMode.SMMPT43, IMAGE_A);
    final BuiltTables tablesB = TableBuilder.build(REGIONS_B, MttMode.SMMPT43, IMAGE_B,
            BuildOptions.DEFAULT.withBigEndian(true));

    DmaCheckTest() {
        mem.load(tablesA.base(), tablesA.image());
        mem.load(tablesB.base(), tablesB.image());
    }

    /** A checker with DEV_A → SD_A (rule 0, IOMMU 1) and DEV_B → SD_B (rule 1, IOMMU 2), both configured, On. */
    IoMptChecker programmed(MpteReader reader, ImplicitReadCheck pmp) {
        IoMptChecker c = new IoMptChecker(IoMptParams.DEFAULT, reader, pmp);
        assertEquals(CODE_SUCCESS, Spec.op(c, sdclCmd(SET_SDCL_ENTRY, 0), sdcl(IDT_DEVID, UNARY, TEE_ANY, DEV_A, 1, SD_A)));
        assertEquals(CODE_SUCCESS, Spec.op(c, sdclCmd(SET_SDCL_ENTRY, 1), sdcl(IDT_DEVID, UNARY, TEE_ANY, DEV_B, 2, SD_B)));
        assertEquals(CODE_SUCCESS, Spec.op(c, sdidCmd(SET_SDCFG_ENTRY, SD_A), sdcfg(Spec.MODE_43, 0, 0, tablesA.rootPpn())));
        assertEquals(CODE_SUCCESS, Spec.op(c, sdidCmd(SET_SDCFG_ENTRY, SD_B), sdcfg(Spec.MODE_43, 1, 0, tablesB.rootPpn())));
        assertEquals(Spec.ON, Spec.control(c, Spec.ON));
        return c;
    }

    IoMptChecker programmed() {
        return programmed(mem, ImplicitReadCheck.ALLOW_ALL);
    }

    static DmaTransaction rd(int dev, long pa) {
        return DmaTransaction.read(dev, pa, 8);
    }

    static DmaTransaction wr(int dev, long pa) {
        return DmaTransaction.write(dev, pa, 8);
    }

    // ---- modes ---------------------------------------------------------------------------------------

    @Test
    void off_abortsEverything() {
        IoMptChecker c = programmed();
        Spec.control(c, Spec.OFF);
        for (DmaTransaction tx : List.of(rd(DEV_A, 0x8000_0000L), wr(DEV_B, 0x8030_0000L), rd(0x999, 0))) {
            DmaVerdict v = c.check(tx);
            assertEquals(AbortReason.CHECKER_OFF, v.reason());
            assertNull(v.classification(), "nothing is classified in Off");
        }
        // a fresh checker is Off after reset
        assertEquals(AbortReason.CHECKER_OFF, Spec.checker(IoMptParams.DEFAULT).check(rd(DEV_A, 0)).reason());
    }

    @Test
    void bare_allowsNonTee_abortsTee_noClassification() {
        IoMptChecker c = programmed();
        Spec.control(c, Spec.BARE);
        DmaVerdict v = c.check(wr(0x999, 0x1234_5678L)); // unclassified device, memory denied by every MPT
        assertTrue(v.allowed(), "Bare: no memory protection");
        assertNull(v.classification());
        assertNull(v.lookup());
        assertEquals(AbortReason.BARE_TEE, c.check(wr(DEV_A, 0x8000_0000L).withTee(true)).reason());
        assertEquals(1, AbortReason.BARE_TEE.bullet());
    }

    @Test
    void on_unclassified_aborts() {
        DmaVerdict v = programmed().check(rd(0x0300, 0x8000_0000L));
        assertEquals(AbortReason.UNCLASSIFIED, v.reason());
        assertEquals(2, v.reason().bullet());
    }

    // ---- per-SDID MPT ---------------------------------------------------------------------------------

    @Test
    void on_eachDeviceGetsItsOwnSdidsPermissions() {
        IoMptChecker c = programmed();
        // 0x8000_1000: SD_A rw, SD_B nothing
        assertTrue(c.check(rd(DEV_A, 0x8000_1000L)).allowed());
        assertTrue(c.check(wr(DEV_A, 0x8000_1000L)).allowed());
        assertEquals(AbortReason.MPT_DISALLOWED, c.check(rd(DEV_B, 0x8000_1000L)).reason());
        // 0x8000_0000: SD_A rw, SD_B r
        assertTrue(c.check(rd(DEV_B, 0x8000_0000L)).allowed());
        DmaVerdict denied = c.check(wr(DEV_B, 0x8000_0000L));
        assertEquals(AbortReason.MPT_DISALLOWED, denied.reason());
        assertEquals(Cause.PERM_DENY, denied.lookup().cause());
        assertEquals(Access.R, denied.lookup().xwr(), "SD_B's own permission is reported");
        // 0x8030_0000: SD_B rwx (its table is big-endian, MBE=1), SD_A nothing
        DmaVerdict exec = c.check(rd(DEV_B, 0x8030_0040L).withNeed(Access.R | Access.W | Access.X));
        assertTrue(exec.allowed(), "ATS-style R+W+X request");
        assertEquals(Access.R | Access.W | Access.X, exec.lookup().xwr());
        assertEquals(AbortReason.MPT_DISALLOWED, c.check(rd(DEV_A, 0x8030_0000L)).reason());
        // 0x8020_0000: SD_A r only
        assertTrue(c.check(rd(DEV_A, 0x8020_0000L)).allowed());
        assertEquals(AbortReason.MPT_DISALLOWED, c.check(wr(DEV_A, 0x8020_0000L)).reason());
        assertEquals(AbortReason.MPT_DISALLOWED, c.check(rd(DEV_A, 0x8020_0000L).withNeed(Access.X)).reason());
    }

    @Test
    void verdict_carriesClassificationConfigAndLookup() {
        DmaVerdict v = programmed().check(rd(DEV_A, 0x8000_2000L).withId(77));
        assertEquals(new Classification(0, SD_A, 1), v.classification());
        assertEquals(MttMode.SMMPT43, v.mptMode());
        assertEquals(tablesA.rootPpn(), v.sdConfig().ppn());
        assertEquals(77, v.tx().id());
        assertTrue(v.lookup().readCount() >= 1);
        assertEquals(IMAGE_A, v.lookup().readAddr(0) & ~0xFFFL, "the first MPTE read is in SD_A's root page");
    }

    @Test
    void mbe_selectsTheEndiannessOfTheMptReads() {
        IoMptChecker c = programmed();
        // SD_B's table is big-endian; configure it as little-endian: the root MPTE bytes are read reversed,
        // so its V bit (bit 0, now the byte at bit 56) reads 0 → disallowed.
        assertEquals(CODE_SUCCESS, Spec.op(c, sdidCmd(SET_SDCFG_ENTRY, SD_B), sdcfg(Spec.MODE_43, 0, 0, tablesB.rootPpn())));
        DmaVerdict v = c.check(rd(DEV_B, 0x8030_0000L));
        assertEquals(AbortReason.MPT_DISALLOWED, v.reason());
        assertEquals(Cause.MPTE_INVALID, v.lookup().cause());
    }

    @Test
    void accessRange_everyGranuleMustBeAllowed_firstFailingGranuleDecides() {
        IoMptChecker c = programmed();
        // SD_A: rw up to 0x801F_FFFF, r in 0x8020_0000..0x8020_FFFF, nothing from 0x8021_0000.
        assertTrue(c.check(DmaTransaction.read(DEV_A, 0x801F_F000L, 0x2000)).allowed());
        DmaVerdict w = c.check(DmaTransaction.write(DEV_A, 0x801F_FFF8L, 16));
        assertEquals(AbortReason.MPT_DISALLOWED, w.reason(), "the last 8 bytes lie in the read-only region");
        assertEquals(0x8020_0000L, w.decidingPa());
        assertTrue(c.check(DmaTransaction.write(DEV_A, 0x801F_FFF8L, 8)).allowed(), "ends exactly at the boundary");
        DmaVerdict r = c.check(DmaTransaction.read(DEV_A, 0x8020_F000L, 0x1001));
        assertEquals(AbortReason.MPT_DISALLOWED, r.reason());
        assertEquals(0x8021_0000L, r.decidingPa());
        assertEquals(Cause.MPTE_INVALID, r.lookup().cause(), "no region: the builder leaves V=0");
        // a whole 2 MiB ATS-size range in one uniform leaf needs few lookups, not 512
        DmaVerdict big = c.check(DmaTransaction.read(DEV_A, 0x8000_0000L, 2 * MIB));
        assertTrue(big.allowed());
        assertTrue(big.lookups() <= 4, "lookups " + big.lookups());
        assertEquals(0x8000_0000L, big.decidingPa());
    }

    // ---- SDID configuration ----------------------------------------------------------------------------

    @Test
    void sdidBare_allowsEverything_teeIncluded() {
        IoMptChecker c = programmed();
        assertEquals(CODE_SUCCESS, Spec.op(c, sdidCmd(SET_SDCFG_ENTRY, SD_B), sdcfg(Spec.MODE_BARE, 0, 0, 0)));
        DmaVerdict v = c.check(wr(DEV_B, 0x1234_0000L).withTee(true));
        assertTrue(v.allowed());
        assertEquals(MttMode.BARE, v.mptMode());
        assertNull(v.lookup());
        assertEquals(SD_B, v.classification().sdid());
    }

    @Test
    void sdidNeverConfigured_abortsAsUnspecified() {
        IoMptChecker c = programmed();
        assertEquals(CODE_SUCCESS, Spec.op(c, sdclCmd(SET_SDCL_ENTRY, 2), sdcl(IDT_DEVID, UNARY, TEE_ANY, 0x300, 0, 9)));
        DmaVerdict v = c.check(rd(0x300, 0x8000_0000L));
        assertEquals(AbortReason.SDID_NOT_CONFIGURED, v.reason());
        assertFalse(v.reason().specified());
        assertEquals(9, v.classification().sdid());
    }

    // ---- faults of the MPT reads ---------------------------------------------------------------------------

    @Test
    void pmpDeniedMptRead_abortsAsBullet4_onlyForTheSdidWhoseTableItGuards() {
        long lo = tablesB.base();
        long hi = tablesB.end();
        ImplicitReadCheck pmp = (addr, size) -> Long.compareUnsigned(addr, lo) < 0 || Long.compareUnsigned(addr, hi) >= 0;
        IoMptChecker c = programmed(mem, pmp);
        DmaVerdict v = c.check(rd(DEV_B, 0x8000_0000L));
        assertEquals(AbortReason.MPT_ACCESS_PMP_PMA, v.reason());
        assertEquals(4, v.reason().bullet());
        assertEquals(Cause.WALK_PMP, v.lookup().cause());
        assertTrue(c.check(rd(DEV_A, 0x8000_0000L)).allowed());
    }

    @Test
    void poisonedOrBusErrorMptRead_abortsAsBullet5() {
        long poisonedPage = tablesA.rootAddress();
        MpteReader poisoned = new MpteReader() {
            @Override
            public boolean canRead(long addr, int size) {
                return (addr & ~0xFFFL) != poisonedPage && mem.canRead(addr, size);
            }

            @Override
            public long read(long addr, int size, boolean bigEndian) {
                return mem.read(addr, size, bigEndian);
            }
        };
        IoMptChecker c = programmed(poisoned, ImplicitReadCheck.ALLOW_ALL);
        DmaVerdict v = c.check(rd(DEV_A, 0x8000_0000L));
        assertEquals(AbortReason.MPT_DATA_CORRUPTED, v.reason());
        assertEquals(5, v.reason().bullet());
        assertTrue(v.lookup().readFailed(0));
        assertTrue(c.check(rd(DEV_B, 0x8000_0000L)).allowed());
        // a root in unmapped memory: a bus error on the first read
        IoMptChecker unmapped = programmed();
        assertEquals(CODE_SUCCESS, Spec.op(unmapped, sdidCmd(SET_SDCFG_ENTRY, SD_A), sdcfg(Spec.MODE_43, 0, 0, 0x7_0000)));
        assertEquals(AbortReason.MPT_DATA_CORRUPTED, unmapped.check(rd(DEV_A, 0x8000_0000L)).reason());
    }

    // ---- IOMMU -----------------------------------------------------------------------------------------

    @Test
    void iommuOriginatedAborts_areReportedToTheIommu() {
        IoMptChecker c = programmed();
        DmaVerdict v = c.check(wr(DEV_B, 0x8000_0000L).withFromIommu(true));
        assertFalse(v.allowed());
        assertTrue(v.reportToIommu());
        assertFalse(v.classification().hasIommu());
        assertFalse(c.check(wr(DEV_B, 0x8000_0000L)).reportToIommu(), "device DMA aborts go to the device");
        assertEquals(2, c.check(rd(DEV_B, 0x8000_0000L)).classification().iommuId());
    }

    // ---- RV32 ------------------------------------------------------------------------------------------

    @Test
    void rv32_smmpt34Sdid() {
        List<Region> regions = List.of(Region.parse(0x2_0000_0000L, 0x8000, "rx"));
        BuiltTables t = TableBuilder.build(regions, MttMode.SMMPT34, 0x1000_0000L);
        PhysicalMemory m = new PhysicalMemory();
        m.load(t.base(), t.image());
        IoMptChecker c = new IoMptChecker(IoMptParams.DEFAULT.withMptModes(Set.of(MttMode.SMMPT34)), m,
                ImplicitReadCheck.ALLOW_ALL);
        assertEquals(CODE_SUCCESS, Spec.op(c, sdclCmd(SET_SDCL_ENTRY, 0), sdcl(IDT_DEVID, UNARY, TEE_ANY, 7, 0, 3)));
        assertEquals(CODE_SUCCESS, Spec.op(c, sdidCmd(SET_SDCFG_ENTRY, 3), sdcfg(Spec.MODE_34, 0, 1, t.rootPpn())));
        Spec.control(c, Spec.ON);
        assertTrue(c.check(rd(7, 0x2_0000_7FF0L)).allowed());
        assertEquals(AbortReason.MPT_DISALLOWED, c.check(wr(7, 0x2_0000_0000L)).reason());
        DmaVerdict beyond = c.check(rd(7, 0x4_0000_0000L));
        assertEquals(Cause.PA_RANGE, beyond.lookup().cause(), "Smmpt34 covers 34-bit addresses");
    }

    // ---- input checks ------------------------------------------------------------------------------------

    @Test
    void badTransactions_areRefusedWithWhatIsWrong() {
        IoMptChecker c = Spec.checker(IoMptParams.DEFAULT.withSrcIdWidth(16));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.check(rd(0x1_0000, 0)));
        assertTrue(e.getMessage().contains("16-bit"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DmaTransaction.read(1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> DmaTransaction.read(1, -8, 16));
        assertThrows(IllegalArgumentException.class, () -> rd(1, 0).withNeed(0));
        assertThrows(IllegalArgumentException.class, () -> rd(1, 0).withNeed(8));
        assertThrows(IllegalArgumentException.class, () -> rd(1 << 24, 0));
        assertThrows(IllegalArgumentException.class, () -> rd(1, 0).withIde(256, 0));
        assertTrue(DmaTransaction.read(1, -8, 8).size() == 8, "the last 8 bytes of the space do not wrap");
    }
}
