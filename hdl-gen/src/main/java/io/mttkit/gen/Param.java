package io.mttkit.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * One generator parameter, the single description of it that every place naming it reads: {@code mtt gen --set},
 * {@code mtt gen --describe}, the manifest ({@code checker.json}), the module header comment and the parameter
 * records of the generators ({@code WalkerParams}, {@code CacheShape}), whose constructors check their values
 * through {@link #check}. A value is an {@code Integer}, a {@code Boolean} or a {@link Choice} enum constant.
 *
 * @param <T> the value type
 */
public final class Param<T> {
    /** An enum whose constants have the spelling users write ({@code smmpt-v0.9}, {@code ANY}). */
    public interface Choice {
        /** How the value is written on the command line and in manifests. */
        String spelling();
    }

    private final String name;
    private final Class<T> type;
    private final T defaultValue;
    private final String range;
    private final IntPredicate allowed;
    private final String doc;
    /** Said after the range in messages, e.g. {@code " (for xlen 32)"}. */
    private final String note;
    /** Left out of hashes, headers and manifests while at its default ({@link #quietAtDefault()}). */
    private final boolean quietAtDefault;

    private Param(String name, Class<T> type, T defaultValue, String range, IntPredicate allowed, String doc,
                  String note) {
        this(name, type, defaultValue, range, allowed, doc, note, false);
    }

    private Param(String name, Class<T> type, T defaultValue, String range, IntPredicate allowed, String doc,
                  String note, boolean quietAtDefault) {
        this.name = Objects.requireNonNull(name);
        this.type = type;
        this.defaultValue = defaultValue;
        this.range = range;
        this.allowed = allowed;
        this.doc = doc;
        this.note = note;
        this.quietAtDefault = quietAtDefault;
        check(defaultValue);
    }

    private Param(String name, Class<T> type, T defaultValue, String range, IntPredicate allowed, String doc) {
        this(name, type, defaultValue, range, allowed, doc, "");
    }

    /** This parameter with {@code note} said after its range in messages ({@code " (for xlen 32)"}). */
    public Param<T> withNote(String note) {
        return new Param<>(name, type, defaultValue, range, allowed, doc, note, quietAtDefault);
    }

    /**
     * This parameter, left out of configuration hashes, module headers and manifests while it has its default value:
     * for a parameter added to a configuration that already ships, so that its RTL and manifests keep their bytes
     * (issue #15: {@code walksInFlight} = 1 is today's checker). {@code --describe} and {@code --set} still list it.
     */
    public Param<T> quietAtDefault() {
        return new Param<>(name, type, defaultValue, range, allowed, doc, note, true);
    }

    /** Whether {@code value} is left out of hashes, headers and manifests ({@link #quietAtDefault()}). */
    public boolean quiet(Object value) {
        return quietAtDefault && defaultValue.equals(value);
    }

    /** An integer in {@code [min, max]}. */
    public static Param<Integer> integer(String name, int dflt, int min, int max, String doc) {
        return new Param<>(name, Integer.class, dflt, min + ".." + max, v -> v >= min && v <= max, doc);
    }

    /** A power of two in {@code [min, max]}. */
    public static Param<Integer> powerOfTwo(String name, int dflt, int min, int max, String doc) {
        return new Param<>(name, Integer.class, dflt, "power of two in " + min + ".." + max,
                v -> v >= min && v <= max && Integer.bitCount(v) == 1, doc);
    }

    /** 0 (the structure is absent) or a power of two up to {@code max}. */
    public static Param<Integer> zeroOrPowerOfTwo(String name, int dflt, int max, String doc) {
        return new Param<>(name, Integer.class, dflt, "0 or a power of two in 1.." + max,
                v -> v == 0 || (v <= max && Integer.bitCount(v) == 1), doc);
    }

    /** {@code true} or {@code false}. */
    public static Param<Boolean> flag(String name, boolean dflt, String doc) {
        return new Param<>(name, Boolean.class, dflt, "true|false", v -> true, doc);
    }

    /** One constant of {@code type}, written as its {@link Choice#spelling()}. */
    public static <E extends Enum<E> & Choice> Param<E> choice(String name, Class<E> type, E dflt, String doc) {
        List<String> s = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            s.add(e.spelling());
        }
        return new Param<>(name, type, dflt, String.join("|", s), v -> true, doc);
    }

    /** The key of {@code --set key=value} and of the manifest. */
    public String name() {
        return name;
    }

    /** The value used when none is given. */
    public T defaultValue() {
        return defaultValue;
    }

    /** The allowed values as written in help and messages: {@code 32..64}, {@code true|false}, {@code ANY|SELECTED}. */
    public String range() {
        return range;
    }

    /** What the parameter means, one line. */
    public String doc() {
        return doc;
    }

    /**
     * Checks a value given in Java (a generator's parameter record).
     *
     * @throws IllegalArgumentException naming the parameter, the allowed values and the value
     */
    public T check(T value) {
        if (value == null || !type.isInstance(value)) {
            throw new IllegalArgumentException("parameter '" + name + "' must be " + range + "; got " + value);
        }
        if (value instanceof Integer i && !allowed.test(i)) {
            throw new IllegalArgumentException("parameter '" + name + "' must be " + describeRange() + note + "; got "
                    + i);
        }
        return value;
    }

    private String describeRange() {
        return range.startsWith("power") ? "a " + range : range.startsWith("0 or") ? range : "in " + range;
    }

    /**
     * Parses a value as written on the command line ({@code --set}) for configuration {@code config}: decimal
     * integers, {@code true}/{@code false}, or the spelling of a choice — nothing else (no 0/1 for flags, no
     * ordinals for choices).
     *
     * @throws IllegalArgumentException naming the parameter, the configuration, the value and what is allowed
     */
    public T parse(String config, String raw) {
        String text = raw.trim();
        Object v;
        if (type == Integer.class) {
            try {
                v = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(problem(config, raw, "is not an integer"));
            }
            if (!allowed.test((Integer) v)) {
                throw new IllegalArgumentException(problem(config, raw, "is out of range"));
            }
        } else if (type == Boolean.class) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException(problem(config, raw, "is not true or false"
                        + (text.equals("0") || text.equals("1") ? " (flags are written true/false, not 1/0)" : "")));
            }
            v = Boolean.parseBoolean(text);
        } else {
            v = null;
            for (T c : type.getEnumConstants()) {
                if (((Choice) c).spelling().equals(text)) {
                    v = c;
                }
            }
            if (v == null) {
                throw new IllegalArgumentException(problem(config, raw, "is not one of the choices"
                        + (text.matches("\\d+") ? " (choices are written by name, not by number)" : "")));
            }
        }
        return type.cast(v);
    }

    private String problem(String config, String raw, String what) {
        return "parameter '" + name + "' of configuration '" + config + "': value '" + raw + "' " + what
                + "; allowed: " + range + " (default " + text(defaultValue) + ")";
    }

    /** The value as written on the command line, in headers and in {@code --describe}. */
    public String text(T value) {
        return value instanceof Choice c ? c.spelling() : String.valueOf(value);
    }

    /** The value as a JSON literal (number, boolean or quoted spelling). */
    public String json(T value) {
        return value instanceof Choice c ? '"' + c.spelling() + '"' : String.valueOf(value);
    }

    /** The value type: {@code Integer}, {@code Boolean} or the choice enum. */
    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return name;
    }
}
