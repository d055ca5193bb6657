package io.mttkit.golden.pmp;

/**
 * The privilege mode an access is checked at by PMP. VS and VU check as S and U (PMP does not see
 * virtualisation). The walker's implicit MPTE reads are always {@link #M} (SPEC-DECISIONS #20).
 */
public enum PrivMode {
    U,
    S,
    M
}
