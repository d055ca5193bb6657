package io.mttkit.tb.cosim;

/** One world's outcome (up to and including its failing phase, if any). */
record WorldResult(int ordinal, long checks, long cycles, long reads, long[] causes, long[] cache,
                   long digest, io.mttkit.tb.coverage.CoverageDb coverage, String report,
                   io.mttkit.tb.repro.ReproBundle failure) {
    boolean failed() {
        return report != null;
    }
}
