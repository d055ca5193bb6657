package io.mttkit.tb.cosim;

import io.mttkit.golden.MttMode;

/** Told after every phase how far a run is; the CLI shows it. Called from one thread at a time. */
@FunctionalInterface
public interface RegressionProgress {
    RegressionProgress NONE = (done, total, mode) -> { };

    void update(long done, long total, MttMode mode);
}
