package io.mttkit.tb.repro;

import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.PhaseHarness;
import io.mttkit.tb.cosim.CosimMismatchException;
import io.mttkit.tb.cosim.Stimulus;
import io.mttkit.tb.cosim.WalkHarness;
import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks the stream of a failing repro bundle to a small one that still fails (delta debugging, Zeller's ddmin,
 * over stream items): first everything after the failing check goes, then chunks of items are removed as long as
 * the run still reports a mismatch of the same kind (the first differing field or cache rule of the original
 * report). Every trial is a fresh session over a fresh copy of the bundle's memory; the table-entry writes stay at
 * the same place relative to the items that are kept. Deterministic: same bundle, same result.
 */
public final class Shrinker {
    /** At most this many trial runs (each a few milliseconds for a phase of hundreds of items). */
    public static final int MAX_TRIALS = 3_000;

    private final ReproBundle bundle;
    private final CheckerLibrary lib;
    private final String signature;
    private int trials;

    private Shrinker(ReproBundle bundle, CheckerLibrary lib) {
        this.bundle = bundle;
        this.lib = lib;
        this.signature = signature(bundle.mismatch());
    }

    /** The result: the shrunk bundle (its report and failing index from the last failing trial) and the effort. */
    public record Result(ReproBundle bundle, int itemsBefore, int itemsAfter, int trials) {
    }

    /**
     * Shrinks {@code b} (which must hold a mismatch) on {@code lib}.
     *
     * @throws IllegalArgumentException when the bundle holds no mismatch or does not fail on {@code lib}
     */
    public static Result shrink(ReproBundle b, CheckerLibrary lib) {
        if (b.failingIndex() < 0) {
            throw new IllegalArgumentException("the bundle records no mismatch: there is nothing to shrink");
        }
        Shrinker s = new Shrinker(b, lib);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < b.stream().items().size(); i++) {
            all.add(i);
        }
        // everything after the failing check cannot matter
        int failingItem = s.itemOfCheck(b.failingIndex());
        List<Integer> keep = new ArrayList<>(all.subList(0, failingItem + 1));
        if (s.failure(keep) == null) {
            keep = all; // (a later item mattered after all: e.g. a sync that completes the failing cycle)
            if (s.failure(keep) == null) {
                throw new IllegalArgumentException("the bundle's mismatch does not reproduce on this checker: "
                        + "replay it first (mtt replay) to see what differs");
            }
        }
        keep = s.ddmin(keep);
        String[] last = s.failure(keep);
        PhaseStream shrunk = s.restrict(keep);
        ReproBundle out = new ReproBundle(b.seed(), b.checker(), b.settings(), b.pmp(), b.buildHash(), 0,
                Integer.parseInt(last[1]), last[0], b.memory(), shrunk);
        return new Result(out, b.stream().items().size(), keep.size(), s.trials);
    }

    /** ddmin: remove complements of ever finer chunks while the failure persists. */
    private List<Integer> ddmin(List<Integer> items) {
        int n = 2;
        List<Integer> current = items;
        while (current.size() >= 2 && trials < MAX_TRIALS) {
            int chunk = (current.size() + n - 1) / n;
            boolean reduced = false;
            for (int start = 0; start < current.size() && trials < MAX_TRIALS; start += chunk) {
                List<Integer> complement = new ArrayList<>(current.subList(0, start));
                complement.addAll(current.subList(Math.min(current.size(), start + chunk), current.size()));
                if (!complement.isEmpty() && failure(complement) != null) {
                    current = complement;
                    n = Math.max(n - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (n >= current.size()) {
                    break;
                }
                n = Math.min(current.size(), n * 2);
            }
        }
        return current;
    }

    /** Runs the stream restricted to {@code keep}; returns {report, failing check index} of a same-kind mismatch. */
    private String[] failure(List<Integer> keep) {
        trials++;
        PhaseStream stream = restrict(keep);
        PhysicalMemory mem = bundle.toMemory();
        try (PhaseHarness h = PhaseHarness.open(lib, mem, bundle.settings())) {
            h.setPmpRegions(bundle.pmp());
            PhaseStream.Run run = stream.start(h, mem);
            try {
                run.all();
            } catch (CosimMismatchException e) {
                if (signature(e.getMessage()).equals(signature)) {
                    return new String[] {e.getMessage(), Integer.toString(run.failingCheck())};
                }
            }
        }
        return null;
    }

    /** The kept items, with every entry write moved to the position of the first kept item at or after it. */
    private PhaseStream restrict(List<Integer> keep) {
        List<Stimulus> items = new ArrayList<>();
        for (int i : keep) {
            items.add(bundle.stream().items().get(i));
        }
        List<PhaseStream.EntryWrite> writes = new ArrayList<>();
        for (PhaseStream.EntryWrite w : bundle.stream().writes()) {
            int position = 0;
            while (position < keep.size() && keep.get(position) < w.position()) {
                position++;
            }
            writes.add(new PhaseStream.EntryWrite(position, w.addr(), w.size(), w.value()));
        }
        // an invalidation presented with a check whose check was dropped (or now sits behind a write, in another
        // run call) is presented alone
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Stimulus.Invalidate inv && inv.withCheck()) {
                int next = i + 1;
                boolean split = next >= items.size() || !(items.get(next) instanceof CheckRequest)
                        || writes.stream().anyMatch(w -> w.position() == next);
                if (split) {
                    items.set(i, new Stimulus.Invalidate(inv.hasPa(), inv.pa(), inv.hasSdid(), inv.sdid()));
                }
            }
        }
        return new PhaseStream(items, writes);
    }

    private int itemOfCheck(int checkIndex) {
        int checks = 0;
        List<Stimulus> items = bundle.stream().items();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof CheckRequest) {
                if (checks++ == checkIndex) {
                    return i;
                }
            }
        }
        return items.size() - 1;
    }

    /**
     * What kind of mismatch a report describes: its first difference line (a field name, "reads differ", a cache
     * rule) with the numbers taken out, so a shrunk stream that fails on the same rule with other values still
     * counts.
     */
    static String signature(String report) {
        String[] lines = report.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (lines[i].startsWith("field differences") || lines[i].startsWith("cache differences")) {
                String t = lines[i + 1].trim();
                int cut = t.indexOf(':');
                String head = cut > 0 ? t.substring(0, cut) : t.split("\\s+")[0];
                return lines[i].split(" ")[0] + " " + head.replaceAll("[0-9]+", "#");
            }
        }
        // a checker with several walks in flight (WalkHarness): the first difference of the first cycle that has one,
        // with its numbers (cycles, requests, walks, addresses) taken out
        for (int i = 0; i + 1 < lines.length; i++) {
            if (lines[i].startsWith(WalkHarness.FIRST_DIFFERENCE)) {
                return "walk " + lines[i + 1].trim().replaceAll("0x[0-9a-f]+", "#").replaceAll("[0-9]+", "#");
            }
        }
        // a stop (watchdog, RTL $fatal) or an unanswered check: the line that says so
        for (String line : lines) {
            if (line.contains("the simulation stopped") || line.contains("checks were answered")
                    || line.contains("outside any check") || line.contains("was accepted while")) {
                return line.replaceAll("[0-9]+", "#").replaceAll("0x[0-9a-f#]+", "#");
            }
        }
        return "";
    }
}
