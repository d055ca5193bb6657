package io.mttkit.hdl.ir;

import java.util.List;

/**
 * A named child instance. Each port of the child is bound to a parent signal of kind
 * {@link Signal.Kind#CHILD_INPUT} or {@link Signal.Kind#CHILD_OUTPUT}; {@code clocked} and {@code reset} say
 * whether the child has {@code clk} and {@code rst} ports.
 */
public record Instance(String name, String module, List<PortBinding> ports, boolean clocked, boolean reset,
                       SourceLoc loc) {
    public Instance {
        ports = List.copyOf(ports);
    }

    /** Child port {@code port} is connected to parent signal {@code signal}. */
    public record PortBinding(String port, int signal) {}

    /** A copy instantiating another definition name (after duplicate definitions were merged). */
    public Instance withModule(String newModule) {
        return new Instance(name, newModule, ports, clocked, reset, loc);
    }
}
