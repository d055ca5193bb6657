package io.mttkit.hdl;

import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.ir.SourceLoc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything recorded about one module while its {@code build()} runs: its signals (with ownership), its
 * statement tree and the current position in it (the when-stack), Area prefixes, children.
 */
final class ModuleState {
    final Module module;
    final Elaboration elab;
    final ModuleState parent;
    final SourceLoc loc;
    final List<SignalNode> signals = new ArrayList<>();
    final List<Mem> mems = new ArrayList<>();
    final List<ChildInstance> instances = new ArrayList<>();
    final Map<String, ModuleDef.LocalParam> localParams = new LinkedHashMap<>();
    final List<BodyNode> body = new ArrayList<>();
    final List<Fsm<?>> fsms = new ArrayList<>();
    /** Child port node -> the parent-side CHILD_INPUT / CHILD_OUTPUT node standing for it here. */
    final Map<SignalNode, SignalNode> parentSide = new IdentityHashMap<>();
    private final Deque<List<BodyNode>> blocks = new ArrayDeque<>();
    private final Deque<String> prefixes = new ArrayDeque<>();
    /** Definition name after freezing and merging of identical definitions. */
    String finalName;
    /** Description printed above the module. */
    String doc = "";
    boolean clocked;
    boolean reset;

    /** A named child instance and the parent-side signals bound to its ports, in port order. */
    record ChildInstance(String name, ModuleState child, List<SignalNode> bindings, SourceLoc loc) {}

    ModuleState(Module module, Elaboration elab, ModuleState parent, SourceLoc loc) {
        this.module = module;
        this.elab = elab;
        this.parent = parent;
        this.loc = loc;
        blocks.push(body);
    }

    String displayName() {
        return module.definitionName();
    }

    /** Declares a signal; the Area prefix in force is prepended to its name. */
    SignalNode newSignal(String name, Signal.Kind kind, int width, SourceLoc at) {
        if (width < 1) {
            elab.error("width", "signal '" + name + "' declared with width " + width, at,
                    "widths are at least 1 bit");
            width = 1;
        }
        SignalNode n = elab.register(this, prefixed(name), kind, width, at);
        signals.add(n);
        return n;
    }

    String prefixed(String name) {
        if (prefixes.isEmpty()) {
            return name;
        }
        return String.join("_", (Iterable<String>) () -> prefixes.descendingIterator()) + "_" + name;
    }

    void pushPrefix(String p) {
        prefixes.push(p);
    }

    void popPrefix() {
        prefixes.pop();
    }

    /** Appends a statement at the current position of the when-stack. */
    void add(BodyNode stmt) {
        blocks.peek().add(stmt);
    }

    /** Runs {@code body} with statements going to {@code target}. */
    void inBlock(List<BodyNode> target, Runnable description) {
        blocks.push(target);
        try {
            description.run();
        } finally {
            blocks.pop();
        }
    }

    /** True when {@code v} may be read while describing this module. */
    boolean canUse(UInt v) {
        if (v.owner == null || v.owner == this) {
            return true;
        }
        return v.owner.parent == this && v.lv != null && v.lv.node().kind.isPort();
    }
}
