package io.mttkit.hdl.check;

import io.mttkit.hdl.HdlError;
import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.ir.ModuleDef;
import java.util.List;

/** One elaboration check: a pass over the immutable IR that reports problems and changes nothing. */
public interface Check {
    /** Problems found in {@code module}; {@code design} gives access to child definitions. */
    List<HdlError> run(Design design, ModuleDef module);
}
