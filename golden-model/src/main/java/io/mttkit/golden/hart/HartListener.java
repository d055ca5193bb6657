package io.mttkit.golden.hart;

/**
 * Observes the hart: the events a lockstep co-simulation must mirror into the RTL checker (CSR writes,
 * the MTT fences) and those a trace or log records (physical accesses with their MTT verdicts, traps,
 * retired instructions). All methods default to doing nothing.
 */
public interface HartListener {
    /** The MTT fences and fence-like instructions (SPEC-DECISIONS #14 for the encodings). */
    enum Fence {
        /** MFENCE.PA rs1=PADDR rs2=SDID. */
        MFENCE_PA,
        /** MINVAL.PA rs1=PADDR rs2=SDID (batched; ordered by the two below). */
        MINVAL_PA,
        /** SFENCE.W.INVAL (Svinval). */
        SFENCE_W_INVAL,
        /** SFENCE.INVAL.IR (Svinval). */
        SFENCE_INVAL_IR,
        /** SFENCE.VMA rs1=VADDR rs2=ASID (address-translation fence; mirrored for completeness). */
        SFENCE_VMA
    }

    /**
     * A CSR was written (after WARL legalisation).
     *
     * @param csr   the CSR number
     * @param value the value the CSR reads back after the write
     */
    default void csrWritten(int csr, long value) {
    }

    /**
     * A fence was executed (in a privilege mode that may execute it).
     *
     * @param fence   which fence
     * @param rs1Zero true when the instruction's rs1 field is x0 (no address given)
     * @param rs1     the value of rs1 (0 when rs1Zero)
     * @param rs2Zero true when the instruction's rs2 field is x0 (no SDID/ASID given)
     * @param rs2     the value of rs2 (0 when rs2Zero)
     */
    default void fence(Fence fence, boolean rs1Zero, long rs1, boolean rs2Zero, long rs2) {
    }

    /**
     * A physical access passed translation and was checked (PMP, then the MTT below effective M).
     *
     * @param kind    what made the access
     * @param pa      physical address
     * @param size    bytes
     * @param pmpOk   PMP allowed it
     * @param mtt     the MTT verdict, or null when the MTT was not consulted (effective M, or PMP denied);
     *                only valid during the call
     */
    default void access(AccessKind kind, long pa, int size, boolean pmpOk, io.mttkit.golden.LookupResult mtt) {
    }

    /**
     * A physical access below effective M was checked by the S-level PMP (only on a hart with Sspmp; the
     * verdict is {@code NOT_APPLICABLE} while satp.MODE is not Bare). Called before the PMP/MTT check;
     * a denial ends the access with the page fault of its type. The record holds what the check depended on
     * (effective privilege with MPRV, SUM, MXR, satp) so that an SPMP outside the hart can check the same access.
     */
    default void spmpChecked(SpmpAccess access) {
    }

    /**
     * A CSR write reached the S-level PMP's registers (only on a hart with Sspmp); called before
     * {@link #csrWritten} for the same instruction. With the value before legalisation and the select in force, an
     * SPMP outside the hart can take the same write.
     */
    default void spmpCsrWritten(SpmpCsrWrite write) {
    }

    /** A trap was taken. */
    default void trap(TrapRecord record) {
    }

    /**
     * An instruction retired.
     *
     * @param pc      its address
     * @param insn    its encoding
     * @param priv    the privilege it ran at
     * @param rd      the register it wrote, or 0 for none
     * @param rdValue the value written
     */
    default void retired(long pc, int insn, int priv, int rd, long rdValue) {
    }
}
