package io.mttkit.hdl.samples;

import io.mttkit.hdl.Bool;
import io.mttkit.hdl.Bundle;
import io.mttkit.hdl.Scope;
import io.mttkit.hdl.UInt;

/**
 * A valid/ready stream: {@code valid} and {@code bits} flow forward, {@code ready} flows back (flipped).
 * A transfer happens in a cycle where both {@code valid} and {@code ready} are high.
 */
public final class Stream extends Bundle {
    /** The producer offers {@code bits}. */
    public final Bool valid;
    /** The payload. */
    public final UInt bits;
    /** The consumer accepts (flipped: driven by the consumer). */
    public final Bool ready;

    /** A stream of {@code width}-bit payloads. */
    public Stream(Scope s, int width) {
        super(s);
        valid = s.bool("valid");
        bits = s.uint("bits", width);
        ready = s.flip().bool("ready");
    }

    /** True in a cycle where a payload is transferred. */
    public Bool fire() {
        return valid.and(ready);
    }
}
