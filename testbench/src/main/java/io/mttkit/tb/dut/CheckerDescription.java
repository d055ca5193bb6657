package io.mttkit.tb.dut;

import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.RsvdTupleScope;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.cache.CacheParams;
import io.mttkit.golden.cache.FenceDuringWalk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The device under test as the testbench knows it: what the folder's {@code checker.json} says ({@code
 * docs/byo-rtl.md}), the same for generated and bring-your-own RTL. The top and its Verilog, what the checker
 * implements (XLEN, table formats, paw, SDID and id widths, reserved-tuple scope, v0.1 {@code 1G_*} range, MBE
 * support, PMP latency), the cache geometry of a cached checker and, for generated RTL, where it came from. Stimulus,
 * scoreboard, coverage and repro bundles are configured from it; the golden model from its {@link #lookupConfig()}
 * and {@link #cacheParams()}, never from generator types.
 *
 * @param top               the top module (implements port contract v1, or v2 with a cache)
 * @param sources           the Verilog files, absolute
 * @param xlen              32 or 64
 * @param formats           the table formats implemented
 * @param paw               physical address width: 32..34 on RV32, 32..64 on RV64
 * @param sdidLen           implemented SDID bits, 0..6
 * @param idWidth           width of {@code req_id}/{@code rsp_id}, 1..16
 * @param rsvdTupleScope    which tuples the reserved-encoding check looks at (SPEC-DECISIONS #11)
 * @param v01OneGigAsOneGiB v0.1 {@code 1G_*} leaves report 1 GiB ({@code leaf_log2} 30) instead of 32 MiB
 * @param bigEndianSupport  {@code req_be} is honoured (MBE byte swap)
 * @param pmpLatency        cycles from {@code pmp_valid} to {@code pmp_ok}, 1..4
 * @param cache             the cache geometry, {@code null} for a cache-less checker (contract v1)
 * @param generator         where generated RTL came from, {@code null} for bring-your-own RTL
 * @param walksInFlight     misses walked at once, 1..8 (docs/nonblocking.md); more than 1 only with a cache (port
 *                          contract v4); 1 is today's blocking checker (contract v2)
 * @param responseOrder     how responses leave a checker with several walks: in request order, or as soon as known,
 *                          matched by {@code rsp_id}; {@link ResponseOrder#IN_ORDER} for one walk
 */
public record CheckerDescription(String top, List<Path> sources, int xlen, Formats formats, int paw, int sdidLen,
                                 int idWidth, RsvdTupleScope rsvdTupleScope, boolean v01OneGigAsOneGiB,
                                 boolean bigEndianSupport, int pmpLatency, Cache cache, Provenance generator,
                                 int walksInFlight, ResponseOrder responseOrder) {

    /** The table formats a checker implements, spelled as in {@code checker.json}. */
    public enum Formats {
        /** smmtt-v0.1 only ({@code req_mode[4]} = 0). */
        SMMTT_V0_1("smmtt-v0.1", true, false),
        /** smmpt-v0.9 only ({@code req_mode[4]} = 1). */
        SMMPT_V0_9("smmpt-v0.9", false, true),
        /** both, selected per request by {@code req_mode[4]}. */
        BOTH("both", true, true);

        private final String id;
        private final boolean v01;
        private final boolean v09;

        Formats(String id, boolean v01, boolean v09) {
            this.id = id;
            this.v01 = v01;
            this.v09 = v09;
        }

        /** The manifest spelling: {@code smmtt-v0.1}, {@code smmpt-v0.9} or {@code both}. */
        public String id() {
            return id;
        }

        /** Whether smmtt-v0.1 is implemented. */
        public boolean v01() {
            return v01;
        }

        /** Whether smmpt-v0.9 is implemented. */
        public boolean v09() {
            return v09;
        }

        /** The formats spelled {@code id}, or null. */
        public static Formats fromId(String id) {
            for (Formats f : values()) {
                if (f.id.equals(id)) {
                    return f;
                }
            }
            return null;
        }

        /** Every spelling, for messages. */
        public static List<String> ids() {
            return List.of(SMMTT_V0_1.id, SMMPT_V0_9.id, BOTH.id);
        }
    }

    /**
     * The geometry and fence policy of a cached checker ({@code docs/cache-model.md} §1).
     *
     * @param leafSets              sets of the leaf array, a power of two 1..256
     * @param leafWays              ways per set, a power of two 1..16
     * @param superpageEntries      superpage/NAPOT array entries, a power of two 1..64
     * @param walkCacheEntries      walk-cache entries, 0 or a power of two up to 64
     * @param minvalQueueDepth      MINVAL.PA queue entries, 1..64
     * @param paFenceDropsWalkCache a PA fence also drops covering walk-cache entries
     */
    public record Cache(int leafSets, int leafWays, int superpageEntries, int walkCacheEntries, int minvalQueueDepth,
                        boolean paFenceDropsWalkCache) {
        public Cache {
            powerOfTwo("cache.leafSets", leafSets, 1, 256);
            powerOfTwo("cache.leafWays", leafWays, 1, 16);
            powerOfTwo("cache.superpageEntries", superpageEntries, 1, 64);
            if (walkCacheEntries != 0) {
                powerOfTwo("cache.walkCacheEntries", walkCacheEntries, 1, 64);
            }
            range("cache.minvalQueueDepth", minvalQueueDepth, 1, 64, "");
        }

        /** The geometry in the manifest's terms, one line: {@code cache{leafSets=16 leafWays=4 ...}}. */
        public String label() {
            return "cache{leafSets=" + leafSets + " leafWays=" + leafWays + " superpageEntries=" + superpageEntries
                    + " walkCacheEntries=" + walkCacheEntries + " minvalQueueDepth=" + minvalQueueDepth
                    + " paFenceDropsWalkCache=" + paFenceDropsWalkCache + "}";
        }
    }

    /**
     * Where generated RTL came from: the manifest's {@code generator} block, kept as written so that a repro bundle can
     * have the same folder generated again.
     *
     * @param name              the shipped configuration's name ({@code rtl/<name>}), or null
     * @param configuration     the generator configuration ({@code checker-rv64}, ...)
     * @param version           the generator version
     * @param summary           one line about it
     * @param parameters        every generator parameter by name, its value as JSON text ({@code 56},
     *                          {@code "smmpt-v0.9"}, {@code true}), in the manifest's order
     * @param configurationHash short hash of configuration and parameters
     * @param files             file name → {@code sha256:...}
     * @param contentHash       {@code sha256:...} over all files
     */
    public record Provenance(String name, String configuration, String version, String summary,
                             Map<String, String> parameters, String configurationHash, Map<String, String> files,
                             String contentHash) {
        public Provenance {
            Objects.requireNonNull(configuration, "configuration");
            parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
            files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
        }

        /** The parameters as {@code --set} values (JSON strings unquoted), to generate the same folder again. */
        public Map<String, String> settings() {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            parameters.forEach((k, v) -> out.put(k, v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
                    ? v.substring(1, v.length() - 1) : v));
            return out;
        }
    }

    /**
     * Checks every value; a value out of range is an {@link IllegalArgumentException} naming the field (as in the
     * manifest), its range and the value given.
     */
    public CheckerDescription {
        if (top == null || top.isBlank()) {
            throw new IllegalArgumentException("field 'top' must name the top module; got " + top);
        }
        sources = List.copyOf(sources);
        if (xlen != 32 && xlen != 64) {
            throw new IllegalArgumentException("field 'xlen' must be 32 or 64; got " + xlen);
        }
        Objects.requireNonNull(formats, "formats");
        Objects.requireNonNull(rsvdTupleScope, "rsvdTupleScope");
        range("paw", paw, 32, xlen == 32 ? 34 : 64, " (for xlen " + xlen + ")");
        range("sdidLen", sdidLen, 0, 6, "");
        range("idWidth", idWidth, 1, 16, "");
        range("pmpLatency", pmpLatency, 1, 4, "");
        range("walksInFlight", walksInFlight, 1, 8, "");
        Objects.requireNonNull(responseOrder, "responseOrder");
        if (walksInFlight > 1 && cache == null) {
            throw new IllegalArgumentException("field 'walksInFlight' must be 1 for a cache-less checker (several walks "
                    + "in flight need the cache's MSHRs, docs/nonblocking.md); got " + walksInFlight);
        }
    }

    /** A checker with one walk in flight and in-order responses (port contract v1 or v2). */
    public CheckerDescription(String top, List<Path> sources, int xlen, Formats formats, int paw, int sdidLen,
                              int idWidth, RsvdTupleScope rsvdTupleScope, boolean v01OneGigAsOneGiB,
                              boolean bigEndianSupport, int pmpLatency, Cache cache, Provenance generator) {
        this(top, sources, xlen, formats, paw, sdidLen, idWidth, rsvdTupleScope, v01OneGigAsOneGiB, bigEndianSupport,
                pmpLatency, cache, generator, 1, ResponseOrder.IN_ORDER);
    }

    /** True when the checker walks more than one miss at once (port contract v4, docs/nonblocking.md). */
    public boolean nonBlocking() {
        return walksInFlight > 1;
    }

    private static void range(String name, int value, int min, int max, String context) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("field '" + name + "' must be in " + min + ".." + max + context
                    + "; got " + value);
        }
    }

    private static void powerOfTwo(String name, int value, int min, int max) {
        if (value < min || value > max || Integer.bitCount(value) != 1) {
            throw new IllegalArgumentException("field '" + name + "' must be a power of two in " + min + ".." + max
                    + (name.endsWith("walkCacheEntries") ? " or 0" : "") + "; got " + value);
        }
    }

    /** This description with another top and sources (the same checker, e.g. a mutant of its Verilog). */
    public CheckerDescription withSources(String newTop, List<Path> newSources) {
        return new CheckerDescription(newTop, newSources, xlen, formats, paw, sdidLen, idWidth, rsvdTupleScope,
                v01OneGigAsOneGiB, bigEndianSupport, pmpLatency, cache, generator, walksInFlight, responseOrder);
    }

    /** This description with another cache geometry ({@code null}: cache-less). */
    public CheckerDescription withCache(Cache newCache) {
        return new CheckerDescription(top, sources, xlen, formats, paw, sdidLen, idWidth, rsvdTupleScope,
                v01OneGigAsOneGiB, bigEndianSupport, pmpLatency, newCache, generator, walksInFlight, responseOrder);
    }

    /** Width of {@code req_pa}: XLEN on RV64; 34 on RV32, whose physical addresses are 34 bits wide. */
    public int paWidth() {
        return xlen == 64 ? 64 : 34;
    }

    /** Width of a PPN in an MPTE and of {@code req_root_ppn}: 44 (RV64) or 22 (RV32). */
    public int ppnWidth() {
        return xlen == 64 ? 44 : 22;
    }

    /** Bytes per MPTE read: 8 on RV64, 4 on RV32. */
    public int entryBytes() {
        return xlen / 8;
    }

    /** Width of {@code req_sdid}/{@code inv_sdid}: {@code sdidLen}, at least 1 (a port cannot be 0 bits). */
    public int sdidPortWidth() {
        return Math.max(1, sdidLen);
    }

    /**
     * The golden modes the checker implements (both formats where built), in declaration order, Bare excluded: what
     * stimulus, coverage and the run plan iterate over.
     */
    public List<MttMode> modes() {
        List<MttMode> out = new ArrayList<>();
        for (MttMode m : MttMode.values()) {
            if (m == MttMode.BARE || m.xlen() != xlen) {
                continue;
            }
            boolean v09 = m.format() == TableFormat.SMMPT_V0_9;
            if (v09 ? formats.v09() : formats.v01()) {
                out.add(m);
            }
        }
        return out;
    }

    /** The golden lookup's configuration for this checker. */
    public LookupConfig lookupConfig() {
        return LookupConfig.DEFAULT.withPaw(paw).withRsvdTupleScope(rsvdTupleScope)
                .withV01OneGigAsOneGiB(v01OneGigAsOneGiB);
    }

    /**
     * The golden cache model's parameters for this (cached) checker: the requester delivers a stale walk's answer
     * without filling it (the checker's rule, {@code docs/cache-rtl.md}).
     *
     * @throws IllegalStateException for a cache-less checker
     */
    public CacheParams cacheParams() {
        if (cache == null) {
            throw new IllegalStateException("a cache-less checker has no cache parameters");
        }
        return new CacheParams(xlen, cache.leafSets(), cache.leafWays(), cache.superpageEntries(),
                cache.walkCacheEntries(), sdidLen, cache.minvalQueueDepth(), FenceDuringWalk.DELIVER_NO_FILL,
                cache.paFenceDropsWalkCache(), v01OneGigAsOneGiB);
    }

    /**
     * What the checker implements, in the manifest's terms, one line, cache geometry included: for reports and
     * messages. Top, sources and provenance are left out: the same device generated into another folder has the same
     * label.
     */
    public String label() {
        return cache == null ? deviceLabel() : deviceLabel() + " " + cache.label();
    }

    /** As {@link #label()} without the cache geometry. */
    public String deviceLabel() {
        return "xlen=" + xlen + " formats=" + formats.id() + " paw=" + paw + " sdidLen=" + sdidLen + " idWidth="
                + idWidth + " rsvdTupleScope=" + rsvdTupleScope.name() + " v01OneGigAsOneGiB=" + v01OneGigAsOneGiB
                + " bigEndianSupport=" + bigEndianSupport + " pmpLatency=" + pmpLatency
                + (walksInFlight > 1 || responseOrder != ResponseOrder.IN_ORDER
                        ? " walksInFlight=" + walksInFlight + " responseOrder=" + responseOrder.name() : "");
    }

    /** Whether {@code o} describes the same checker behaviour (everything but top, sources and provenance). */
    public boolean sameDevice(CheckerDescription o) {
        return xlen == o.xlen && formats == o.formats && paw == o.paw && sdidLen == o.sdidLen && idWidth == o.idWidth
                && rsvdTupleScope == o.rsvdTupleScope && v01OneGigAsOneGiB == o.v01OneGigAsOneGiB
                && bigEndianSupport == o.bigEndianSupport && pmpLatency == o.pmpLatency
                && Objects.equals(cache, o.cache) && walksInFlight == o.walksInFlight
                && responseOrder == o.responseOrder;
    }
}
