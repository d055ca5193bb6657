package io.mttkit.tb.cosim;

import io.mttkit.bridge.FixableException;
import io.mttkit.bridge.PortInfo;
import io.mttkit.tb.dut.CheckerDescription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The port widths a built checker must have, from its description ({@code checker.json}) and the port contract
 * (docs/port-contract.md): {@code req_id}/{@code rsp_id} = {@code idWidth}, {@code req_pa} = 64 on RV64 / 34 on RV32,
 * {@code req_sdid} = {@code sdidLen}, {@code rsp_cause} at least 4 bits, {@code req_need}/{@code rsp_xwr} 3 bits.
 * A disagreement would otherwise show up as thousands of "RTL bugs" (ids truncated, upper PA bits lost, causes cut
 * to their low bits), so it is refused before the first check with the port, the width expected and the width found
 * (issue #16, category 9).
 */
public final class PortWidths {
    private PortWidths() {
    }

    /** The problems of {@code ports} against {@code d}, each naming the port, the expected and the found width. */
    public static List<String> problems(CheckerDescription d, List<PortInfo> ports) {
        Map<String, Integer> found = new LinkedHashMap<>();
        ports.forEach(p -> found.put(p.name(), p.width()));
        List<String> out = new ArrayList<>();
        exact(out, found, "req_id", d.idWidth(), "idWidth " + d.idWidth() + " in checker.json");
        exact(out, found, "rsp_id", d.idWidth(), "idWidth " + d.idWidth() + " in checker.json");
        exact(out, found, "req_pa", d.paWidth(), "xlen " + d.xlen() + " in checker.json: " + d.paWidth()
                + " bits on " + (d.xlen() == 64 ? "RV64" : "RV32"));
        exact(out, found, "req_sdid", d.sdidPortWidth(), "sdidLen " + d.sdidLen() + " in checker.json");
        exact(out, found, "req_need", 3, "the contract: {X,W,R}");
        exact(out, found, "rsp_xwr", 3, "the contract: {X,W,R}");
        Integer cause = found.get("rsp_cause");
        if (cause != null && cause < 4) {
            out.add("port rsp_cause is " + cause + " bits wide, expected at least 4 (the contract: cause codes 0..9)");
        }
        return out;
    }

    private static void exact(List<String> out, Map<String, Integer> found, String port, int expected, String why) {
        Integer w = found.get(port);
        if (w != null && w != expected) {
            out.add("port " + port + " is " + w + " bits wide, expected " + expected + " (" + why + ")");
        }
    }

    /** Refuses a checker whose ports disagree with its description; {@code where} names the folder or top. */
    public static void require(CheckerDescription d, List<PortInfo> ports, String where) {
        List<String> p = problems(d, ports);
        if (!p.isEmpty()) {
            throw new FixableException(where + ": the top '" + d.top() + "' does not match its checker.json and the port "
                    + "contract: " + String.join("; ", p) + ". Make the RTL and checker.json agree (docs/byo-rtl.md, "
                    + "docs/port-contract.md)");
        }
    }
}
