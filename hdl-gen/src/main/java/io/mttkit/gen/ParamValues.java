package io.mttkit.gen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checked values of a configuration's parameters, in the configuration's order: what {@link Configurations#resolve}
 * returns and what a configuration's build function reads with {@link #get}.
 */
public final class ParamValues {
    private final Map<Param<?>, Object> values;

    private ParamValues(Map<Param<?>, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * The values of {@code params} for configuration {@code config}: each from {@code settings} (the text given
     * with {@code --set}) or its default.
     *
     * @throws IllegalArgumentException for a key that is not a parameter, or a value {@link Param#parse} refuses
     */
    public static ParamValues resolve(String config, List<Param<?>> params, Map<String, String> settings) {
        Map<String, Param<?>> byName = new LinkedHashMap<>();
        params.forEach(p -> byName.put(p.name(), p));
        for (String key : settings.keySet()) {
            if (!byName.containsKey(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "' for configuration '" + config
                        + "' (value '" + settings.get(key) + "'); known: " + params.stream()
                        .map(p -> p.name() + " (" + p.range() + ")").collect(Collectors.joining(", ")));
            }
        }
        Map<Param<?>, Object> out = new LinkedHashMap<>();
        for (Param<?> p : params) {
            String raw = settings.get(p.name());
            out.put(p, raw == null ? p.defaultValue() : p.parse(config, raw));
        }
        return new ParamValues(out);
    }

    /** Values given in Java, each checked by its descriptor; iteration order is {@code values}' order. */
    public static ParamValues of(Map<Param<?>, ?> values) {
        Map<Param<?>, Object> out = new LinkedHashMap<>();
        values.forEach((p, v) -> out.put(p, check(p, v)));
        return new ParamValues(out);
    }

    /** These values followed by {@code more}'s (a checker's walker values, then its cache's). */
    public ParamValues and(ParamValues more) {
        Map<Param<?>, Object> out = new LinkedHashMap<>(values);
        more.values.forEach((p, v) -> {
            if (out.put(p, v) != null) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' given twice");
            }
        });
        return new ParamValues(out);
    }

    @SuppressWarnings("unchecked")
    private static <T> Object check(Param<T> p, Object v) {
        if (!p.type().isInstance(v)) {
            throw new IllegalArgumentException("parameter '" + p.name() + "' must be " + p.range() + "; got " + v);
        }
        return p.check((T) v);
    }

    /** The value of {@code p}. */
    public <T> T get(Param<T> p) {
        Object v = values.get(p);
        if (v == null) {
            throw new IllegalArgumentException("parameter '" + p.name() + "' is not one of this configuration's: "
                    + values.keySet());
        }
        return p.type().cast(v);
    }

    /** The parameters in order. */
    public List<Param<?>> params() {
        return new ArrayList<>(values.keySet());
    }

    /** {@code name=value} pairs in order, values as written on the command line. */
    public List<String> texts() {
        List<String> out = new ArrayList<>();
        values.forEach((p, v) -> {
            if (!p.quiet(v)) {
                out.add(p.name() + "=" + text(p, v));
            }
        });
        return out;
    }

    /** Name to value as written on the command line (what {@code --set} takes back). */
    public Map<String, String> settings() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((p, v) -> {
            if (!p.quiet(v)) {
                out.put(p.name(), text(p, v));
            }
        });
        return out;
    }

    /** Name to JSON literal, in order. */
    public Map<String, String> json() {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((p, v) -> {
            if (!p.quiet(v)) {
                out.put(p.name(), json(p, v));
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> String text(Param<T> p, Object v) {
        return p.text((T) v);
    }

    @SuppressWarnings("unchecked")
    private static <T> String json(Param<T> p, Object v) {
        return p.json((T) v);
    }

    @Override
    public String toString() {
        return String.join(" ", texts());
    }
}
