package io.mttkit.hdl;

import io.mttkit.hdl.check.Checks;
import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.ir.SourceLoc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one context of an elaboration run: the stack of modules being built, the error log, the global
 * signal table and the definitions produced so far. Created per run and reachable only through the modules
 * and signals of that run, so two elaborations never share state.
 */
final class Elaboration {
    private final List<HdlError> errors = new ArrayList<>();
    private final Deque<ModuleState> stack = new ArrayDeque<>();
    private final List<SignalNode> allSignals = new ArrayList<>();
    private final List<Mem> allMems = new ArrayList<>();
    /** Definitions in post-order (children first), keyed by final name. */
    private final Map<String, ModuleDef> definitions = new LinkedHashMap<>();
    /** Structure (a definition with a blank name) -> final name, for merging identical definitions. */
    private final Map<ModuleDef, String> byStructure = new LinkedHashMap<>();

    void error(String check, String message, SourceLoc loc, String hint) {
        errors.add(new HdlError(check, message, loc, hint));
    }

    ModuleState current() {
        ModuleState s = stack.peek();
        if (s == null) {
            throw new IllegalStateException("hardware can only be described while a module's build() runs"
                    + " (elaborate the top module with Hdl.elaborate)");
        }
        return s;
    }

    SignalNode register(ModuleState owner, String name, Signal.Kind kind, int width, SourceLoc loc) {
        SignalNode n = new SignalNode(allSignals.size(), owner, name, kind, width, loc);
        allSignals.add(n);
        return n;
    }

    SignalNode signal(int globalId) {
        return allSignals.get(globalId);
    }

    int registerMem(Mem mem) {
        allMems.add(mem);
        return allMems.size() - 1;
    }

    Mem mem(int globalId) {
        return allMems.get(globalId);
    }

    /** Builds {@code module} (and, through it, its children) and freezes it into a definition. */
    ModuleState build(Module module, ModuleState parent, SourceLoc loc) {
        ModuleState state = new ModuleState(module, this, parent, loc);
        module.attach(state);
        stack.push(state);
        try {
            module.build();
            for (Fsm<?> fsm : state.fsms) {
                fsm.checkComplete();
            }
        } finally {
            stack.pop();
        }
        ModuleDef def = new Freezer(state).freeze();
        state.finalName = addDefinition(def);
        return state;
    }

    /** Adds a definition, merging it with a structurally identical one and uniquifying clashing names. */
    private String addDefinition(ModuleDef def) {
        ModuleDef structure = def.withName("").withLoc(SourceLoc.UNKNOWN);
        String existing = byStructure.get(structure);
        if (existing != null) {
            return existing;
        }
        String name = def.name();
        for (int i = 1; definitions.containsKey(name); i++) {
            name = def.name() + "_" + i;
        }
        definitions.put(name, def.withName(name));
        byStructure.put(structure, name);
        return name;
    }

    Design finish(ModuleState top) {
        Design design = new Design(top.finalName, List.copyOf(definitions.values()));
        errors.addAll(Checks.runAll(design));
        if (!errors.isEmpty()) {
            throw new ElaborationException(top.finalName, List.copyOf(new java.util.LinkedHashSet<>(errors)));
        }
        return design;
    }
}
