package io.mttkit.golden.tables;

import io.mttkit.golden.MttMode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link TableBuilder#build}: a contiguous memory image holding every table page, to be
 * loaded at {@link #base()}, and the root PPN to write into {@code mttp}/{@code mmpt}.
 *
 * @param mode      the mode the tables are for
 * @param base      physical address of {@code image[0]} (4 KiB aligned)
 * @param image     the bytes of all tables; bytes before the root (alignment padding) and unused entries are 0
 * @param rootPpn   PPN of the root table (MTTL3 / MTTL2 / Smmpt root)
 * @param pagesUsed number of 4 KiB pages occupied by tables (alignment padding excluded)
 * @param leafKinds number of entries written per kind, in the order first written, e.g.
 *                  {@code "1G_allow_rw" → 32}, {@code "MTTL1 word" → 3}, {@code "level-1 leaf" → 1},
 *                  {@code "NAPOT level-0 G=4" → 32}; entries outside every region are not counted
 * @param notes     remarks about choices the builder made (padding, shared tables, fillers)
 */
public record BuiltTables(MttMode mode, long base, byte[] image, long rootPpn, int pagesUsed,
                          Map<String, Integer> leafKinds, List<String> notes) {

    public BuiltTables {
        leafKinds = Collections.unmodifiableMap(new LinkedHashMap<>(leafKinds));
        notes = List.copyOf(notes);
    }

    /** Physical address of the root table. */
    public long rootAddress() {
        return rootPpn << 12;
    }

    /** Address one past the last byte of the image. */
    public long end() {
        return base + image.length;
    }

    /** One human-readable paragraph: mode, where the image lies, root PPN, pages used and leaf kinds. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(mode.id()).append(" tables: ").append(image.length).append(" bytes at [0x")
          .append(Long.toHexString(base)).append(", 0x").append(Long.toHexString(end() - 1)).append("], root PPN 0x")
          .append(Long.toHexString(rootPpn)).append(" (root at 0x").append(Long.toHexString(rootAddress()))
          .append("), ").append(pagesUsed).append(" table page").append(pagesUsed == 1 ? "" : "s")
          .append(" of 4 KiB; leaves: ");
        if (leafKinds.isEmpty()) {
            sb.append("none (no region given, every access is denied)");
        } else {
            boolean first = true;
            for (Map.Entry<String, Integer> e : leafKinds.entrySet()) {
                sb.append(first ? "" : ", ").append(e.getValue()).append(" × ").append(e.getKey());
                first = false;
            }
        }
        sb.append('.');
        for (String n : notes) {
            sb.append(' ').append(n);
            if (!n.endsWith(".")) {
                sb.append('.');
            }
        }
        return sb.toString();
    }
}
