package io.mttkit.tb.spmpcosim;

import io.mttkit.gen.spmp.SpmpCheckRequestPort;
import io.mttkit.gen.spmp.SpmpCsrPort;
import io.mttkit.gen.spmp.SpmpParams;
import io.mttkit.golden.Access;
import io.mttkit.golden.pmp.PrivMode;
import io.mttkit.golden.spmp.AddressMatch;
import io.mttkit.golden.spmp.Encoding;
import io.mttkit.golden.spmp.Spmp;
import io.mttkit.golden.spmp.SpmpCfg;
import io.mttkit.golden.spmp.SpmpCfg.AddressMode;
import io.mttkit.golden.spmp.SpmpVerdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The coverage model of the SPMP co-simulation ({@link SpmpCoverage} groups) and the classifier that puts each
 * access and CSR write in its bins. Classification reads the golden state before the operation (which entries are
 * active, their regions), so a bin says what the stimulus exercised, independent of the RTL's answer.
 */
final class SpmpCosimCoverage {
    private SpmpCosimCoverage() {
    }

    static final String MATCH = "match";
    static final String ENTRY = "entry";
    static final String OUTCOME = "outcome";
    static final String EDGE = "edge";
    static final String COLLISION = "collision";
    static final String MXR = "mxr";
    static final String CSR = "csr";

    private static final String[] RULES = {"S", "U", "SH"};
    private static final String[] LEGAL_RWX = {"---", "r--", "--x", "r-x", "rw-", "rwx"};
    private static final String[] TYPES = {"fetch", "load", "store", "amo"};
    private static final String[] EDGES = {"first-byte", "last-byte", "straddle-low", "straddle-high"};

    /** The modes a configuration can store: NA4 is not selectable with granularity ≥ 1. */
    private static List<String> modes(SpmpParams p) {
        return p.granularity() == 0 ? List.of("TOR", "NA4", "NAPOT") : List.of("TOR", "NAPOT");
    }

    static void declare(SpmpCoverage cov, SpmpParams p) {
        List<String> modes = modes(p);
        SpmpCoverage.Group match = cov.group(MATCH, "deciding entry's A × rule/RWX × privilege × SUM");
        for (String m : modes) {
            for (String rule : RULES) {
                for (String rwx : LEGAL_RWX) {
                    for (String priv : new String[] {"S", "U"}) {
                        for (int sum = 0; sum < 2; sum++) {
                            match.declare(m + " " + rule + ":" + rwx + " " + priv + " SUM=" + sum);
                        }
                    }
                }
            }
        }
        SpmpCoverage.Group entry = cov.group(ENTRY, "deciding entry index × A");
        for (int i = 0; i < p.entryCount(); i++) {
            for (String m : modes) {
                entry.declare("entry " + i + " " + m);
            }
        }
        SpmpCoverage.Group outcome = cov.group(OUTCOME, "golden outcome × access type");
        for (SpmpVerdict.Outcome o : SpmpVerdict.Outcome.values()) {
            if (o == SpmpVerdict.Outcome.RESERVED_ENCODING) {
                continue;
            }
            for (String t : TYPES) {
                outcome.declare(o + " " + t);
            }
        }
        SpmpCoverage.Group edge = cov.group(EDGE, "first/last bytes and straddles of the deciding entry's region");
        for (String m : modes) {
            for (String e : EDGES) {
                edge.declare(m + " " + e);
            }
        }
        SpmpCoverage.Group collision = cov.group(COLLISION, "accesses overlapped by two or more active entries");
        for (String a : modes) {
            for (String b : modes) {
                collision.declare(a + " over " + b);
            }
        }
        for (String s : new String[] {"lower denies, higher would allow", "lower allows, higher would deny",
            "lower straddles, higher covers"}) {
            collision.declare(s);
        }
        if (p.sspmpenPresent()) {
            collision.declare("an entry below the decider overlaps but spmpen is 0");
        }
        SpmpCoverage.Group mxr = cov.group(MXR, "loads decided by sstatus.MXR (allowed only because of it)");
        for (String c : new String[] {"ENFORCE", "ENFORCE_NO_X", "SHARED S", "SHARED U", "DENY (no help)"}) {
            mxr.declare(c);
        }
        SpmpCoverage.Group csr = cov.group(CSR, "CSR writes the rules treat specially");
        csr.declare("S write to locked spmpcfg (ignored)");
        csr.declare("S write to spmpaddr under locked TOR (ignored)");
        csr.declare("M write to locked entry");
        csr.declare("RWX=010 written");
        csr.declare("RWX=011 written");
        csr.declare("SHARED=1 U=0 written");
        csr.declare("WPRI bits written");
        csr.declare("spmpen write to a locked entry's bit");
        csr.declare("select outside 0x100..0x13F");
        if (p.entryCount() < 64) {
            csr.declare("select past the entry count");
        } else {
            cov.note("64 entries: no select lies past the entry count");
        }
        if (p.granularity() >= 1) {
            csr.declare("NA4 written with G >= 1");
            cov.note("granularity " + p.granularity() + ": NA4 is not selectable, its bins are not declared");
        }
        cov.note("RESERVED_ENCODING outcomes need Smpmpdeleg's pmpcfg alias, which mtt_spmp does not have");
    }

    /** Entry {@code i}'s region if it is active (A not OFF, spmpen bit with Sspmpen) and not empty, else null. */
    static AddressMatch.Range activeRange(Spmp gold, SpmpParams p, int i, long addrMask) {
        if (p.sspmpenPresent() && ((gold.readSpmpen() >>> i) & 1) == 0) {
            return null;
        }
        return range(gold, i, p.granularity(), addrMask);
    }

    /** Entry {@code i}'s region from its registers as read (null for OFF or an empty TOR). */
    static AddressMatch.Range range(Spmp gold, int i, int g, long addrMask) {
        AddressMode mode = SpmpCfg.mode((int) gold.readCfg(i));
        if (mode == AddressMode.OFF) {
            return null;
        }
        AddressMatch.Range r = AddressMatch.range(mode, gold.readAddr(i), i == 0 ? 0 : gold.readAddr(i - 1), g,
                addrMask);
        return r.empty() ? null : r;
    }

    private static String modeName(Spmp gold, int i) {
        return SpmpCfg.mode((int) gold.readCfg(i)).name();
    }

    private static String rule(int cfg) {
        String r = SpmpCfg.shared(cfg) ? "SH" : SpmpCfg.u(cfg) ? "U" : "S";
        String rwx = ((cfg & SpmpCfg.R) != 0 ? "r" : "-") + ((cfg & SpmpCfg.W) != 0 ? "w" : "-")
                + ((cfg & SpmpCfg.X) != 0 ? "x" : "-");
        return r + ":" + rwx;
    }

    static void access(SpmpCoverage cov, Spmp gold, SpmpParams p, long addrMask, long pa, int size, int type,
                       PrivMode priv, boolean sum, boolean mxr, boolean bare, SpmpVerdict v) {
        cov.get(OUTCOME).hit(v.outcome() + " " + TYPES[type]);
        if (!bare || v.entry() < 0) {
            return;
        }
        int e = v.entry();
        int cfg = (int) gold.readCfg(e);
        String mode = modeName(gold, e);
        long first = pa;
        long last = pa + size - 1;
        if (v.outcome() != SpmpVerdict.Outcome.PARTIAL_MATCH) {
            cov.get(MATCH).hit(mode + " " + rule(cfg) + " " + (priv == PrivMode.S ? "S" : "U") + " SUM="
                    + (sum ? 1 : 0));
        }
        cov.get(ENTRY).hit("entry " + e + " " + mode);
        AddressMatch.Range r = range(gold, e, p.granularity(), addrMask);
        if (r != null) {
            if (first == r.lo()) {
                cov.get(EDGE).hit(mode + " first-byte");
            }
            if (last == r.hi()) {
                cov.get(EDGE).hit(mode + " last-byte");
            }
            if (Long.compareUnsigned(first, r.lo()) < 0 && Long.compareUnsigned(r.lo(), last) <= 0) {
                cov.get(EDGE).hit(mode + " straddle-low");
            }
            if (Long.compareUnsigned(first, r.hi()) <= 0 && Long.compareUnsigned(r.hi(), last) < 0) {
                cov.get(EDGE).hit(mode + " straddle-high");
            }
        }
        if (p.sspmpenPresent()) {
            for (int j = 0; j < e; j++) {
                AddressMatch.Range rj = range(gold, j, p.granularity(), addrMask);
                if (rj != null && rj.overlaps(first, last) && ((gold.readSpmpen() >>> j) & 1) == 0) {
                    cov.get(COLLISION).hit("an entry below the decider overlaps but spmpen is 0");
                    break;
                }
            }
        }
        // the next active entry overlapping the access: what it would have said had the decider not been there
        int need = need(type);
        for (int j = e + 1; j < p.entryCount(); j++) {
            AddressMatch.Range rj = activeRange(gold, p, j, addrMask);
            if (rj == null || !rj.overlaps(first, last)) {
                continue;
            }
            cov.get(COLLISION).hit(mode + " over " + modeName(gold, j));
            boolean higherCovers = rj.covers(first, last);
            boolean higherAllows = higherCovers && Access.grants(
                    Encoding.permissions((int) gold.readCfg(j), priv, sum, mxr), need);
            if (!v.allowed() && higherAllows) {
                cov.get(COLLISION).hit("lower denies, higher would allow");
            }
            if (v.allowed() && !higherAllows) {
                cov.get(COLLISION).hit("lower allows, higher would deny");
            }
            if (v.outcome() == SpmpVerdict.Outcome.PARTIAL_MATCH && higherCovers) {
                cov.get(COLLISION).hit("lower straddles, higher covers");
            }
            break;
        }
        if (mxr && type == SpmpCheckRequestPort.LOAD && v.outcome() != SpmpVerdict.Outcome.PARTIAL_MATCH) {
            boolean withoutMxr = Access.grants(Encoding.permissions(cfg, priv, sum, false), Access.R);
            Encoding.Cell cell = Encoding.cell(cfg, priv, sum);
            if (cell == Encoding.Cell.DENY) {
                cov.get(MXR).hit("DENY (no help)");
            } else if (v.allowed() && !withoutMxr) {
                cov.get(MXR).hit(cell == Encoding.Cell.SHARED ? "SHARED " + (priv == PrivMode.S ? "S" : "U")
                        : cell.name());
            }
        }
    }

    private static int need(int type) {
        return switch (type) {
            case SpmpCheckRequestPort.FETCH -> Access.X;
            case SpmpCheckRequestPort.LOAD -> Access.R;
            case SpmpCheckRequestPort.STORE -> Access.W;
            default -> Access.R | Access.W;
        };
    }

    /** Classifies a CSR write before it is applied (the golden state says whether a lock stops it). */
    static void csrWrite(SpmpCoverage cov, Spmp gold, SpmpParams p, int sel, long select, long value,
                         boolean mmode) {
        SpmpCoverage.Group csr = cov.get(CSR);
        int n = p.entryCount();
        if (sel == SpmpCsrPort.SEL_SPMPEN || sel == SpmpCsrPort.SEL_SPMPENH) {
            for (int i = 0; i < n; i++) {
                if (SpmpCfg.locked((int) gold.readCfg(i))) {
                    csr.hit("spmpen write to a locked entry's bit");
                    break;
                }
            }
            return;
        }
        if (select < Spmp.SELECT_BASE || select >= Spmp.SELECT_BASE + 64) {
            csr.hit("select outside 0x100..0x13F");
            return;
        }
        int i = (int) (select - Spmp.SELECT_BASE);
        if (i >= n) {
            csr.hit("select past the entry count");
            return;
        }
        int cfg = (int) gold.readCfg(i);
        boolean locked = SpmpCfg.locked(cfg);
        if (locked && mmode) {
            csr.hit("M write to locked entry");
        }
        if (sel == SpmpCsrPort.SEL_SIREG2) {
            if (locked && !mmode) {
                csr.hit("S write to locked spmpcfg (ignored)");
            }
            int rwx = (int) value & 7;
            if (rwx == 2) {
                csr.hit("RWX=010 written");
            }
            if (rwx == 3) {
                csr.hit("RWX=011 written");
            }
            if ((value & SpmpCfg.SHARED) != 0 && (value & SpmpCfg.U) == 0) {
                csr.hit("SHARED=1 U=0 written");
            }
            if ((value & ~(long) SpmpCfg.IMPLEMENTED) != 0) {
                csr.hit("WPRI bits written");
            }
            if (p.granularity() >= 1 && ((value >>> 3) & 3) == AddressMode.NA4.code()) {
                csr.hit("NA4 written with G >= 1");
            }
        } else if (sel == SpmpCsrPort.SEL_SIREG && !mmode && i + 1 < n) {
            int next = (int) gold.readCfg(i + 1);
            if (SpmpCfg.locked(next) && SpmpCfg.mode(next) == AddressMode.TOR) {
                csr.hit("S write to spmpaddr under locked TOR (ignored)");
            }
        }
    }

    /** The golden entries, one short line each (the context of the first mismatch). */
    static String describeEntries(Spmp gold, int n) {
        List<String> out = new ArrayList<>();
        long en = gold.readSpmpen();
        for (int i = 0; i < n; i++) {
            int cfg = (int) gold.readCfg(i);
            out.add(String.format("%d:%s %s%s addr=0x%x en=%d", i, SpmpCfg.mode(cfg), rule(cfg),
                    SpmpCfg.locked(cfg) ? " L" : "", gold.readAddr(i), (en >>> i) & 1));
        }
        return String.join(", ", out);
    }
}
