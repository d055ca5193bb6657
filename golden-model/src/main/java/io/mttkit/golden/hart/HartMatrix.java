package io.mttkit.golden.hart;

import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;
import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.SeedMatrix;
import io.mttkit.golden.tables.TableBuilder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The seed's matrix on the golden hart (VERIFICATION-PLAN §2 "Programs", seeds/000): for XLEN 32 and 64 ×
 * every mode of both formats × {disallow, allow-rx, allow-rw, allow-rwx}, runs {@code programs/matrix.c}:
 * M-mode firmware writes {@code mmpt}/{@code mttp} with tables the harness placed in memory (built by
 * {@link TableBuilder} for the three regions of {@link SeedMatrix} plus the domain's own 4 MiB of RAM at
 * 0x8000_0000, RWX), S-mode probes every page (the 1 GiB region: every {@code stride}-th page and the last)
 * with a load, a store and a jump-to-execute, and reports per region. For Smmpt34 and Smmpt43 every
 * permission also runs with tables the firmware builds itself ({@code programs/runtime/mpt_build.c}), so
 * real RDSM table-building code is exercised too.
 *
 * <p>A cell passes when the program exits with 0 and the per-region counts it prints equal the counts
 * this class expects from the permission (all pages or none, per R, W, X) — checked here independently of
 * the program's own check.
 */
public final class HartMatrix {
    /** Sampling stride of the default run: every 256th page of the 1 GiB region (1025 pages). */
    public static final long DEFAULT_STRIDE = 256;
    /** The domain's own memory (code, data, stacks), granted RWX in every cell. */
    public static final long DOMAIN_RAM = 0x8000_0000L;
    public static final long DOMAIN_RAM_SIZE = 4L << 20;
    /** SDID of the domain under test. */
    public static final int SDID = 1;

    private static final Pattern REGION_LINE = Pattern.compile(
            "region 0x0*([0-9a-f]+) pages=(\\d+) r=(\\d+) w=(\\d+) x=(\\d+) badvalue=(\\d+)");

    /** The outcome of one cell. */
    public record Cell(int xlen, MttMode mode, int xwr, boolean firmwareTables, boolean pass, String detail,
                       RunResult run) {
        /**
         * {@code PASS|FAIL <xlen> <mode> <perm>}, with {@code firmware-tables} when the firmware built the
         * tables, plus the reason when it failed.
         */
        public String line() {
            return (pass ? "PASS " : "FAIL ") + xlen + " " + mode.id() + " " + permName(xwr)
                    + (firmwareTables ? " firmware-tables" : "") + (pass ? "" : " — " + detail);
        }
    }

    /**
     * One cell of the matrix, before it runs.
     *
     * @param mode           the MTT mode (its XLEN and format select the program build and the hart)
     * @param xwr            the permission the tables grant the three probed regions
     * @param firmwareTables the firmware builds the tables itself ({@link #firmwareCanBuild})
     */
    public record CellSpec(MttMode mode, int xwr, boolean firmwareTables) {
        /** 32 or 64. */
        public int xlen() {
            return mode.xlen();
        }
    }

    /**
     * Every cell in run order: XLEN 32 then 64, each mode in declaration order, each permission of
     * {@link SeedMatrix#PERMISSIONS}, the firmware-built variant right after its harness-built twin.
     */
    public static List<CellSpec> cells() {
        List<CellSpec> out = new ArrayList<>();
        for (int xlen : new int[] {32, 64}) {
            for (MttMode mode : MttMode.values()) {
                if (mode == MttMode.BARE || mode.xlen() != xlen) {
                    continue;
                }
                for (int xwr : SeedMatrix.PERMISSIONS) {
                    out.add(new CellSpec(mode, xwr, false));
                    if (firmwareCanBuild(mode)) {
                        out.add(new CellSpec(mode, xwr, true));
                    }
                }
            }
        }
        return out;
    }

    /** The modes whose tables the matrix firmware can build itself ({@code programs/runtime/mpt_build.c}). */
    public static boolean firmwareCanBuild(MttMode mode) {
        return mode == MttMode.SMMPT34 || mode == MttMode.SMMPT43;
    }

    /** All cells and a summary line. */
    public record Result(List<Cell> cells, String summary) {
        /** True when every cell passed. */
        public boolean allPassed() {
            return cells.stream().allMatch(Cell::pass);
        }

        /** One line per cell, then the summary. */
        public List<String> lines() {
            List<String> l = new ArrayList<>();
            cells.forEach(c -> l.add(c.line()));
            l.add(summary);
            return l;
        }
    }

    private HartMatrix() {
    }

    /** "disallow", "allow-rx", "allow-rw" or "allow-rwx". */
    public static String permName(int xwr) {
        return xwr == 0 ? "disallow" : "allow-" + Access.format(xwr);
    }

    /**
     * Runs every cell.
     *
     * @param programsDir the {@code programs/} folder
     * @param cacheDir    where built ELFs are cached
     * @param stride      probe every stride-th page (1 = every page: the long run)
     */
    public static Result runAll(Path programsDir, Path cacheDir, long stride) {
        return runAll(programsDir, cacheDir, stride, false);
    }

    /** {@link #runAll(Path, Path, long)} with the program compiled for the C extension when {@code compressed}. */
    public static Result runAll(Path programsDir, Path cacheDir, long stride, boolean compressed) {
        List<Cell> cells = new ArrayList<>();
        java.util.Map<Integer, ElfFile> elves = new java.util.HashMap<>();
        for (CellSpec spec : cells()) {
            ElfFile elf = elves.computeIfAbsent(spec.xlen(),
                    x -> ElfFile.read(ProgramBuild.build(programsDir, "matrix", x, cacheDir, compressed)));
            cells.add(runCell(elf, spec.mode(), spec.xwr(), stride, spec.firmwareTables(), UnaryOperator.identity()));
        }
        long passed = cells.stream().filter(Cell::pass).count();
        return new Result(cells, passed + "/" + cells.size() + " cells passed");
    }

    /** Runs one cell with the built {@code matrix} program of the mode's XLEN. */
    public static Cell runCell(ElfFile elf, MttMode mode, int xwr, long stride) {
        return runCell(elf, mode, xwr, stride, false, UnaryOperator.identity());
    }

    /**
     * Runs one cell with the hart's access check replaced by {@code wrap.apply(default check)}: the way a
     * lockstep co-simulation sends every check to the RTL as well.
     */
    public static Cell runCell(ElfFile elf, MttMode mode, int xwr, long stride, boolean firmwareTables,
                               UnaryOperator<MttAccessCheck> wrap) {
        if (wrap == null) {
            throw new IllegalArgumentException("wrap must be given (UnaryOperator.identity() for none)");
        }
        return runCellAttached(elf, mode, xwr, stride, firmwareTables,
                hart -> hart.setMttCheck(wrap.apply(hart.mttCheck())));
    }

    /**
     * Runs one cell with {@code attach} called on the hart after the program is loaded and before the harness
     * places the tables and parameters: the way a lockstep co-simulation installs its access check, listener
     * and memory observer ({@code docs/lockstep.md}).
     */
    public static Cell runCellAttached(ElfFile elf, MttMode mode, int xwr, long stride, boolean firmwareTables,
                                       java.util.function.Consumer<Hart> attach) {
        if (attach == null) {
            throw new IllegalArgumentException("attach must be given");
        }
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be at least 1, got " + stride);
        }
        if (firmwareTables && !firmwareCanBuild(mode)) {
            throw new IllegalArgumentException("the matrix firmware builds tables only for smmpt34 and smmpt43, not "
                    + mode.id());
        }
        int xlen = mode.xlen();
        List<Region> regions = new ArrayList<>(SeedMatrix.regions(xlen, xwr));
        regions.add(new Region(DOMAIN_RAM, DOMAIN_RAM_SIZE, Access.R | Access.W | Access.X));
        BuiltTables tables = TableBuilder.build(regions, mode, SeedMatrix.TABLE_BASE);
        long midSize = xlen == 32 ? 4L << 20 : 2L << 20;
        List<PageMemory.Range> memory = List.of(RunOptions.DEFAULT_RAM,
                new PageMemory.Range(SeedMatrix.MID_BASE, midSize, "mid region"),
                new PageMemory.Range(SeedMatrix.PAGE_BASE, 4096, "4 KiB region"),
                new PageMemory.Range(SeedMatrix.ONE_GIB_BASE, 1L << 30, "1 GiB region"));
        long csr = rootCsrValue(mode, SDID, firmwareTables ? 0 : tables.rootPpn());
        long params = elf.symbol("matrix_params");
        RunOptions opts = RunOptions.defaults().withMemory(memory).withMaxInstructions(2_000_000_000L)
                .withSetup((hart, e) -> {
                    attach.accept(hart);
                    if (!firmwareTables) {
                        hart.memory().writeBytes(tables.base(), tables.image(), 0, tables.image().length);
                    }
                    int w = xlen / 8;
                    hart.memory().write(params, w, csr, false);
                    hart.memory().write(params + w, w, xwr, false);
                    hart.memory().write(params + 2L * w, w, stride, false);
                    hart.memory().write(params + 3L * w, w, midSize, false);
                    hart.memory().write(params + 4L * w, w, firmwareTables ? 1 : 0, false);
                    hart.memory().write(params + 5L * w, w, SeedMatrix.TABLE_BASE, false);
                });
        RunResult run = HartRunner.run(elf, HartConfig.defaults(xlen, mode.format()), opts);
        String problem = checkRun(run, xwr, stride, midSize);
        return new Cell(xlen, mode, xwr, firmwareTables, problem == null, problem == null ? "" : problem, run);
    }

    /** The value of {@code mmpt}/{@code mttp} selecting {@code mode} with {@code sdid} and root {@code ppn}. */
    public static long rootCsrValue(MttMode mode, int sdid, long ppn) {
        boolean v09 = mode.format() == TableFormat.SMMPT_V0_9;
        if (mode.xlen() == 32) {
            return ((long) mode.csrEncoding() << 30) | ((long) sdid << (v09 ? 22 : 24)) | ppn;
        }
        return ((long) mode.csrEncoding() << 60) | ((long) sdid << (v09 ? 52 : 54)) | ppn;
    }

    /** Number of pages the program probes in a region of {@code pages} pages with {@code stride}. */
    static long probedPages(long pages, long stride) {
        return pages == 1 ? 1 : (pages - 2) / stride + 2;
    }

    private static String checkRun(RunResult run, int xwr, long stride, long midSize) {
        if (run.reason() != StopReason.EXIT) {
            return run.message();
        }
        long[][] expectPages = {{SeedMatrix.ONE_GIB_BASE, probedPages((1L << 30) >> 12, stride)},
            {SeedMatrix.MID_BASE, probedPages(midSize >> 12, stride)}, {SeedMatrix.PAGE_BASE, 1}};
        Matcher m = REGION_LINE.matcher(run.console());
        int seen = 0;
        while (m.find()) {
            long base = Long.parseUnsignedLong(m.group(1), 16);
            long pages = Long.parseLong(m.group(2));
            long r = Long.parseLong(m.group(3));
            long w = Long.parseLong(m.group(4));
            long x = Long.parseLong(m.group(5));
            long bad = Long.parseLong(m.group(6));
            if (seen >= 3 || base != expectPages[seen][0]) {
                return "unexpected report line '" + m.group() + "'";
            }
            long n = expectPages[seen][1];
            long er = (xwr & Access.R) != 0 ? n : 0;
            long ew = (xwr & Access.W) != 0 ? n : 0;
            long ex = (xwr & Access.X) != 0 ? n : 0;
            if (pages != n || r != er || w != ew || x != ex || bad != 0) {
                return String.format("region 0x%x: measured pages=%d r=%d w=%d x=%d badvalue=%d, expected pages=%d"
                        + " r=%d w=%d x=%d badvalue=0", base, pages, r, w, x, bad, n, er, ew, ex);
            }
            seen++;
        }
        if (seen != 3) {
            return "the program reported " + seen + " of 3 regions; console:\n" + run.console();
        }
        if (run.exitCode() != 0) {
            return "the program exited with " + run.exitCode() + " (its own count of mismatching regions)";
        }
        return null;
    }
}
