package io.mttkit.tb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.mttkit.golden.Access;
import io.mttkit.golden.MttMode;

/**
 * One query of {@code mtt check}: which table (format, mode, root PPN), which domain (SDID), which physical
 * address and which permissions are needed.
 */
record CheckQuery(MttMode mode, long rootPpn, int sdid, long pa, int need, boolean bigEndian) {

    /** Builds and validates a query; {@code format} may be null (it then follows from the mode). */
    static CheckQuery of(String format, String mode, long rootPpn, long sdid, long pa, String need, boolean be,
                         boolean json) {
        MttMode m = ModeArgs.parse(mode, format, name("mode", json), name("format", json));
        if (sdid > 63) {
            throw new UserInputException(name("sdid", json) + ": " + sdid + " is out of range (0 .. 63; SDIDMAX is 6 bits)");
        }
        long ppnLimit = m.xlen() == 32 ? (1L << 22) : (1L << 44);
        if (m != MttMode.BARE && Long.compareUnsigned(rootPpn, ppnLimit) >= 0) {
            throw new UserInputException(name("root_ppn", json) + ": " + Numbers.hex(rootPpn) + " does not fit the "
                    + (m.xlen() == 32 ? "22" : "44") + "-bit PPN field of " + m.id());
        }
        if (m.xlen() == 32 && Long.compareUnsigned(pa, 1L << 34) >= 0) {
            // An RV32 hart cannot produce such an address; reject rather than silently truncate.
            throw new UserInputException(name("pa", json) + ": " + Numbers.hex(pa) + " is wider than the 34-bit physical address of RV32");
        }
        int needBits;
        try {
            needBits = Access.parse(need == null ? "r" : need);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(name("need", json) + ": " + e.getMessage());
        }
        return new CheckQuery(m, rootPpn, (int) sdid, pa, needBits, be);
    }

    /** Parses one JSON object of a {@code --batch} file. */
    static CheckQuery fromJson(JsonNode n) {
        if (!n.isObject()) {
            throw new UserInputException("expected a JSON object such as {\"mode\": \"smmpt43\", \"root_ppn\": \"0x80000\", "
                    + "\"pa\": \"0x80001234\", \"need\": \"r\"}");
        }
        var it = n.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            switch (f) {
                case "format", "mode", "root_ppn", "sdid", "pa", "need", "be", "id" -> { }
                default -> throw new UserInputException("field '" + f + "': unknown (expected format, mode, root_ppn, sdid, pa, need, be)");
            }
        }
        String format = text(n, "format");
        String mode = text(n, "mode");
        boolean bare = "bare".equalsIgnoreCase(mode);
        long rootPpn = n.has("root_ppn") ? Numbers.parseU64(n.get("root_ppn"), "field 'root_ppn'") : requireIf(!bare, "root_ppn");
        long sdid = n.has("sdid") ? Numbers.parseU64(n.get("sdid"), "field 'sdid'") : 0;
        long pa = Numbers.parseU64(n.get("pa"), "field 'pa'");
        String need = text(n, "need");
        boolean be = false;
        if (n.has("be")) {
            if (!n.get("be").isBoolean()) {
                throw new UserInputException("field 'be': expected true or false");
            }
            be = n.get("be").asBoolean();
        }
        return of(format, mode, rootPpn, sdid, pa, need, be, true);
    }

    /** How a field is called in messages: {@code field 'pa'} in a batch line, {@code --pa} on the command line. */
    static String name(String field, boolean json) {
        return json ? "field '" + field + "'" : "--" + field.replace('_', '-');
    }

    private static long requireIf(boolean required, String field) {
        if (required) {
            throw new UserInputException("field '" + field + "': missing");
        }
        return 0;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new UserInputException("field '" + field + "': expected a string");
        }
        return v.asText();
    }
}
