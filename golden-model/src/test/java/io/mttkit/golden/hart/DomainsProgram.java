package io.mttkit.golden.hart;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.TableBuilder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test support for {@code programs/domains.c}: builds the script of phases (probed addresses; per phase the
 * root CSR value, satp, table-entry patches and fences), writes it into the program's parameter block, runs
 * the program and parses its "phase P probe I causes L S X" lines.
 */
final class DomainsProgram {
    static final long ALL_SDIDS = -1L;
    static final int FENCE_NONE = 0;
    static final int FENCE_ALL = 1;
    static final int FENCE_SDID = 2;
    static final int FENCE_BATCH = 3;
    static final int FENCE_PER_ADDR = 4;

    /** 4 MiB of RAM at 0x8000_0000 that every domain owns (its code, data and stacks). */
    static final Region DOMAIN_RAM = new Region(0x8000_0000L, 4L << 20, 7);

    record Phase(long mmpt, long satp, int patchFirst, int patchCount, int fenceMode, long fenceSdid, int fenceFirst,
                 int fenceCount) {
    }

    final int xlen;
    final MttMode mode;
    final List<Long> probes = new ArrayList<>();
    final List<Phase> phases = new ArrayList<>();
    final List<long[]> patches = new ArrayList<>();
    final List<Long> fenceAddrs = new ArrayList<>();
    /** Writes done to memory before the run: address → 4-byte value (e.g. `ret` at probe targets, PTEs). */
    final Map<Long, Long> preload32 = new HashMap<>();
    final Map<Long, Long> preloadXlen = new HashMap<>();
    final List<BuiltTables> tables = new ArrayList<>();
    final List<PageMemory.Range> memory = new ArrayList<>(List.of(RunOptions.DEFAULT_RAM));
    private long nextTableBase = 0x8040_0000L;
    /** Run the program built for the C extension. */
    boolean compressed;

    DomainsProgram(MttMode mode) {
        this.mode = mode;
        this.xlen = mode.xlen();
    }

    /** Builds tables for {@code regions} (plus {@link #DOMAIN_RAM}) at a fresh 64 MiB-spaced base. */
    BuiltTables tablesFor(List<Region> regions) {
        List<Region> all = new ArrayList<>(regions);
        all.add(DOMAIN_RAM);
        BuiltTables t = TableBuilder.build(all, mode, nextTableBase);
        if (t.end() > nextTableBase + (64L << 20)) {
            throw new IllegalStateException("tables larger than 64 MiB");
        }
        nextTableBase += 64L << 20;
        tables.add(t);
        return t;
    }

    /**
     * Table builds for the same domain before and after a change, at the same base: the second replaces
     * the first in memory through the firmware's patches. Returns {first, second}; only the first is
     * preloaded.
     */
    BuiltTables[] tablesBeforeAfter(List<Region> before, List<Region> after) {
        List<Region> a = new ArrayList<>(before);
        a.add(DOMAIN_RAM);
        List<Region> b = new ArrayList<>(after);
        b.add(DOMAIN_RAM);
        BuiltTables t1 = TableBuilder.build(a, mode, nextTableBase);
        BuiltTables t2 = TableBuilder.build(b, mode, nextTableBase);
        if (t1.rootPpn() != t2.rootPpn()) {
            throw new IllegalStateException("before/after tables have different roots");
        }
        nextTableBase += 64L << 20;
        tables.add(t1);
        return new BuiltTables[] {t1, t2};
    }

    /** Patches (entry address, new value) that turn image {@code from} into {@code to}. Returns {first, count}. */
    int[] patch(BuiltTables from, BuiltTables to) {
        int first = patches.size();
        int w = xlen / 8;
        int len = Math.max(from.image().length, to.image().length);
        for (int off = 0; off < len; off += w) {
            long a = word(from.image(), off, w);
            long b = word(to.image(), off, w);
            if (a != b) {
                patches.add(new long[] {from.base() + off, b});
            }
        }
        if (patches.size() > 256) {
            throw new IllegalStateException("more than 256 table-entry patches");
        }
        return new int[] {first, patches.size() - first};
    }

    private static long word(byte[] img, int off, int w) {
        long v = 0;
        for (int i = w - 1; i >= 0; i--) {
            v = (v << 8) | (off + i < img.length ? img[off + i] & 0xFF : 0);
        }
        return v;
    }

    int fenceAddrs(long... addrs) {
        int first = fenceAddrs.size();
        for (long a : addrs) {
            fenceAddrs.add(a);
        }
        return first;
    }

    void phase(long mmpt, long satp, int[] patchRange, int fenceMode, long sdid, int fenceFirst, int fenceCount) {
        phases.add(new Phase(mmpt, satp, patchRange[0], patchRange[1], fenceMode, sdid, fenceFirst, fenceCount));
    }

    void phase(long mmpt, int fenceMode, long sdid) {
        phase(mmpt, 0, new int[] {0, 0}, fenceMode, sdid, 0, 0);
    }

    long csr(BuiltTables t, int sdid) {
        return HartMatrix.rootCsrValue(mode, sdid, t.rootPpn());
    }

    /** Runs the program with the script; {@code hartOut[0]} receives the hart for post-run inspection. */
    RunResult run(HartListener listener, Hart[] hartOut) {
        ElfFile elf = ElfFile.read(Programs.elf("domains", xlen, compressed));
        long params = elf.symbol("domains_params");
        RunOptions opts = RunOptions.defaults().withMemory(memory).withMaxInstructions(20_000_000L)
                .withSetup((hart, e) -> {
                    PageMemory m = hart.memory();
                    for (BuiltTables t : tables) {
                        m.writeBytes(t.base(), t.image(), 0, t.image().length);
                    }
                    preload32.forEach((a, v) -> m.write(a, 4, v, false));
                    preloadXlen.forEach((a, v) -> m.write(a, xlen / 8, v, false));
                    int w = xlen / 8;
                    m.write(params, w, probes.size(), false);
                    for (int i = 0; i < probes.size(); i++) {
                        m.write(params + (long) (1 + i) * w, w, probes.get(i), false);
                    }
                    m.write(params + 17L * w, w, phases.size(), false);
                    for (int i = 0; i < phases.size(); i++) {
                        Phase p = phases.get(i);
                        long[] f = {p.mmpt(), p.satp(), p.patchFirst(), p.patchCount(), p.fenceMode(), p.fenceSdid(),
                            p.fenceFirst(), p.fenceCount()};
                        for (int j = 0; j < 8; j++) {
                            m.write(params + (18L + 8L * i + j) * w, w, f[j], false);
                        }
                    }
                    for (int i = 0; i < patches.size(); i++) {
                        m.write(params + (82L + 2L * i) * w, w, patches.get(i)[0], false);
                        m.write(params + (83L + 2L * i) * w, w, patches.get(i)[1], false);
                    }
                    for (int i = 0; i < fenceAddrs.size(); i++) {
                        m.write(params + (594L + i) * w, w, fenceAddrs.get(i), false);
                    }
                    if (listener != null) {
                        hart.addListener(listener);
                    }
                    if (hartOut != null) {
                        hartOut[0] = hart;
                    }
                });
        return HartRunner.run(elf, HartConfig.defaults(xlen, mode.format()), opts);
    }

    private static final Pattern LINE = Pattern.compile("phase (\\d+) probe (\\d+) causes (\\d+) (\\d+) (\\d+)");

    /** "P/I" → {load cause, store cause, fetch cause} (0 = succeeded). */
    static Map<String, List<Integer>> results(String console) {
        Map<String, List<Integer>> r = new HashMap<>();
        Matcher m = LINE.matcher(console);
        while (m.find()) {
            r.put(m.group(1) + "/" + m.group(2), List.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5))));
        }
        return r;
    }

    /** Expected causes for a page the MTT grants {@code xwr} (paging off, `ret` planted). */
    static List<Integer> expectFor(int xwr) {
        return List.of((xwr & 1) != 0 ? 0 : TrapCause.LOAD_ACCESS_FAULT,
                (xwr & 2) != 0 ? 0 : TrapCause.STORE_ACCESS_FAULT,
                (xwr & 4) != 0 ? 0 : TrapCause.INSN_ACCESS_FAULT);
    }
}
