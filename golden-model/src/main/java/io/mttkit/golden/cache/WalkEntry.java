package io.mttkit.golden.cache;

import io.mttkit.golden.MttMode;

/**
 * A walk-cache entry: one non-leaf pointer (CHECKER-MICROARCH.md §5 item 3).
 *
 * @param sdid       implemented SDID bits of the walk's context
 * @param mode       mode of the walk's context (implies the format)
 * @param tableLevel level of the table the pointer points to (the walk resumes there)
 * @param coverLog2  log2 of the PA range that table covers ({@link WalkGeometry#tableCoverLog2})
 * @param prefix     {@code pa >>> coverLog2} of the PAs that table covers
 * @param tablePpn   PPN of that table
 */
public record WalkEntry(int sdid, MttMode mode, int tableLevel, int coverLog2, long prefix, long tablePpn) {

    boolean covers(long pa) {
        return (pa >>> coverLog2) == prefix;
    }

    boolean sameTag(WalkEntry o) {
        return sdid == o.sdid && mode == o.mode && tableLevel == o.tableLevel && prefix == o.prefix;
    }

    String describe() {
        return String.format("sdid=%d %s table L%d [0x%x, +2^%d) -> ppn 0x%x", sdid, mode.id(), tableLevel,
                prefix << coverLog2, coverLog2, tablePpn);
    }
}
