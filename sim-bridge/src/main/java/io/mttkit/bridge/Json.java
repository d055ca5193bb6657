package io.mttkit.bridge;

import java.util.List;

/** Just enough JSON writing for manifests (sim-bridge depends on nothing but JNA). */
final class Json {
    private Json() {
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static void field(StringBuilder b, String name, String value) {
        b.append("  ").append(quote(name)).append(": ").append(quote(value)).append(",\n");
    }

    static void array(StringBuilder b, String name, List<String> values) {
        b.append("  ").append(quote(name)).append(": [");
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
        }
        b.append("],\n");
    }
}
