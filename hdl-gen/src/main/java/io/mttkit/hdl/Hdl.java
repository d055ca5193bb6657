package io.mttkit.hdl;

import io.mttkit.hdl.emit.EmitOptions;
import io.mttkit.hdl.emit.VerilogEmitter;
import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.ir.SourceLoc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Entry points: elaborate a top module into a checked {@link Design}, and write it as Verilog. */
public final class Hdl {
    private Hdl() {}

    /**
     * Builds {@code top} and all its children, freezes them into an immutable design and runs every check.
     *
     * @throws ElaborationException listing every problem found, each with the user's source line and a hint
     */
    public static Design elaborate(Module top) {
        Elaboration elab = new Elaboration();
        ModuleState state = elab.build(top, null, SourceLoc.UNKNOWN);
        return elab.finish(state);
    }

    /** The Verilog text of every module, keyed by file name ({@code <module>.v}), children first. */
    public static Map<String, String> emit(Design design, EmitOptions options) {
        return new VerilogEmitter(options).emit(design);
    }

    /** Writes one {@code <module>.v} per definition into {@code dir}; returns the files written. */
    public static List<Path> write(Design design, EmitOptions options, Path dir) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> f : emit(design, options).entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.writeString(p, f.getValue());
                written.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing Verilog to " + dir + ": " + e.getMessage(), e);
        }
        return written;
    }
}
