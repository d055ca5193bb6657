package io.mttkit.tb.lockstep;

import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.hart.HartMatrix;
import io.mttkit.golden.hart.ProgramBuild;
import io.mttkit.tb.cosim.CheckerLibrary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The seed's matrix ({@link HartMatrix}) with every MTT check also answered, in lockstep, by the RTL checker of
 * the shipped configuration implementing the cell's XLEN and format ({@link LockstepTarget}).
 */
public final class LockstepMatrix {
    private LockstepMatrix() {
    }

    /**
     * One cell run in lockstep.
     *
     * @param spec   the cell
     * @param config the RTL configuration that answered
     * @param pass   the program passed on the hart and the RTL agreed with every check
     * @param detail why it failed ("" when it passed): the hart's finding or the lockstep report
     * @param stats  what the RTL answered (null when the run stopped at a mismatch)
     */
    public record Cell(HartMatrix.CellSpec spec, String config, boolean pass, String detail, LockstepStats stats) {
        /** {@code PASS|FAIL <xlen> <mode> <perm> [firmware-tables] rtl <config> <n> checks}, then the reason. */
        public String line() {
            return (pass ? "PASS " : "FAIL ") + spec.xlen() + " " + spec.mode().id() + " "
                    + HartMatrix.permName(spec.xwr()) + (spec.firmwareTables() ? " firmware-tables" : "") + " rtl "
                    + config + (stats == null ? "" : " " + stats.checks() + " checks")
                    + (pass ? "" : " — " + detail);
        }
    }

    /** All cells and the summary. */
    public record Result(List<Cell> cells, String summary) {
        /** True when every cell passed. */
        public boolean allPassed() {
            return cells.stream().allMatch(Cell::pass);
        }

        /** Checks the RTL answered over all cells. */
        public long checks() {
            return cells.stream().filter(c -> c.stats() != null).mapToLong(c -> c.stats().checks()).sum();
        }
    }

    /**
     * Runs the cells of {@link HartMatrix#cells()} whose RTL configuration is accepted by {@code configFilter}
     * (null: all), telling {@code onCell} about each as it completes.
     *
     * @param programsDir  the {@code programs/} folder
     * @param cacheDir     where built ELFs are cached
     * @param stride       probe every stride-th page
     * @param compressed   build the program for the C extension
     * @param options      batching and bundle folder
     * @param configFilter configuration name to run (null: every shipped configuration)
     * @param onCell       told about each finished cell (may be null)
     */
    public static Result runAll(Path programsDir, Path cacheDir, long stride, boolean compressed,
                                LockstepOptions options, String configFilter, Consumer<Cell> onCell) {
        Map<Integer, ElfFile> elves = new HashMap<>();
        Map<String, CheckerLibrary> libs = new HashMap<>();
        List<Cell> cells = new ArrayList<>();
        for (HartMatrix.CellSpec spec : HartMatrix.cells()) {
            String config = LockstepTarget.configName(spec.xlen(), spec.mode().format());
            if (configFilter != null && !configFilter.equals(config)) {
                continue;
            }
            ElfFile elf = elves.computeIfAbsent(spec.xlen(),
                    x -> ElfFile.read(ProgramBuild.build(programsDir, "matrix", x, cacheDir, compressed)));
            CheckerLibrary lib = libs.computeIfAbsent(config,
                    c -> LockstepTarget.forCell(spec.xlen(), spec.mode().format()));
            Cell c = runCell(elf, spec, stride, lib, config, options);
            cells.add(c);
            if (onCell != null) {
                onCell.accept(c);
            }
        }
        long passed = cells.stream().filter(Cell::pass).count();
        long checks = cells.stream().filter(c -> c.stats() != null).mapToLong(c -> c.stats().checks()).sum();
        return new Result(cells, passed + "/" + cells.size() + " cells passed, " + checks
                + " checks answered by the RTL in lockstep");
    }

    /** Runs one cell in lockstep with {@code lib}. */
    public static Cell runCell(ElfFile elf, HartMatrix.CellSpec spec, long stride, CheckerLibrary lib, String config,
                               LockstepOptions options) {
        return runCell(elf, spec, stride, lib, config, options, null);
    }

    /** As above, with a test tap on the RTL's answers. */
    static Cell runCell(ElfFile elf, HartMatrix.CellSpec spec, long stride, CheckerLibrary lib, String config,
                        LockstepOptions options, LockstepChecker.AnswerTap tap) {
        LockstepChecker[] checker = new LockstepChecker[1];
        try {
            HartMatrix.Cell golden = HartMatrix.runCellAttached(elf, spec.mode(), spec.xwr(), stride,
                    spec.firmwareTables(), hart -> {
                        checker[0] = LockstepChecker.attach(hart, lib, config, options);
                        checker[0].setAnswerTap(tap);
                    });
            LockstepStats stats = checker[0].finish();
            return new Cell(spec, config, golden.pass(), golden.detail(), stats);
        } catch (LockstepMismatchException e) {
            return new Cell(spec, config, false, e.getMessage(), null);
        } finally {
            if (checker[0] != null) {
                checker[0].close();
            }
        }
    }
}
