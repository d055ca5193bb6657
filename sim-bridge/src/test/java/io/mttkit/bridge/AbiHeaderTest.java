package io.mttkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The C header {@code mttb_abi.h} and the Java side agree, read from the header's own text (the header the
 * libraries are built from, as packaged): event kind numbers, every field's slot, bits, name and note, the response
 * flag bits, request kinds and flags, status codes, the event and request record layouts and every record size.
 * Any edit to one side without the other fails here, before a library is ever built.
 */
class AbiHeaderTest {
    private static final String HEADER = header();

    private static String header() {
        try (InputStream in = AbiHeaderTest.class.getResourceAsStream("/io/mttkit/bridge/cpp/mttb_abi.h")) {
            assertNotNull(in, "mttb_abi.h is not packaged with sim-bridge");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The {@code enum { ... }} block that follows {@code marker}, comments kept. */
    private static String enumAfter(String marker) {
        int at = HEADER.indexOf(marker);
        assertTrue(at >= 0, "no '" + marker + "' in mttb_abi.h");
        int open = HEADER.indexOf("enum {", at);
        int close = HEADER.indexOf("};", open);
        return HEADER.substring(open + "enum {".length(), close);
    }

    /** {@code NAME = value} pairs of an enum block (comments stripped). */
    private static Map<String, Integer> constants(String block) {
        Map<String, Integer> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(MTTB_\\w+)\\s*=\\s*(-?\\d+)").matcher(block.replaceAll("//[^\\n]*", ""));
        while (m.find()) {
            out.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return out;
    }

    /** One kind as the header writes it: number, summary and fields. */
    private record HeaderKind(String name, int code, String summary, List<EventKind.Field> fields) {
    }

    private static List<HeaderKind> headerKinds() {
        List<HeaderKind> out = new ArrayList<>();
        String name = null;
        int code = 0;
        StringBuilder comment = new StringBuilder();
        Pattern line = Pattern.compile("\\s*MTTB_EV_(\\w+)\\s*=\\s*(\\d+),\\s*//\\s*(.*)");
        for (String l : enumAfter("// ---- event kinds ----").split("\n")) {
            Matcher m = line.matcher(l);
            if (m.matches()) {
                if (name != null) {
                    out.add(parse(name, code, comment.toString()));
                }
                name = m.group(1);
                code = Integer.parseInt(m.group(2));
                comment = new StringBuilder(m.group(3).trim());
            } else if (l.trim().startsWith("//") && name != null) {
                comment.append(' ').append(l.trim().substring(2).trim());
            } else if (!l.isBlank()) {
                throw new AssertionError("unexpected line in the event kinds enum: '" + l + "'");
            }
        }
        if (name != null) {
            out.add(parse(name, code, comment.toString()));
        }
        return out;
    }

    private static final Pattern FIELD = Pattern.compile(
            "(b1|b2|b3|a32|x|y)(?:\\[(\\d+)(?::(\\d+))?])?\\s*=\\s*(\\w+)(?:\\s*\\(([^)]*)\\))?");

    /** "what: field, field, ..." — fields split at the commas outside parentheses. */
    private static HeaderKind parse(String name, int code, String comment) {
        int colon = comment.lastIndexOf(": ");
        assertTrue(colon > 0, name + ": no 'what: fields' in '" + comment + "'");
        String summary = comment.substring(0, colon).trim();
        List<EventKind.Field> fields = new ArrayList<>();
        int depth = 0;
        int start = colon + 2;
        String rest = comment + ",";
        for (int i = start; i < rest.length(); i++) {
            char c = rest.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                String f = rest.substring(start, i).trim();
                Matcher m = FIELD.matcher(f);
                assertTrue(m.matches(), name + ": field '" + f + "' is not '<slot>[bits] = <name> (note)'");
                EventKind.Slot slot = EventKind.Slot.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT));
                int hi = m.group(2) == null ? slot.bits() - 1 : Integer.parseInt(m.group(2));
                int lo = m.group(2) == null ? 0 : m.group(3) == null ? hi : Integer.parseInt(m.group(3));
                String note = m.group(5) == null ? "" : "(" + m.group(5) + ")";
                fields.add(new EventKind.Field(m.group(4), slot, lo, hi - lo + 1, EventKind.Radix.DECIMAL, note));
                start = i + 1;
            }
        }
        return new HeaderKind(name, code, summary, fields);
    }

    @Test
    void everyEventKindHasTheSameNumberSummaryAndFieldsAsTheJavaTable() {
        List<HeaderKind> header = headerKinds();
        assertEquals(EventKind.values().length, header.size(), "kinds in mttb_abi.h: " + header);
        for (int i = 0; i < header.size(); i++) {
            HeaderKind h = header.get(i);
            EventKind k = EventKind.values()[i];
            assertEquals(k.name(), h.name(), "kind " + i);
            assertEquals(k.code(), h.code(), k + " number");
            assertEquals(k.summary(), h.summary(), k + " summary");
            assertEquals(k.fields().size(), h.fields().size(), k + " fields: header " + h.fields());
            for (int f = 0; f < h.fields().size(); f++) {
                EventKind.Field j = k.fields().get(f);
                EventKind.Field c = h.fields().get(f);
                String what = k + " field " + f + " (" + j.name() + ")";
                assertEquals(j.name(), c.name(), what + " name");
                assertEquals(j.slot(), c.slot(), what + " slot");
                assertEquals(j.lo(), c.lo(), what + " lowest bit");
                assertEquals(j.width(), c.width(), what + " width");
                assertEquals(j.note(), c.note(), what + " note");
            }
        }
    }

    @Test
    void noTwoFieldsOfAKindShareABit() {
        for (EventKind k : EventKind.values()) {
            Map<EventKind.Slot, Long> used = new LinkedHashMap<>();
            for (EventKind.Field f : k.fields()) {
                long bits = f.mask() << f.lo();
                assertTrue(f.lo() + f.width() <= f.slot().bits(), k + "." + f.name() + " leaves its slot");
                long before = used.getOrDefault(f.slot(), 0L);
                assertEquals(0, before & bits, k + "." + f.name() + " overlaps another field");
                used.put(f.slot(), before | bits);
            }
        }
    }

    @Test
    void responseFlagBitsAreTheResponseFields() {
        Map<String, Integer> flags = constants(enumAfter("The bits of the response handshake's b1"));
        EventKind rsp = EventKind.RSP;
        List<String> named = new ArrayList<>();
        for (EventKind.Field f : rsp.fields()) {
            if (f.slot() == EventKind.Slot.B1) {
                named.add(f.name());
                assertEquals(1 << f.lo(), flags.get("MTTB_RSP_" + f.name().toUpperCase(java.util.Locale.ROOT)),
                        "MTTB_RSP_" + f.name().toUpperCase(java.util.Locale.ROOT));
            }
        }
        assertEquals(flags.size(), named.size(), "MTTB_RSP_* flags " + flags.keySet() + " vs fields " + named);
    }

    @Test
    void requestKindsFlagsAndStatusCodesAgree() {
        Map<String, Integer> kinds = constants(enumAfter("// ---- request kinds ----"));
        assertEquals(Map.of("MTTB_REQ_CHECK", Records.REQ_CHECK, "MTTB_REQ_INVAL", Records.REQ_INVAL, "MTTB_REQ_SYNC",
                Records.REQ_SYNC, "MTTB_REQ_IDLE", Records.REQ_IDLE), kinds);
        Map<String, Integer> flags = constants(enumAfter("// request flag bits"));
        assertEquals(Map.of("MTTB_RF_BE", Records.RF_BE, "MTTB_RF_BYPASS", Records.RF_BYPASS, "MTTB_RF_INV_HAS_PA",
                Records.RF_INV_HAS_PA, "MTTB_RF_INV_HAS_SDID", Records.RF_INV_HAS_SDID, "MTTB_RF_INV_WITH_CHECK",
                Records.RF_INV_WITH_CHECK), flags);
        Map<String, Integer> status = constants(enumAfter("// ---- status codes"));
        for (StopReason r : StopReason.values()) {
            assertEquals(r.code(), status.get("MTTB_" + r.name()), "MTTB_" + r.name());
        }
        assertEquals(Records.ABI_VERSION, Integer.parseInt(match("#define MTTB_ABI_VERSION (\\d+)")));
    }

    @Test
    void ioRequestKindsFlagsAndLayoutAgreeWithRequestBuffer() {
        assertEquals(Map.of("MTTB_REQ_DMA", Records.REQ_DMA, "MTTB_REQ_REG", Records.REQ_REG, "MTTB_REQ_POLL",
                Records.REQ_POLL), constants(enumAfter("// ---- I/O request kinds")));
        assertEquals(Map.of("MTTB_IOF_TEE", Records.IOF_TEE, "MTTB_IOF_HAS_IDE", Records.IOF_HAS_IDE, "MTTB_IOF_IOMMU",
                Records.IOF_IOMMU, "MTTB_IOF_WRITE", Records.IOF_WRITE), constants(enumAfter("// I/O request flag bits")));
        // the offsets RequestBuffer.dma/register write, and the members mttb_request shares with mttb_io_request
        Map<String, int[]> io = struct("mttb_io_request");
        Map<String, int[]> hart = struct("mttb_request");
        for (String shared : List.of("kind", "need", "flags", "id", "pa", "reserved")) {
            assertEquals(hart.get(shared)[0], io.get(shared)[0], shared + " offset");
            assertEquals(hart.get(shared)[1], io.get(shared)[1], shared + " size");
        }
        assertEquals(3, io.get("addr")[0]);
        assertEquals(16, io.get("device_id")[0]);
        assertEquals(20, io.get("ide_id")[0]);
        assertEquals(22, io.get("size")[0]);
        RequestBuffer q = new RequestBuffer(2);
        q.dma(0x12, 0xABCDEF, true, 0x1234, true, true, 0x8000_1F00L, 0x100, 5);
        q.register(24, 8, true, 0x1122_3344_5566_7788L);
        byte[] b = q.toBytes();
        java.nio.ByteBuffer v = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(Records.REQ_DMA, b[0]);
        assertEquals(5, b[1]);
        assertEquals(Records.IOF_TEE | Records.IOF_HAS_IDE | Records.IOF_IOMMU, b[2]);
        assertEquals(0x12, v.getInt(4));
        assertEquals(0x8000_1F00L, v.getLong(8));
        assertEquals(0xABCDEF, v.getInt(16));
        assertEquals(0x1234, v.getShort(20));
        assertEquals(0x100, v.getShort(22));
        assertEquals(Records.REQ_REG, b[32]);
        assertEquals(8, b[33]);
        assertEquals(Records.IOF_WRITE, b[34]);
        assertEquals(24, b[35]);
        assertEquals(0x1122_3344_5566_7788L, v.getLong(40));
    }

    @Test
    void eventRecordLayoutIsTheSlotTable() {
        Map<String, int[]> members = struct("mttb_event");
        assertEquals(0, members.get("cycle")[0]);
        assertEquals(8, members.get("kind")[0]);
        for (EventKind.Slot s : EventKind.Slot.values()) {
            int[] m = members.get(s.cName());
            assertNotNull(m, "mttb_event has no member " + s.cName());
            assertEquals(s.offset(), m[0], s.cName() + " offset");
            assertEquals(s.bits(), m[1] * 8, s.cName() + " width");
        }
        assertEquals(2 + EventKind.Slot.values().length, members.size(), "mttb_event members " + members.keySet());
        assertEquals(Records.EVENT_SIZE, end(members));
    }

    @Test
    void recordSizesAgreeWithTheStaticAsserts() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        Matcher m = Pattern.compile("sizeof\\((mttb_\\w+)\\) == (\\d+)").matcher(HEADER);
        while (m.find()) {
            sizes.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertEquals(Map.of("mttb_request", Records.REQUEST_SIZE, "mttb_io_request", Records.REQUEST_SIZE, "mttb_event",
                Records.EVENT_SIZE, "mttb_config", Records.CONFIG_SIZE, "mttb_pmp_region", Records.PMP_SIZE, "mttb_stats",
                Records.STATS_SIZE, "mttb_port_info", 16), sizes);
        assertEquals(Records.REQUEST_SIZE, end(struct("mttb_request")));
        assertEquals(Records.REQUEST_SIZE, end(struct("mttb_io_request")));
        assertEquals(Records.EVENT_SIZE, end(struct("mttb_event")));
    }

    @Test
    void theParserRejectsWhatTheTableWouldNotSay() {
        // the header test would pass vacuously if the parser read nothing: it reads every kind, with fields
        List<HeaderKind> kinds = headerKinds();
        assertFalse(kinds.isEmpty());
        assertTrue(kinds.stream().allMatch(k -> !k.fields().isEmpty()), kinds.toString());
        HeaderKind rsp = parse("RSP", 8, "response handshake: b1[0] = allow, x[15:8] = leaf_log2 (note, with comma)");
        assertEquals(List.of(new EventKind.Field("allow", EventKind.Slot.B1, 0, 1, EventKind.Radix.DECIMAL, ""),
                new EventKind.Field("leaf_log2", EventKind.Slot.X, 8, 8, EventKind.Radix.DECIMAL, "(note, with comma)")),
                rsp.fields());
    }

    private static String match(String regex) {
        Matcher m = Pattern.compile(regex).matcher(HEADER);
        assertTrue(m.find(), regex);
        return m.group(1);
    }

    /** Members of {@code typedef struct { ... } name;}: name → {offset, size}, natural alignment as the C ABI lays
     *  them out (every member here is an unsigned fixed-width integer). */
    private static Map<String, int[]> struct(String name) {
        // comments first: they may hold braces ("{X,W,R}")
        String code = HEADER.replaceAll("//[^\\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "");
        Matcher m = Pattern.compile("typedef struct \\{([^}]*)} " + name + ";").matcher(code);
        assertTrue(m.find(), "no struct " + name);
        Map<String, int[]> out = new LinkedHashMap<>();
        int offset = 0;
        for (String decl : m.group(1).split(";")) {
            Matcher d = Pattern.compile("\\s*uint(\\d+)_t\\s+(.*)").matcher(decl.trim());
            if (!d.matches()) {
                assertTrue(decl.isBlank(), "unexpected member '" + decl.trim() + "' of " + name);
                continue;
            }
            int size = Integer.parseInt(d.group(1)) / 8;
            for (String member : d.group(2).split(",")) {
                offset = (offset + size - 1) / size * size;
                String n = member.trim();
                int count = 1;
                Matcher arr = Pattern.compile("(\\w+)\\[(\\d+)]").matcher(n);
                if (arr.matches()) {
                    n = arr.group(1);
                    count = Integer.parseInt(arr.group(2));
                }
                out.put(n, new int[] {offset, size * count});
                offset += size * count;
            }
        }
        return out;
    }

    private static int end(Map<String, int[]> members) {
        int end = 0;
        for (int[] m : members.values()) {
            end = Math.max(end, m[0] + m[1]);
        }
        return (end + 7) / 8 * 8;
    }
}
