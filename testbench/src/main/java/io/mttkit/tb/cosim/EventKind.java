package io.mttkit.tb.cosim;

/** Event kinds of the bridge's event records (docs/bridge.md, "Event, 32 bytes") and a compact text form. */
final class EventKind {
    static final int ACCEPT = 1;
    static final int INV_ACCEPT = 2;
    static final int SYNC_ACK = 3;
    static final int PMP_QUERY = 4;
    static final int PMP_ANSWER = 5;
    static final int MRD = 6;
    static final int MRS = 7;
    static final int RSP = 8;
    static final int OBS = 9;
    static final int STOP = 10;
    static final int OBSX = 11;

    private EventKind() {}

    /** {@code e} = {cycle, kind, b1, b2, b3, a32, x, y}. */
    static String format(long[] e) {
        String c = String.format("%8d ", e[0]);
        return c + switch ((int) e[1]) {
            case ACCEPT -> String.format("ACCEPT     id=%d pa=0x%x pos=%d", e[5], e[6], e[7]);
            case INV_ACCEPT -> String.format("INV_ACCEPT flags=%d sdid=%d pa=0x%x", e[2], e[5], e[6]);
            case SYNC_ACK -> "SYNC_ACK";
            case PMP_QUERY -> String.format("PMP_QUERY  addr=0x%x size=%d", e[6], e[2]);
            case PMP_ANSWER -> String.format("PMP_ANSWER addr=0x%x ok=%d", e[6], e[2]);
            case MRD -> String.format("MRD        addr=0x%x size=%d tag=%d", e[6], e[2], e[5]);
            case MRS -> String.format("MRS        addr=0x%x data=0x%016x err=%d", e[7], e[6], e[3]);
            case RSP -> String.format("RSP        id=%d %s%s%s%s cause=%d xwr=%d level=%d leaf_log2=%d uniform_log2=%d",
                    e[5], (e[2] & 1) != 0 ? "allow" : "", (e[2] & 2) != 0 ? "fault" : "",
                    (e[2] & 4) != 0 ? " cacheable" : "", (e[2] & 8) != 0 ? " stale" : "", e[3], e[4],
                    e[6] & 0xFF, (e[6] >> 8) & 0xFF, (e[6] >> 16) & 0xFF);
            case OBS -> String.format("OBS        kind=%d array=%d set=%d way=%d state=%d", e[2], e[3], e[5], e[4], e[6]);
            case STOP -> String.format("STOP       status=%d", e[2]);
            case OBSX -> String.format("OBSX       port=%d word=%d value=0x%x", e[5], e[2], e[6]);
            default -> "kind " + e[1];
        };
    }
}
