package io.mttkit.golden;

/**
 * The PMP/PMA check applied to each implicit MPTE read before it is issued. Implicit MPTE reads are
 * M-mode reads for PMP and Smepmp (SPEC-DECISIONS #20); {@link io.mttkit.golden.pmp.Pmp} implements it.
 */
@FunctionalInterface
public interface ImplicitReadCheck {
    /** No PMP configured: every implicit read is allowed. */
    ImplicitReadCheck ALLOW_ALL = (addr, size) -> true;

    /** True when an implicit M-mode read of {@code size} bytes at {@code addr} is allowed. */
    boolean allowsImplicitRead(long addr, int size);
}
