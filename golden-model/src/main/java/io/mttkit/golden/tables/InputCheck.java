package io.mttkit.golden.tables;

import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks the builder's input and collects every problem into one {@link TableBuildException}, so that a
 * user fixing a region list sees all mistakes at once. Regions are named by their index in the input list.
 */
final class InputCheck {
    private static final long PAGE_MASK = ImageWriter.PAGE - 1;

    private InputCheck() {
    }

    static void check(List<Region> regions, MttMode mode, long imageBase, BuildOptions options) {
        if (mode == null || mode == MttMode.BARE) {
            throw new TableBuildException("a table mode is needed (one of smmtt34, smmtt46, smmtt56, smmpt34, "
                    + "smmpt43, smmpt52, smmpt64); " + (mode == null ? "got none" : "Bare mode has no tables"));
        }
        if (options == null) {
            throw new TableBuildException("build options must be given (use BuildOptions.DEFAULT)");
        }
        if (regions == null) {
            throw new TableBuildException("the region list must be given (an empty list builds tables that deny"
                    + " every access)");
        }
        List<String> problems = new ArrayList<>();
        if ((imageBase & PAGE_MASK) != 0) {
            problems.add("image base 0x" + Long.toHexString(imageBase) + " is not 4 KiB aligned; use 0x"
                    + Long.toHexString(imageBase & ~PAGE_MASK) + " or 0x"
                    + Long.toHexString((imageBase | PAGE_MASK) + 1));
        }
        long reach = TableBuilder.reach(mode);
        if (Long.compareUnsigned(imageBase, reach) >= 0) {
            problems.add("image base 0x" + Long.toHexString(imageBase) + " is not below 0x" + Long.toHexString(reach)
                    + ", the most the " + (Long.numberOfTrailingZeros(reach) - 12) + "-bit PPN fields of " + mode.id()
                    + " can address; choose a lower image base");
        }
        List<Integer> wellFormed = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            if (r == null) {
                problems.add("region #" + i + " is null");
                continue;
            }
            int before = problems.size();
            checkOne(i, r, mode, problems);
            if (problems.size() == before) {
                wellFormed.add(i);
            }
        }
        checkOverlaps(regions, wellFormed, problems);
        if (!problems.isEmpty()) {
            throw new TableBuildException("cannot build " + mode.id() + " tables: " + String.join("; ", problems));
        }
    }

    private static void checkOne(int i, Region r, MttMode mode, List<String> problems) {
        String name = name(i, r);
        if (r.size() <= 0) {
            problems.add(name + " has size " + (r.size() == 0 ? "0" : r.size() + " (negative)")
                    + "; give a positive multiple of 4 KiB (0x1000)");
            return;
        }
        if ((r.base() & PAGE_MASK) != 0 || (r.size() & PAGE_MASK) != 0) {
            problems.add(name + " is not 4 KiB aligned (" + ((r.base() & PAGE_MASK) != 0 ? "base" : "size")
                    + "); the tables describe whole 4 KiB pages, so align base and size to 0x1000");
        }
        if (Long.compareUnsigned(r.last(), r.base()) < 0) {
            problems.add(name + " wraps past the top of the 64-bit address space; shorten it");
        } else if (mode.paBits() < 64 && (r.last() >>> mode.paBits()) != 0) {
            problems.add(name + " ends beyond the " + mode.paBits() + "-bit physical address space of " + mode.id()
                    + " (last address 0x" + Long.toHexString((1L << mode.paBits()) - 1) + "); move or shorten it,"
                    + " or use a mode with a wider PA");
        }
        int xwr = r.xwr();
        if (xwr < 0 || xwr > 7) {
            problems.add(name + " has permission bits " + xwr + "; use a subset of R=1, W=2, X=4");
        } else if (mode.format() == TableFormat.SMMTT_V0_1 && xwr != 0 && xwr != 3 && xwr != 5 && xwr != 7) {
            problems.add(name + " asks for '" + Access.format(xwr) + "', which smmtt-v0.1 cannot express (its PERM"
                    + " encodings are only none, rx, rw and rwx); pick one of those or an Smmpt mode");
        } else if (mode.format() == TableFormat.SMMPT_V0_9 && (xwr == Access.W || xwr == (Access.W | Access.X))) {
            problems.add(name + " asks for '" + Access.format(xwr) + "' (W without R), a reserved XWR encoding"
                    + " in Smmpt (010 and 110); add r");
        }
    }

    private static void checkOverlaps(List<Region> regions, List<Integer> wellFormed, List<String> problems) {
        List<Integer> order = new ArrayList<>(wellFormed);
        order.sort(Comparator.comparing(i -> regions.get(i).base(), Long::compareUnsigned));
        // Compare each region with the one reaching furthest among those before it in base order.
        int reach = -1;
        for (int k : order) {
            Region r = regions.get(k);
            if (reach >= 0 && Long.compareUnsigned(r.base(), regions.get(reach).last()) <= 0) {
                problems.add(name(reach, regions.get(reach)) + " and " + name(k, r) + " overlap; regions must be"
                        + " disjoint (split them, or merge them when the permissions agree)");
            }
            if (reach < 0 || Long.compareUnsigned(r.last(), regions.get(reach).last()) > 0) {
                reach = k;
            }
        }
    }

    private static String name(int i, Region r) {
        if (r.size() <= 0) {
            return "region #" + i + " (base 0x" + Long.toHexString(r.base()) + ", size " + r.size() + ")";
        }
        return "region #" + i + " " + r;
    }
}
