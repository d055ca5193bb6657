package io.mttkit.gen;

/**
 * One parameter of a generator configuration: an integer in {@code [min, max]} (optionally restricted to
 * powers of two) with a default and a one-line description.
 *
 * @param name        the key used with {@code --set name=value}
 * @param defaultValue value used when the key is not set
 * @param min         smallest allowed value
 * @param max         largest allowed value
 * @param powerOfTwo  whether the value must also be a power of two
 * @param doc         what the parameter means
 */
public record Parameter(String name, long defaultValue, long min, long max, boolean powerOfTwo, String doc) {

    /** An integer parameter. */
    public static Parameter integer(String name, long dflt, long min, long max, String doc) {
        return new Parameter(name, dflt, min, max, false, doc);
    }

    /** An integer parameter that must be a power of two. */
    public static Parameter powerOfTwo(String name, long dflt, long min, long max, String doc) {
        return new Parameter(name, dflt, min, max, true, doc);
    }

    /** The allowed values, as used in messages and help: {@code 2..4096} or {@code power of two in 2..64}. */
    public String range() {
        return (powerOfTwo ? "power of two in " : "") + min + ".." + max;
    }

    /**
     * Parses and checks a value given for this parameter of configuration {@code config}.
     *
     * @throws IllegalArgumentException naming the key, the allowed range and the value
     */
    public long parse(String config, String raw) {
        long v;
        try {
            v = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(problem(config, raw, "is not an integer"));
        }
        if (v < min || v > max || (powerOfTwo && Long.bitCount(v) != 1)) {
            throw new IllegalArgumentException(problem(config, raw, "is out of range"));
        }
        return v;
    }

    private String problem(String config, String raw, String what) {
        return "parameter '" + name + "' of configuration '" + config + "': value '" + raw + "' " + what
                + "; allowed: " + range() + " (default " + defaultValue + ")";
    }
}
