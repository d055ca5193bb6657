package io.mttkit.bridge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checker port contract v1 (docs/bridge.md; CHECKER-MICROARCH §3): the port names the fast-path driver
 * binds to. Widths are free (they follow XLEN, paw, sdidLen) as long as each fits 64 bits.
 */
public final class PortContract {
    /** Contract version; part of {@code docs/bridge.md}. */
    public static final int VERSION = 1;

    /** Every port the driver touches, with the direction the RTL must give it. */
    public static final Map<String, PortInfo.Direction> PORTS = ports();

    private PortContract() {
    }

    private static Map<String, PortInfo.Direction> ports() {
        Map<String, PortInfo.Direction> m = new java.util.LinkedHashMap<>();
        PortInfo.Direction in = PortInfo.Direction.INPUT;
        PortInfo.Direction out = PortInfo.Direction.OUTPUT;
        for (String s : List.of("clk", "rst", "req_valid", "req_id", "req_pa", "req_need", "req_sdid", "req_mode",
                "req_root_ppn", "req_be", "req_bypass", "mrd_ready", "mrs_valid", "mrs_data", "mrs_err", "mrs_tag",
                "pmp_ok", "inv_valid", "inv_has_pa", "inv_pa", "inv_has_sdid", "inv_sdid", "sync_req", "rsp_ready")) {
            m.put(s, in);
        }
        for (String s : List.of("req_ready", "mrd_valid", "mrd_addr", "mrd_size", "mrd_tag", "pmp_valid", "pmp_addr",
                "pmp_size", "inv_ready", "sync_ack", "rsp_valid", "rsp_id", "rsp_allow", "rsp_fault", "rsp_cause",
                "rsp_xwr", "rsp_level", "rsp_leaf_log2", "rsp_uniform_log2", "rsp_cacheable", "rsp_stale",
                "obs_valid", "obs_kind", "obs_array", "obs_set", "obs_way", "obs_walker_state")) {
            m.put(s, out);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Problems that keep {@code ports} from implementing the contract; empty when it does. */
    public static List<String> violations(List<PortInfo> ports) {
        Map<String, PortInfo> byName = new HashMap<>();
        for (PortInfo p : ports) {
            byName.put(p.name(), p);
        }
        List<String> problems = new ArrayList<>();
        PORTS.forEach((name, dir) -> {
            PortInfo p = byName.get(name);
            if (p == null) {
                problems.add("missing port " + name + " (" + dir.name().toLowerCase() + ")");
            } else if (p.direction() != dir) {
                problems.add("port " + name + " is " + p.direction().name().toLowerCase() + ", contract says "
                        + dir.name().toLowerCase());
            } else if (p.width() > 64) {
                problems.add("port " + name + " is " + p.width() + " bits wide; the fast path supports up to 64");
            }
        });
        return problems;
    }
}
