package io.mttkit.tb.repro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mttkit.bridge.PmpRegion;
import io.mttkit.gen.walker.WalkerParams;
import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.tables.Region;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CosimHarness;
import io.mttkit.tb.cosim.TableWorld;
import io.mttkit.tb.selftest.RandomDomains;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    @TempDir
    Path dir;

    /** A bundle of a small Smmpt43 world, one corrupted entry, every request flavour. */
    static ReproBundle sample() {
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
        CosimHarness.Settings s = new CosimHarness.Settings(0xFEED_F00D_1234L, 2, 7, 100, 200, 15, false);
        List<PmpRegion> pmp = List.of(new PmpRegion(entry & ~0xFFFL, 4096, false),
                new PmpRegion(world.tables().base(), world.tables().image().length, true));
        return new ReproBundle(42, WalkerParams.defaults(64), s, pmp, "abc123", 0x1234_5678_9ABC_DEF0L, 1,
                "CO-SIMULATION MISMATCH\nsome report\n", ReproBundle.snapshot(world.memory()), reqs);
    }

    @Test
    void roundTrip() throws IOException {
        ReproBundle b = sample();
        Path f = dir.resolve("b.tar.gz");
        b.write(f);
        ReproBundle r = ReproBundle.read(f);
        assertEquals(b.seed(), r.seed());
        assertEquals(b.params(), r.params());
        assertEquals(b.settings(), r.settings());
        assertEquals(b.pmp(), r.pmp());
        assertEquals(b.buildHash(), r.buildHash());
        assertEquals(b.digest(), r.digest());
        assertEquals(b.failingIndex(), r.failingIndex());
        assertEquals(b.mismatch(), r.mismatch());
        assertEquals(b.requests(), r.requests());
        assertEquals(b.memory().size(), r.memory().size());
        for (int i = 0; i < b.memory().size(); i++) {
            assertEquals(b.memory().get(i).base(), r.memory().get(i).base());
            assertArrayEquals(b.memory().get(i).bytes(), r.memory().get(i).bytes());
        }
        // the memory rebuilt from the bundle holds the corrupted entry
        long entry = b.pmp().get(0).base();
        assertTrue(r.toMemory().canRead(entry, 8));
        assertTrue(entries(f).containsKey("manifest.json") && entries(f).containsKey("requests.jsonl"));
        assertTrue(entries(f).keySet().stream().anyMatch(n -> n.matches("memory/[0-9a-f]{16}\\.bin")));
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
        expect(rewrite(e -> editManifest(e, m -> m.put("version", 2))), "version 2 is not supported");
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
        expect(rewrite(e -> editManifest(e, m -> ((ObjectNode) m.get("params")).put("paw", 99))), "'paw'");
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
    void badRequestLine() throws IOException {
        expect(rewrite(e -> {
            String text = new String(e.get("requests.jsonl"), StandardCharsets.UTF_8);
            String[] lines = text.split("\n");
            lines[1] = "{\"pa\": ";
            e.put("requests.jsonl", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }), "'requests.jsonl' line 2");
    }

    @Test
    void truncatedRequestList() throws IOException {
        expect(rewrite(e -> {
            String text = new String(e.get("requests.jsonl"), StandardCharsets.UTF_8);
            e.put("requests.jsonl", text.substring(0, text.indexOf('\n') + 1).getBytes(StandardCharsets.UTF_8));
        }), "holds 1 requests, the manifest says 6");
    }

    // ---------------------------------------------------------------------------------------------

    private Path written() throws IOException {
        Path f = dir.resolve("b.tar.gz");
        sample().write(f);
        return f;
    }

    /** The bundle's entries changed by {@code edit}, written to a new file. */
    private Path rewrite(Consumer<Map<String, byte[]>> edit) throws IOException {
        Map<String, byte[]> e = entries(written());
        edit.accept(e);
        Path out = dir.resolve("edited.tar.gz");
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
        ReproBundleException e = assertThrows(ReproBundleException.class, () -> ReproBundle.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains(what),
                "expected '" + what + "' in: " + e.getMessage());
    }
}
