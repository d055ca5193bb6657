package io.mttkit.golden.hart;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Page donation as a CoVE host donates memory to a confidential VM: the firmware rewrites the entries of
 * both domains' tables, then issues SFENCE.W.INVAL, one MINVAL.PA per donated page and SFENCE.INVAL.IR
 * (v0.9 ch. 3); the host then faults on the pages and the CVM can use them. Reclaim reverses it with
 * MFENCE.PA per page.
 */
class PageDonationProgramTest {
    static final long DONATED = 0xB000_0000L; // 4 pages
    static final long HOST_KEEP = 0xB000_4000L;
    static final long CVM_OWN = 0xB000_8000L;
    static final int HOST = 1;
    static final int CVM = 2;

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = "BARE", mode = EnumSource.Mode.EXCLUDE)
    void donatedPagesMoveFromHostToCvmAndBack(MttMode mode) {
        DomainsProgram p = new DomainsProgram(mode);
        p.memory.add(new PageMemory.Range(0xB000_0000L, 1L << 20, "domain memory"));
        BuiltTables[] host = p.tablesBeforeAfter(
                List.of(new Region(DONATED, 0x4000, 3), new Region(HOST_KEEP, 0x4000, 3)),
                List.of(new Region(DONATED, 0x4000, 0), new Region(HOST_KEEP, 0x4000, 3)));
        BuiltTables[] cvm = p.tablesBeforeAfter(
                List.of(new Region(DONATED, 0x4000, 0), new Region(CVM_OWN, 0x4000, 3)),
                List.of(new Region(DONATED, 0x4000, 3), new Region(CVM_OWN, 0x4000, 3)));
        long[] probes = {DONATED, DONATED + 0x3000, HOST_KEEP, CVM_OWN};
        for (long pa : probes) {
            p.probes.add(pa);
            p.preload32.put(pa, 0x00008067L);
        }
        int[] none = {0, 0};
        // 0: the host runs with its memory
        p.phase(p.csr(host[0], HOST), 0, none, DomainsProgram.FENCE_ALL, 0, 0, 0);
        // 1: donation: update both domains' tables, SFENCE.W.INVAL, MINVAL.PA per page, SFENCE.INVAL.IR
        int[] donateHost = p.patch(host[0], host[1]);
        int[] donateCvm = p.patch(cvm[0], cvm[1]);
        int[] donate = {donateHost[0], donateHost[1] + donateCvm[1]};
        int f = p.fenceAddrs(DONATED, DONATED + 0x1000, DONATED + 0x2000, DONATED + 0x3000);
        p.phase(p.csr(host[0], HOST), 0, donate, DomainsProgram.FENCE_BATCH, DomainsProgram.ALL_SDIDS, f, 4);
        // 2: switch to the CVM (different SDID: no fence needed)
        p.phase(p.csr(cvm[0], CVM), 0, none, DomainsProgram.FENCE_NONE, 0, 0, 0);
        // 3: reclaim, fenced per page for the CVM's SDID, then back to the host with a fence for its SDID
        int[] reclaimCvm = p.patch(cvm[1], cvm[0]);
        int[] reclaimHost = p.patch(host[1], host[0]);
        int[] reclaim = {reclaimCvm[0], reclaimCvm[1] + reclaimHost[1]};
        p.phase(p.csr(cvm[0], CVM), 0, reclaim, DomainsProgram.FENCE_PER_ADDR, CVM, f, 4);
        p.phase(p.csr(host[0], HOST), DomainsProgram.FENCE_SDID, HOST);
        assertTrue(donateHost[1] > 0 && donateCvm[1] > 0, "the donation must change both domains' tables");

        List<String> fences = new ArrayList<>();
        RunResult r = p.run(new HartListener() {
            @Override
            public void fence(Fence fc, boolean rs1Zero, long rs1, boolean rs2Zero, long rs2) {
                if (fc != Fence.SFENCE_VMA) {
                    fences.add(fc + (rs1Zero ? " x0" : " 0x" + Long.toHexString(rs1)) + (rs2Zero ? " x0" : " " + rs2));
                }
            }
        }, null);
        assertEquals(StopReason.EXIT, r.reason(), r.message() + "\n" + r.console());
        assertEquals(0, r.exitCode(), r.console());

        int[] hostView = {3, 3, 3, 0};
        int[] hostAfter = {0, 0, 3, 0};
        int[] cvmAfter = {3, 3, 0, 3};
        int[] cvmBefore = {0, 0, 0, 3};
        int[][] expect = {hostView, hostAfter, cvmAfter, cvmBefore, hostView};
        Map<String, List<Integer>> got = DomainsProgram.results(r.console());
        for (int ph = 0; ph < expect.length; ph++) {
            for (int i = 0; i < probes.length; i++) {
                assertEquals(DomainsProgram.expectFor(expect[ph][i]), got.get(ph + "/" + i),
                        mode.id() + " phase " + ph + " probe " + i + "\n" + r.console());
            }
        }
        assertEquals(List.of("MFENCE_PA x0 x0", "SFENCE_W_INVAL x0 x0", "MINVAL_PA 0xb0000000 x0",
                "MINVAL_PA 0xb0001000 x0", "MINVAL_PA 0xb0002000 x0", "MINVAL_PA 0xb0003000 x0", "SFENCE_INVAL_IR x0 x0",
                "MFENCE_PA 0xb0000000 2", "MFENCE_PA 0xb0001000 2", "MFENCE_PA 0xb0002000 2", "MFENCE_PA 0xb0003000 2",
                "MFENCE_PA x0 1"), fences);
    }
}
