package io.mttkit.tb.cosim;

import io.mttkit.bridge.EventKind;
import io.mttkit.bridge.PortContract;
import io.mttkit.bridge.RawEvent;
import io.mttkit.bridge.Records;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The digest of what the RTL did, event by event (cycle, kind and every field), in the order the bridge reports
 * it. An extension observation word names its port by the port's <em>name</em>, not by the bridge's port id, so
 * the digest depends on what the design does and not on the order in which its ports happen to be declared: two
 * builds of one design that behave the same cycle for cycle give the same digest (the proof a refactor of the
 * generator or the testbench must give, {@code mtt regress} prints it).
 */
public final class EventDigest {
    private final long[] portNameHash;
    private long value = Records.DIGEST_SEED;

    /** A digest for a design with these extension observation ports. */
    public EventDigest(List<PortContract.ObservationPort> observationPorts) {
        int max = observationPorts.stream().mapToInt(PortContract.ObservationPort::id).max().orElse(-1);
        portNameHash = new long[max + 1];
        for (PortContract.ObservationPort o : observationPorts) {
            portNameHash[o.id()] = of(o.name());
        }
    }

    /**
     * Adds one event, from its native record ({@link io.mttkit.bridge.EventBuffer#raw}): five words — the cycle;
     * kind, b1, b2 and b3 in the low four bytes; {@code a32} widened as a signed int, or for an extension observation
     * word the hash of its port's name; {@code x}; {@code y}. These are the words the digest has hashed since it was
     * introduced, so digests stay comparable across versions. The wire record rather than the typed {@code Event}:
     * the digest is about the record, and re-encoding every event of a regression would cost the product path time.
     */
    public void add(RawEvent r) {
        long a32 = r.a32();
        if (r.kind() == EventKind.OBSX.code() && a32 >= 0 && a32 < portNameHash.length) {
            a32 = portNameHash[(int) a32]; // the OBSX port id
        }
        long h = Records.digestWord(value, r.cycle());
        h = Records.digestWord(h, r.kind() | (long) r.b1() << 8 | (long) r.b2() << 16 | (long) r.b3() << 24);
        h = Records.digestWord(h, a32);
        h = Records.digestWord(h, r.x());
        value = Records.digestWord(h, r.y());
    }

    /** The digest so far. */
    public long value() {
        return value;
    }

    /** Chains {@code next} (a part's digest, or an ordinal) onto {@code acc}. */
    public static long chain(long acc, long next) {
        return Records.digestWord(acc, next);
    }

    /** FNV-1a of a name's UTF-8 bytes. */
    static long of(String name) {
        long h = Records.DIGEST_SEED;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = Records.digestWord(h, b & 0xFF);
        }
        return h;
    }
}
