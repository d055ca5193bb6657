package io.mttkit.tb.dut;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mttkit.golden.RsvdTupleScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code checker.json} manifest of a checker folder ({@code docs/byo-rtl.md}), the one schema of generated and
 * bring-your-own RTL, and the JSON form of a {@link CheckerDescription} (repro bundles store the same fields):
 *
 * <pre>
 * {
 *   "top": "mtt_checker", "sources": ["mtt_walker.v", "mtt_cache.v", "mtt_checker.v"],
 *   "xlen": 64, "formats": "smmpt-v0.9", "paw": 56, "sdidLen": 6, "idWidth": 8, "rsvdTupleScope": "ANY",
 *   "v01OneGigAsOneGiB": false, "bigEndianSupport": true, "pmpLatency": 1,
 *   "cache": { "leafSets": 16, "leafWays": 4, "superpageEntries": 8, "walkCacheEntries": 4,
 *              "minvalQueueDepth": 4, "paFenceDropsWalkCache": true },
 *   "walksInFlight": 4, "responseOrder": "BY_ID",
 *   "generator": { "name": ..., "configuration": ..., "version": ..., "summary": ..., "parameters": {...},
 *                  "configurationHash": ..., "files": {...}, "contentHash": ... }
 * }
 * </pre>
 *
 * Every device field is required (no silent defaults: a wrong guess would report the golden model's configuration as
 * RTL bugs); {@code cache} is optional (absent: a cache-less checker, port contract v1) and so is {@code generator}
 * (absent in bring-your-own folders). {@code walksInFlight} and {@code responseOrder} are optional each (absent: one walk,
 * responses in request order — port contract v2's meaning, so every v2 manifest keeps it; docs/nonblocking.md). Unknown fields, at the top and inside {@code cache} and {@code generator}, and
 * duplicate keys are refused, so that a misspelt field is never ignored. Every error is an
 * {@link IllegalArgumentException} naming the file, the field and what to do.
 */
public final class CheckerManifest {
    /** The manifest's file name inside the RTL folder. */
    public static final String FILE = "checker.json";

    static final List<String> FIELDS = List.of("top", "sources", "xlen", "formats", "paw", "sdidLen", "idWidth",
            "rsvdTupleScope", "v01OneGigAsOneGiB", "bigEndianSupport", "pmpLatency", "cache", "walksInFlight",
            "responseOrder", "generator");
    static final List<String> CACHE_FIELDS = List.of("leafSets", "leafWays", "superpageEntries", "walkCacheEntries",
            "minvalQueueDepth", "paFenceDropsWalkCache");
    static final List<String> GENERATOR_FIELDS = List.of("name", "configuration", "version", "summary", "parameters",
            "configurationHash", "files", "contentHash");
    /** The spellings of {@code formats} before the manifest named formats after the specs. */
    private static final Map<String, String> OLD_FORMATS = Map.of("V01", "smmtt-v0.1", "V09", "smmpt-v0.9",
            "BOTH", "both");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CheckerManifest() {
    }

    /**
     * Reads {@code dir/checker.json}: sources are resolved against {@code dir} and must exist.
     *
     * @throws IllegalArgumentException naming the manifest, the field and what to do
     */
    public static CheckerDescription read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no " + FILE + " in " + dir.toAbsolutePath()
                    + ": a checker folder needs a manifest naming the top, the sources and what the RTL implements"
                    + " (see docs/byo-rtl.md)");
        }
        JsonNode root;
        try {
            String text = Files.readString(file);
            root = JSON.readTree(text);
            // with the field's line, which the tree no longer knows (parse() refuses it too, without the line)
            io.mttkit.tb.report.StrictJson.Unknown u = io.mttkit.tb.report.StrictJson.firstUnknownTopLevel(text, FIELDS);
            if (u != null) {
                throw new IllegalArgumentException(file + ": unknown field '" + u.name() + "' (line " + u.line()
                        + "); the fields are " + FIELDS + " (docs/byo-rtl.md): remove it or fix its spelling");
            }
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            if (msg != null && msg.startsWith("Duplicate field")) {
                throw new IllegalArgumentException(file + ": " + msg.replace("Duplicate field", "duplicate field")
                        + " (" + io.mttkit.tb.report.StrictJson.describe(e).replaceFirst(":.*", "") + "); keep one of them");
            }
            throw new IllegalArgumentException(file + ": not valid JSON (" + io.mttkit.tb.report.StrictJson.describe(e)
                    + "); fix the syntax (docs/byo-rtl.md has an example)");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text; save it as UTF-8 JSON (docs/byo-rtl.md)");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        return parse(root, file.toString(), dir);
    }

    /**
     * The description in {@code root} (a manifest, or the {@code checker} object of a repro bundle). {@code where}
     * names it in errors; with {@code dir} the sources are resolved against it and must exist, without (a bundle)
     * they are kept as written.
     *
     * @throws IllegalArgumentException naming {@code where}, the field and what to do
     */
    public static CheckerDescription parse(JsonNode root, String where, Path dir) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(where + ": must be a JSON object with the fields " + FIELDS);
        }
        Fields r = new Fields(where, "", root);
        r.onlyKnown(FIELDS, "");
        String top = r.text("top");
        List<Path> sources = new ArrayList<>();
        JsonNode s = r.required("sources");
        if (!s.isArray() || s.isEmpty()) {
            throw r.invalid("sources", "a non-empty array of Verilog file names (relative to the manifest's folder)");
        }
        for (JsonNode n : s) {
            if (!n.isTextual() || n.asText().isBlank()) {
                throw r.invalid("sources", "an array of file names; got element " + n);
            }
            if (dir == null) {
                sources.add(Path.of(n.asText()));
                continue;
            }
            Path p = dir.resolve(n.asText()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(p)) {
                // "does not exist" only when nothing is there (issue #16, category 8)
                String what = !Files.exists(p) ? "does not exist"
                        : Files.isDirectory(p) ? "is a folder, not a Verilog file" : "is not a regular file (a device?)";
                throw new IllegalArgumentException(where + ": field 'sources': file " + p + " " + what + "; list the "
                        + "Verilog files of the folder, relative to it");
            }
            sources.add(p);
        }
        CheckerDescription.Cache cache = null;
        JsonNode c = root.get("cache");
        if (c != null && !c.isNull()) {
            if (!c.isObject()) {
                throw r.invalid("cache", "an object " + CACHE_FIELDS + ", or absent for a cache-less checker");
            }
            Fields cr = new Fields(where, "cache.", c);
            cr.onlyKnown(CACHE_FIELDS, "cache.");
            try {
                cache = new CheckerDescription.Cache(cr.integer("leafSets"), cr.integer("leafWays"),
                        cr.integer("superpageEntries"), cr.integer("walkCacheEntries"), cr.integer("minvalQueueDepth"),
                        cr.bool("paFenceDropsWalkCache"));
            } catch (IllegalArgumentException e) {
                throw rethrow(where, e);
            }
        }
        CheckerDescription.Provenance generator = null;
        JsonNode g = root.get("generator");
        if (g != null && !g.isNull()) {
            generator = provenance(where, g);
        }
        try {
            return new CheckerDescription(top, sources, r.integer("xlen"), formats(r), r.integer("paw"),
                    r.integer("sdidLen"), r.integer("idWidth"), scope(r), r.bool("v01OneGigAsOneGiB"),
                    r.bool("bigEndianSupport"), r.integer("pmpLatency"), cache, generator,
                    root.has("walksInFlight") ? r.integer("walksInFlight") : 1, responseOrder(r, root));
        } catch (IllegalArgumentException e) {
            throw rethrow(where, e);
        }
    }

    private static IllegalArgumentException rethrow(String where, IllegalArgumentException e) {
        if (e.getMessage() != null && e.getMessage().startsWith(where)) {
            return e;
        }
        return new IllegalArgumentException(where + ": " + e.getMessage() + "; fix the value (docs/byo-rtl.md)", e);
    }

    private static CheckerDescription.Formats formats(Fields r) {
        JsonNode n = r.required("formats");
        CheckerDescription.Formats f = n.isTextual() ? CheckerDescription.Formats.fromId(n.asText()) : null;
        if (f != null) {
            return f;
        }
        String old = n.isTextual() ? OLD_FORMATS.get(n.asText().toUpperCase(Locale.ROOT)) : null;
        if (old != null) {
            throw new IllegalArgumentException(r.where + ": field 'formats': \"" + n.asText() + "\" is the old spelling;"
                    + " write \"" + old + "\" (the formats are named after their specs: "
                    + String.join(", ", CheckerDescription.Formats.ids()) + ")");
        }
        throw r.invalid("formats", "one of " + CheckerDescription.Formats.ids());
    }

    /** {@code responseOrder}: optional (absent: in request order, as every contract v1/v2 checker answers). */
    private static ResponseOrder responseOrder(Fields r, JsonNode root) {
        if (!root.has("responseOrder")) {
            return ResponseOrder.IN_ORDER;
        }
        JsonNode n = r.required("responseOrder");
        for (ResponseOrder o : ResponseOrder.values()) {
            if (n.isTextual() && o.name().equals(n.asText())) {
                return o;
            }
        }
        throw r.invalid("responseOrder", "IN_ORDER or BY_ID");
    }

    private static RsvdTupleScope scope(Fields r) {
        JsonNode n = r.required("rsvdTupleScope");
        for (RsvdTupleScope s : RsvdTupleScope.values()) {
            if (n.isTextual() && s.name().equals(n.asText().toUpperCase(Locale.ROOT))) {
                return s;
            }
        }
        throw r.invalid("rsvdTupleScope", "ANY or SELECTED");
    }

    private static CheckerDescription.Provenance provenance(String where, JsonNode g) {
        Fields r = new Fields(where, "generator.", g);
        if (!g.isObject()) {
            throw new IllegalArgumentException(where + ": field 'generator' must be an object " + GENERATOR_FIELDS
                    + " (written by mtt gen), or absent for your own RTL");
        }
        r.onlyKnown(GENERATOR_FIELDS, "generator.");
        String name = g.hasNonNull("name") ? r.text("name") : null;
        Map<String, String> parameters = new LinkedHashMap<>();
        JsonNode p = r.required("parameters");
        if (!p.isObject()) {
            throw r.invalid("parameters", "an object: every generator parameter by name with its value");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new IllegalArgumentException(where + ": field 'generator.parameters." + e.getKey()
                        + "' must be a number, a string or true/false; got " + e.getValue());
            }
            parameters.put(e.getKey(), e.getValue().toString());
        }
        Map<String, String> files = new LinkedHashMap<>();
        JsonNode f = r.required("files");
        if (!f.isObject()) {
            throw r.invalid("files", "an object: file name -> \"sha256:...\"");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException(where + ": field 'generator.files." + e.getKey()
                        + "' must be a \"sha256:...\" string; got " + e.getValue());
            }
            files.put(e.getKey(), e.getValue().asText());
        }
        return new CheckerDescription.Provenance(name, r.text("configuration"), r.text("version"), r.text("summary"),
                parameters, r.text("configurationHash"), files, r.text("contentHash"));
    }

    /**
     * The JSON form of {@code d}, the manifest's fields in its order; sources relative to {@code dir} (each must lie
     * in it), or as their file names when {@code dir} is null (repro bundles).
     */
    public static ObjectNode toJson(CheckerDescription d, Path dir) {
        ObjectNode o = JSON.createObjectNode();
        o.put("top", d.top());
        ArrayNode a = o.putArray("sources");
        Path base = dir == null ? null : dir.toAbsolutePath().normalize();
        for (Path p : d.sources()) {
            a.add(base == null ? p.getFileName().toString() : base.relativize(p.toAbsolutePath().normalize()).toString());
        }
        o.put("xlen", d.xlen());
        o.put("formats", d.formats().id());
        o.put("paw", d.paw());
        o.put("sdidLen", d.sdidLen());
        o.put("idWidth", d.idWidth());
        o.put("rsvdTupleScope", d.rsvdTupleScope().name());
        o.put("v01OneGigAsOneGiB", d.v01OneGigAsOneGiB());
        o.put("bigEndianSupport", d.bigEndianSupport());
        o.put("pmpLatency", d.pmpLatency());
        if (d.cache() != null) {
            CheckerDescription.Cache c = d.cache();
            ObjectNode n = o.putObject("cache");
            n.put("leafSets", c.leafSets());
            n.put("leafWays", c.leafWays());
            n.put("superpageEntries", c.superpageEntries());
            n.put("walkCacheEntries", c.walkCacheEntries());
            n.put("minvalQueueDepth", c.minvalQueueDepth());
            n.put("paFenceDropsWalkCache", c.paFenceDropsWalkCache());
        }
        if (d.walksInFlight() != 1 || d.responseOrder() != ResponseOrder.IN_ORDER) {
            // written only when not the defaults, as the generator does: a v2 manifest stays byte for byte as it was
            o.put("walksInFlight", d.walksInFlight());
            o.put("responseOrder", d.responseOrder().name());
        }
        if (d.generator() != null) {
            CheckerDescription.Provenance g = d.generator();
            ObjectNode n = o.putObject("generator");
            if (g.name() != null) {
                n.put("name", g.name());
            }
            n.put("configuration", g.configuration());
            n.put("version", g.version());
            n.put("summary", g.summary());
            ObjectNode p = n.putObject("parameters");
            g.parameters().forEach((k, v) -> {
                try {
                    p.set(k, JSON.readTree(v));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("parameter " + k + " holds no JSON value: " + v, e);
                }
            });
            n.put("configurationHash", g.configurationHash());
            ObjectNode f = n.putObject("files");
            g.files().forEach(f::put);
            n.put("contentHash", g.contentHash());
        }
        return o;
    }

    /** Writes {@code dir/checker.json} for {@code d}, whose sources must lie in {@code dir}. */
    public static Path write(Path dir, CheckerDescription d) {
        Path file = dir.resolve(FILE);
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), toJson(d, dir));
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
        return file;
    }

    /** Typed field access with errors naming the file, the field (with its prefix) and what it must be. */
    private record Fields(String where, String prefix, JsonNode root) {
        void onlyKnown(List<String> known, String prefix) {
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!known.contains(name)) {
                    throw new IllegalArgumentException(where + ": unknown field '" + prefix + name + "'; the fields are "
                            + known + " (docs/byo-rtl.md): remove it or fix its spelling");
                }
            }
        }

        JsonNode required(String name) {
            JsonNode n = root.get(name);
            if (n == null || n.isNull()) {
                throw new IllegalArgumentException(where + ": missing field '" + prefix + name
                        + "'; add it (every device field is required, docs/byo-rtl.md)");
            }
            return n;
        }

        IllegalArgumentException invalid(String name, String expected) {
            return new IllegalArgumentException(where + ": field '" + prefix + name + "' must be " + expected + "; got "
                    + root.get(name));
        }

        String text(String name) {
            JsonNode n = required(name);
            if (!n.isTextual() || n.asText().isBlank()) {
                throw invalid(name, "a non-empty string");
            }
            return n.asText();
        }

        int integer(String name) {
            JsonNode n = required(name);
            if (!n.isInt()) {
                throw invalid(name, "an integer");
            }
            return n.asInt();
        }

        boolean bool(String name) {
            JsonNode n = required(name);
            if (!n.isBoolean()) {
                throw invalid(name, "true or false");
            }
            return n.asBoolean();
        }
    }

    /** The known field names (for tests and docs). */
    static Set<String> fieldNames() {
        return Set.copyOf(FIELDS);
    }
}
