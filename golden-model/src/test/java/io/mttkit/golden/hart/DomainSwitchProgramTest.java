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

/**
 * Two supervisor domains with different SDIDs and tables; the firmware switches {@code mmpt} between them
 * without a fence (different SDIDs: none is required, v0.9 ch. 3), then re-uses SDID 1 for the other
 * domain's tables and back, each time with the MFENCE.PA for that SDID that SDID reuse requires.
 */
class DomainSwitchProgramTest {
    static final long PA_A = 0xB000_0000L;
    static final long PA_B = 0xB000_8000L;
    static final long PA_SHARED = 0xB001_0000L;

    @ParameterizedTest
    @EnumSource(value = MttMode.class, names = "BARE", mode = EnumSource.Mode.EXCLUDE)
    void eachDomainReachesOnlyItsOwnMemory(MttMode mode) {
        DomainsProgram p = new DomainsProgram(mode);
        p.memory.add(new PageMemory.Range(0xB000_0000L, 1L << 20, "domain memory"));
        BuiltTables a = p.tablesFor(List.of(new Region(PA_A, 0x4000, 3), new Region(PA_SHARED, 0x4000, 5)));
        BuiltTables b = p.tablesFor(List.of(new Region(PA_B, 0x4000, 3), new Region(PA_SHARED, 0x4000, 3)));
        for (long pa : new long[] {PA_A, PA_B, PA_SHARED}) {
            p.probes.add(pa);
            p.preload32.put(pa, 0x00008067L); // ret
        }
        p.phase(p.csr(a, 1), DomainsProgram.FENCE_ALL, 0);
        p.phase(p.csr(b, 2), DomainsProgram.FENCE_NONE, 0);
        p.phase(p.csr(b, 1), DomainsProgram.FENCE_SDID, 1); // SDID 1 re-used for B's tables
        p.phase(p.csr(a, 1), DomainsProgram.FENCE_SDID, 1); // and given back to A
        List<String> fences = new ArrayList<>();
        RunResult r = p.run(new HartListener() {
            @Override
            public void fence(Fence f, boolean rs1Zero, long rs1, boolean rs2Zero, long rs2) {
                fences.add(f + (rs1Zero ? " x0" : " 0x" + Long.toHexString(rs1)) + (rs2Zero ? " x0" : " " + rs2));
            }
        }, null);
        assertEquals(StopReason.EXIT, r.reason(), r.message() + "\n" + r.console());
        assertEquals(0, r.exitCode(), r.console());

        int[][] viewA = {{3}, {0}, {5}}; // shared memory: rx for A, rw for B (v0.1 can express both)
        int[][] viewB = {{0}, {3}, {3}};
        int[][][] expect = {viewA, viewB, viewB, viewA};
        Map<String, List<Integer>> got = DomainsProgram.results(r.console());
        for (int ph = 0; ph < 4; ph++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(DomainsProgram.expectFor(expect[ph][i][0]), got.get(ph + "/" + i),
                        mode.id() + " phase " + ph + " probe " + i + "\n" + r.console());
            }
        }
        // the fences the firmware issued, as a co-simulation would mirror them (SFENCE.VMA after each satp write)
        assertEquals(List.of("MFENCE_PA x0 x0", "SFENCE_VMA x0 x0", "SFENCE_VMA x0 x0", "MFENCE_PA x0 1",
                "SFENCE_VMA x0 x0", "MFENCE_PA x0 1", "SFENCE_VMA x0 x0"), fences);
    }
}
