package io.mttkit.golden.spmp;

import io.mttkit.golden.Access;
import io.mttkit.golden.pmp.PrivMode;
import io.mttkit.golden.spmp.SpmpCfg.AddressMode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.mttkit.golden.spmp.Cfgs.napot;
import static io.mttkit.golden.spmp.Cfgs.program;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every cell of the encoding table ("Encoding of Permissions"): rule type × RWX × privilege × SUM × MXR
 * × access type (fetch, load, store, AMO), through a real check of a NAPOT entry. The expected
 * permissions are {@link #TABLE}, typed in from the spec's table (docs/spec-notes.md, Sspmp), not
 * computed by the model.
 */
class EncodingTableTest {
    /**
     * type rwx | U | S,SUM=0 | S,SUM=1 | U,MXR | S,SUM=0,MXR | S,SUM=1,MXR ("-" = nothing).
     * smode_rule_enforce, umode_rule_enforce, umode_rule_sum_effect, umode_rule_enforceNoX,
     * umode_rule_sum_denied, shared_rule_enforce, shared_rule_sum_ignored.
     */
    static final String[] TABLE = {
        "S ---  | -   | -   | -   | -   | -   | -  ",
        "S --x  | -   | x   | x   | -   | rx  | rx ",
        "S r--  | -   | r   | r   | -   | r   | r  ",
        "S r-x  | -   | rx  | rx  | -   | rx  | rx ",
        "S rw-  | -   | rw  | rw  | -   | rw  | rw ",
        "S rwx  | -   | rwx | rwx | -   | rwx | rwx",
        "U ---  | -   | -   | -   | -   | -   | -  ",
        "U --x  | x   | -   | -   | rx  | -   | r  ",
        "U r--  | r   | -   | r   | r   | -   | r  ",
        "U r-x  | rx  | -   | r   | rx  | -   | r  ",
        "U rw-  | rw  | -   | rw  | rw  | -   | rw ",
        "U rwx  | rwx | -   | rw  | rwx | -   | rw ",
        "SH --- | -   | -   | -   | -   | -   | -  ",
        "SH --x | x   | x   | x   | rx  | rx  | rx ",
        "SH r-- | r   | r   | r   | r   | r   | r  ",
        "SH r-x | rx  | rx  | rx  | rx  | rx  | rx ",
        "SH rw- | r   | rw  | rw  | r   | rw  | rw ",
        "SH rwx | x   | rwx | rwx | rx  | rwx | rwx",
    };

    private static final int[] NEEDS = {Access.X, Access.R, Access.W, Access.R | Access.W};

    @Test
    void everyCell() {
        int cells = 0;
        List<String> failures = new ArrayList<>();
        for (String row : TABLE) {
            String[] f = row.split("\\|");
            String[] head = f[0].trim().split("\\s+");
            String flags = switch (head[0]) {
                case "S" -> "";
                case "U" -> "U";
                default -> "US";
            };
            String rwx = head[1].replace("-", "");
            int cfg = Cfgs.cfg(rwx, AddressMode.NAPOT, flags);
            Spmp p = Cfgs.spmp(1);
            program(p, 0, napot(0x4000, 0x1000), cfg);
            assertEquals(cfg, p.readCfg(0), "the encoding is storable: " + row);
            for (int mxr = 0; mxr < 2; mxr++) {
                String[] cols = {f[1 + 3 * mxr], f[2 + 3 * mxr], f[3 + 3 * mxr]};
                PrivMode[] privs = {PrivMode.U, PrivMode.S, PrivMode.S};
                boolean[] sums = {false, false, true};
                for (int c = 0; c < 3; c++) {
                    int granted = Access.parse(cols[c].trim().replace("-", ""));
                    for (int sumU = 0; sumU < (c == 0 ? 2 : 1); sumU++) { // U-mode: SUM=0 and 1 alike
                        boolean sum = c == 0 ? sumU == 1 : sums[c];
                        for (int need : NEEDS) {
                            boolean expect = (granted & need) == need;
                            boolean got = p.check(0x4800, 4, need, privs[c], sum, mxr == 1, true).allowed();
                            cells++;
                            if (expect != got) {
                                failures.add(row + " priv=" + privs[c] + " SUM=" + sum + " MXR=" + mxr
                                        + " need=" + Access.format(need) + ": expected " + expect);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " cells differ:\n" + String.join("\n", failures));
        assertEquals(18 * 2 * 4 * 4, cells);
    }

    @Test
    void mxrCanBeSwitchedOff() {
        Spmp p = new Spmp(new SpmpParams(1, 64, 0, false, false, false));
        program(p, 0, napot(0, 0x1000), Cfgs.cfg("x", AddressMode.NAPOT, ""));
        assertEquals(false, p.check(0, 4, Access.R, PrivMode.S, false, true, true).allowed());
    }
}
