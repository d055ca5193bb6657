package io.mttkit.bridge;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A co-simulation library loaded into this JVM and verified: opened with {@code RTLD_NOW} by absolute
 * path, ABI version and record layouts checked, and the content hash it reports compared with the hash
 * its cache entry is named after. Opens sessions.
 */
public final class LoadedLibrary {
    private static final int RTLD_NOW = 2;

    private final BuiltLibrary built;
    private final NativeLibrary lib;
    private final String buildInfo;
    private final List<PortInfo> ports;
    private final Map<String, Integer> portIds;
    private final boolean checker;
    private final List<PortContract.ObservationPort> observationPorts;
    private final int maxEventsPerCycle;
    private double loadSeconds;
    final Function fCreate;
    final Function fDestroy;
    final Function fLastError;
    final Function fDrainLog;
    final Function fPoke;
    final Function fPeek;
    final Function fPokeWide;
    final Function fPeekWide;
    final Function fStep;
    final Function fEval;
    final Function fAttach;
    final Function fSetPmp;
    final Function fReset;
    final Function fRun;
    /** {@code mttb_run} through direct mapping when a slot is free (the per-batch call). */
    final RunEntry.Call run;
    final Function fIdle;
    final Function fTrace;

    private LoadedLibrary(BuiltLibrary built, NativeLibrary lib) {
        this.built = built;
        this.lib = lib;
        int abi = fn("mttb_abi_version").invokeInt(new Object[0]);
        if (abi != Records.ABI_VERSION) {
            throw new BridgeException(built.library() + " speaks ABI version " + abi + ", this sim-bridge speaks "
                    + Records.ABI_VERSION);
        }
        Function layout = fn("mttb_record_layout");
        int[][] expected = {{0, Records.REQUEST_SIZE}, {1, Records.EVENT_SIZE}, {2, Records.CONFIG_SIZE},
            {3, Records.PMP_SIZE}, {4, Records.STATS_SIZE}};
        for (int[] e : expected) {
            int got = layout.invokeInt(new Object[] {e[0]});
            if ((got >>> 16) != e[1]) {
                throw new BridgeException(built.library() + ": record " + e[0] + " is " + (got >>> 16) + " bytes, Java expects "
                        + e[1]);
            }
        }
        this.buildInfo = fn("mttb_build_info").invokeString(new Object[0], false);
        if (!buildInfo.contains("hash=" + built.hash() + " ")) {
            throw new BridgeException(built.library() + " reports '" + buildInfo + "', expected hash " + built.hash()
                    + " (foreign or stale library)");
        }
        this.checker = buildInfo.endsWith("checker=1");
        int n = fn("mttb_port_count").invokeInt(new Object[0]);
        Function name = fn("mttb_port_name");
        Function info = fn("mttb_port_info_get");
        List<PortInfo> ps = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        com.sun.jna.Memory pi = new com.sun.jna.Memory(16);
        for (int i = 0; i < n; i++) {
            String pn = name.invokeString(new Object[] {i}, false);
            info.invokeInt(new Object[] {i, pi});
            ps.add(new PortInfo(pn, pi.getInt(0), PortInfo.Direction.values()[pi.getInt(4)]));
            ids.put(pn, i);
        }
        this.ports = Collections.unmodifiableList(ps);
        this.portIds = Collections.unmodifiableMap(ids);
        this.observationPorts = ShimGenerator.extensions(ports, checker);
        this.maxEventsPerCycle = fn("mttb_max_events_per_cycle").invokeInt(new Object[0]);
        int expectedBound = PortContract.maxEventsPerCycle(observationPorts);
        if (maxEventsPerCycle != expectedBound) {
            // The bound is generated from the same port list: a difference means a stale or foreign library.
            throw new BridgeException(built.library() + " bounds a cycle at " + maxEventsPerCycle + " events, but its "
                    + observationPorts.size() + " extension observation ports need " + expectedBound);
        }
        fCreate = fn("mttb_create");
        fDestroy = fn("mttb_destroy");
        fLastError = fn("mttb_last_error");
        fDrainLog = fn("mttb_drain_log");
        fPoke = fn("mttb_poke");
        fPeek = fn("mttb_peek");
        fPokeWide = fn("mttb_poke_wide");
        fPeekWide = fn("mttb_peek_wide");
        fStep = fn("mttb_step");
        fEval = fn("mttb_eval");
        fAttach = fn("mttb_attach_memory");
        fSetPmp = fn("mttb_set_pmp_regions");
        fReset = fn("mttb_reset");
        fRun = fn("mttb_run");
        run = checker ? RunEntry.bind(lib, fRun) : null;  // only checker libraries need the fast binding
        fIdle = fn("mttb_idle");
        fTrace = fn("mttb_trace_window");
    }

    private Function fn(String name) {
        try {
            return lib.getFunction(name);
        } catch (UnsatisfiedLinkError e) {
            throw new BridgeException(built.library() + " lacks entry point " + name + " (not an mttkit library?)");
        }
    }

    /** Loads and verifies {@code built}; any failure is a {@link BridgeException} (the caller may rebuild). */
    static LoadedLibrary load(BuiltLibrary built, BuildCache cache) {
        long t0 = System.nanoTime();
        NativeLibrary lib;
        try {
            lib = NativeLibrary.getInstance(built.library().toAbsolutePath().toString(),
                    Map.of(Library.OPTION_OPEN_FLAGS, RTLD_NOW));
        } catch (UnsatisfiedLinkError e) {
            throw new BridgeException("cannot load " + built.library() + ": " + e.getMessage());
        }
        LoadedLibrary l = new LoadedLibrary(built, lib);
        l.loadSeconds = (System.nanoTime() - t0) / 1e9;
        cache.touch(built.hash(), built.library());
        return l;
    }

    public BuiltLibrary built() {
        return built;
    }

    /** {@code hash=… verilator=… variant=… checker=…} as the library reports it. */
    public String buildInfo() {
        return buildInfo;
    }

    /** Seconds spent in dlopen and the verification calls. */
    public double loadSeconds() {
        return loadSeconds;
    }

    public boolean hasChecker() {
        return checker;
    }

    /** Every port of the top, in id order. */
    public List<PortInfo> ports() {
        return ports;
    }

    /**
     * The extension observation ports of the checker (contract v2), in id order: each is captured every cycle
     * as one {@link Event.ExtensionWord} ({@link EventKind#OBSX}) per non-zero 64-bit word, {@code port} = {@link
     * PortContract.ObservationPort#id()}. Empty for a v1 top and for generic libraries.
     */
    public List<PortContract.ObservationPort> observationPorts() {
        return observationPorts;
    }

    /** Most events one simulated cycle of this design can write ({@code mttb_max_events_per_cycle}): the
     *  smallest {@link EventBuffer} a checker session of it accepts. */
    public int maxEventsPerCycle() {
        return maxEventsPerCycle;
    }

    /** Id of the port named {@code name}. */
    public int portId(String name) {
        Integer id = portIds.get(name);
        if (id == null) {
            throw new BridgeException("the top has no port named '" + name + "'; ports: "
                    + ports.stream().map(PortInfo::name).toList());
        }
        return id;
    }

    /** Opens a checker fast-path session (fails for libraries built without the contract). */
    public CheckerSession openChecker(SessionConfig config) {
        if (!checker) {
            throw new BridgeException(built.library() + " was built without the checker fast path (BuildSpec.generic)");
        }
        return new CheckerSession(this, config);
    }

    /** Opens a generic port-by-id session. */
    public Dut openDut() {
        return new Dut(this, SessionConfig.defaults(1));
    }

    Pointer create(SessionConfig config) {
        Object nativeConfig = config.toNative();
        String top = built.spec() != null ? built.spec().top() : built.library().getFileName().toString();
        Pointer h = NativeWatchdog.guard("model creation of '" + top + "'", "the design never finishes its initial "
                + "blocks and first evaluation (an endless loop in an initial or always block of the RTL, e.g. a while "
                + "waiting on an input?)", () -> (Pointer) fCreate.invoke(Pointer.class, new Object[] {nativeConfig}));
        if (h == null) {
            String error = fLastError.invokeString(new Object[] {null}, false);
            if (ConvergenceException.matches(error)) {
                throw ConvergenceException.of("model creation", error, built);
            }
            throw new BridgeException("mttb_create failed: " + error);
        }
        return h;
    }
}
