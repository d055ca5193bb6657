package io.mttkit.hdl;

import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.SourceLoc;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A finite-state machine over an enum (after ROHD's enum-generic FSM and SpinalHDL's
 * {@code whenIsActive}/{@code goto}). The state register holds the enum ordinal; each state becomes a
 * {@code localparam} named {@code <NAME>_<STATE>} and the arms become a {@code case} on the register.
 * Every state must have exactly one {@link #on} arm (an empty arm is fine); a missing one is an error.
 *
 * <pre>{@code
 * Fsm<State> fsm = fsm("state", State.class, State.IDLE);
 * fsm.on(State.IDLE, () -> when(start, () -> fsm.go(State.BUSY)))
 *    .on(State.BUSY, () -> { busy.set(true); when(done, () -> fsm.go(State.IDLE)); });
 * }</pre>
 *
 * @param <S> the enum of states
 */
public final class Fsm<S extends Enum<S>> {
    private final ModuleState module;
    private final String name;
    private final Class<S> states;
    private final UInt state;
    private final Map<S, Expr.Const> consts;
    private final SourceLoc loc;
    private SwitchBuilder switchBuilder;
    private final List<S> handled = new ArrayList<>();

    Fsm(Module owner, ModuleState module, String name, Class<S> states, S initial) {
        this.module = module;
        this.name = module.prefixed(name);
        this.states = states;
        this.loc = Locations.capture();
        this.consts = new EnumMap<>(states);
        S[] all = states.getEnumConstants();
        int width = Hw.indexWidth(all.length);
        this.state = owner.regInit(name, width, initial.ordinal());
        for (S s : all) {
            String param = (this.name + "_" + s.name()).toUpperCase(Locale.ROOT);
            Expr.Const c = new Expr.Const(param, BigInteger.valueOf(s.ordinal()), width);
            consts.put(s, c);
            module.localParams.put(param, new ModuleDef.LocalParam(param, c.value(), width));
        }
        state.lv.node().init = consts.get(initial);
        module.fsms.add(this);
    }

    /** The arm for state {@code s}: {@code body} describes what happens while the machine is in it. */
    public Fsm<S> on(S s, Runnable body) {
        if (switchBuilder == null) {
            switchBuilder = SwitchBuilder.start(module, state);
        }
        handled.add(s);
        switchBuilder.arm(List.of(consts.get(s)), body);
        return this;
    }

    /** Moves to state {@code s} at the next clock edge (in the current {@code when} context). */
    public void go(S s) {
        state.set(UInt.of(consts.get(s), null));
    }

    /** True while the machine is in state {@code s}. */
    public Bool is(S s) {
        return state.eq(UInt.of(consts.get(s), null));
    }

    /** The state register (the ordinal of the current state). */
    public UInt state() {
        return state;
    }

    void checkComplete() {
        List<String> missing = new ArrayList<>();
        for (S s : states.getEnumConstants()) {
            if (!handled.contains(s)) {
                missing.add(s.name());
            }
        }
        if (!missing.isEmpty()) {
            module.elab.error("fsm", "FSM '" + name + "' has no on(...) arm for state(s) " + missing, loc,
                    "add fsm.on(" + states.getSimpleName() + "." + missing.get(0)
                            + ", () -> { ... }) — an empty body if the state only waits");
        }
    }
}
