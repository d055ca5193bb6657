package io.mttkit.tb.lockstep;

import io.mttkit.tb.cosim.CheckAnswer;
import io.mttkit.tb.repro.ReproBundleCodec;
import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.elf.ElfFile;
import io.mttkit.golden.hart.HartConfig;
import io.mttkit.golden.hart.HartMatrix;
import io.mttkit.golden.hart.PageMemory;
import io.mttkit.golden.hart.ProgramBuild;
import io.mttkit.golden.hart.RunOptions;
import io.mttkit.golden.hart.TrapCause;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.TableBuilder;
import io.mttkit.golden.LookupResult;
import io.mttkit.golden.hart.MttAccessCheck;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.CosimHarness;
import io.mttkit.tb.cosim.Stimulus;
import io.mttkit.tb.repro.PhaseStream;
import io.mttkit.tb.repro.ReproBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Page donation in lockstep ({@code programs/domains.c}): the firmware rewrites table entries of the running
 * domain and fences (MFENCE.PA, or MINVAL.PA + SFENCE.INVAL.IR), so table writes flush the queue and the
 * fences reach the RTL in stream order. The RTL must agree with every check of every phase.
 */
class DomainsLockstepTest {
    private static final long TARGET = 0xB000_0000L;
    private static final long TABLES = 0x8040_0000L;
    private static final Region DOMAIN_RAM = new Region(0x8000_0000L, 4L << 20, Access.R | Access.W | Access.X);
    private static final int SDID = 3;
    private static final int FENCE_ALL = 1;
    private static final int FENCE_BATCH = 3;
    private static final Pattern LINE = Pattern.compile("phase (\\d+) probe (\\d+) causes (\\d+) (\\d+) (\\d+)");

    @TempDir
    Path bundles;

    @BeforeAll
    static void tools() {
        LockstepTools.require();
    }

    @Test
    void rv64DonationWithFencesAgrees() {
        donate(MttMode.SMMPT43);
    }

    @Test
    void rv32DonationWithFencesAgrees() {
        donate(MttMode.SMMTT34);
    }

    /**
     * Phase 0: the target page is the domain's (RW), MFENCE.PA x0, x0. Phase 1: the firmware takes it back
     * (entries rewritten in place), SFENCE.W.INVAL + MINVAL.PA target + SFENCE.INVAL.IR. Phase 2: given back RX
     * (smmtt-v0.1 has no read-only encoding), MFENCE.PA x0, x0.
     */
    private void donate(MttMode mode) {
        Script sc = script(mode, null);
        LockstepRun.Outcome o = LockstepRun.run(sc.elf(), HartConfig.defaults(mode.xlen(), mode.format()), sc.opts(),
                LockstepOptions.defaults(bundles));
        assertTrue(o.mismatch() == null, () -> o.mismatch().getMessage());
        assertTrue(o.run().passed(), o.run().message() + "\n" + o.run().console());
        // the hart's own results, checked against the permissions of each phase
        List<String> got = new ArrayList<>();
        Matcher m = LINE.matcher(o.run().console());
        while (m.find()) {
            got.add(m.group(1) + ":" + m.group(3) + "," + m.group(4) + "," + m.group(5));
        }
        assertEquals(List.of("0:" + causes(Access.R | Access.W), "1:" + causes(0), "2:" + causes(Access.R | Access.X)),
                got);
        // MFENCE.PA, (MINVAL.PA + SFENCE.INVAL.IR), MFENCE.PA
        assertEquals(4, o.stats().fences(), o.stats().toString());
        assertTrue(o.stats().checks() > 100, o.stats().toString());
    }

    /**
     * The bundle of a stop holds the whole bridge session: its memory at the start, every item since and the
     * firmware's table-entry rewrites as entry writes between batches. Replayed on a fresh session, the RTL's
     * answers must equal the hart's verdicts check by check, across the phases the rewrites separate (a lost or
     * misplaced write would change the answers of a phase).
     */
    @Test
    void theBundleReplaysTheWholeSessionWithTheTableRewrites() throws Exception {
        MttMode mode = MttMode.SMMPT43;
        HartConfig hc = HartConfig.defaults(64, mode.format());
        List<Boolean> verdicts = new ArrayList<>();
        Script clean = script(mode, verdicts);
        assertTrue(LockstepRun.run(clean.elf(), hc, clean.opts(), LockstepOptions.defaults(bundles)).passed());
        int last = verdicts.size() - 1;
        List<Boolean> again = new ArrayList<>();
        Script sc = script(mode, again);
        LockstepRun.Outcome o = LockstepRun.run(sc.elf(), hc, sc.opts(), LockstepOptions.defaults(bundles),
                (answers, first) -> {
                    List<CheckAnswer> out = new ArrayList<>(answers);
                    int k = (int) (last - first);
                    if (k >= 0 && k < out.size()) {
                        CheckAnswer a = out.get(k);
                        out.set(k, new CheckAnswer(!a.allow(), a.cause(), a.xwr(), a.hit(), a.stale()));
                    }
                    return out;
                });
        assertTrue(o.mismatch() != null, "the flipped last answer must stop the run");
        assertTrue(o.mismatch().getMessage().contains("holds the whole bridge session"), o.mismatch().getMessage());
        ReproBundle b = ReproBundleCodec.read(o.mismatch().bundle());
        // the bundle starts where the last bridge session opened (a new 1 MiB chunk of tables opens one)
        int skipped = verdicts.size() - b.requests().size();
        assertTrue(skipped >= 0, "more checks in the bundle than the hart made");
        assertEquals(last - skipped, b.failingIndex());
        assertTrue(b.stream().writes().size() >= 2, "the firmware's rewrites of phases 1 and 2: " + b.stream().writes());
        assertTrue(b.stream().items().stream().anyMatch(x -> x instanceof Stimulus.Invalidate));

        CheckerLibrary lib = LockstepTarget.forCell(64, mode.format());
        PhysicalMemory mem = b.toMemory();
        List<Boolean> replayed = new ArrayList<>();
        try (CosimHarness h = new CosimHarness(lib, mem, b.settings())) {
            h.setPmpRegions(b.pmp());
            List<Integer> starts = b.stream().segmentStarts();
            for (int k = 0; k < starts.size(); k++) {
                for (PhaseStream.EntryWrite w : b.stream().writes()) {
                    if (w.position() == starts.get(k)) {
                        mem.write(w.addr(), w.size(), w.value(), false);
                    }
                }
                h.run(b.stream().segment(k));
                h.answers().forEach(a -> replayed.add(a.allow()));
            }
        }
        List<Boolean> expected = verdicts.subList(skipped, verdicts.size());
        assertEquals(expected, replayed, "replayed RTL answers vs the hart's verdicts");
        assertTrue(expected.contains(false) && expected.contains(true));
    }

    private record Script(ElfFile elf, RunOptions opts) {
    }

    /**
     * The donation script (see {@link #donate}); when {@code verdicts} is given, the hart's verdict of every
     * check is recorded there (by a wrapper around lockstep's check, outside it).
     */
    private static Script script(MttMode mode, List<Boolean> verdicts) {
        int xlen = mode.xlen();
        int w = xlen / 8;
        BuiltTables rw = tables(mode, Access.R | Access.W);
        BuiltTables none = tables(mode, 0);
        BuiltTables rx = tables(mode, Access.R | Access.X);
        long csr = HartMatrix.rootCsrValue(mode, SDID, rw.rootPpn());
        List<long[]> patches = new ArrayList<>();
        int[] p1 = diff(rw, none, w, patches);
        int[] p2 = diff(none, rx, w, patches);
        long[][] phases = {
            {csr, 0, 0, 0, FENCE_ALL, -1L, 0, 0},
            {csr, 0, p1[0], p1[1], FENCE_BATCH, SDID, 0, 1},
            {csr, 0, p2[0], p2[1], FENCE_ALL, -1L, 0, 0},
        };
        ElfFile elf = ElfFile.read(ProgramBuild.build(LockstepTools.programs(), "domains", xlen, LockstepTools.cache(),
                false));
        long params = elf.symbol("domains_params");
        RunOptions opts = RunOptions.defaults().withMaxInstructions(20_000_000L)
                .withMemory(List.of(RunOptions.DEFAULT_RAM, new PageMemory.Range(TARGET, 1L << 20, "target")))
                .withSetup((hart, e) -> {
                    PageMemory m = hart.memory();
                    m.writeBytes(rw.base(), rw.image(), 0, rw.image().length);
                    m.write(TARGET, 4, 0x0000_8067L, false); // ret: the probe's jump-to-execute comes back
                    m.write(params, w, 1, false);
                    m.write(params + w, w, TARGET, false);
                    m.write(params + 17L * w, w, phases.length, false);
                    for (int i = 0; i < phases.length; i++) {
                        for (int j = 0; j < 8; j++) {
                            m.write(params + (18L + 8L * i + j) * w, w, phases[i][j], false);
                        }
                    }
                    for (int i = 0; i < patches.size(); i++) {
                        m.write(params + (82L + 2L * i) * w, w, patches.get(i)[0], false);
                        m.write(params + (83L + 2L * i) * w, w, patches.get(i)[1], false);
                    }
                    m.write(params + 594L * w, w, TARGET, false);
                    if (verdicts != null) {
                        MttAccessCheck inner = hart.mttCheck();
                        hart.setMttCheck((md, root, sdid, pa, size, kind, be, out) -> {
                            LookupResult r = inner.check(md, root, sdid, pa, size, kind, be, out);
                            verdicts.add(r.allow());
                            return r;
                        });
                    }
                });
        return new Script(elf, opts);
    }

    private static String causes(int xwr) {
        return ((xwr & Access.R) != 0 ? 0 : TrapCause.LOAD_ACCESS_FAULT) + ","
                + ((xwr & Access.W) != 0 ? 0 : TrapCause.STORE_ACCESS_FAULT) + ","
                + ((xwr & Access.X) != 0 ? 0 : TrapCause.INSN_ACCESS_FAULT);
    }

    private static BuiltTables tables(MttMode mode, int xwr) {
        List<Region> regions = new ArrayList<>();
        if (xwr != 0) {
            regions.add(new Region(TARGET, 4096, xwr));
        }
        regions.add(DOMAIN_RAM);
        return TableBuilder.build(regions, mode, TABLES);
    }

    /** Entry rewrites (address, new value) turning {@code from} into {@code to}; returns {first, count}. */
    private static int[] diff(BuiltTables from, BuiltTables to, int w, List<long[]> patches) {
        assertEquals(from.rootPpn(), to.rootPpn(), "in-place edits need one root");
        int first = patches.size();
        int len = Math.max(from.image().length, to.image().length);
        for (int off = 0; off < len; off += w) {
            long a = word(from.image(), off, w);
            long b = word(to.image(), off, w);
            if (a != b) {
                patches.add(new long[] {from.base() + off, b});
            }
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
}
