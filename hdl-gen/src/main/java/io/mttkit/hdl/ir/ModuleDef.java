package io.mttkit.hdl.ir;

import java.util.List;

/**
 * One elaborated module definition. Immutable.
 *
 * @param name        definition name (derived from the class and its parameters)
 * @param signals     all signals, indexed by {@link Signal#id()}; ports appear in declaration order
 * @param memories    memory arrays, indexed by {@link Memory#id()}
 * @param instances   child instances in creation order
 * @param localParams named constants (FSM states) in declaration order
 * @param body        the statement tree
 * @param clocked     whether the module has a {@code clk} port (it or a child holds state)
 * @param reset       whether the module has a {@code rst} port (it or a child has a register with a reset value)
 * @param doc         a description for readers of the Verilog (printed as a comment above the module), or ""
 * @param loc         where the module was instantiated / elaborated
 */
public record ModuleDef(String name, List<Signal> signals, List<Memory> memories, List<Instance> instances,
                        List<LocalParam> localParams, List<Stmt> body, boolean clocked, boolean reset, String doc,
                        SourceLoc loc) {
    public ModuleDef {
        signals = List.copyOf(signals);
        memories = List.copyOf(memories);
        instances = List.copyOf(instances);
        localParams = List.copyOf(localParams);
        body = List.copyOf(body);
    }

    /** A named constant. */
    public record LocalParam(String name, java.math.BigInteger value, int width) {}

    /** The signal with this id. */
    public Signal signal(int id) {
        return signals.get(id);
    }

    /** The ports of the module in declaration order. */
    public List<Signal> ports() {
        return signals.stream().filter(s -> s.kind().isPort()).toList();
    }

    /** A copy with another source location. */
    public ModuleDef withLoc(SourceLoc newLoc) {
        return new ModuleDef(name, signals, memories, instances, localParams, body, clocked, reset, doc, newLoc);
    }

    /** A copy with another definition name. */
    public ModuleDef withName(String newName) {
        return new ModuleDef(newName, signals, memories, instances, localParams, body, clocked, reset, doc, loc);
    }
}
