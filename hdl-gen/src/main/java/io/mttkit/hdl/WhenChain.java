package io.mttkit.hdl;

/**
 * The result of {@code when(cond, body)}: continue with {@link #elseWhen} or {@link #otherwise}. Emitted as
 * {@code if / else if / else}.
 */
public final class WhenChain {
    private final ModuleState module;
    private BodyNode.When last;

    private WhenChain(ModuleState module, BodyNode.When first) {
        this.module = module;
        this.last = first;
    }

    static WhenChain start(ModuleState m, Bool cond, Runnable body) {
        cond.ctx();
        BodyNode.When w = new BodyNode.When(cond.expr, Locations.capture());
        m.add(w);
        m.inBlock(w.then(), body);
        return new WhenChain(m, w);
    }

    /** Taken when the previous conditions were false and {@code cond} is true. */
    public WhenChain elseWhen(Bool cond, Runnable body) {
        cond.ctx();
        BodyNode.When w = new BodyNode.When(cond.expr, Locations.capture());
        last.otherwise().add(w);
        module.inBlock(w.then(), body);
        last = w;
        return this;
    }

    /** Taken when all previous conditions were false. */
    public void otherwise(Runnable body) {
        module.inBlock(last.otherwise(), body);
    }
}
