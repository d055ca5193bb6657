package io.mttkit.hdl;

import io.mttkit.hdl.ir.SourceLoc;
import java.util.Set;

/**
 * Finds the user's source line: the first stack frame that is not DSL machinery. The machinery is the
 * classes of this package's API and internals plus the {@code ir}, {@code check}, {@code emit} and
 * {@code sim} packages; user modules count as user code wherever they live (including this package).
 */
final class Locations {
    private static final Set<String> DSL_PACKAGES = Set.of("io.mttkit.hdl.ir", "io.mttkit.hdl.check",
            "io.mttkit.hdl.emit", "io.mttkit.hdl.sim");
    private static final Set<Class<?>> DSL_CLASSES = Set.of(UInt.class, Bool.class, Hw.class, Module.class,
            Scope.class, Bundle.class, BundleMem.class, Vec.class, Mem.class, Fsm.class, WhenChain.class, SwitchBuilder.class,
            ModuleState.class, Elaboration.class, Freezer.class, Locations.class, Hdl.class, SignalNode.class);
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private Locations() {}

    static SourceLoc capture() {
        return WALKER.walk(frames -> frames
                .filter(f -> !isDsl(f.getDeclaringClass()))
                .findFirst()
                .map(f -> new SourceLoc(f.getFileName() == null ? f.getClassName() : f.getFileName(),
                        f.getLineNumber()))
                .orElse(SourceLoc.UNKNOWN));
    }

    private static boolean isDsl(Class<?> c) {
        Class<?> top = c;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        return DSL_CLASSES.contains(top) || DSL_PACKAGES.contains(c.getPackageName());
    }
}
