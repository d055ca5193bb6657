package io.mttkit.golden.csr;

import io.mttkit.golden.MttMode;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** WARL rules of mmpt (v0.9 ch. 3) and mttp (v0.1 ch. 3); VERIFICATION-PLAN §4 item 4 and SPEC-DECISIONS #4, #17, #19. */
class RootCsrTest {
    private static final Set<MttMode> ALL_SMMPT64 = EnumSet.of(MttMode.SMMPT43, MttMode.SMMPT52, MttMode.SMMPT64);

    private static long mmpt64(long mode, long sdid, long ppn) {
        return (mode << 60) | (sdid << 52) | ppn; // MODE[63:60] SDID[57:52] PPN[43:0]
    }

    @Test
    void mmpt64_fieldsAndNzrBitsReadZero() {
        MmptCsr c = new MmptCsr(64, 6, ALL_SMMPT64);
        c.write(-1L & ~(0xFL << 60) | (1L << 60)); // every bit set, MODE=1
        assertEquals(MttMode.SMMPT43, c.mode());
        assertEquals(0x3F, c.sdid());
        assertEquals((1L << 44) - 1, c.ppn());
        // NZR[51:44] and NZR[59:58] read as zero.
        assertEquals(mmpt64(1, 0x3F, (1L << 44) - 1), c.read());
        assertEquals(0x382, MmptCsr.CSR_NUMBER);
    }

    @Test
    void mmpt_sdidLenDiscoveryByWritingOnes() {
        for (int len = 0; len <= 6; len++) {
            MmptCsr c = new MmptCsr(64, len, ALL_SMMPT64);
            c.write(mmpt64(0, 0x3F, 0));
            assertEquals((1 << len) - 1, c.sdid(), "SDIDLEN " + len);
            assertEquals((long) ((1 << len) - 1) << 52, c.read());
            MmptCsr r = new MmptCsr(32, len, Set.of(MttMode.SMMPT34));
            r.write(0x3FL << 22); // SDID[27:22]
            assertEquals((1 << len) - 1, r.sdid());
        }
        assertThrows(IllegalArgumentException.class, () -> new MmptCsr(64, 7, ALL_SMMPT64));
        assertThrows(IllegalArgumentException.class, () -> new MmptCsr(64, -1, ALL_SMMPT64));
    }

    @Test
    void mmpt_unsupportedOrReservedModeLeavesModeButWritesOtherFields() {
        MmptCsr c = new MmptCsr(64, 4, EnumSet.of(MttMode.SMMPT43));
        c.write(mmpt64(1, 1, 0x100));
        assertEquals(MttMode.SMMPT43, c.mode());
        // Smmpt52 is valid but not supported; 4 reserved; 14 custom.
        for (long mode : new long[] {2, 3, 4, 13, 14, 15}) {
            c.write(mmpt64(mode, 2, 0x200 + mode));
            assertEquals(MttMode.SMMPT43, c.mode(), "MODE " + mode);
            assertEquals(2, c.sdid());
            assertEquals(0x200 + mode, c.ppn());
        }
        c.write(mmpt64(0, 0, 0));
        assertEquals(MttMode.BARE, c.mode());
    }

    @Test
    void item04_smmpt64RootPpnLowBitsReadZero() {
        MmptCsr c = new MmptCsr(64, 0, ALL_SMMPT64);
        c.write(mmpt64(3, 0, 0x12347));
        assertEquals(MttMode.SMMPT64, c.mode());
        assertEquals(0x12340, c.ppn(), "PPN[2:0] read as zero in Smmpt64");
        c.write(mmpt64(2, 0, 0x12347));
        assertEquals(0x12347, c.ppn(), "other modes keep PPN[2:0]");
    }

    @Test
    void mmpt32_layoutAndModeEncodings() {
        MmptCsr c = new MmptCsr(32, 6, Set.of(MttMode.SMMPT34));
        c.write(0xFFFF_FFFFL & ~(3L << 30) | (1L << 30));
        assertEquals(MttMode.SMMPT34, c.mode());
        assertEquals(0x3F_FFFF, c.ppn());
        assertEquals(0x3F, c.sdid());
        assertEquals(0x7FFF_FFFFL & ~(3L << 28), c.read(), "NZR[29:28] read as zero");
        c.write((2L << 30) | 5); // reserved
        assertEquals(MttMode.SMMPT34, c.mode());
        c.write((3L << 30) | 5); // custom
        assertEquals(MttMode.SMMPT34, c.mode());
        assertEquals(5, c.ppn());
    }

    @Test
    void supportedModesMustMatchFormatAndXlen() {
        assertThrows(IllegalArgumentException.class, () -> new MmptCsr(64, 0, Set.of(MttMode.SMMPT34)));
        assertThrows(IllegalArgumentException.class, () -> new MmptCsr(64, 0, Set.of(MttMode.SMMTT46)));
        assertThrows(IllegalArgumentException.class, () -> new MttpCsr(32, 0, Set.of(MttMode.SMMTT46)));
        assertThrows(IllegalArgumentException.class, () -> new MttpCsr(48, 0, Set.of()));
    }

    @Test
    void mttp64_layoutWpriZero_andPpnLowBitsInSmmtt46() {
        MttpCsr c = new MttpCsr(64, 6, EnumSet.of(MttMode.SMMTT46, MttMode.SMMTT56));
        c.write((1L << 60) | (0x3FL << 54) | (0x3FFL << 44) | 0xABCDF);
        assertEquals(MttMode.SMMTT46, c.mode());
        assertEquals(0x3F, c.sdid());
        assertEquals(0xABCDC, c.ppn(), "Smmtt46: PPN[1:0] read as zero");
        assertEquals((1L << 60) | (0x3FL << 54) | 0xABCDC, c.read(), "WPRI[53:44] reads zero");
        c.write((2L << 60) | 0xABCDF);
        assertEquals(MttMode.SMMTT56, c.mode());
        assertEquals(0xABCDF, c.ppn(), "Smmtt56 keeps PPN[1:0]");
        c.write((3L << 60) | (1L << 54) | 7); // reserved MODE
        assertEquals(MttMode.SMMTT56, c.mode());
        assertEquals(1, c.sdid());
        assertEquals(7, c.ppn());
    }

    @Test
    void mttp32_layout() {
        MttpCsr c = new MttpCsr(32, 3, Set.of(MttMode.SMMTT34));
        c.write(0xFFFF_FFFFL & ~(3L << 30) | (1L << 30));
        assertEquals(MttMode.SMMTT34, c.mode());
        assertEquals(7, c.sdid(), "SDID[29:24] with SDIDLEN 3");
        assertEquals(0x3F_FFFC, c.ppn(), "Smmtt34: PPN[1:0] read as zero");
        assertEquals((1L << 30) | (7L << 24) | 0x3F_FFFC, c.read(), "WPRI[23:22] reads zero");
        c.write((2L << 30)); // reserved
        assertEquals(MttMode.SMMTT34, c.mode());
    }

    @Test
    void bareKeepsWrittenFields_noFault() {
        MttpCsr c = new MttpCsr(64, 6, Set.of(MttMode.SMMTT46));
        c.write((5L << 54) | 0x1234);
        assertEquals(MttMode.BARE, c.mode());
        assertEquals(0x1234, c.ppn());
        assertEquals(5, c.sdid());
    }

    @Test
    void msdcfg_readOnlyZero() {
        Msdcfg m = new Msdcfg();
        m.write(-1L);
        assertEquals(0, m.read());
        assertEquals(0x74E, Msdcfg.CSR_NUMBER);
    }
}
