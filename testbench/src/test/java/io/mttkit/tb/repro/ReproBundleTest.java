package io.mttkit.tb.repro;

import io.mttkit.golden.RsvdTupleScope;
import io.mttkit.tb.dut.CheckerDescription;
import io.mttkit.tb.cosim.SessionSettings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mttkit.bridge.PmpRegion;
import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.tables.Region;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.Stimulus;
import io.mttkit.tb.cosim.TableWorld;
import io.mttkit.tb.selftest.RandomDomains;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundle write/read round trip, and every kind of damaged or foreign file refused with a clear message. */
class ReproBundleTest {
    /** A generated RV64 checker as its checker.json describes it (sources by name, as bundles store them). */
    static final CheckerDescription RV64 = new CheckerDescription("mtt_checker",
            List.of(Path.of("mtt_walker.v"), Path.of("mtt_checker.v")), 64, CheckerDescription.Formats.BOTH, 56, 6, 8,
            RsvdTupleScope.ANY, false, true, 1, null, new CheckerDescription.Provenance(null, "walker-rv64", "0.2.0",
                    "cache-less MTT checker", Map.of("formats", "\"both\"", "paw", "56", "bigEndianSupport", "true"),
                    "f1ce9f5ce73e", Map.of("mtt_walker.v", "sha256:00", "mtt_checker.v", "sha256:01"), "sha256:02"));

    @TempDir
    Path dir;

    /** A bundle of a small Smmpt43 world, one corrupted entry, every request flavour (checks only: version 1 content). */
    static ReproBundle sampleChecks() {
        MttMode mode = MttMode.SMMPT43;
        List<Region> regions = RandomDomains.generate(mode, 3, 8, 0x9000_0000L, 0x1000_0000L);
        TableWorld world = TableWorld.build(mode, regions);
        long entry = world.entryAddress(regions.get(0).base(), 1);
        world.writeEntry(entry, world.readEntry(entry) ^ (1L << 60)); // a reserved bit, as the regression does
        long root = world.rootPpn();
        List<CheckRequest> reqs = List.of(
                CheckRequest.of(mode, root, regions.get(0).base(), Access.R, false),
                CheckRequest.of(mode, root, regions.get(1).base() + 0x1234, Access.W, true),
                CheckRequest.of(MttMode.BARE, root, 0xFFFF_0000L, Access.X, false),
                CheckRequest.bypass(mode, root, -1L, Access.R | Access.W),
                CheckRequest.rawMode(0x1F, root, 0x1000, Access.R),
                new CheckRequest(1L << 63, Access.R, mode, CheckRequest.reqMode(mode), root, 5, false, false));
        SessionSettings s = new SessionSettings(0xFEED_F00D_1234L, 2, 7, 100, 200, 15, false);
        List<PmpRegion> pmp = List.of(new PmpRegion(entry & ~0xFFFL, 4096, false),
                new PmpRegion(world.tables().base(), world.tables().image().length, true));
        return new ReproBundle(42, RV64, s, pmp, "abc123", 0x1234_5678_9ABC_DEF0L, 1,
                "CO-SIMULATION MISMATCH\nsome report\n", ReproBundle.snapshot(world.memory()), reqs);
    }

    /**
     * {@link #sampleChecks()} on a cached checker, with every stream item kind between the checks (MFENCE.PA,
     * a MINVAL.PA batch with SFENCE.INVAL.IR, a lone sync, an idle gap) and entry writes at two stream positions.
     */
    static ReproBundle sample() {
        ReproBundle c = sampleChecks();
        List<CheckRequest> checks = c.requests();
        List<Stimulus> items = new ArrayList<>();
        items.add(checks.get(0));
        items.add(new Stimulus.Invalidate(true, checks.get(0).pa(), true, 3));
        items.add(new Stimulus.Sync());
        items.add(checks.get(1));
        items.add(checks.get(2));
        items.add(Stimulus.Invalidate.all());
        items.add(new Stimulus.Invalidate(false, 0, true, 63));
        items.add(new Stimulus.Sync());
        items.add(checks.get(3));
        items.add(new Stimulus.Idle(7));
        items.add(checks.get(4));
        items.add(checks.get(5));
        long entry = c.pmp().get(0).base();
        List<PhaseStream.EntryWrite> writes = List.of(new PhaseStream.EntryWrite(4, entry, 8, 0x1234_0000_0000_0001L),
                new PhaseStream.EntryWrite(4, entry + 8, 8, -1L), new PhaseStream.EntryWrite(10, entry, 8, 0));
        return new ReproBundle(c.seed(), c.checker().withCache(new CheckerDescription.Cache(8, 2, 4, 2, 3, false)),
                c.settings(), c.pmp(),
                c.buildHash(), c.digest(), 4, c.mismatch(), c.memory(), new PhaseStream(items, writes));
    }

    @Test
    void roundTrip() throws IOException {
        ReproBundle b = sample();
        Path f = dir.resolve("b.tar.gz");
        ReproBundleCodec.write(b, f);
        ReproBundle r = ReproBundleCodec.read(f);
        assertEquals(b.seed(), r.seed());
        assertEquals(b.checker(), r.checker(), "the device as checker.json says it, generator block included");
        assertEquals(b.settings(), r.settings());
        assertEquals(b.pmp(), r.pmp());
        assertEquals(b.buildHash(), r.buildHash());
        assertEquals(b.digest(), r.digest());
        assertEquals(b.failingIndex(), r.failingIndex());
        assertEquals(b.mismatch(), r.mismatch());
        assertEquals(b.requests(), r.requests());
        assertEquals(new CheckerDescription.Cache(8, 2, 4, 2, 3, false), r.checker().cache());
        assertEquals(b.stream(), r.stream(), "items and entry writes, in order");
        assertEquals(List.of(0, 4, 10), r.stream().segmentStarts());
        assertEquals(b.memory().size(), r.memory().size());
        for (int i = 0; i < b.memory().size(); i++) {
            assertEquals(b.memory().get(i).base(), r.memory().get(i).base());
            assertArrayEquals(b.memory().get(i).bytes(), r.memory().get(i).bytes());
        }
        // the memory rebuilt from the bundle holds the corrupted entry
        long entry = b.pmp().get(0).base();
        assertTrue(r.toMemory().canRead(entry, 8));
        assertTrue(entries(f).containsKey("manifest.json") && entries(f).containsKey("stream.jsonl"));
        assertTrue(entries(f).keySet().stream().anyMatch(n -> n.matches("memory/[0-9a-f]{16}\\.bin")));
    }

    @Test
    void aCacheLessBundleOfChecksRoundTrips() throws IOException {
        ReproBundle b = sampleChecks();
        Path f = dir.resolve("c.tar.gz");
        ReproBundleCodec.write(b, f);
        ReproBundle r = ReproBundleCodec.read(f);
        assertEquals(null, r.checker().cache());
        assertEquals(b.requests(), r.requests());
        assertEquals(List.of(), r.stream().writes());
    }

    /**
     * Bundles of versions 1 and 2 stored generator parameters instead of the device's description: refused, saying
     * which version it is and what to do.
     */
    @Test
    void olderVersionsAreRefusedWithWhatToDo() throws IOException {
        for (int v : new int[] {1, 2}) {
            Path f = rewrite(e -> editManifest(e, m -> {
                m.put("version", v);
                m.remove("checker");
                m.putObject("params").put("xlen", 64).put("formats", "V09");
            }));
            expect(f, "format version " + v + " (before mtt read checkers from their checker.json)");
            expect(f, "Run the regression that produced it again");
        }
    }

    @Test
    void defaultWaveFileSitsNextToTheBundle() {
        assertEquals(dir.resolve("m-7.fst").toAbsolutePath(), Replay.defaultWaveFile(dir.resolve("m-7.tar.gz")));
        assertEquals(dir.resolve("x.fst").toAbsolutePath(), Replay.defaultWaveFile(dir.resolve("x.tgz")));
    }

    @Test
    void truncatedGzip() throws IOException {
        Path f = written();
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length / 2));
        expect(f, "truncated or corrupt");
    }

    @Test
    void notGzipAtAll() throws IOException {
        Path f = dir.resolve("text.tar.gz");
        Files.writeString(f, "hello, I am not a bundle\n");
        expect(f, "not a readable repro bundle");
    }

    @Test
    void missingFile() {
        expect(dir.resolve("nope.tar.gz"), "no such bundle file");
    }

    @Test
    void missingManifest() throws IOException {
        expect(rewrite(e -> e.remove("manifest.json")), "'manifest.json' is missing");
    }

    @Test
    void badJson() throws IOException {
        expect(rewrite(e -> e.put("manifest.json", "{\"format\": \"mttkit-repro\", oops".getBytes(StandardCharsets.UTF_8))),
                "'manifest.json' is not valid JSON");
    }

    @Test
    void wrongVersion() throws IOException {
        expect(rewrite(e -> editManifest(e, m -> m.put("version", 4))), "version 4 is newer than this mtt reads (3)");
        expect(rewrite(e -> editManifest(e, m -> m.put("version", 0))), "version 0 (before mtt read checkers");
    }

    @Test
    void foreignArchive() throws IOException {
        expect(rewrite(e -> editManifest(e, m -> m.put("format", "something-else"))), "not a repro manifest");
    }

    @Test
    void missingField() throws IOException {
        expect(rewrite(e -> editManifest(e, m -> ((ObjectNode) m.get("settings")).remove("memLatencyMax"))),
                "'memLatencyMax' is missing");
    }

    @Test
    void settingsOutOfRange() throws IOException {
        expect(rewrite(e -> editManifest(e, m -> ((ObjectNode) m.get("settings")).put("memLatencyMin", 0))),
                "bad 'settings'");
    }

    @Test
    void paramsOutOfRange() throws IOException {
        expect(rewrite(e -> editManifest(e, m -> ((ObjectNode) m.get("checker")).put("paw", 99))),
                "field 'checker': field 'paw' must be in 32..64");
        expect(rewrite(e -> editManifest(e, m -> ((ObjectNode) m.get("checker")).put("formats", "V01"))),
                "write \"smmtt-v0.1\"");
        expect(rewrite(e -> editManifest(e, m -> ((ObjectNode) m.get("checker")).remove("top"))),
                "missing field 'top'");
    }

    @Test
    void memoryEntryWithABadName() throws IOException {
        expect(rewrite(e -> e.put("memory/not-hex.bin", new byte[16])), "'memory/not-hex.bin'");
    }

    @Test
    void memoryEntryListedButAbsent() throws IOException {
        expect(rewrite(e -> e.keySet().removeIf(n -> n.startsWith("memory/"))), "missing from the archive");
    }

    @Test
    void badStreamLine() throws IOException {
        expect(rewrite(e -> editLine(e, 1, "{\"pa\": ")), "'stream.jsonl' line 2");
    }

    @Test
    void unknownStreamItem() throws IOException {
        expect(rewrite(e -> editLine(e, 2, "{\"kind\": \"flush\"}")), "line 3: unknown item kind 'flush'");
        expect(rewrite(e -> editLine(e, 9, "{\"kind\": \"idle\", \"cycles\": 0}")), "line 10: idle gap");
        expect(rewrite(e -> editLine(e, 1, "{\"kind\": \"invalidate\", \"hasPa\": true}")),
                "line 2: field 'pa' is missing");
    }

    @Test
    void truncatedStream() throws IOException {
        expect(rewrite(e -> {
            String text = new String(e.get("stream.jsonl"), StandardCharsets.UTF_8);
            e.put("stream.jsonl", text.substring(0, text.indexOf('\n') + 1).getBytes(StandardCharsets.UTF_8));
        }), "holds 1 items, the manifest says 12");
    }

    @Test
    void missingStream() throws IOException {
        expect(rewrite(e -> e.remove("stream.jsonl")), "'stream.jsonl' is missing");
    }

    @Test
    void badCacheShape() throws IOException {
        expect(rewrite(e -> editManifest(e, m -> ((ObjectNode) m.get("checker").get("cache")).put("leafWays", 3))),
                "field 'cache.leafWays' must be a power of two");
        expect(rewrite(e -> editManifest(e, m -> ((ObjectNode) m.get("checker").get("cache")).put("ways", 4))),
                "unknown field 'cache.ways'");
        expect(rewrite(e -> editManifest(e, m -> ((ObjectNode) m.get("checker").get("generator")).put("hash", "x"))),
                "unknown field 'generator.hash'");
    }

    @Test
    void badEntryWrites() throws IOException {
        expect(rewrite(e -> editManifest(e, m -> ((ObjectNode) m.get("writes").get(0)).put("position", 13))),
                "beyond the 12 stream items");
        expect(rewrite(e -> editManifest(e, m -> ((ObjectNode) m.get("writes").get(2)).put("position", 1))),
                "ordered by stream position");
        expect(rewrite(e -> editManifest(e, m -> ((ObjectNode) m.get("writes").get(0)).put("size", 2))),
                "4 or 8 bytes");
    }

    @Test
    void mismatchIndexCountsChecks() throws IOException {
        // 12 stream items, 6 of them checks: index 6 is past the last check
        expect(rewrite(e -> editManifest(e, m -> ((ObjectNode) m.get("mismatch")).put("index", 6))),
                "outside the 6 checks");
    }

    // ---------------------------------------------------------------------------------------------

    private Path written() throws IOException {
        Path f = dir.resolve("b.tar.gz");
        ReproBundleCodec.write(sample(), f);
        return f;
    }

    /** Replaces line {@code index} (from 0) of {@code stream.jsonl}. */
    private static void editLine(Map<String, byte[]> e, int index, String line) {
        String[] lines = new String(e.get("stream.jsonl"), StandardCharsets.UTF_8).split("\n");
        lines[index] = line;
        e.put("stream.jsonl", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The bundle's entries changed by {@code edit}, written to a new file. */
    private Path rewrite(Consumer<Map<String, byte[]>> edit) throws IOException {
        Map<String, byte[]> e = entries(written());
        edit.accept(e);
        return write(e, "edited.tar.gz");
    }

    private Path write(Map<String, byte[]> e, String name) throws IOException {
        Path out = dir.resolve(name);
        try (OutputStream fo = Files.newOutputStream(out);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(fo))) {
            for (Map.Entry<String, byte[]> x : e.entrySet()) {
                TarArchiveEntry te = new TarArchiveEntry(x.getKey());
                te.setSize(x.getValue().length);
                tar.putArchiveEntry(te);
                tar.write(x.getValue());
                tar.closeArchiveEntry();
            }
        }
        return out;
    }

    private static void editManifest(Map<String, byte[]> e, Consumer<ObjectNode> edit) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode m = (ObjectNode) json.readTree(e.get("manifest.json"));
            edit.accept(m);
            e.put("manifest.json", json.writeValueAsBytes(m));
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Map<String, byte[]> entries(Path f) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(f);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry e;
            while ((e = tar.getNextTarEntry()) != null) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                tar.transferTo(b);
                out.put(e.getName(), b.toByteArray());
            }
        }
        return out;
    }

    /** Reading {@code f} fails with a message naming the file and containing {@code what}. */
    private static void expect(Path f, String what) {
        ReproBundleException e = assertThrows(ReproBundleException.class, () -> ReproBundleCodec.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains(what),
                "expected '" + what + "' in: " + e.getMessage());
    }
}
