package io.mttkit.golden.tables;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds valid, well-formed MTT tables of any mode of either format from a list of domain regions, placing
 * every table page in one contiguous image that starts at a given physical address.
 *
 * <p>Each range is described by the largest leaf that fits (see {@link SmmptBuilder} and
 * {@link SmmttBuilder} for the exact rules); memory outside every region is denied (Smmpt: V=0 MPTEs with
 * nothing below them; v0.1: {@code 1G_disallow} or all-00 PERMs). Tables may lie inside a region: the
 * builder describes permissions, it does not protect its own output.
 *
 * <p>The golden model's builder shares no code with the RTL generator or with the lookup's decoders: its
 * encoders ({@link SmmptEntries}, {@link SmmttEntries}) are a second, independent reading of the spec that
 * the property tests check against {@link io.mttkit.golden.MttLookup}.
 */
public final class TableBuilder {
    private TableBuilder() {
    }

    /** {@link #build(List, MttMode, long, BuildOptions)} with {@link BuildOptions#DEFAULT}. */
    public static BuiltTables build(List<Region> regions, MttMode mode, long imageBase) {
        return build(regions, mode, imageBase, BuildOptions.DEFAULT);
    }

    /**
     * Builds the tables.
     *
     * @param regions   disjoint, 4 KiB aligned regions inside the mode's PA space with permissions the
     *                  format can express; may be empty (everything denied)
     * @param mode      any mode except {@link MttMode#BARE}
     * @param imageBase where the image will be loaded; 4 KiB aligned (the root is placed at the first
     *                  address aligned as the mode requires: 16 KiB for Smmtt34/46, 8 KiB for Smmtt56, 32 KiB
     *                  for Smmpt64)
     * @throws TableBuildException naming every problem with the input, or the size the image would need
     *                             when it exceeds {@link BuildOptions#maxImageBytes()}; nothing is built
     */
    public static BuiltTables build(List<Region> regions, MttMode mode, long imageBase, BuildOptions options) {
        InputCheck.check(regions, mode, imageBase, options);
        PermissionMap map = new PermissionMap(regions);
        ImageWriter out = new ImageWriter(imageBase, options.maxImageBytes(), reach(mode), options.bigEndian());
        Map<String, Integer> kinds = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();

        long root;
        try {
            root = mode.format() == TableFormat.SMMPT_V0_9
                    ? new SmmptBuilder(mode, map, out, options, kinds).build()
                    : new SmmttBuilder(mode, map, out, options, kinds, notes).build();
        } catch (ImageWriter.FarTooLarge e) {
            throw new TableBuildException("the " + mode.id() + " tables for these " + regions.size()
                    + " regions need more than " + out.bytesNeeded() + " bytes (counting stopped at "
                    + mib(out.bytesNeeded()) + "), far more than maxImageBytes = " + options.maxImageBytes() + " ("
                    + mib(options.maxImageBytes()) + "); describe large regions with large leaves"
                    + " (useLargestLeaves) or use fewer, larger-aligned regions");
        }

        if (out.overflowed()) {
            throw new TableBuildException("the " + mode.id() + " tables for these " + regions.size()
                    + " regions need " + out.bytesNeeded() + " bytes (" + mib(out.bytesNeeded())
                    + "), more than maxImageBytes = " + options.maxImageBytes() + " (" + mib(options.maxImageBytes())
                    + "); raise BuildOptions.maxImageBytes" + (mode == MttMode.SMMTT56
                    ? " or keep the regions in fewer 64 TiB ranges (each costs a 16 MiB MTTL2 table)" : ""));
        }
        if (out.beyondReach()) {
            throw new TableBuildException("the " + mode.id() + " table image at 0x" + Long.toHexString(imageBase)
                    + " needs " + out.bytesNeeded() + " bytes and would not lie below 0x" + Long.toHexString(reach(mode))
                    + ", the most its " + (Long.numberOfTrailingZeros(reach(mode)) - 12)
                    + "-bit PPN fields can address; choose a lower image base");
        }
        if (root != imageBase) {
            notes.add(0, "root aligned up to 0x" + Long.toHexString(root) + ", leaving " + (root - imageBase)
                    + " bytes of zero padding at the start of the image");
        }
        return new BuiltTables(mode, imageBase, out.image(), root >>> 12, (int) (out.tableBytes() / ImageWriter.PAGE),
                kinds, notes);
    }

    /**
     * The root PPN ({@code mttp}/{@code mmpt}) and every pointer are 22-bit PPNs on RV32 and 44-bit PPNs on
     * RV64 (MTTL3 PPN, MTTL2 INFO, MPTE PPN), so the whole image must lie below 2^34 or 2^56.
     */
    static long reach(MttMode mode) {
        return 1L << (mode.xlen() == 32 ? 34 : 56);
    }

    private static String mib(long bytes) {
        return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
