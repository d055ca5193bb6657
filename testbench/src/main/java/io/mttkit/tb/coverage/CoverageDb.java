package io.mttkit.tb.coverage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A functional coverage database: named groups of named bins with hit counts (VERIFICATION-PLAN §5). Bins are
 * defined up front, so a bin never hit is a known hole; hitting an undefined bin is a programming error. Two
 * databases merge by adding counts, and only when they define exactly the same bins (so shards of one
 * regression combine, and a database of another configuration or tool version is refused).
 *
 * <p>Groups are open: new groups (the cache bins of a cached checker, for instance) are added by defining
 * them; nothing here knows which groups exist.
 */
public final class CoverageDb {
    /** JSON format name and version written into every file. */
    public static final String FORMAT = "mttkit-coverage";
    public static final int VERSION = 1;
    /** The top-level fields of a coverage file; any other is refused with its line. */
    static final java.util.List<String> TOP_LEVEL = java.util.List.of("format", "version", "configuration", "groups");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String configuration;
    private final Map<String, Map<String, long[]>> groups = new LinkedHashMap<>();

    /** An empty database; {@code configuration} names what the bins were defined for (checked on merge). */
    public CoverageDb(String configuration) {
        this.configuration = configuration;
    }

    /** What the bins were defined for. */
    public String configuration() {
        return configuration;
    }

    /** Defines a bin (idempotent); groups and bins keep their definition order. */
    public void define(String group, String bin) {
        groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).putIfAbsent(bin, new long[1]);
    }

    /** Whether a bin is defined. */
    public boolean isDefined(String group, String bin) {
        Map<String, long[]> g = groups.get(group);
        return g != null && g.containsKey(bin);
    }

    /**
     * Counts one hit of a defined bin.
     *
     * @throws IllegalArgumentException for an undefined bin (its sampling and its definition disagree)
     */
    public void hit(String group, String bin) {
        Map<String, long[]> g = groups.get(group);
        long[] c = g == null ? null : g.get(bin);
        if (c == null) {
            throw new IllegalArgumentException("coverage bin '" + bin + "' of group '" + group + "' was hit but never "
                    + "defined: the bin definitions and the sampling disagree");
        }
        c[0]++;
    }

    /** Hits of a bin (0 for a hole). */
    public long count(String group, String bin) {
        Map<String, long[]> g = groups.get(group);
        long[] c = g == null ? null : g.get(bin);
        if (c == null) {
            throw new IllegalArgumentException("no coverage bin '" + bin + "' in group '" + group + "'");
        }
        return c[0];
    }

    /** Group names in definition order. */
    public List<String> groups() {
        return List.copyOf(groups.keySet());
    }

    /** Bin names of a group in definition order. */
    public List<String> bins(String group) {
        Map<String, long[]> g = groups.get(group);
        if (g == null) {
            throw new IllegalArgumentException("no coverage group '" + group + "'; groups: " + groups.keySet());
        }
        return List.copyOf(g.keySet());
    }

    /** Bins of the group hit at least once. */
    public int hitBins(String group) {
        int n = 0;
        for (String b : bins(group)) {
            n += count(group, b) > 0 ? 1 : 0;
        }
        return n;
    }

    /** The bins of a group never hit. */
    public List<String> holes(String group) {
        List<String> out = new ArrayList<>();
        for (String b : bins(group)) {
            if (count(group, b) == 0) {
                out.add(b);
            }
        }
        return out;
    }

    /** Hit fraction of a group (1 for an empty group). */
    public double ratio(String group) {
        int total = bins(group).size();
        return total == 0 ? 1.0 : hitBins(group) / (double) total;
    }

    /**
     * Adds the counts of {@code other} to this database.
     *
     * @throws IllegalArgumentException when the two do not define the same configuration, groups and bins
     */
    public void merge(CoverageDb other) {
        if (!configuration.equals(other.configuration)) {
            throw new IllegalArgumentException("cannot merge coverage of configuration '" + other.configuration
                    + "' into '" + configuration + "': the bins differ by configuration");
        }
        if (!groups.keySet().equals(other.groups.keySet())) {
            throw new IllegalArgumentException("cannot merge coverage: groups differ (" + groups.keySet() + " vs "
                    + other.groups.keySet() + "); the files come from different tool versions");
        }
        for (String g : groups.keySet()) {
            if (!groups.get(g).keySet().equals(other.groups.get(g).keySet())) {
                throw new IllegalArgumentException("cannot merge coverage: the bins of group '" + g + "' differ; "
                        + "the files come from different tool versions or configurations");
            }
        }
        for (Map.Entry<String, Map<String, long[]>> g : groups.entrySet()) {
            Map<String, long[]> o = other.groups.get(g.getKey());
            for (Map.Entry<String, long[]> b : g.getValue().entrySet()) {
                b.getValue()[0] += o.get(b.getKey())[0];
            }
        }
    }

    /** Per group: hit/total and percentage, then the names of the holes (at most {@code maxHoles} per group). */
    public String summary(int maxHoles) {
        StringBuilder sb = new StringBuilder("coverage of ").append(configuration).append('\n');
        for (String g : groups.keySet()) {
            int total = bins(g).size();
            int hit = hitBins(g);
            sb.append(String.format("  %-10s %5d/%-5d %5.1f%%%n", g, hit, total, total == 0 ? 100.0 : 100.0 * hit / total));
            List<String> holes = holes(g);
            for (int i = 0; i < holes.size() && i < maxHoles; i++) {
                sb.append("      hole: ").append(holes.get(i)).append('\n');
            }
            if (holes.size() > maxHoles) {
                sb.append("      ... and ").append(holes.size() - maxHoles).append(" more holes\n");
            }
        }
        return sb.toString();
    }

    // ---- JSON --------------------------------------------------------------------------------------

    /** The database as JSON: {@code {format, version, configuration, groups: {group: {bin: count}}}}. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("configuration", configuration);
        ObjectNode gs = root.putObject("groups");
        for (Map.Entry<String, Map<String, long[]>> g : groups.entrySet()) {
            ObjectNode bins = gs.putObject(g.getKey());
            g.getValue().forEach((b, c) -> bins.put(b, c[0]));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("serialising coverage", e);
        }
    }

    /**
     * Reads {@link #toJson()} output.
     *
     * @param source names the text in error messages (a file name)
     * @throws IllegalArgumentException for anything that is not a coverage database of this version
     */
    public static CoverageDb fromJson(String json, String source) {
        JsonNode root;
        try {
            root = io.mttkit.tb.report.StrictJson.READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON (" + io.mttkit.tb.report.StrictJson.describe(e) + ")");
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException(source + ": not a coverage database (expected \"format\": \"" + FORMAT
                    + "\")");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new IllegalArgumentException(source + ": coverage format version " + root.path("version")
                    + " is not supported (this tool reads version " + VERSION + ")");
        }
        io.mttkit.tb.report.StrictJson.onlyKnownTopLevel(json, TOP_LEVEL, source);
        JsonNode gs = root.path("groups");
        if (!gs.isObject() || !root.path("configuration").isTextual()) {
            throw new IllegalArgumentException(source + ": 'configuration' (text) and 'groups' (object) are required");
        }
        CoverageDb db = new CoverageDb(root.get("configuration").asText());
        for (Iterator<Map.Entry<String, JsonNode>> it = gs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> g = it.next();
            if (!g.getValue().isObject()) {
                throw new IllegalArgumentException(source + ": group '" + g.getKey() + "' is not an object of bins");
            }
            db.groups.put(g.getKey(), new LinkedHashMap<>());
            for (Iterator<Map.Entry<String, JsonNode>> bt = g.getValue().fields(); bt.hasNext(); ) {
                Map.Entry<String, JsonNode> b = bt.next();
                if (!b.getValue().canConvertToLong() || b.getValue().asLong() < 0 || !b.getValue().isIntegralNumber()) {
                    throw new IllegalArgumentException(source + ": bin '" + b.getKey() + "' of group '" + g.getKey()
                            + "' has count " + b.getValue() + "; expected a non-negative integer");
                }
                db.groups.get(g.getKey()).put(b.getKey(), new long[] {b.getValue().asLong()});
            }
        }
        return db;
    }

    /** Writes {@link #toJson()} to {@code file}. */
    public void write(Path file) throws IOException {
        io.mttkit.tb.report.AtomicFiles.writeString(file, toJson());
    }

    /**
     * Merges coverage files (the shards of one regression): the sum of their counts.
     *
     * @throws IllegalArgumentException when a file is not a coverage database or defines other bins (naming it)
     */
    public static CoverageDb mergeFiles(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no coverage files to merge");
        }
        CoverageDb sum = read(files.get(0));
        for (Path f : files.subList(1, files.size())) {
            try {
                sum.merge(read(f));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(f + ": " + e.getMessage(), e);
            }
        }
        return sum;
    }

    /** Reads a file written by {@link #write}. */
    public static CoverageDb read(Path file) throws IOException {
        return fromJson(Files.readString(file), file.toString());
    }
}
