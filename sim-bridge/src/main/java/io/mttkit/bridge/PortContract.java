package io.mttkit.bridge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checker port contract (docs/bridge.md; CHECKER-MICROARCH §3): the port names the fast-path driver
 * binds to. Widths are free (they follow XLEN, paw, sdidLen) as long as each fits 64 bits.
 *
 * <p>Version 2 keeps every port of version 1 and adds optional <em>extension observation ports</em>
 * ({@link #observationExtensions}): any output whose name starts with {@code obs_} and is not one of
 * version 1's six {@code obs_*} ports, of any width. A version-1 top is therefore a valid version-2 top
 * with no extension ports.
 */
public final class PortContract {
    /** Contract version; part of {@code docs/bridge.md}. Version 3 adds the I/O MPT checker ({@link #IO_PORTS}). */
    public static final int VERSION = 3;

    /** The port that tells an I/O MPT checker (contract v3) from a hart-side one: its DMA request. */
    public static final String IO_MARKER = "dma_valid";

    /** Name prefix of observation ports (version 1's pulse and version 2's extensions). */
    public static final String OBS_PREFIX = "obs_";

    /** The observation pulse of version 1: one event per cycle ({@code MTTB_EV_OBS}). */
    public static final List<String> V1_OBS_PORTS = List.of("obs_valid", "obs_kind", "obs_array", "obs_set", "obs_way",
            "obs_walker_state");

    /** Most 64-bit words of one extension port: the word index is the event's one-byte {@code b1}. */
    public static final int MAX_EXTENSION_WORDS = 256;

    /** Base of the per-cycle event bound: every event kind of version 1 fits in it with room to spare. */
    public static final int BASE_EVENTS_PER_CYCLE = 16;

    /** Every port the driver touches, with the direction the RTL must give it. */
    public static final Map<String, PortInfo.Direction> PORTS = ports();

    /**
     * Every port the I/O fast-path driver touches (contract v3, {@code docs/port-contract.md}): the register port,
     * the DMA request and verdict, {@code busy} (status.BUSY, sampled at every register handshake) and v1's memory
     * and PMP ports. Optional, bound when present: {@code rsp_iommu_valid}/{@code rsp_iommu_id} (a checker with
     * IOMMUs) and v1's observation pulse {@code obs_*} (a cache).
     */
    public static final Map<String, PortInfo.Direction> IO_PORTS = ioPorts();

    /** Optional I/O ports that must come together. */
    public static final List<List<String>> IO_OPTIONAL_GROUPS = List.of(List.of("rsp_iommu_valid", "rsp_iommu_id"),
            V1_OBS_PORTS);

    private PortContract() {
    }

    private static Map<String, PortInfo.Direction> ioPorts() {
        Map<String, PortInfo.Direction> m = new java.util.LinkedHashMap<>();
        PortInfo.Direction in = PortInfo.Direction.INPUT;
        PortInfo.Direction out = PortInfo.Direction.OUTPUT;
        for (String s : List.of("clk", "rst", "reg_valid", "reg_write", "reg_addr", "reg_size", "reg_wdata", "dma_valid",
                "dma_device_id", "dma_has_ide", "dma_ide_id", "dma_tee", "dma_iommu_originated", "dma_pa", "dma_size",
                "dma_need", "dma_id", "mrd_ready", "mrs_valid", "mrs_data", "mrs_err", "mrs_tag", "pmp_ok", "rsp_ready")) {
            m.put(s, in);
        }
        for (String s : List.of("reg_ready", "reg_rvalid", "reg_rdata", "dma_ready", "mrd_valid", "mrd_addr", "mrd_size",
                "mrd_tag", "pmp_valid", "pmp_addr", "pmp_size", "rsp_valid", "rsp_allow", "rsp_abort_reason",
                "rsp_matched", "rsp_rule", "rsp_sdid", "rsp_report_to_iommu", "rsp_xwr", "rsp_cause", "rsp_id", "busy")) {
            m.put(s, out);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** True when {@code ports} are those of an I/O MPT checker (contract v3): it has {@link #IO_MARKER}. */
    public static boolean isIo(List<PortInfo> ports) {
        return ports.stream().anyMatch(p -> p.name().equals(IO_MARKER));
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

    /** One extension observation port: its id (position in the design's port list), name and width. */
    public record ObservationPort(int id, String name, int width) {
        /** 64-bit words of the value, each captured as at most one {@code OBSX} event per cycle. */
        public int words() {
            return (width + 63) / 64;
        }
    }

    /**
     * The extension observation ports of a design, in port-id order: outputs named {@code obs_*} other than
     * {@link #V1_OBS_PORTS}. Inputs and inouts never count, whatever their name.
     */
    public static List<ObservationPort> observationExtensions(List<PortInfo> ports) {
        List<ObservationPort> out = new ArrayList<>();
        for (int id = 0; id < ports.size(); id++) {
            PortInfo p = ports.get(id);
            if (p.direction() == PortInfo.Direction.OUTPUT && p.name().startsWith(OBS_PREFIX)
                    && !V1_OBS_PORTS.contains(p.name())) {
                out.add(new ObservationPort(id, p.name(), p.width()));
            }
        }
        return List.copyOf(out);
    }

    /** Most events one cycle can write for a design with these extension ports: the base plus one per
     *  extension word (a cycle can set every word of every extension port). */
    public static int maxEventsPerCycle(List<ObservationPort> extensions) {
        long n = BASE_EVENTS_PER_CYCLE;
        for (ObservationPort p : extensions) {
            n += p.words();
        }
        if (n > Integer.MAX_VALUE / Records.EVENT_SIZE) {
            throw new BridgeException("extension observation ports need " + n + " events per cycle; too many");
        }
        return (int) n;
    }

    /**
     * Problems that keep {@code ports} from implementing the contract; empty when it does. A top with
     * {@link #IO_MARKER} is judged as an I/O MPT checker ({@link #IO_PORTS}), any other as a hart-side one
     * ({@link #PORTS}).
     */
    public static List<String> violations(List<PortInfo> ports) {
        Map<String, PortInfo> byName = new HashMap<>();
        for (PortInfo p : ports) {
            byName.put(p.name(), p);
        }
        List<String> problems = new ArrayList<>();
        boolean io = isIo(ports);
        if (io) {
            for (List<String> group : IO_OPTIONAL_GROUPS) {
                long present = group.stream().filter(byName::containsKey).count();
                if (present != 0 && present != group.size()) {
                    problems.add("an I/O checker has all or none of " + group + "; missing "
                            + group.stream().filter(n -> !byName.containsKey(n)).toList());
                }
            }
        }
        (io ? IO_PORTS : PORTS).forEach((name, dir) -> {
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
        for (ObservationPort p : observationExtensions(ports)) {
            if (p.words() > MAX_EXTENSION_WORDS) {
                problems.add("extension observation port " + p.name() + " is " + p.width() + " bits wide; at most "
                        + MAX_EXTENSION_WORDS * 64 + " (the word index travels in one byte)");
            }
        }
        return problems;
    }
}
