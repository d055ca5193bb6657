package io.mttkit.bridge;

import java.util.List;
import java.util.function.IntFunction;

/**
 * One event of the checker fast path, typed: what the RTL did in one cycle at one port, as the driver recorded it
 * ({@code docs/bridge.md}, "Event"). {@link EventBuffer#event} decodes the native records into these through the
 * one table of kinds and fields, {@link EventKind}; each record's components are {@code cycle} followed by that
 * kind's fields in the table's order and spelling.
 *
 * <p>Reading named fields ({@code rsp.leafLog2()}) instead of record positions keeps every consumer (scoreboard,
 * replay, bench, lockstep) correct when the record layout is touched: the layout is written in the table only.
 */
public sealed interface Event {
    /** The session cycle the event happened in. */
    long cycle();

    /** The kind: its number, fields and record type. */
    EventKind kind();

    /** The native record this event is decoded from (and encodes to). */
    default RawEvent raw() {
        return kind().encode(this);
    }

    /** One line of text trace, {@code cycle KIND field=value ...}; OBSX ports by number ({@code #id}). */
    default String text() {
        return text(null);
    }

    /**
     * One line of text trace (diffable across runs): {@code cycle KIND field=value ...} with the table's field names;
     * addresses and data in hex, flags as 0/1, OBSX ports by {@code portNames} (null or a null answer: {@code #id}).
     */
    default String text(IntFunction<String> portNames) {
        StringBuilder b = new StringBuilder().append(cycle()).append(' ').append(kind().name());
        List<EventKind.Field> fields = kind().fields();
        for (int i = 0; i < fields.size(); i++) {
            EventKind.Field f = fields.get(i);
            long v = kind().value(this, i);
            b.append(' ').append(f.name()).append('=');
            switch (f.radix()) {
                case HEX -> b.append("0x").append(Long.toHexString(v));
                case PORT -> {
                    String n = portNames == null ? null : portNames.apply((int) v);
                    b.append(n != null ? n : "#" + Long.toUnsignedString(v));
                }
                default -> b.append(Long.toUnsignedString(v));
            }
        }
        return b.toString();
    }

    /** Check handshake. {@code id} as the RTL saw it (truncated to {@code req_id}'s width); {@code position}
     *  counts the requests consumed since the session was created (idle gaps included). */
    record Accept(long cycle, int id, long pa, long position) implements Event {
        @Override
        public EventKind kind() {
            return EventKind.ACCEPT;
        }
    }

    /** Invalidation handshake: the operand as presented, and its stream position. */
    record InvalidationAccept(long cycle, boolean hasPa, boolean hasSdid, int sdid, long pa, long position)
            implements Event {
        @Override
        public EventKind kind() {
            return EventKind.INV_ACCEPT;
        }
    }

    /** {@code sync_ack} seen while the sync at {@code position} was presented. */
    record SyncAck(long cycle, long position) implements Event {
        @Override
        public EventKind kind() {
            return EventKind.SYNC_ACK;
        }
    }

    /** {@code pmp_valid}: the walker asks whether it may read {@code size} bytes at {@code addr}. */
    record PmpQuery(long cycle, int size, long addr) implements Event {
        @Override
        public EventKind kind() {
            return EventKind.PMP_QUERY;
        }
    }

    /** {@code pmp_ok} driven: the hook's answer to the query of {@code addr}. */
    record PmpAnswer(long cycle, boolean ok, long addr) implements Event {
        @Override
        public EventKind kind() {
            return EventKind.PMP_ANSWER;
        }
    }

    /** Memory read handshake: an MPTE read of {@code size} bytes at {@code addr}. */
    record MemoryRead(long cycle, int size, int tag, long addr) implements Event {
        @Override
        public EventKind kind() {
            return EventKind.MRD;
        }
    }

    /** Memory response driven: {@code data} as the bytes lie in memory, little-endian (0 on a bus error). */
    record MemoryResponse(long cycle, boolean err, int tag, long data, long addr) implements Event {
        @Override
        public EventKind kind() {
            return EventKind.MRS;
        }
    }

    /** Response handshake: the checker's answer to check {@code id}. */
    record Response(long cycle, boolean allow, boolean fault, boolean cacheable, boolean stale, int cause, int xwr,
                    int id, int level, int leafLog2, int uniformLog2) implements Event {
        @Override
        public EventKind kind() {
            return EventKind.RSP;
        }
    }

    /**
     * Observation pulse of contract v1 ({@code obs_valid}): {@code obsKind} is {@code obs_kind}
     * ({@link Records#OBS_HIT} ...), then {@code obs_array}, {@code obs_way}, {@code obs_set} and
     * {@code obs_walker_state}.
     */
    record Observation(long cycle, int obsKind, int array, int way, int set, long walkerState) implements Event {
        @Override
        public EventKind kind() {
            return EventKind.OBS;
        }
    }

    /** The session stopped; {@code status} is a terminal {@link StopReason} code. */
    record Stop(long cycle, int status) implements Event {
        @Override
        public EventKind kind() {
            return EventKind.STOP;
        }
    }

    /**
     * Extension observation word (contract v2): word {@code word} (0 = bits 63:0) of the extension port with id
     * {@code port} ({@link PortContract.ObservationPort#id()}), never 0 (zero words are not recorded).
     */
    record ExtensionWord(long cycle, int word, int port, long value) implements Event {
        @Override
        public EventKind kind() {
            return EventKind.OBSX;
        }
    }

    /** DMA request handshake of an I/O checker (contract v3): {@code id} as the RTL saw it (truncated to
     *  {@code dma_id}'s width), the transaction's first byte and its stream position. */
    record DmaAccept(long cycle, int id, long pa, long position) implements Event {
        @Override
        public EventKind kind() {
            return EventKind.DMA_ACCEPT;
        }
    }

    /**
     * Verdict handshake of an I/O checker (contract v3): every {@code rsp_*} field; {@code abortReason} is the ordinal
     * of the golden {@code AbortReason}, {@code cause} the walk's cause code; {@code validCycle} is the cycle
     * {@code rsp_valid} rose for this verdict (the handshake may come later under backpressure).
     */
    record DmaResponse(long cycle, boolean allow, boolean matched, boolean reportToIommu, boolean iommuValid,
                       int abortReason, int cause, int id, int rule, int sdid, int iommuId, int xwr, long validCycle)
            implements Event {
        @Override
        public EventKind kind() {
            return EventKind.DMA_RSP;
        }
    }

    /**
     * A register access of an I/O checker answered ({@code reg_rvalid}): the access ({@code addr}, {@code size},
     * {@code write}, whether it was a status poll), {@code busy} = status.BUSY at its handshake, {@code latency}
     * cycles from the handshake, the data read (0 for a write) and the stream position of its request.
     */
    record RegisterAccess(long cycle, int addr, int size, boolean write, boolean busy, boolean poll, int latency,
                          long rdata, long position) implements Event {
        @Override
        public EventKind kind() {
            return EventKind.REG;
        }
    }
}
