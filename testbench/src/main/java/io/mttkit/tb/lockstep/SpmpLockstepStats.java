package io.mttkit.tb.lockstep;

/**
 * What the RTL answered in an SPMP lockstep run ({@link SpmpLockstepChecker}).
 *
 * @param config     the RTL configuration
 * @param accesses   S/U physical accesses compared (each answered by the RTL)
 * @param spmpChecks of those, the ones made while {@code satp.MODE} was Bare: the SPMP checked them
 * @param allowed    accesses every unit allowed
 * @param spmpDenied accesses the SPMP denied (page faults)
 * @param pmpDenied  accesses the PMP/PMA hook denied
 * @param mptDenied  accesses the MPT denied
 * @param mpteReads  MPTE reads the RTL's MPT walks made (each compared with the golden walk's)
 * @param csrWrites  SPMP register writes made on the RTL too and read back alike
 * @param cycles     clock cycles the RTL ran
 * @param seconds    wall time of the run since lockstep was attached
 */
public record SpmpLockstepStats(String config, long accesses, long spmpChecks, long allowed, long spmpDenied,
                                long pmpDenied, long mptDenied, long mpteReads, long csrWrites, long cycles,
                                double seconds) {
    @Override
    public String toString() {
        return String.format("%s (mtt_spmp_checker): %d S/U accesses compared (%d SPMP checks under Bare satp; allowed"
                        + " %d, denied by SPMP %d, PMP %d, MPT %d; %d MPTE reads), %d SPMP register writes mirrored and read back"
                        + " alike, %d cycles, in %.1f s", config, accesses, spmpChecks, allowed, spmpDenied, pmpDenied,
                mptDenied, mpteReads, csrWrites, cycles, seconds);
    }
}
