package io.mttkit.tb.lockstep;

import io.mttkit.tb.cosim.CheckAnswer;
import io.mttkit.golden.hart.Hart;
import io.mttkit.golden.hart.PageMemory;
import io.mttkit.tb.cosim.CheckerLibrary;

/** The text of a lockstep stop: the instruction, the access, both answers, the fence state and the bundle. */
final class LockstepReport {
    private final String head;
    private final String body;

    /**
     * @param rtlAnswer     the RTL's answer when it merely differs from the hart's verdict; null when the harness
     *                      found the difference itself ({@code harnessReport})
     * @param harnessReport the co-simulation harness's report, or null
     */
    LockstepReport(Hart hart, int hartId, String configName, CheckerLibrary lib, PendingCheck q, int indexInBatch,
                   int batchSize, CheckAnswer rtlAnswer, String harnessReport) {
        StringBuilder h = new StringBuilder("LOCKSTEP MISMATCH\n");
        if (hartId >= 0) {
            h.append("hart:        ").append(hartId).append(" (its own instance of the RTL checker)\n");
        }
        h.append("RTL configuration ").append(configName).append(" (top ").append(lib.top()).append(")\n");
        h.append("check ").append(q.index).append(" of the run (index ").append(indexInBatch).append(" of a batch of ")
                .append(batchSize).append(" checks)\n");
        h.append(String.format("instruction: pc 0x%x (%s-mode)  %s%n", q.pc, PendingCheck.privName(q.priv),
                instruction(hart, q)));
        h.append("access:      ").append(q.accessText()).append('\n');
        h.append("golden hart: ").append(q.goldenVerdict()).append('\n');
        if (rtlAnswer != null) {
            h.append("RTL:         ").append(PendingCheck.verdict(rtlAnswer.allow(), rtlAnswer.cause(), rtlAnswer.xwr()))
                    .append(rtlAnswer.hit() ? " (cache hit)" : "").append(rtlAnswer.stale() ? " (stale)" : "")
                    .append('\n');
        } else {
            h.append("RTL:         differs from the golden model inside the co-simulation harness (report below)\n");
        }
        if (q.editedPpn >= 0 && hartId >= 0) {
            h.append(String.format("tables:      table page 0x%x was written (at pc 0x%x) and this hart has not completed "
                    + "MFENCE.PA or SFENCE.INVAL.IR since, yet the RTL answer is not an old cached permission%n",
                    q.editedPpn << 12, q.editedAtPc));
        } else if (q.editedPpn >= 0) {
            h.append(String.format("tables:      the program wrote table page 0x%x (at pc 0x%x) and has not executed "
                    + "MFENCE.PA or SFENCE.INVAL.IR since: a cached checker may still hold the old entry, so a missing "
                    + "fence in the program is the likely culprit, not the RTL%n", q.editedPpn << 12, q.editedAtPc));
        } else {
            h.append(hartId >= 0 ? "tables:      this hart completed an MTT fence after the last table write: a stale "
                    + "answer is not allowed, the RTL (or the invalidation it was sent) is the suspect\n"
                    : "tables:      no table page was written since the last MTT fence: the RTL is the suspect\n");
        }
        this.head = h.toString();
        this.body = harnessReport == null ? "" : "\n" + harnessReport;
    }

    /** The report; {@code bundleNote} says where the repro bundle is (null: not yet written). */
    String text(String bundleNote) {
        return head + (bundleNote == null ? "" : "repro bundle: " + bundleNote + "\n") + body;
    }

    /** Disassembly of the instruction: its retired encoding, else the bytes at its fetch address. */
    private static String instruction(Hart hart, PendingCheck q) {
        return instruction(hart, q.pc, q.insnPa, q.insn);
    }

    /**
     * Disassembly of the instruction at {@code pc}: {@code insn} when known (≥ 0), else the bytes at its fetch address
     * {@code insnPa} (−1: none was checked, the pc is physical).
     */
    static String instruction(Hart hart, long pc, long insnPa, long insn) {
        if (insn < 0) {
            long at = insnPa >= 0 ? insnPa : pc; // M-mode (no fetch check): the pc is physical
            PageMemory m = hart.memory();
            if (!m.canAccess(at, 2)) {
                return "(instruction bytes not readable at 0x" + Long.toHexString(at) + ")";
            }
            insn = m.load(at, 2);
            if ((insn & 3) == 3 && (at & 0xFFF) != 0xFFE && m.canAccess(at, 4)) {
                insn = m.load(at, 4);
            } else if ((insn & 3) == 3) {
                return String.format("(32-bit instruction crossing a page, low half 0x%04x)", insn);
            }
        }
        String width = (insn & 3) == 3 ? "%08x" : "%04x";
        return hart.disassembler().disassemble(pc, (int) insn) + String.format("   [" + width + "]", insn);
    }
}
