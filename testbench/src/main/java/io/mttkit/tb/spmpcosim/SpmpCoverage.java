package io.mttkit.tb.spmpcosim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Functional coverage of an SPMP co-simulation: named groups of declared bins, each counting the accesses (or CSR
 * operations) that fell into it. Bins are declared before the run, so a bin never hit is a named hole, not an
 * absence. Bins that the configuration cannot reach (NA4 with granularity ≥ 1, entries past the entry count) are
 * not declared, and the report says so.
 */
final class SpmpCoverage {
    /** One group: its declared bins in order, with their counts. */
    static final class Group {
        final String name;
        final String meaning;
        final Map<String, Long> bins = new LinkedHashMap<>();

        Group(String name, String meaning) {
            this.name = name;
            this.meaning = meaning;
        }

        void declare(String bin) {
            bins.putIfAbsent(bin, 0L);
        }

        /** Counts a hit; a bin that was not declared is a bug of the classifier, not a new bin. */
        void hit(String bin) {
            Long n = bins.get(bin);
            if (n == null) {
                throw new IllegalStateException("coverage group " + name + " has no bin '" + bin + "'");
            }
            bins.put(bin, n + 1);
        }

        long covered() {
            return bins.values().stream().filter(n -> n > 0).count();
        }

        List<String> holes() {
            List<String> out = new ArrayList<>();
            bins.forEach((b, n) -> {
                if (n == 0) {
                    out.add(b);
                }
            });
            return out;
        }
    }

    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    Group group(String name, String meaning) {
        return groups.computeIfAbsent(name, k -> new Group(name, meaning));
    }

    Group get(String name) {
        Group g = groups.get(name);
        if (g == null) {
            throw new IllegalStateException("no coverage group " + name);
        }
        return g;
    }

    /** A sentence the report prints under the table (e.g. which bins the configuration cannot reach). */
    void note(String text) {
        notes.add(text);
    }

    List<Group> groups() {
        return List.copyOf(groups.values());
    }

    long totalBins() {
        return groups.values().stream().mapToLong(g -> g.bins.size()).sum();
    }

    long coveredBins() {
        return groups.values().stream().mapToLong(Group::covered).sum();
    }

    /** The table: one line per group (covered/declared, meaning), then its holes by name (at most {@code maxHoles}). */
    String format(int maxHoles) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("coverage: %d of %d bins%n", coveredBins(), totalBins()));
        for (Group g : groups.values()) {
            sb.append(String.format("  %-22s %5d/%-5d %s%n", g.name, g.covered(), g.bins.size(), g.meaning));
            List<String> holes = g.holes();
            if (!holes.isEmpty()) {
                List<String> shown = holes.subList(0, Math.min(maxHoles, holes.size()));
                sb.append("      holes: ").append(String.join(", ", shown));
                if (holes.size() > shown.size()) {
                    sb.append(", ... (").append(holes.size() - shown.size()).append(" more)");
                }
                sb.append('\n');
            }
        }
        for (String n : notes) {
            sb.append("  note: ").append(n).append('\n');
        }
        return sb.toString();
    }
}
