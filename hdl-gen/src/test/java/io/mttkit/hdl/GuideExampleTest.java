package io.mttkit.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mttkit.hdl.emit.EmitOptions;
import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.support.Tools;
import io.mttkit.hdl.support.Verilator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The guide's worked example compiles, elaborates, lints, and the guide quotes its output correctly. */
class GuideExampleTest {
    @Test
    void workedExampleMatchesTheGuide() throws Exception {
        Design d = Hdl.elaborate(new GuideWalker(16, 4));
        String v = Hdl.emit(d, EmitOptions.plain()).get(d.top() + ".v");
        String guide = Files.readString(Path.of("..", "docs", "hdl.md"));
        String quoted = guide.substring(guide.indexOf("  always @(*) begin"), guide.indexOf("  end\n```") + 6);
        assertTrue(v.contains(quoted), "the guide quotes:\n" + quoted + "\nbut the module prints:\n" + v);
        String source = Files.readString(Path.of("src", "test", "java", "io", "mttkit", "hdl", "GuideWalker.java"));
        String example = source.substring(source.indexOf("final class GuideWalker"));
        assertTrue(guide.replace("public final class ChainWalker", "final class GuideWalker")
                .replace("public ChainWalker(", "GuideWalker(").contains(example.strip()), "GuideWalker.java drifted from docs/hdl.md");
        Tools.requireVerilator();
        assertEquals("", Verilator.lint(d).output().trim());
    }
}
