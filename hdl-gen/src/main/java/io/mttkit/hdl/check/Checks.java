package io.mttkit.hdl.check;

import io.mttkit.hdl.HdlError;
import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.ir.ModuleDef;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered list of checks run after elaboration (after SpinalHDL's explicit phase list). All checks run
 * on all definitions, so one run reports every problem.
 */
public final class Checks {
    private Checks() {}

    /** The checks in the order they run. */
    public static List<Check> all() {
        return List.of(new NameCheck(), new WidthCheck(), new DriverCheck(), new UndrivenCheck(),
                new LatchCheck(), new LoopCheck());
    }

    /** Runs every check on every definition of {@code design}. */
    public static List<HdlError> runAll(Design design) {
        List<HdlError> errors = new ArrayList<>();
        List<Check> checks = all();
        for (ModuleDef m : design.modules()) {
            for (Check c : checks) {
                errors.addAll(c.run(design, m));
            }
        }
        return errors;
    }
}
