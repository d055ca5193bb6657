package io.mttkit.tb.repro;

import io.mttkit.tb.cosim.SessionSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mttkit.bridge.PmpRegion;
import io.mttkit.tb.dut.CheckerDescription;
import io.mttkit.tb.dut.CheckerManifest;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.Stimulus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * The file form of a {@link ReproBundle}: one {@code .tar.gz} holding {@code manifest.json} (everything but the
 * memory and the stream), one raw image per memory region ({@code memory/<base>.bin}) and the stream, one JSON
 * object per line ({@code stream.jsonl}). Writes and reads the current format version, checking each field as it
 * reads ({@link BundleFields}; the device under test as {@link CheckerManifest} checks a manifest), so that a damaged or
 * foreign file is an error naming the file, the entry and the field, never a half-read bundle.
 */
public final class ReproBundleCodec {
    static final String MANIFEST = "manifest.json";
    static final String STREAM = "stream.jsonl";
    private static final Pattern MEMORY_NAME = Pattern.compile("memory/([0-9a-f]{16})\\.bin");
    /** Refuse entries above this size (a corrupt or hostile header must not exhaust the heap). */
    private static final long MAX_ENTRY = PhysicalMemory.MAX_REGION_SIZE;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper JSON_LINE = new ObjectMapper();

    private ReproBundleCodec() {
    }

    // ---- writing -------------------------------------------------------------------------------------

    /** Writes {@code b} to {@code file} (replaced if it exists). */
    public static void write(ReproBundle b, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        io.mttkit.tb.report.AtomicFiles.write(file, fo -> writeTar(b, fo));
    }

    private static void writeTar(ReproBundle b, OutputStream fo) throws IOException {
        try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(fo);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            put(tar, MANIFEST, JSON.writeValueAsBytes(manifest(b)));
            StringBuilder lines = new StringBuilder();
            for (Stimulus item : b.stream().items()) {
                lines.append(JSON_LINE.writeValueAsString(itemJson(item))).append('\n');
            }
            put(tar, STREAM, lines.toString().getBytes(StandardCharsets.UTF_8));
            for (ReproBundle.Image i : b.memory()) {
                put(tar, memoryName(i.base()), i.bytes());
            }
            tar.finish();
        }
    }

    static String memoryName(long base) {
        return String.format("memory/%016x.bin", base);
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static ObjectNode manifest(ReproBundle b) {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", ReproBundle.FORMAT);
        m.put("version", ReproBundle.VERSION);
        m.put("seed", b.seed());
        m.set("checker", CheckerManifest.toJson(b.checker(), null)); // as checker.json says it, sources by name
        SessionSettings settings = b.settings();
        ObjectNode s = m.putObject("settings");
        s.put("seed", settings.seed());
        s.put("memLatencyMin", settings.memLatencyMin());
        s.put("memLatencyMax", settings.memLatencyMax());
        s.put("mrdStallPerMille", settings.mrdStallPerMille());
        s.put("rspStallPerMille", settings.rspStallPerMille());
        s.put("busErrorPerMille", settings.busErrorPerMille());
        s.put("pmpDefaultAllow", settings.pmpDefaultAllow());
        ArrayNode pa = m.putArray("pmp");
        for (PmpRegion r : b.pmp()) {
            ObjectNode o = pa.addObject();
            o.put("base", hex(r.base()));
            o.put("size", hex(r.size()));
            o.put("allow", r.allow());
        }
        m.put("buildHash", b.buildHash());
        m.put("digest", hex(b.digest()));
        ArrayNode mem = m.putArray("memory");
        for (ReproBundle.Image i : b.memory()) {
            ObjectNode o = mem.addObject();
            o.put("base", hex(i.base()));
            o.put("size", i.bytes().length);
            o.put("entry", memoryName(i.base()));
        }
        m.put("stream", b.stream().items().size());
        m.put("checks", b.stream().checks().size());
        ArrayNode writes = m.putArray("writes");
        for (PhaseStream.EntryWrite w : b.stream().writes()) {
            ObjectNode o = writes.addObject();
            o.put("position", w.position());
            o.put("addr", hex(w.addr()));
            o.put("size", w.size());
            o.put("value", hex(w.value()));
        }
        ObjectNode mm = m.putObject("mismatch");
        mm.put("index", b.failingIndex());
        mm.put("report", b.mismatch());
        return m;
    }

    private static ObjectNode itemJson(Stimulus item) {
        ObjectNode o = JSON_LINE.createObjectNode();
        if (item instanceof CheckRequest c) {
            o.put("kind", "check");
            checkJson(o, c);
        } else if (item instanceof Stimulus.Invalidate inv) {
            o.put("kind", "invalidate");
            o.put("hasPa", inv.hasPa());
            o.put("pa", hex(inv.pa()));
            o.put("hasSdid", inv.hasSdid());
            o.put("sdid", inv.sdid());
            if (inv.withCheck()) {
                o.put("withCheck", true); // written only when set: bundles without pairs read as before
            }
        } else if (item instanceof Stimulus.Sync) {
            o.put("kind", "sync");
        } else if (item instanceof Stimulus.Idle idle) {
            o.put("kind", "idle");
            o.put("cycles", idle.cycles());
        }
        return o;
    }

    private static void checkJson(ObjectNode o, CheckRequest r) {
        o.put("pa", hex(r.pa()));
        o.put("need", r.need());
        if (r.mode() == null) {
            o.putNull("mode");
        } else {
            o.put("mode", r.mode().id());
        }
        o.put("rawMode", r.rawMode());
        o.put("rootPpn", hex(r.rootPpn()));
        o.put("sdid", r.sdid());
        o.put("be", r.be());
        o.put("bypass", r.bypass());
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    // ---- reading -------------------------------------------------------------------------------------

    /**
     * Reads a bundle written by {@link #write}.
     *
     * @throws ReproBundleException for anything else (not gzip, truncated, foreign or missing entries, bad JSON,
     *                              another format version), naming the file and the entry
     */
    public static ReproBundle read(Path file) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        String where = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ReproBundleException(where + ": no such bundle file");
        }
        String current = "(archive header)";
        try (InputStream fi = Files.newInputStream(file);
             GzipCompressorInputStream gz = new GzipCompressorInputStream(fi);
             TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
            TarArchiveEntry e;
            while ((e = tar.getNextTarEntry()) != null) {
                current = e.getName();
                if (e.isDirectory()) {
                    continue;
                }
                if (e.getSize() > MAX_ENTRY) {
                    throw new ReproBundleException(where + ": entry '" + current + "' is " + e.getSize()
                            + " bytes, more than a memory region may hold");
                }
                if (entries.containsKey(current)) {
                    throw new ReproBundleException(where + ": entry '" + current + "' appears twice");
                }
                entries.put(current, readFully(tar, e.getSize(), where, current));
            }
        } catch (ReproBundleException ex) {
            throw ex;
        } catch (IOException | RuntimeException ex) {
            throw new ReproBundleException(where + ": not a readable repro bundle (.tar.gz) at entry '" + current
                    + "': " + describe(ex) + "; the file is truncated or corrupt, or not a bundle");
        }
        byte[] manifest = entries.get(MANIFEST);
        if (manifest == null) {
            throw new ReproBundleException(where + ": entry '" + MANIFEST + "' is missing; entries found: "
                    + entries.keySet());
        }
        JsonNode m;
        try {
            m = io.mttkit.tb.report.StrictJson.READER.readTree(manifest);
        } catch (IOException ex) {
            throw new ReproBundleException(where + ": entry '" + MANIFEST + "' is not valid JSON: " + describe(ex));
        }
        // Unknown fields of this version's manifest (older versions have others: they get their own message)
        if (m.path("version").asInt(-1) == ReproBundle.VERSION) {
            try {
                io.mttkit.tb.report.StrictJson.onlyKnownTopLevel(new String(manifest, StandardCharsets.UTF_8),
                        MANIFEST_FIELDS, where + ": entry '" + MANIFEST + "'");
            } catch (IllegalArgumentException ex) {
                throw new ReproBundleException(ex.getMessage());
            }
        }
        return fromEntries(where, m, entries);
    }

    /** The manifest's top-level fields as {@link #manifest} writes them; any other is refused with its line. */
    static final List<String> MANIFEST_FIELDS = List.of("format", "version", "seed", "checker", "settings", "pmp",
            "buildHash", "digest", "memory", "stream", "checks", "writes", "mismatch");

    private static byte[] readFully(InputStream in, long size, String where, String entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size, 1 << 20));
        in.transferTo(out);
        if (out.size() != size) {
            throw new ReproBundleException(where + ": entry '" + entry + "' is truncated: " + out.size() + " of "
                    + size + " bytes");
        }
        return out.toByteArray();
    }

    private static String describe(Exception ex) {
        String msg = ex instanceof JsonProcessingException j ? j.getOriginalMessage() : ex.getMessage();
        return ex.getClass().getSimpleName() + (msg == null ? "" : " (" + msg + ")");
    }

    private static ReproBundle fromEntries(String where, JsonNode m, Map<String, byte[]> entries) {
        BundleFields f = new BundleFields(where + ": entry '" + MANIFEST + "'");
        if (!m.isObject() || !ReproBundle.FORMAT.equals(m.path("format").asText())) {
            throw new ReproBundleException(f.ctx() + " is not a repro manifest (expected \"format\": \"" + ReproBundle.FORMAT
                    + "\"): a foreign tar.gz?");
        }
        int version = f.integer(m, "version");
        if (version < ReproBundle.VERSION) {
            // versions 1 and 2 stored the generator's parameters (its own spellings, no top, no sources): the
            // device under test cannot be described from them without the generator's types
            throw new ReproBundleException(f.ctx() + ": format version " + version + " (before mtt read checkers from "
                    + "their checker.json) is not read any more; this mtt reads version " + ReproBundle.VERSION
                    + ". Run the regression that produced it again (same --config/--rtl and --seed) to get a version-"
                    + ReproBundle.VERSION + " bundle, or replay it with the mtt version that wrote it");
        }
        if (version > ReproBundle.VERSION) {
            throw new ReproBundleException(f.ctx() + ": format version " + version + " is newer than this mtt reads ("
                    + ReproBundle.VERSION + "); replay it with the mtt version that wrote it");
        }
        CheckerDescription checker;
        try {
            checker = CheckerManifest.parse(f.object(m, "checker"), f.ctx() + ", field 'checker'", null);
        } catch (IllegalArgumentException ex) {
            throw new ReproBundleException(ex.getMessage());
        }
        JsonNode s = f.object(m, "settings");
        SessionSettings settings = new SessionSettings(f.longValue(s, "seed"), f.integer(s, "memLatencyMin"),
                f.integer(s, "memLatencyMax"), f.integer(s, "mrdStallPerMille"), f.integer(s, "rspStallPerMille"),
                f.integer(s, "busErrorPerMille"), f.bool(s, "pmpDefaultAllow"));
        try { // the bridge's own checks of the session settings, so that a bad value is named here
            new io.mttkit.bridge.SessionConfig(settings.seed(), settings.memLatencyMin(), settings.memLatencyMax(),
                    settings.mrdStallPerMille(), settings.rspStallPerMille(), settings.busErrorPerMille(),
                    checker.pmpLatency(), 1, settings.pmpDefaultAllow());
        } catch (RuntimeException ex) {
            throw new ReproBundleException(f.ctx() + ": bad 'settings': " + ex.getMessage());
        }
        List<PmpRegion> pmp = new ArrayList<>();
        for (JsonNode r : f.array(m, "pmp")) {
            try {
                pmp.add(new PmpRegion(f.longValue(r, "base"), f.longValue(r, "size"), f.bool(r, "allow")));
            } catch (RuntimeException ex) {
                throw ex instanceof ReproBundleException rb ? rb
                        : new ReproBundleException(f.ctx() + ": bad PMP region " + r + ": " + ex.getMessage());
            }
        }
        List<ReproBundle.Image> memory = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String name = e.getKey();
            if (name.equals(MANIFEST) || name.equals(STREAM)) {
                continue;
            }
            Matcher mm = MEMORY_NAME.matcher(name);
            if (!mm.matches()) {
                throw new ReproBundleException(where + ": entry '" + name + "' is not part of a version-" + version
                        + " repro bundle (memory images are named memory/<16 lower-case hex digits of the base>.bin)");
            }
            long base = Long.parseUnsignedLong(mm.group(1), 16);
            long last = base + e.getValue().length - 1;
            if (e.getValue().length > 0 && Long.compareUnsigned(last, base) < 0) {
                // base + size wraps past 2^64: no address space holds it, and every range check on it would lie
                throw new ReproBundleException(where + ": entry '" + name + "' holds " + e.getValue().length
                        + " bytes at 0x" + Long.toHexString(base) + ", which runs past the top of the 64-bit address"
                        + " space (0xffffffffffffffff); the bundle is corrupt or was edited");
            }
            memory.add(new ReproBundle.Image(base, e.getValue()));
        }
        checkMemoryListed(where, f, m, memory);
        PhaseStream stream = stream(where, f, m, entries);
        int checks = stream.checks().size();
        JsonNode mis = f.object(m, "mismatch");
        int index = f.integer(mis, "index");
        if (index < -1 || index >= Math.max(1, checks)) {
            throw new ReproBundleException(f.ctx() + ": mismatch index " + index + " is outside the " + checks
                    + " checks of the stream");
        }
        return new ReproBundle(f.longValue(m, "seed"), checker, settings, pmp, f.text(m, "buildHash"),
                f.longValue(m, "digest"), index, f.text(mis, "report"), memory, stream);
    }

    /** Version 2: {@code stream.jsonl} and the manifest's entry writes. */
    private static PhaseStream stream(String where, BundleFields f, JsonNode m, Map<String, byte[]> entries) {
        byte[] bytes = entries.get(STREAM);
        if (bytes == null) {
            throw new ReproBundleException(where + ": entry '" + STREAM + "' is missing");
        }
        List<Stimulus> items = items(where, STREAM, bytes, true);
        int expected = f.integer(m, "stream");
        if (expected != items.size()) {
            throw new ReproBundleException(where + ": entry '" + STREAM + "' holds " + items.size()
                    + " items, the manifest says " + expected + " (truncated?)");
        }
        List<PhaseStream.EntryWrite> writes = new ArrayList<>();
        for (JsonNode w : f.array(m, "writes")) {
            try {
                writes.add(new PhaseStream.EntryWrite(f.integer(w, "position"), f.longValue(w, "addr"),
                        f.integer(w, "size"), f.longValue(w, "value")));
            } catch (IllegalArgumentException ex) {
                throw new ReproBundleException(f.ctx() + ": bad entry write " + w + ": " + ex.getMessage());
            }
        }
        try {
            PhaseStream stream = new PhaseStream(items, writes);
            int checks = f.integer(m, "checks");
            if (checks != stream.checks().size()) {
                throw new ReproBundleException(where + ": entry '" + STREAM + "' holds " + stream.checks().size()
                        + " checks, the manifest says " + checks);
            }
            return stream;
        } catch (IllegalArgumentException ex) {
            throw new ReproBundleException(f.ctx() + ": bad 'writes': " + ex.getMessage());
        }
    }

    private static void checkMemoryListed(String where, BundleFields f, JsonNode m, List<ReproBundle.Image> memory) {
        List<String> listed = new ArrayList<>();
        for (JsonNode r : f.array(m, "memory")) {
            String entry = f.text(r, "entry");
            listed.add(entry);
            ReproBundle.Image img = memory.stream().filter(i -> memoryName(i.base()).equals(entry)).findFirst()
                    .orElseThrow(() -> new ReproBundleException(where + ": entry '" + entry
                            + "' is listed in the manifest but missing from the archive"));
            if (img.bytes().length != f.integer(r, "size")) {
                throw new ReproBundleException(where + ": entry '" + entry + "' has " + img.bytes().length
                        + " bytes, the manifest says " + f.integer(r, "size"));
            }
        }
        for (ReproBundle.Image i : memory) {
            if (!listed.contains(memoryName(i.base()))) {
                throw new ReproBundleException(where + ": entry '" + memoryName(i.base())
                        + "' is not listed in the manifest");
            }
        }
    }

    /** The lines of {@code entry}: stream items ({@code kinds}: with a "kind" field) or, version 1, checks. */
    private static List<Stimulus> items(String where, String entry, byte[] bytes, boolean kinds) {
        List<Stimulus> out = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            BundleFields f = new BundleFields(where + ": entry '" + entry + "' line " + (i + 1));
            JsonNode r;
            try {
                r = io.mttkit.tb.report.StrictJson.READER.readTree(lines[i]);
            } catch (IOException ex) {
                throw new ReproBundleException(f.ctx() + " is not valid JSON: " + describe(ex));
            }
            if (r == null || !r.isObject()) {
                throw new ReproBundleException(f.ctx() + " is not a JSON object");
            }
            String kind = kinds ? f.text(r, "kind") : "check";
            out.add(switch (kind) {
                case "check" -> check(f, r);
                case "invalidate" -> new Stimulus.Invalidate(f.bool(r, "hasPa"), f.longValue(r, "pa"),
                        f.bool(r, "hasSdid"), f.integer(r, "sdid"), r.has("withCheck") && f.bool(r, "withCheck"));
                case "sync" -> new Stimulus.Sync();
                case "idle" -> {
                    try {
                        yield new Stimulus.Idle(f.integer(r, "cycles"));
                    } catch (IllegalArgumentException ex) {
                        throw new ReproBundleException(f.ctx() + ": " + ex.getMessage());
                    }
                }
                default -> throw new ReproBundleException(f.ctx() + ": unknown item kind '" + kind
                        + "' (expected check, invalidate, sync or idle)");
            });
        }
        return out;
    }

    private static CheckRequest check(BundleFields f, JsonNode r) {
        MttMode mode = null;
        if (!r.path("mode").isNull()) {
            try {
                mode = MttMode.fromId(f.text(r, "mode"));
            } catch (IllegalArgumentException ex) {
                throw new ReproBundleException(f.ctx() + ": " + ex.getMessage());
            }
        }
        return new CheckRequest(f.longValue(r, "pa"), f.integer(r, "need"), mode, f.integer(r, "rawMode"),
                f.longValue(r, "rootPpn"), f.integer(r, "sdid"), f.bool(r, "be"), f.bool(r, "bypass"));
    }
}
