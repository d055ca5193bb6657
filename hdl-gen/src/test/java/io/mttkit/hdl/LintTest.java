package io.mttkit.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mttkit.gen.Configurations;
import io.mttkit.hdl.support.Tools;
import io.mttkit.hdl.support.Verilator;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every emitted module passes {@code verilator --lint-only -Wall} with no warning at all. */
class LintTest {
    @BeforeEach
    void tools() {
        Tools.requireVerilator();
    }

    static Stream<Supplier<Module>> designs() {
        return Stream.concat(Samples.golden().stream(), Stream.of(
                TestDesigns.Operators::new, TestDesigns.Everything::new, TestDesigns.Selects::new, TestDesigns.IgnoresOutputs::new, TestDesigns.NoReset::new,
                TestDesigns.ReadsChildInputs::new,
                () -> new io.mttkit.hdl.samples.Fifo(33, 7), () -> new io.mttkit.hdl.samples.RoundRobinArbiter(13),
                () -> new io.mttkit.hdl.samples.TreePlru(2), () -> new io.mttkit.hdl.samples.TreePlru(32)));
    }

    @ParameterizedTest
    @MethodSource("designs")
    void lintsCleanWithAllWarnings(Supplier<Module> design) throws Exception {
        Verilator.Run r = Verilator.lint(Hdl.elaborate(design.get()));
        assertEquals("", r.output().trim(), "verilator -Wall output");
        assertEquals(0, r.exitCode());
    }

    static Stream<String> configurations() {
        return Configurations.names().stream();
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void registeredConfigurationsLintCleanAtDefaults(String name) throws Exception {
        Verilator.Run r = Verilator.lint(Configurations.elaborate(name, Map.of()));
        assertEquals("", r.output().trim(), "verilator -Wall output for " + name);
    }
}
