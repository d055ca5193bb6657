package io.mttkit.tb.cosim;

import io.mttkit.tb.dut.CheckerDescription;
import io.mttkit.golden.MttMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Which worlds a regression runs and how they are seeded: the checks split over the configuration's modes and
 * into worlds of at most {@link #WORLD_CHECKS} checks, each world seeded from (run seed, mode, world index) alone, so
 * that shards ({@link Shard}: world ordinal ≡ K mod N) and threads give results identical to the plain run
 * (docs/scale-out.md).
 */
public final class RunPlan {
    /** Checks per phase (one bridge session, one set of corrupted entries and PMP regions). */
    public static final int PHASE_CHECKS = 400;
    /** Phases run on one set of regions and tables (one world). */
    public static final int PHASES_PER_WORLD = 20;
    /** Checks of a full world. */
    public static final long WORLD_CHECKS = (long) PHASE_CHECKS * PHASES_PER_WORLD;

    private RunPlan() {
    }

    /**
     * Which worlds a run takes: those whose ordinal (position in {@link RunPlan#plan}) is ≡ {@code index} mod
     * {@code count}. Shards 0..count-1 together run every world exactly once.
     *
     * @param index this shard, 0 .. count-1
     * @param count number of shards, ≥ 1
     */
    public record Shard(int index, int count) {
        /** The whole run. */
        public static final Shard ALL = new Shard(0, 1);

        public Shard {
            if (count < 1 || index < 0 || index >= count) {
                throw new IllegalArgumentException("shard " + index + "/" + count + " does not exist: a run of N shards "
                        + "has shards 0 .. N-1 (N >= 1)");
            }
        }

        /**
         * Parses {@code K/N}.
         *
         * @throws IllegalArgumentException naming what is wrong
         */
        public static Shard parse(String text) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})/(\\d{1,6})").matcher(text.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("shard '" + text + "' is not K/N (for example 0/4: the first of "
                        + "four shards)");
            }
            return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }

        /** Whether the world of this ordinal belongs to the shard. */
        public boolean owns(int ordinal) {
            return ordinal % count == index;
        }

        @Override
        public String toString() {
            return index + "/" + count;
        }
    }

    /**
     * One unit of work.
     *
     * @param ordinal position in the run's plan (what shards split on)
     * @param mode    the mode
     * @param index   index among the mode's worlds (what, with the seed and mode, seeds the world)
     * @param checks  checks of the world (at most {@link #WORLD_CHECKS})
     */
    public record World(int ordinal, MttMode mode, int index, long checks) {
    }

    /**
     * The worlds of a run of {@code checks} checks: the checks split over the modes in {@link CheckerDescription#modes()} order (the
     * first {@code checks % modes} modes one more, so that the run has exactly {@code checks}; at least 1 per mode),
     * each mode's share split evenly over as few worlds as hold at most {@link #WORLD_CHECKS} each (sizes differ by at
     * most one check, so that shards and threads get equal shares).
     */
    public static List<World> plan(CheckerDescription params, long checks) {
        List<MttMode> modes = params.modes();
        List<World> out = new ArrayList<>();
        // one world count for every mode (from the largest share), so world sizes differ by at most one check
        long largest = Math.max(1, (checks + modes.size() - 1) / modes.size());
        long worlds = (largest + WORLD_CHECKS - 1) / WORLD_CHECKS;
        for (int m = 0; m < modes.size(); m++) {
            long perMode = Math.max(1, checks / modes.size() + (m < checks % modes.size() ? 1 : 0));
            for (int index = 0; index < worlds; index++) {
                long size = perMode / worlds + (index < perMode % worlds ? 1 : 0);
                out.add(new World(out.size(), modes.get(m), index, size));
            }
        }
        return out;
    }

    /** The seed of a world: from the run's seed, the mode and the world's index alone (never from other worlds). */
    public static long worldSeed(long seed, MttMode mode, int index) {
        return mix(mix(mix(seed) ^ mode.ordinal()) ^ index);
    }

    /** MurmurHash3's 64-bit finaliser over {@code x} plus the golden gamma: distinct inputs, spread outputs. */
    static long mix(long x) {
        long z = x + 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 33)) * 0xFF51_AFD7_ED55_8CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CE_B9FE_1A85_EC53L;
        return z ^ (z >>> 33);
    }
}
