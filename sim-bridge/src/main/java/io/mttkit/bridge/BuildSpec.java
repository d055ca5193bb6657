package io.mttkit.bridge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to build: Verilog sources, the top module, the variant and whether the top implements checker
 * port contract v2 (then the fast-path driver is compiled in and the ports are validated first).
 *
 * @param sources Verilog/SystemVerilog files, made absolute (Verilator gets absolute paths)
 * @param top top module name
 * @param variant build variant
 * @param waves wave format, used only by {@link Variant#TRACE}
 * @param checker true when the top implements checker port contract v2
 * @param extraVerilatorArgs additional Verilator arguments (e.g. {@code -GXLEN=32}); part of the hash
 */
public record BuildSpec(List<Path> sources, String top, Variant variant, WaveFormat waves, boolean checker,
        List<String> extraVerilatorArgs) {

    public BuildSpec {
        Objects.requireNonNull(top, "top");
        Objects.requireNonNull(variant, "variant");
        waves = waves == null ? WaveFormat.FST : waves;
        if (sources == null || sources.isEmpty()) {
            throw new BridgeException("build of '" + top + "': no Verilog source files given");
        }
        sources = sources.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        for (Path p : sources) {
            if (!Files.isRegularFile(p)) {
                throw new BridgeException("build of '" + top + "': Verilog source " + p + " does not exist");
            }
        }
        extraVerilatorArgs = extraVerilatorArgs == null ? List.of() : List.copyOf(extraVerilatorArgs);
    }

    /** A design implementing checker port contract v2 (v1 plus optional extension observation ports). */
    public static BuildSpec checker(List<Path> sources, String top, Variant variant) {
        return new BuildSpec(sources, top, variant, WaveFormat.FST, true, List.of());
    }

    /** Any design, generic layer only. */
    public static BuildSpec generic(List<Path> sources, String top, Variant variant) {
        return new BuildSpec(sources, top, variant, WaveFormat.FST, false, List.of());
    }

    public BuildSpec withVariant(Variant v) {
        return new BuildSpec(sources, top, v, waves, checker, extraVerilatorArgs);
    }

    public BuildSpec withWaves(WaveFormat w) {
        return new BuildSpec(sources, top, variant, w, checker, extraVerilatorArgs);
    }

    public BuildSpec withExtraArgs(List<String> args) {
        return new BuildSpec(sources, top, variant, waves, checker, args);
    }
}
