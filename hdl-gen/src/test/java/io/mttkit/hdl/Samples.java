package io.mttkit.hdl;

import io.mttkit.hdl.samples.ChainWalker;
import io.mttkit.hdl.samples.Counter;
import io.mttkit.hdl.samples.Fifo;
import io.mttkit.hdl.samples.RoundRobinArbiter;
import io.mttkit.hdl.samples.TreePlru;
import java.util.List;
import java.util.function.Supplier;

/** The sample modules at the parameters the golden files hold. */
final class Samples {
    private Samples() {}

    static List<Supplier<Module>> golden() {
        return List.of(() -> new Counter(8), () -> new Fifo(8, 16), () -> new RoundRobinArbiter(4),
                () -> new TreePlru(8), () -> new ChainWalker(16, 4));
    }
}
