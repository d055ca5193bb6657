package io.mttkit.hdl;

import io.mttkit.hdl.ir.SourceLoc;
import java.util.Set;

/**
 * Finds the user's source line: the first stack frame whose class is not part of the DSL machinery.
 * Generators and samples (other packages, including {@code io.mttkit.hdl.samples}) count as user code.
 */
final class Locations {
    private static final Set<String> DSL_PACKAGES = Set.of("io.mttkit.hdl", "io.mttkit.hdl.ir",
            "io.mttkit.hdl.check", "io.mttkit.hdl.emit", "io.mttkit.hdl.sim");
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private Locations() {}

    static SourceLoc capture() {
        return WALKER.walk(frames -> frames
                .filter(f -> !DSL_PACKAGES.contains(f.getDeclaringClass().getPackageName()))
                .findFirst()
                .map(f -> new SourceLoc(f.getFileName() == null ? f.getClassName() : f.getFileName(),
                        f.getLineNumber()))
                .orElse(SourceLoc.UNKNOWN));
    }
}
