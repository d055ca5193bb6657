package io.mttkit.tb.cosim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mttkit.gen.cache.CacheShape;
import io.mttkit.gen.walker.WalkerParams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code checker.json} manifest next to bring-your-own checker Verilog ({@code docs/byo-rtl.md}): the sources,
 * the top module and the parameters the regression must know to configure stimulus and golden model. Every field is
 * required (no silent defaults: a wrong guess would report the golden model's configuration as RTL bugs); an unknown
 * field is an error too, so that a misspelt one is not ignored.
 *
 * <pre>
 * {
 *   "top": "my_checker", "sources": ["my_checker.v", "walker.v"],
 *   "xlen": 64, "formats": "BOTH", "paw": 56, "sdidLen": 6, "idWidth": 8, "rsvdTupleScope": "ANY",
 *   "v01OneGigAsOneGiB": false, "bigEndianSupport": true, "pmpLatency": 1
 * }
 * </pre>
 *
 * @param top     the top module (must implement port contract v1, {@code docs/bridge.md})
 * @param sources the Verilog files, absolute (given relative to the manifest's folder)
 * @param params  what the RTL implements
 * @param cache   the cache geometry of a cached checker (optional object {@code "cache"}: leafSets, leafWays,
 *                superpageEntries, walkCacheEntries, minvalQueueDepth, paFenceDropsWalkCache); {@code null} when the
 *                RTL has no cache (then the scoreboard compares no cache events)
 */
public record CheckerManifest(String top, List<Path> sources, WalkerParams params, CacheShape cache) {
    /** The manifest's file name inside the RTL folder. */
    public static final String FILE = "checker.json";

    private static final Set<String> FIELDS = Set.of("top", "sources", "xlen", "formats", "paw", "sdidLen", "idWidth",
            "rsvdTupleScope", "v01OneGigAsOneGiB", "bigEndianSupport", "pmpLatency", "cache");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads {@code dir/checker.json}.
     *
     * @throws IllegalArgumentException naming the manifest and the missing or invalid field
     */
    public static CheckerManifest read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no " + FILE + " in " + dir.toAbsolutePath()
                    + ": bring-your-own RTL needs a manifest naming the top, the sources and the parameters"
                    + " (see docs/byo-rtl.md)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": must be a JSON object with the fields " + FIELDS);
        }
        Reader r = new Reader(file, root);
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(file + ": unknown field '" + name + "'; the fields are " + FIELDS);
            }
        }
        String top = r.text("top");
        List<Path> sources = new ArrayList<>();
        JsonNode s = r.required("sources");
        if (!s.isArray() || s.isEmpty()) {
            throw r.invalid("sources", "a non-empty array of Verilog file names (relative to the manifest's folder)");
        }
        for (JsonNode n : s) {
            if (!n.isTextual()) {
                throw r.invalid("sources", "an array of strings; got element " + n);
            }
            Path p = dir.resolve(n.asText()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException(file + ": field 'sources': file " + p + " does not exist");
            }
            sources.add(p);
        }
        WalkerParams params;
        try {
            params = new WalkerParams(r.integer("xlen"), r.enumValue("formats", WalkerParams.Formats.class),
                    r.integer("paw"), r.integer("sdidLen"), r.integer("idWidth"),
                    r.enumValue("rsvdTupleScope", WalkerParams.TupleScope.class), r.bool("v01OneGigAsOneGiB"),
                    r.bool("bigEndianSupport"), r.integer("pmpLatency"));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e); // WalkerParams names the field
        }
        CacheShape cache = null;
        JsonNode c = r.root().get("cache");
        if (c != null && !c.isNull()) {
            if (!c.isObject()) {
                throw r.invalid("cache", "an object (leafSets, leafWays, superpageEntries, walkCacheEntries, "
                        + "minvalQueueDepth, paFenceDropsWalkCache)");
            }
            Set<String> cacheFields = Set.of("leafSets", "leafWays", "superpageEntries", "walkCacheEntries",
                    "minvalQueueDepth", "paFenceDropsWalkCache");
            for (java.util.Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!cacheFields.contains(name)) {
                    throw new IllegalArgumentException(file + ": unknown field 'cache." + name + "'; the fields are "
                            + cacheFields);
                }
            }
            Reader cr = new Reader(file, c);
            try {
                cache = new CacheShape(cr.integer("leafSets"), cr.integer("leafWays"), cr.integer("superpageEntries"),
                        cr.integer("walkCacheEntries"), cr.integer("minvalQueueDepth"), cr.bool("paFenceDropsWalkCache"));
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
                    throw e;
                }
                throw new IllegalArgumentException(file + ": field 'cache': " + e.getMessage(), e);
            }
        }
        return new CheckerManifest(top, List.copyOf(sources), params, cache);
    }

    /**
     * Writes {@code dir/checker.json} for {@code sources} (each must lie in {@code dir}), e.g. to run the generated
     * checker through the bring-your-own path.
     */
    public static Path write(Path dir, String top, List<Path> sources, WalkerParams params) {
        return write(dir, top, sources, params, null);
    }

    /** As above, with the cache geometry of a cached checker ({@code null}: none). */
    public static Path write(Path dir, String top, List<Path> sources, WalkerParams params, CacheShape cache) {
        ObjectNode o = JSON.createObjectNode();
        o.put("top", top);
        ArrayNode a = o.putArray("sources");
        Path base = dir.toAbsolutePath().normalize();
        for (Path p : sources) {
            a.add(base.relativize(p.toAbsolutePath().normalize()).toString());
        }
        ParamsJson.putParams(o, params);
        if (cache != null) {
            ParamsJson.putCache(o, cache);
        }
        Path file = dir.resolve(FILE);
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), o);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
        return file;
    }

    /** Typed field access with errors naming the manifest and the field. */
    private record Reader(Path file, JsonNode root) {
        JsonNode required(String name) {
            JsonNode n = root.get(name);
            if (n == null || n.isNull()) {
                throw new IllegalArgumentException(file + ": missing field '" + name + "' (see docs/byo-rtl.md)");
            }
            return n;
        }

        IllegalArgumentException invalid(String name, String expected) {
            return new IllegalArgumentException(file + ": field '" + name + "' must be " + expected + "; got "
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

        <E extends Enum<E>> E enumValue(String name, Class<E> type) {
            JsonNode n = required(name);
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                names.add(e.name());
                if (n.isTextual() && e.name().equals(n.asText().toUpperCase(Locale.ROOT))) {
                    return e;
                }
            }
            throw invalid(name, "one of " + names);
        }
    }
}
