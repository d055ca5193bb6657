package io.mttkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which ports count as contract v2 extension observation ports, and the per-design event bound (no
 *  Verilator needed). */
class ObservationPortsTest {
    private static final PortInfo.Direction IN = PortInfo.Direction.INPUT;
    private static final PortInfo.Direction OUT = PortInfo.Direction.OUTPUT;

    /** Every contract port, 1 bit wide, in contract order. */
    private static List<PortInfo> contractPorts() {
        List<PortInfo> ps = new ArrayList<>();
        PortContract.PORTS.forEach((name, dir) -> ps.add(new PortInfo(name, 1, dir)));
        return ps;
    }

    @Test
    void onlyOutputsNamedObsOutsideTheV1PulseAreExtensions() {
        List<PortInfo> ps = contractPorts();
        int base = ps.size();
        ps.add(new PortInfo("obs_fill_leaf", 1, OUT));
        ps.add(new PortInfo("obs_in", 4, IN));                      // an input is never observed
        ps.add(new PortInfo("obs_io", 4, PortInfo.Direction.INOUT));
        ps.add(new PortInfo("observe", 8, OUT));                    // prefix is "obs_", underscore included
        ps.add(new PortInfo("dbg_obs_x", 8, OUT));
        ps.add(new PortInfo("obs_inv_leaf", 4096, OUT));
        List<PortContract.ObservationPort> ext = PortContract.observationExtensions(ps);
        assertEquals(List.of(new PortContract.ObservationPort(base, "obs_fill_leaf", 1),
                new PortContract.ObservationPort(base + 5, "obs_inv_leaf", 4096)), ext);
        assertEquals(List.of(), PortContract.observationExtensions(contractPorts()), "the v1 pulse is not an extension");
    }

    @Test
    void theBoundAddsOneEventPerWord() {
        List<PortContract.ObservationPort> ext = List.of(new PortContract.ObservationPort(3, "obs_a", 1),
                new PortContract.ObservationPort(4, "obs_b", 64), new PortContract.ObservationPort(5, "obs_c", 65),
                new PortContract.ObservationPort(6, "obs_d", 4096));
        assertEquals(16 + 1 + 1 + 2 + 64, PortContract.maxEventsPerCycle(ext));
        assertEquals(Records.MAX_EVENTS_PER_CYCLE, PortContract.maxEventsPerCycle(List.of()));
    }

    @Test
    void anExtensionPortIsLimitedByTheOneByteWordIndex() {
        List<PortInfo> ps = contractPorts();
        ps.add(new PortInfo("obs_ok", 256 * 64, OUT));
        assertEquals(List.of(), PortContract.violations(ps));
        ps.add(new PortInfo("obs_huge", 256 * 64 + 1, OUT));
        List<String> problems = PortContract.violations(ps);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("obs_huge") && problems.get(0).contains("16384"), problems.get(0));
    }

    @Test
    void aV1TopAndAGenericBuildCaptureNothing() {
        List<PortInfo> withObs = contractPorts();
        withObs.add(new PortInfo("obs_extra", 70, OUT));
        String v1 = ShimGenerator.header(contractPorts(), "h", "v", Variant.FAST, WaveFormat.FST, true);
        String generic = ShimGenerator.header(withObs, "h", "v", Variant.FAST, WaveFormat.FST, false);
        String v2 = ShimGenerator.header(withObs, "h", "v", Variant.FAST, WaveFormat.FST, true);
        for (String h : List.of(v1, generic)) {
            assertTrue(h.contains("#define MTTB_OBSX_PORT_COUNT 0\n") && h.contains("#define MTTB_MAX_EVENTS_PER_CYCLE 16\n"),
                    h);
        }
        assertTrue(v2.contains("#define MTTB_OBSX_PORT_COUNT 1\n") && v2.contains("#define MTTB_MAX_EVENTS_PER_CYCLE 18\n"),
                v2);
    }
}
