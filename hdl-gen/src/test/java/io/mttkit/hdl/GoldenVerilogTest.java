package io.mttkit.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mttkit.hdl.emit.EmitOptions;
import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.support.Golden;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The emitted Verilog of the samples against reviewed golden files ({@code src/test/resources/golden}).
 * Rewrite them deliberately with {@code -Dmttkit.updateGolden=true} and review the diff.
 */
class GoldenVerilogTest {
    static Stream<Supplier<Module>> samples() {
        return Samples.golden().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void emittedVerilogMatchesGolden(Supplier<Module> sample) throws Exception {
        Design d = Hdl.elaborate(sample.get());
        for (Map.Entry<String, String> f : Hdl.emit(d, EmitOptions.plain()).entrySet()) {
            Golden.check(f.getKey(), f.getValue());
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void emissionIsDeterministicAcrossElaborations(Supplier<Module> sample) {
        // a second, independent elaboration (after other designs were built) must print the same bytes
        Hdl.elaborate(new TestDesigns.Operators());
        Map<String, String> first = Hdl.emit(Hdl.elaborate(sample.get()), EmitOptions.withSourceComments());
        Map<String, String> second = Hdl.emit(Hdl.elaborate(sample.get()), EmitOptions.withSourceComments());
        assertEquals(first, second);
    }
}
