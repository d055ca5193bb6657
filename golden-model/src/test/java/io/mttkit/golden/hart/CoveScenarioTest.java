package io.mttkit.golden.hart;

import io.mttkit.golden.TableFormat;
import io.mttkit.golden.cove.CoveScenario;
import io.mttkit.golden.cove.OwnershipScoreboard;
import io.mttkit.golden.cove.OwnershipViolation;
import io.mttkit.golden.elf.ElfFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CoVE flows of programs/cove.c on the golden harts with the ownership scoreboard: the program's own self-tests
 * pass, the scoreboard's figures agree with what the program says it moved, and each seeded firmware fault is
 * caught and named.
 */
class CoveScenarioTest {
    @BeforeAll
    static void tools() {
        Programs.requireToolchain();
    }

    static CoveScenario.Outcome run(int xlen, int harts, long seed, CoveScenario.Fault fault) {
        ElfFile elf = ElfFile.read(Programs.elf(CoveScenario.PROGRAM, xlen));
        return CoveScenario.run(elf, HartConfig.defaults(xlen, TableFormat.SMMPT_V0_9),
                new CoveScenario.Options(harts, seed, HartScheduler.DEFAULT_MAX_QUANTUM, fault));
    }

    @ParameterizedTest(name = "RV{0}, {1} harts, seed {2}")
    @CsvSource({"64, 2, 1", "64, 4, 1", "64, 4, 9", "32, 2, 1"})
    void everyFlowKeepsTheInvariantsAndTheGuestsSelfTestsPass(int xlen, int harts, long seed) {
        CoveScenario.Outcome o = run(xlen, harts, seed, CoveScenario.Fault.NONE);
        assertNull(o.violation(), () -> o.violation().report());
        assertTrue(o.passed(), o.run().message() + "\n" + o.run().console());
        List<OwnershipScoreboard.FlowStats> flows = o.scoreboard().flows();
        assertEquals(CoveScenario.FLOW_NAMES.size() + 1, flows.size(), "boot + every flow");
        for (int f = 0; f < CoveScenario.FLOW_NAMES.size(); f++) {
            // the program's own line: what it asked to move, how many probes, how many wrong outcomes
            Matcher m = Pattern.compile("flow " + f + " " + CoveScenario.FLOW_NAMES.get(f)
                    + " moved=(\\d+) probes=(\\d+) errors=(\\d+)").matcher(o.run().console());
            assertTrue(m.find(), o.run().console());
            assertEquals("0", m.group(3), o.run().console());
            assertEquals(harts * 32, Integer.parseInt(m.group(2)), "16 pages, a load and a store each, per hart");
            OwnershipScoreboard.FlowStats s = flows.get(f + 1);
            assertEquals(f, s.flow());
            // the scoreboard counts the pages the ownership log moved, independently of the program's count
            assertEquals(Integer.parseInt(m.group(1)), s.pagesMoved(), "flow " + f);
            for (int h = 0; h < harts; h++) {
                assertTrue(s.checks()[h] >= 32, "hart " + h + " probed the pool in flow " + f);
            }
            assertTrue(s.invariantChecks() >= harts * 32L, "flow " + f + ": " + s.invariantChecks());
            for (int d = 0; d < CoveScenario.DEVICES.size(); d++) {
                assertTrue(s.dmaChecks()[d] > 0, "device " + d + " made DMA checks in flow " + f);
            }
            // the I/O side of every fence protocol of the flow: MPTINVAL per page moved (every address for the
            // destroy), one IOFENCE per protocol
            assertEquals(IO_FENCES[f], s.ioInvals() + "/" + s.ioFences(), "MPTINVAL/IOFENCE in flow " + f);
        }
        assertEquals(16, flows.get(0).pagesMoved(), "boot: the pool given to the host");
        // the devices saw both answers: the host's device before and after the conversion, the TVM's after assignment
        for (int d = 0; d < CoveScenario.DEVICES.size(); d++) {
            long checks = 0;
            long allows = 0;
            for (OwnershipScoreboard.FlowStats s : flows) {
                checks += s.dmaChecks()[d];
                allows += s.dmaAllows()[d];
            }
            assertTrue(allows > 0 && allows < checks, "device " + d + ": " + allows + " of " + checks + " allowed");
        }
        assertEquals(flows.stream().mapToLong(s -> s.dmaChecks()[0] + s.dmaChecks()[1]).sum(),
                o.scoreboard().totalDmaChecks());
    }

    /** Per flow: MPTINVALs / IOFENCEs the monitor's protocols issue (programs/cove.c). */
    static final String[] IO_FENCES = {"0/0", "24/2", "4/2", "4/2", "9/2"};

    @Test
    void theSameSeedGivesTheSameRunAndFigures() {
        CoveScenario.Outcome a = run(64, 2, 5, CoveScenario.Fault.NONE);
        CoveScenario.Outcome b = run(64, 2, 5, CoveScenario.Fault.NONE);
        assertEquals(a.run().traceDigest(), b.run().traceDigest());
        assertEquals(a.scoreboard().totalInvariantChecks(), b.scoreboard().totalInvariantChecks());
        assertEquals(a.scoreboard().totalDmaChecks(), b.scoreboard().totalDmaChecks());
        for (int f = 0; f < a.scoreboard().flows().size(); f++) {
            assertEquals(java.util.Arrays.toString(a.scoreboard().flows().get(f).dmaAllows()),
                    java.util.Arrays.toString(b.scoreboard().flows().get(f).dmaAllows()), "flow " + f);
        }
    }

    @Test
    void theIoSideOfAProtocolOmittedIsCaughtAsIofenceOmitted() {
        CoveScenario.Outcome o = run(64, 2, 1, CoveScenario.Fault.IOFENCE_OMITTED);
        OwnershipViolation v = o.violation();
        assertNotNull(v, "the monitor skipped MPTINVAL + IOFENCE in flow 1's first protocol");
        assertEquals(OwnershipViolation.Kind.IOFENCE_OMITTED, v.kind(), v.report());
        assertEquals(0, v.hart(), "the host's hart ran the protocol: " + v.report());
        assertEquals(0x8080_0000L, v.pa(), "the first page converted: " + v.report());
        assertTrue(v.report().contains("no MPTINVAL covering the page"), v.report());
        assertEquals(1, o.scoreboard().flows().get(o.scoreboard().flows().size() - 1).flow(), "caught in flow 1");
    }

    @ParameterizedTest(name = "{0} harts")
    @CsvSource({"2", "4"})
    void aFenceOmittedOnOneHartIsCaughtWhenTheProtocolCompletes(int harts) {
        CoveScenario.Outcome o = run(64, harts, 1, CoveScenario.Fault.FENCE_OMITTED);
        OwnershipViolation v = o.violation();
        assertNotNull(v, "the last hart acknowledged without fencing: the scoreboard must stop the run");
        assertEquals(OwnershipViolation.Kind.FENCE_OMITTED, v.kind(), v.report());
        assertEquals(harts - 1, v.hart(), v.report());
        assertEquals(0x8080_0000L, v.pa(), "the first page converted: " + v.report());
        assertTrue(v.report().contains("a fence omitted on hart " + (harts - 1)), v.report());
        assertTrue(v.report().contains("history of page 0x80800000"), v.report());
        assertTrue(v.report().contains("host (sdid 1): rw -> -"), v.report());
    }

    @Test
    void aReclaimBeforeTheDestroysFenceCompletesIsTwoWriters() {
        CoveScenario.Outcome o = run(64, 2, 1, CoveScenario.Fault.RECLAIM_BEFORE_FENCE);
        OwnershipViolation v = o.violation();
        assertNotNull(v, "the host got the TVM's pages back before the revocation was fenced");
        assertEquals(OwnershipViolation.Kind.TWO_WRITERS, v.kind(), v.report());
        assertEquals(0, v.hart(), "the host's reclaim: " + v.report());
        assertEquals(1, v.sdid(), v.report());
        assertTrue(v.report().contains("ownership moved before the fence protocol completed"), v.report());
        assertTrue(v.report().contains("TVM (sdid 2): rw -> -"), v.report());
    }
}
