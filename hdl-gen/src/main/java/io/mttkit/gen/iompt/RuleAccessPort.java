package io.mttkit.gen.iompt;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * {@code rule_*}: the register block's access to the rule array held by the SDCL, seen from the register block:
 * a write ({@code rule_wr_*}, performed at the clock edge when {@code rule_wr_valid}) and a combinational read
 * ({@code rule_rd_index} out, {@code rule_rd_*} back; a rule never written reads all-zero).
 */
public final class RuleAccessPort extends Bundle {
    public final Bool wrValid;
    public final UInt wrIndex;
    public final SdclRule wr;
    public final UInt rdIndex;
    public final SdclRule rd;

    public RuleAccessPort(Scope s, IoMptParams p) {
        super(s);
        wrValid = s.bool("wr_valid");
        wrIndex = s.uint("wr_index", p.ruleIndexWidth());
        wr = s.bundle("wr", x -> new SdclRule(x, p));
        rdIndex = s.uint("rd_index", p.ruleIndexWidth());
        rd = s.in().bundle("rd", x -> new SdclRule(x, p));
    }
}
