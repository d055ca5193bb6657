package io.mttkit.tb.repro;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed access to the fields of a bundle's JSON (manifest or stream line), each failure a
 * {@link ReproBundleException} naming the place ({@code ctx}: file, entry, line), the field and what was found.
 *
 * @param ctx where the JSON came from, e.g. {@code bundle.tgz: entry 'manifest.json'}
 */
record BundleFields(String ctx) {
    JsonNode get(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new ReproBundleException(ctx + ": field '" + name + "' is missing");
        }
        return v;
    }

    int integer(JsonNode n, String name) {
        JsonNode v = get(n, name);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new ReproBundleException(ctx + ": field '" + name + "' must be an integer, got " + v);
        }
        return v.asInt();
    }

    /** A 64-bit value, as a JSON integer or a "0x..." hex string (addresses are written in hex). */
    long longValue(JsonNode n, String name) {
        JsonNode v = get(n, name);
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        String t = v.asText();
        if (v.isTextual() && t.startsWith("0x") && t.length() > 2 && t.length() <= 18) {
            try {
                return Long.parseUnsignedLong(t.substring(2), 16);
            } catch (NumberFormatException ex) {
                // fall through to the error
            }
        }
        throw new ReproBundleException(ctx + ": field '" + name + "' must be an integer or a 0x hex string, got "
                + v);
    }

    boolean bool(JsonNode n, String name) {
        JsonNode v = get(n, name);
        if (!v.isBoolean()) {
            throw new ReproBundleException(ctx + ": field '" + name + "' must be true or false, got " + v);
        }
        return v.asBoolean();
    }

    String text(JsonNode n, String name) {
        JsonNode v = get(n, name);
        if (!v.isTextual()) {
            throw new ReproBundleException(ctx + ": field '" + name + "' must be text, got " + v);
        }
        return v.asText();
    }

    JsonNode object(JsonNode n, String name) {
        JsonNode v = get(n, name);
        if (!v.isObject()) {
            throw new ReproBundleException(ctx + ": field '" + name + "' must be an object");
        }
        return v;
    }

    Iterable<JsonNode> array(JsonNode n, String name) {
        JsonNode v = get(n, name);
        if (!v.isArray()) {
            throw new ReproBundleException(ctx + ": field '" + name + "' must be an array");
        }
        return v;
    }
}
