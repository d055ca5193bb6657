package io.mttkit.tb.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** Parsing of the numbers users write: {@code 0x}-prefixed hex or decimal, as text or JSON numbers. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * Parses an unsigned 64-bit number: "0x8000_1234" (underscores allowed), "0X..", or decimal.
     *
     * @param what names the value in the error message, e.g. "--pa" or "field 'pa'"
     */
    public static long parseU64(String text, String what) {
        if (text == null) {
            throw new UserInputException(what + ": missing value");
        }
        String s = text.trim().replace("_", "");
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                String hex = s.substring(2);
                if (hex.isEmpty() || hex.length() > 16) {
                    throw new NumberFormatException();
                }
                return Long.parseUnsignedLong(hex, 16);
            }
            if (s.startsWith("-")) {
                throw new UserInputException(what + ": '" + text + "' is negative; expected an unsigned number");
            }
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new UserInputException(what + ": '" + text
                    + "' is not a number (use 0x-prefixed hex such as 0x80000000, or decimal, at most 64 bits)");
        }
    }

    /** Parses a JSON field that is either an integer or a string as in {@link #parseU64(String, String)}. */
    public static long parseU64(JsonNode node, String what) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new UserInputException(what + ": missing");
        }
        if (node.isIntegralNumber()) {
            if (node.canConvertToLong() && node.asLong() >= 0) {
                return node.asLong();
            }
            if (node.isBigInteger() && node.bigIntegerValue().signum() >= 0 && node.bigIntegerValue().bitLength() <= 64) {
                return node.bigIntegerValue().longValue();
            }
            throw new UserInputException(what + ": " + node + " is out of range (0 .. 2^64-1)");
        }
        if (node.isTextual()) {
            return parseU64(node.asText(), what);
        }
        throw new UserInputException(what + ": expected a number or a hex string, got " + node.getNodeType().toString().toLowerCase());
    }

    /** Parses an int within [min, max] inclusive. */
    public static int parseIntInRange(long value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new UserInputException(what + ": " + value + " is out of range (" + min + " .. " + max + ")");
        }
        return (int) value;
    }

    public static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
