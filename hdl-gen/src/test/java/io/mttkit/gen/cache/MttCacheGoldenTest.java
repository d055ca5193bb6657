package io.mttkit.gen.cache;

import io.mttkit.hdl.Hdl;
import io.mttkit.hdl.emit.EmitOptions;
import io.mttkit.hdl.support.Golden;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The emitted Verilog of a small cache (RV32, 2 sets × 2 ways, 2 superpage and 2 walk-cache entries, sdidLen 2,
 * queue depth 2) against the reviewed golden copy under {@code src/test/resources/golden-gen/cache}. Rewrite it
 * deliberately with {@code -Dmttkit.updateGolden=true} and review the diff.
 */
class MttCacheGoldenTest {
    @Test
    void smallConfigurationMatchesGolden() throws Exception {
        MttCacheParams small = MttCacheParams.of(32, 34, 2, 2, 2, 2, 2, 2, true, false);
        for (Map.Entry<String, String> f : Hdl.emit(Hdl.elaborate(new MttCache(small)), EmitOptions.plain()).entrySet()) {
            Golden.check("../golden-gen/cache/" + f.getKey(), f.getValue());
        }
    }
}
