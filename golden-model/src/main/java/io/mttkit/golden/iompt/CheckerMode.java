package io.mttkit.golden.iompt;

/**
 * {@code control.MODE} (ch. 6 §"Control", table "I/O MPT checker modes"): 0 Off, 1 Bare, 2 On; 3–13 reserved,
 * 14–15 custom. The field is WARL.
 */
public enum CheckerMode {
    /** 0: "No inbound memory transactions are allowed." The reset value (§"I/O MPT Checker Register Interface"). */
    OFF(0),
    /** 1: "No memory protection": non-TEE transactions allowed, TEE-associated ones aborted (§"Control"). */
    BARE(1),
    /** 2: "I/O MPT Checker is operational": classify, then check the SDID's MPT. */
    ON(2);

    private final int encoding;

    CheckerMode(int encoding) {
        this.encoding = encoding;
    }

    /** The value of {@code control.MODE}. */
    public int encoding() {
        return encoding;
    }

    /**
     * WARL legalisation of a write of {@code written} (the 4-bit MODE field) when the mode is {@code old}:
     * a reserved (3–13) or custom (14–15) value, or Bare when the checker does not implement it ("All I/O MPT
     * Checkers must support the Off and On values"; Bare is optional), keeps the old value. This mirrors
     * the hart's {@code mmpt.MODE} (SPEC-DECISIONS #19).
     */
    public static CheckerMode legalise(int written, CheckerMode old, boolean bareSupported) {
        return switch (written & 0xF) {
            case 0 -> OFF;
            case 1 -> bareSupported ? BARE : old;
            case 2 -> ON;
            default -> old;
        };
    }
}
