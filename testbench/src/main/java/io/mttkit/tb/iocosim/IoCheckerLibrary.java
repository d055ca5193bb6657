package io.mttkit.tb.iocosim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mttkit.bridge.BuildDriver;
import io.mttkit.bridge.BuildSpec;
import io.mttkit.bridge.LoadedLibrary;
import io.mttkit.bridge.PortContract;
import io.mttkit.bridge.Variant;
import io.mttkit.gen.Configurations;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.iompt.IoMptParams;
import io.mttkit.golden.iompt.MbeSupport;
import io.mttkit.golden.iompt.StatusCodeConvention;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An I/O MPT checker the testbench can drive (port contract v3): its Verilog built through the bridge and the
 * parameters the golden {@link io.mttkit.golden.iompt.IoMptChecker} must be configured with, read from the folder's
 * manifest ({@code manifest.json} or {@code checker.json}: {@code top}, {@code sources} and the generator's
 * {@code parameters}). Any generator configuration whose top has the I/O ports works, so a new I/O configuration
 * needs no code here.
 */
public final class IoCheckerLibrary {
    private record Key(String configuration, Map<String, String> settings) {
    }

    private static final Map<Key, IoCheckerLibrary> LOADED = new ConcurrentHashMap<>();

    private final IoCheckerDescription description;
    private final LoadedLibrary library;

    private IoCheckerLibrary(IoCheckerDescription description, LoadedLibrary library) {
        this.description = description;
        this.library = library;
    }

    /**
     * The checker of generator configuration {@code configuration} with {@code settings}, generated into a temporary
     * folder and built once per JVM.
     *
     * @throws IllegalArgumentException for an unknown configuration, a bad setting, or a top that is not an I/O checker
     */
    public static IoCheckerLibrary forConfiguration(String configuration, Map<String, String> settings) {
        return LOADED.computeIfAbsent(new Key(configuration, new TreeMap<>(settings)), k -> {
            Path dir;
            try {
                dir = Files.createTempDirectory("mtt-io-checker-rtl");
            } catch (IOException e) {
                throw new UncheckedIOException("creating a temporary folder for " + configuration, e);
            }
            Configurations.generate(k.configuration(), k.settings(), dir);
            return fromFolder(dir);
        });
    }

    /** True when the generator configuration {@code name} (registered in hdl-gen) emits an I/O checker top. */
    public static boolean isIoConfiguration(String name) {
        if (!Configurations.names().contains(name)) {
            return false;
        }
        // The generated manifest does not say which contract the top implements; its name does by convention,
        // and the build confirms it from the ports (fromFolder).
        return name.startsWith("io-") && !name.startsWith("io-sdcl-");
    }

    /**
     * True when {@code dir} holds an I/O checker: its manifest's top module (in one of its sources) declares an input
     * named {@link PortContract#IO_MARKER}. Decided from the text, before any build; the build checks the ports.
     */
    public static boolean isIoFolder(Path dir) {
        IoCheckerDescription d;
        try {
            d = IoCheckerDescription.read(dir);
        } catch (IllegalArgumentException e) {
            return false; // not readable as an I/O folder: the hart-side path reports what is wrong
        }
        Pattern port = Pattern.compile("\\binput\\b[^;)]*?\\b" + PortContract.IO_MARKER + "\\b");
        for (Path src : d.sources()) {
            try {
                String text = Files.readString(src);
                if (text.contains("module " + d.top()) && port.matcher(text).find()) {
                    return true;
                }
            } catch (IOException e) {
                return false; // the build names the missing source
            }
        }
        return false;
    }

    /** The checker in {@code dir} (Verilog plus {@code manifest.json} or {@code checker.json}). */
    public static IoCheckerLibrary fromFolder(Path dir) {
        IoCheckerDescription d = IoCheckerDescription.read(dir);
        LoadedLibrary lib = BuildDriver.fromEnvironment().load(BuildSpec.checker(d.sources(), d.top(), Variant.FAST));
        if (!PortContract.isIo(lib.ports())) {
            throw new IllegalArgumentException(d.top() + " in " + dir + " has no " + PortContract.IO_MARKER
                    + " port: it is not an I/O MPT checker (port contract v3)");
        }
        return new IoCheckerLibrary(d, lib);
    }

    public IoCheckerDescription description() {
        return description;
    }

    public LoadedLibrary library() {
        return library;
    }

    /** True when the top reports IOMMU IDs ({@code rsp_iommu_valid}/{@code rsp_iommu_id}). */
    public boolean hasIommuPorts() {
        return library.ports().stream().anyMatch(p -> p.name().equals("rsp_iommu_valid"));
    }

    /**
     * What an I/O checker folder's manifest says.
     *
     * @param configuration the generator configuration ("" when unknown)
     */
    public record IoCheckerDescription(String top, List<Path> sources, String configuration, int xlen, int ruleCount,
                                       int sdidCount, int iommuCount, int srcIdWidth, boolean teeFilter,
                                       String statusCodes, boolean qosImplemented, String mbe, boolean bareSupported,
                                       int paw, int idWidth, int pmpLatency, int leafSets, int leafWays,
                                       int superpageEntries, int walkCacheEntries) {

        /** True when the checker has an MPT cache (the manifest gives its geometry: {@code leafSets} ...). */
        public boolean cached() {
            return leafSets > 0;
        }

        static IoCheckerDescription read(Path dir) {
            Path file = Files.isRegularFile(dir.resolve("manifest.json")) ? dir.resolve("manifest.json")
                    : dir.resolve("checker.json");
            JsonNode m;
            try {
                m = new ObjectMapper().readTree(file.toFile());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage()
                        + " (an I/O checker folder needs manifest.json or checker.json)");
            }
            List<Path> sources = new ArrayList<>();
            m.path("sources").forEach(s -> sources.add(dir.resolve(s.asText())));
            JsonNode gen = m.path("generator");
            // a generated folder keeps the parameters under generator.parameters; a team's own at the top level
            JsonNode p = gen.has("parameters") ? gen.path("parameters") : m;
            String configuration = gen.path("configuration").asText("");
            int xlen = p.has("xlen") ? p.get("xlen").asInt() : m.has("xlen") ? m.get("xlen").asInt() : xlenOf(configuration);
            if (m.path("top").asText("").isEmpty() || sources.isEmpty() || xlen == 0) {
                throw new IllegalArgumentException(file + ": needs \"top\", \"sources\" and the generator's parameters"
                        + " with the XLEN (a configuration named ...-rv32/-rv64 or an \"xlen\" parameter)");
            }
            return new IoCheckerDescription(m.get("top").asText(), List.copyOf(sources), configuration, xlen,
                    p.path("ruleCount").asInt(16), p.path("sdidCount").asInt(64), p.path("iommuCount").asInt(0),
                    p.path("srcIdWidth").asInt(24), p.path("teeFilter").asBoolean(true),
                    p.path("statusCodes").asText("TABLE"), p.path("qosImplemented").asBoolean(false),
                    p.path("mbe").asText("writable"), p.path("bareSupported").asBoolean(true), p.path("paw").asInt(56),
                    p.path("idWidth").asInt(8), p.path("pmpLatency").asInt(1),
                    // the cache geometry (contract v3, "The cached I/O checker"); absent: the cache-less top
                    p.path("leafSets").asInt(0), p.path("leafWays").asInt(0), p.path("superpageEntries").asInt(0),
                    p.path("walkCacheEntries").asInt(0));
        }

        private static int xlenOf(String configuration) {
            Matcher x = Pattern.compile("rv(32|64)").matcher(configuration);
            return x.find() ? Integer.parseInt(x.group(1)) : 0;
        }

        /** The golden model's parameters for this checker (same rule/SDID/IOMMU counts, modes of the XLEN, ...). */
        public IoMptParams golden() {
            EnumSet<MttMode> modes = xlen == 32 ? EnumSet.of(MttMode.SMMPT34)
                    : EnumSet.of(MttMode.SMMPT43, MttMode.SMMPT52, MttMode.SMMPT64);
            MbeSupport m = switch (mbe) {
                case "little" -> MbeSupport.LITTLE_ONLY;
                case "big" -> MbeSupport.BIG_ONLY;
                default -> MbeSupport.BOTH;
            };
            return new IoMptParams(ruleCount, sdidCount, iommuCount, srcIdWidth, teeFilter, modes, m, qosImplemented,
                    bareSupported, IoMptParams.VER_0_9, StatusCodeConvention.valueOf(statusCodes),
                    LookupConfig.DEFAULT.withPaw(paw));
        }

        /** The MPT modes an SDCFG may select on this XLEN. */
        public List<MttMode> modes() {
            return List.copyOf(golden().mptModes());
        }

        /** A one-line label for reports. */
        public String label() {
            return top + " (" + configuration + ") rules=" + ruleCount + " sdids=" + sdidCount + " iommus=" + iommuCount
                    + " srcIdWidth=" + srcIdWidth + " paw=" + paw + " idWidth=" + idWidth + " pmpLatency=" + pmpLatency
                    + " statusCodes=" + statusCodes + " mbe=" + mbe + (cached() ? " cache=" + leafSets + "x" + leafWays
                    + "+" + superpageEntries + "sp+" + walkCacheEntries + "wc" : "");
        }
    }
}
