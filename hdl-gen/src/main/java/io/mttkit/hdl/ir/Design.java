package io.mttkit.hdl.ir;

import java.util.List;

/**
 * An elaborated design: every definition once, children before their parents, the top last.
 */
public record Design(String top, List<ModuleDef> modules) {
    public Design {
        modules = List.copyOf(modules);
    }

    /** The definition named {@code name}. */
    public ModuleDef module(String name) {
        for (ModuleDef m : modules) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no module definition named '" + name + "' in design " + top);
    }

    /** The top definition. */
    public ModuleDef topModule() {
        return module(top);
    }
}
