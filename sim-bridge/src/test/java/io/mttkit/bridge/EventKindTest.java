package io.mttkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The typed events are the {@link EventKind} table: each kind's record has {@code cycle} and then exactly the table's
 * fields (camel-cased names, a boolean per 1-bit field), a record decodes to the field values its slots hold, and
 * encoding gives back the very record, for random values of every field.
 */
class EventKindTest {
    @Test
    void everyRecordHasExactlyTheTablesFields() {
        List<Class<?>> permitted = List.of(Event.class.getPermittedSubclasses());
        assertEquals(EventKind.values().length, permitted.size(), "one record per kind: " + permitted);
        for (EventKind k : EventKind.values()) {
            assertTrue(permitted.contains(k.type()), k + " " + k.type());
            RecordComponent[] rc = k.type().getRecordComponents();
            assertEquals(k.fields().size() + 1, rc.length, k + " components");
            assertEquals("cycle", rc[0].getName());
            assertEquals(long.class, rc[0].getType());
            for (int i = 0; i < k.fields().size(); i++) {
                EventKind.Field f = k.fields().get(i);
                assertEquals(f.javaName(), rc[i + 1].getName(), k + " component " + (i + 1));
                Class<?> want = f.width() == 1 ? boolean.class : f.width() <= 32 ? int.class : long.class;
                assertEquals(want, rc[i + 1].getType(), k + "." + f.javaName());
            }
        }
    }

    @Test
    void decodingReadsEachFieldFromItsSlotAndEncodingWritesItBack() throws Exception {
        SplittableRandom rnd = new SplittableRandom(11);
        for (EventKind k : EventKind.values()) {
            for (int n = 0; n < 200; n++) {
                long[] slots = new long[EventKind.Slot.values().length];
                long[] values = new long[k.fields().size()];
                for (int i = 0; i < values.length; i++) {
                    EventKind.Field f = k.fields().get(i);
                    values[i] = n == 0 ? f.mask() : rnd.nextLong() & f.mask(); // n == 0: every bit set
                    slots[f.slot().ordinal()] |= values[i] << f.lo();
                }
                long cycle = rnd.nextLong() >>> 1;
                RawEvent raw = new RawEvent(cycle, k.code(), (int) slots[0], (int) slots[1], (int) slots[2],
                        (int) slots[3], slots[4], slots[5]);
                Event e = raw.event();
                assertSame(k, e.kind());
                assertEquals(cycle, e.cycle());
                RecordComponent[] rc = k.type().getRecordComponents();
                for (int i = 0; i < values.length; i++) {
                    Object v = rc[i + 1].getAccessor().invoke(e);
                    long got = v instanceof Boolean b ? (b ? 1 : 0) : v instanceof Integer x ? x & 0xFFFF_FFFFL : (Long) v;
                    assertEquals(values[i], got, k + "." + rc[i + 1].getName());
                }
                assertEquals(raw, e.raw(), k + " round trip");
                assertEquals(raw.digest(Records.DIGEST_SEED), e.raw().digest(Records.DIGEST_SEED));
            }
        }
    }

    @Test
    void textNamesEveryFieldAndPortsByName() {
        Event.Response r = new Event.Response(12, true, false, true, false, 9, 5, 3, 1, 16, 25);
        assertEquals("12 RSP allow=1 fault=0 cacheable=1 stale=0 cause=9 xwr=5 id=3 level=1 leaf_log2=16 uniform_log2=25",
                r.text());
        Event.ExtensionWord w = new Event.ExtensionWord(7, 2, 4, 0xabL);
        assertEquals("7 OBSX word=2 port=#4 value=0xab", w.text());
        assertEquals("7 OBSX word=2 port=obs_fill value=0xab", w.text(id -> id == 4 ? "obs_fill" : null));
        List<String> names = new ArrayList<>();
        for (EventKind k : EventKind.values()) {
            names.add(k.name());
        }
        assertEquals(List.of("ACCEPT", "INV_ACCEPT", "SYNC_ACK", "PMP_QUERY", "PMP_ANSWER", "MRD", "MRS", "RSP", "OBS",
                "STOP", "OBSX", "DMA_ACCEPT", "DMA_RSP", "REG"), names);
    }

    @Test
    void anUnknownKindIsAClearError() {
        BridgeException e = assertThrows(BridgeException.class, () -> new RawEvent(1, 15, 0, 0, 0, 0, 0, 0).event());
        assertTrue(e.getMessage().contains("event kind 15") && e.getMessage().contains("rebuild"), e.getMessage());
        assertThrows(BridgeException.class, () -> EventKind.of(0));
    }
}
