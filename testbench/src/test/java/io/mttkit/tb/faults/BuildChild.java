package io.mttkit.tb.faults;

import io.mttkit.bridge.BuildCache;
import io.mttkit.bridge.BuildDriver;
import io.mttkit.bridge.BuildSpec;
import io.mttkit.bridge.BuiltLibrary;
import io.mttkit.bridge.Variant;
import io.mttkit.bridge.VerilatorTool;
import java.nio.file.Path;
import java.util.List;

/**
 * A separate JVM building one generic design into a build cache ({@link FaultInjectionTest}: two processes on one
 * cache). Arguments: CACHE VERILATOR VERILOG TOP. Prints "cold|cached LIBRARY"; exit 0 on success.
 */
public final class BuildChild {
    private BuildChild() {
    }

    public static void main(String[] args) {
        BuildDriver d = new BuildDriver(new BuildCache(Path.of(args[0]), 4), VerilatorTool.at(Path.of(args[1])));
        BuiltLibrary b = d.build(BuildSpec.generic(List.of(Path.of(args[2])), args[3], Variant.FAST));
        System.out.println((b.cold() ? "cold " : "cached ") + b.library());
        System.exit(0);
    }
}
