package io.mttkit.golden.hart;

import io.mttkit.golden.TableFormat;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Hart#attachDevice}: a memory-mapped device beside the CLINT gets the hart's loads and stores in its window
 * (RAM never sees them); a misaligned access or a fetch there is an access fault, as for the CLINT.
 */
class BusDeviceTest {
    static final long DEV = 0x0300_0000L;
    static final long HANDLER = TestHarts.RAM + 0x1000;

    /** A device that records its stores and answers loads with the address's low bits. */
    static final class Recorder implements BusDevice {
        final List<String> log = new ArrayList<>();

        @Override
        public boolean contains(long pa) {
            return pa >= DEV && pa < DEV + 0x1000;
        }

        @Override
        public long read(long pa, int size) {
            log.add(String.format("r %x %d", pa - DEV, size));
            return 0x1200 + (pa - DEV);
        }

        @Override
        public void write(long pa, int size, long value) {
            log.add(String.format("w %x %d %x", pa - DEV, size, value));
        }
    }

    static Hart hart(Recorder d) {
        // misaligned accesses performed in parts: only MMIO refuses them
        Hart h = TestHarts.hart(HartConfig.defaults(64, TableFormat.SMMPT_V0_9).withMisalignedAccess(true));
        h.mtvec = HANDLER;
        TestHarts.openPmp(h);
        h.attachDevice(d);
        h.setReg(5, DEV);
        h.setReg(6, 0xABCD);
        return h;
    }

    @Test
    void loadsAndStoresInTheWindowGoToTheDevice() {
        Recorder d = new Recorder();
        Hart h = hart(d);
        TestHarts.exec(h, MisalignedAccessTest.sw(6, 5, 12)); // sw t1, 12(t0)
        TestHarts.exec(h, MisalignedAccessTest.lw(7, 5, 4));  // lw t2, 4(t0)
        assertEquals(List.of("w c 4 abcd", "r 4 4"), d.log);
        assertEquals(0x1204, h.reg(7));
        assertTrue(!h.memory().canAccess(DEV, 4), "no RAM behind the window: the store went to the device only");
    }

    @Test
    void aMisalignedAccessOrAFetchThereIsAnAccessFault() {
        Recorder d = new Recorder();
        Hart h = hart(d);
        TestHarts.exec(h, MisalignedAccessTest.lw(7, 5, 2));
        assertTrue(h.pc() == HANDLER, "trapped");
        assertEquals(TrapCause.LOAD_ACCESS_FAULT, h.csr(0x342), "misaligned MMIO access");
        h.setPc(DEV);
        h.step();
        assertEquals(TrapCause.INSN_ACCESS_FAULT, h.csr(0x342), "no fetch from MMIO");
        assertTrue(d.log.isEmpty(), d.log.toString());
    }
}
