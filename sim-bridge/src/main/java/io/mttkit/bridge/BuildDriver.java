package io.mttkit.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds Verilog into a co-simulation shared library with Verilator, cached by content hash.
 *
 * <p>The hash covers every input that can change the library: the RTL files' contents, the bridge C++
 * sources and the shim generator version, the full Verilator argument list (with source paths replaced by
 * their contents' place in the list) and make variables, {@code verilator --version}, the C++ compiler
 * version and the variant (COSIM-BRIDGE.md, "Build cache").
 */
public final class BuildDriver {
    /** Bump when ShimGenerator's output changes. */
    static final String GENERATOR_VERSION = "shim-2";
    /** Bridge C++ sources, packaged as classpath resources under this folder. */
    static final String CPP_RESOURCES = "/io/mttkit/bridge/cpp/";
    static final List<String> BRIDGE_SOURCES = List.of("mttb_abi.h", "mttb_vl_config.h", "mttb_core.cpp");
    /** C++ optimisation goes through make variables: an -O in -CFLAGS is overridden by OPT_FAST=-Os. */
    static final String MAKE_FLAGS = "OPT_FAST=-O2 OPT_GLOBAL=-O2";
    static final long BUILD_TIMEOUT_SECONDS = 1800;

    private final BuildCache cache;
    private final VerilatorTool tool;
    private String compilerVersion;
    private java.util.function.Consumer<String> notices = System.err::println;

    public BuildDriver(BuildCache cache, VerilatorTool tool) {
        this.cache = cache;
        this.tool = tool;
    }

    /** Verilator from the environment ({@link VerilatorTool#locate()}), cache from the environment. */
    public static BuildDriver fromEnvironment() {
        return new BuildDriver(BuildCache.fromEnvironment(), VerilatorTool.locate());
    }

    public BuildCache cache() {
        return cache;
    }

    public VerilatorTool tool() {
        return tool;
    }

    /** Builds (or finds in the cache) and loads the library for {@code spec}. A library that fails to
     *  load or verify is rebuilt once; a second failure is an error. */
    public LoadedLibrary load(BuildSpec spec) {
        return load(spec, ports -> { });
    }

    /**
     * As {@link #load(BuildSpec)}, with {@code portCheck} run on the top's ports before a cold build compiles
     * anything (a port check that throws costs a second of parsing, not a full compile) and on the loaded library's
     * ports (a cached build).
     */
    public LoadedLibrary load(BuildSpec spec, PortCheck portCheck) {
        LoadedLibrary l = load0(spec, portCheck);
        portCheck.accept(l.ports());
        return l;
    }

    private LoadedLibrary load0(BuildSpec spec, PortCheck portCheck) {
        BuiltLibrary built = build(spec, "", portCheck);
        try {
            return LoadedLibrary.load(built, cache);
        } catch (BridgeException first) {
            if (built.cold()) {
                throw new FixableException("freshly built library " + built.library() + " failed its load check: "
                        + first.getMessage() + ". The toolchain produces unusable libraries; see " + built.manifest());
            }
            try {
                cache.locked(built.hash(), () -> {
                    cache.remove(built.hash());
                    return null;
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove corrupt cache entry " + built.hash(), e);
            }
            BuiltLibrary rebuilt = build(spec, "-r" + System.nanoTime(), portCheck);
            try {
                return LoadedLibrary.load(rebuilt, cache);
            } catch (BridgeException second) {
                throw new FixableException("library " + built.library() + " was corrupt or foreign (" + first.getMessage()
                        + "); rebuilt once as " + rebuilt.library() + " but it still fails: " + second.getMessage()
                        + ". Check the C++ toolchain; manifest " + rebuilt.manifest());
            }
        }
    }

    /** Ensures the cache holds a library for {@code spec}; builds it when missing. */
    public BuiltLibrary build(BuildSpec spec) {
        return build(spec, "", ports -> { });
    }

    private BuiltLibrary build(BuildSpec spec, String fileSuffix, PortCheck portCheck) {
        String hash = hash(spec);
        try {
            cache.locked(() -> {
                cache.cleanAbandoned();  // what killed builds of other designs left; live builds are skipped
                return null;
            });
            return cache.locked(hash, () -> {
                // Every build of this hash runs under this lock, so a build folder of it found now belongs to a
                // build that was killed midway (kill -9, power loss): nobody will finish it.
                cache.cleanHalfBuilt(hash);
                Path entry = cache.entry(hash);
                Path manifest = entry.resolve("manifest.json");
                String suffix = fileSuffix;
                if (Files.isRegularFile(manifest)) {
                    Path lib = findLibrary(entry, hash);
                    String problem = lib == null ? "is missing" : LibraryCheck.verify(lib, manifest);
                    if (problem == null) {
                        return new BuiltLibrary(lib, hash, manifest, false, 0, spec);
                    }
                    // Checked before dlopen: loading a truncated or replaced library can crash the JVM (SIGBUS).
                    notices.accept("mtt: the cached library " + (lib != null ? lib : entry.resolve("lib" + hash + ".so"))
                            + " " + problem + "; rebuilding it");
                    cache.remove(hash);
                    if (suffix.isEmpty()) {
                        suffix = "-r" + System.nanoTime();  // never reuse a file name this JVM may have mapped
                    }
                }
                return coldBuild(spec, hash, suffix, portCheck);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("build cache " + cache.dir() + ": " + e.getMessage(), e);
        }
    }

    /** The caller's expectations of a top's ports; throws (a {@link FixableException}) naming what differs. */
    @FunctionalInterface
    public interface PortCheck {
        void accept(List<PortInfo> ports);
    }

    /** Where one-line notices go (a cached library rebuilt after failing its check); stderr by default. */
    public BuildDriver onNotice(java.util.function.Consumer<String> sink) {
        this.notices = sink;
        return this;
    }

    private static Path findLibrary(Path entry, String hash) throws IOException {
        try (var s = Files.list(entry)) {
            return s.filter(p -> p.getFileName().toString().startsWith("lib" + hash) && p.toString().endsWith(".so"))
                    .findFirst().orElse(null);
        }
    }

    private BuiltLibrary coldBuild(BuildSpec spec, String hash, String fileSuffix, PortCheck portCheck)
            throws IOException {
        long t0 = System.nanoTime();
        Path tmp = cache.newTempDir(hash);
        try {
            Path src = Files.createDirectories(tmp.resolve("src"));
            Map<String, String> bridge = bridgeSources();
            for (var e : bridge.entrySet()) {
                Files.writeString(src.resolve(e.getKey()), e.getValue());
            }
            List<PortInfo> ports;
            try {
                ports = PortScanner.scan(tool, spec.sources(), spec.top(), spec.extraVerilatorArgs(), tmp);
            } catch (BuildException e) {
                Path manifest = recordFailure(spec, hash, tmp.resolve("ports.log"), List.of("verilator", "--xml-only"),
                        (System.nanoTime() - t0) / 1e9, "failed (parse)");
                throw new BuildException(e.getMessage(), manifest);
            }
            if (spec.checker()) {
                List<String> problems = PortContract.violations(ports);
                if (!problems.isEmpty()) {
                    // A top with dma_valid is held to the I/O checker's contract v3, any other to the hart-side v2.
                    String contract = PortContract.isIo(ports) ? "v3 (I/O MPT checker)" : "v2 (hart-side checker)";
                    throw new FixableException("top '" + spec.top() + "' does not implement checker port contract "
                            + contract + ": " + String.join("; ", problems)
                            + "; give the top these ports (docs/port-contract.md lists them; a generic design is built"
                            + " with BuildSpec.generic)");
                }
            }
            portCheck.accept(ports);
            Files.writeString(src.resolve("mttb_ports_gen.h"), ShimGenerator.header(ports, hash, tool.version(),
                    spec.variant(), spec.waves(), spec.checker()));
            Files.writeString(src.resolve("mttb_ports_gen.cpp"), ShimGenerator.source(ports, spec.checker()));
            String libName = "lib" + hash + fileSuffix + ".so";
            List<String> cmd = new ArrayList<>();
            cmd.add(tool.executable().toString());
            cmd.addAll(verilatorArgs(spec, src.toString(), libName));
            for (Path s : spec.sources()) {
                cmd.add(s.toString());
            }
            cmd.add(src.resolve("mttb_core.cpp").toString());
            cmd.add(src.resolve("mttb_ports_gen.cpp").toString());
            Path obj = tmp.resolve("obj");
            cmd.add("-Mdir");
            cmd.add(obj.toString());
            Path log = tmp.resolve("build.log");
            List<String> make = makeCommand(obj);
            RuntimeObjects runtime = RuntimeObjects.in(cache.dir(), runtimeKey(spec));
            Processes.Result r = verilateAndMake(cmd, make, obj, tmp, log, runtime, true);
            Path built = obj.resolve(libName);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (r.exitCode() != 0 || !Files.isRegularFile(built)) {
                Path manifest = recordFailure(spec, hash, log, cmd, seconds, "failed (exit " + r.exitCode() + ")");
                String first = Processes.firstError(r.output());
                throw new BuildException("Verilator build of '" + spec.top() + "' (" + spec.variant().id()
                        + ") failed with exit code " + r.exitCode() + (first != null ? ": " + first : "")
                        + "; fix the design (or the toolchain) and run again. Last lines of "
                        + manifest.resolveSibling("build.log") + ":\n" + Processes.tail(r.output().stripTrailing(), 25),
                        manifest);
            }
            cmd.add("&&");
            cmd.addAll(make);
            Path staged = Files.createDirectories(tmp.resolve("publish"));
            Files.move(built, staged.resolve(libName));
            Files.copy(log, staged.resolve("build.log"));
            Files.writeString(staged.resolve("manifest.json"), manifest(spec, hash, cmd, libName, seconds, "ok",
                    LibraryCheck.record(staged.resolve(libName))));
            cache.publish(staged, hash);
            BuildCache.deleteTree(cache.dir().resolve("failed").resolve(hash));
            cache.evict();
            Path entry = cache.entry(hash);
            return new BuiltLibrary(entry.resolve(libName), hash, entry.resolve("manifest.json"), true, seconds, spec);
        } finally {
            BuildCache.deleteTree(tmp);
        }
    }

    /**
     * Verilates, places the kept run-time objects ({@link RuntimeObjects}), then runs make: the two steps of
     * {@code verilator --build}, split so that the kept objects are stamped after the makefile. A build that fails
     * with kept objects in it is run once more without them (they are forgotten first), so a bad kept object costs
     * time, never a failed build. The log holds both steps.
     */
    private static Processes.Result verilateAndMake(List<String> verilate, List<String> make, Path obj, Path dir,
            Path log, RuntimeObjects runtime, boolean mayRetry) throws IOException {
        Processes.Result v = Processes.run(verilate, dir, BUILD_TIMEOUT_SECONDS, log);
        if (v.exitCode() != 0) {
            return v;
        }
        List<String> names = RuntimeObjects.names(obj, "Vtop");
        List<String> provided = runtime.provide(obj, names);
        Path makeLog = dir.resolve("make.log");
        Processes.Result m = Processes.run(make, dir, BUILD_TIMEOUT_SECONDS, makeLog);
        Files.writeString(log, v.output() + m.output(), StandardCharsets.UTF_8);
        if (m.exitCode() != 0 && !provided.isEmpty() && mayRetry) {
            runtime.discard();
            BuildCache.deleteTree(obj);
            return verilateAndMake(verilate, make, obj, dir, log, runtime, false);
        }
        if (m.exitCode() == 0) {
            runtime.keep(obj, names, provided);
        }
        return new Processes.Result(m.exitCode(), v.output() + m.output());
    }

    /** The make step of {@code verilator --build}: the generated makefile, two jobs, {@link #MAKE_FLAGS}. */
    static List<String> makeCommand(Path obj) {
        List<String> c = new ArrayList<>(List.of(makeExecutable(), "-C", obj.toString(), "-f", "Vtop.mk", "-j", "2"));
        c.addAll(List.of(MAKE_FLAGS.split(" ")));
        return c;
    }

    /** GNU make from the PATH, as an absolute path (so a timeout stops its whole process group). */
    private static String makeExecutable() {
        Path make = VerilatorTool.searchPath("make");
        if (make == null) {
            throw new ToolMissingException("GNU make not found on the PATH (Verilator's generated makefiles need it): "
                    + "run scripts/setup.sh (apt-get install make g++ verilator)");
        }
        return make.toString();
    }

    /** Everything that reaches the compile of Verilator's run-time objects: tool, compiler, flags, config header. */
    private String runtimeKey(BuildSpec spec) {
        List<String> args = new ArrayList<>(verilatorArgs(spec, "<src>", "<lib>"));
        int top = args.indexOf("--top-module");
        args.set(top + 1, "<top>");
        return String.join("\n", List.of("mttkit-runtime-objects/1", tool.versionLine(), compilerVersion(),
                String.join(" ", args), MAKE_FLAGS, bridgeSources().get("mttb_vl_config.h")));
    }

    private Path recordFailure(BuildSpec spec, String hash, Path log, List<String> cmd, double seconds, String status)
            throws IOException {
        Path failed = Files.createDirectories(cache.dir().resolve("failed").resolve(hash));
        if (Files.exists(log)) {
            Files.copy(log, failed.resolve("build.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path manifest = failed.resolve("manifest.json");
        Files.writeString(manifest, manifest(spec, hash, cmd, "lib" + hash + ".so", seconds, status, null));
        return manifest;
    }

    /** Verilator arguments except the source files and -Mdir (which vary by location, not content). */
    static List<String> verilatorArgs(BuildSpec spec, String srcDir, String libName) {
        // -Wno-fatal: a warning (a latch, a width, a style finding) never fails a build; VerilatorLint is the
        // separate gate for style (docs/bridge.md). The warnings stay in build.log (UNOPTFLAT there names a
        // combinational loop's place for ConvergenceException).
        List<String> a = new ArrayList<>(List.of("--cc", "--exe", "-Wno-fatal", "-O3", "--threads", "1",
                "--prefix", "Vtop", "--top-module", spec.top(), "-o", libName));
        a.addAll(spec.variant().verilatorArgs());
        if (spec.variant() == Variant.TRACE) {
            a.add(spec.waves().verilatorFlag());
        }
        a.addAll(List.of("-CFLAGS", "-fPIC -fvisibility=hidden -include " + srcDir + "/mttb_vl_config.h -I" + srcDir));
        a.addAll(List.of("-LDFLAGS", "-shared -Wl,-z,defs"));
        a.addAll(spec.extraVerilatorArgs());
        return a;
    }

    /** Content hash of everything that determines the library for {@code spec}. */
    public String hash(BuildSpec spec) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            update(md, "mttkit-bridge-build/1");
            update(md, GENERATOR_VERSION);
            for (Path s : spec.sources()) {
                update(md, "rtl");
                md.update(Files.readAllBytes(s));
            }
            for (var e : bridgeSources().entrySet()) {
                update(md, e.getKey());
                update(md, e.getValue());
            }
            for (String arg : verilatorArgs(spec, "<src>", "<lib>")) {
                update(md, arg);
            }
            update(md, "make -j 2 " + MAKE_FLAGS);
            update(md, spec.checker() ? "checker" : "generic");
            update(md, spec.variant().id());
            update(md, spec.waves().name());
            update(md, tool.versionLine());
            update(md, compilerVersion());
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sources of '" + spec.top() + "'", e);
        }
    }

    private static void update(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update(java.nio.ByteBuffer.allocate(4).putInt(b.length).array());
        md.update(b);
    }

    /** First line of {@code g++ --version} (the compiler Verilator's makefiles use). */
    public synchronized String compilerVersion() {
        if (compilerVersion == null) {
            String cxx = System.getenv().getOrDefault("CXX", "g++");
            try {
                Processes.Result r = Processes.run(List.of(cxx, "--version"), null, 60);
                compilerVersion = r.output().lines().findFirst().orElse("unknown");
            } catch (IOException e) {
                throw new ToolMissingException("C++ compiler '" + cxx + "' not found: run scripts/setup.sh "
                        + "(apt-get install g++ verilator)");
            }
        }
        return compilerVersion;
    }

    /** The bridge's C++ sources from the classpath (works from a jar as well as from target/classes). */
    static Map<String, String> bridgeSources() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String name : BRIDGE_SOURCES) {
            m.put(name, resource(CPP_RESOURCES + name));
        }
        return m;
    }

    static String resource(String path) {
        try (InputStream in = BuildDriver.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new BridgeException("bridge resource " + path + " missing from the classpath; rebuild sim-bridge");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String manifest(BuildSpec spec, String hash, List<String> cmd, String libName, double seconds, String status,
            LibraryCheck.Recorded check) {
        StringBuilder b = new StringBuilder("{\n");
        Json.field(b, "hash", hash);
        Json.field(b, "status", status);
        Json.field(b, "top", spec.top());
        Json.field(b, "variant", spec.variant().id());
        Json.field(b, "waves", spec.variant() == Variant.TRACE ? spec.waves().name().toLowerCase() : "none");
        Json.field(b, "checkerContract", spec.checker() ? "v" + PortContract.VERSION : "none");
        Json.field(b, "library", libName);
        if (check != null) {
            Json.field(b, LibraryCheck.SIZE_FIELD, Long.toString(check.size()));
            Json.field(b, LibraryCheck.SHA_FIELD, check.sha256());
        }
        Json.field(b, "verilator", tool.versionLine());
        Json.field(b, "compiler", compilerVersion());
        Json.field(b, "makeFlags", MAKE_FLAGS);
        Json.array(b, "sources", spec.sources().stream().map(Path::toString).toList());
        Json.array(b, "command", cmd);
        Json.field(b, "buildSeconds", String.format("%.2f", seconds));
        b.append("  \"created\": \"").append(Instant.now()).append("\"\n}\n");
        return b.toString();
    }
}
