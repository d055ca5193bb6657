package io.mttkit.tb.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --set KEY=VALUE} overrides of generator parameters ({@code mtt gen}, {@code mtt regress}). */
final class SetArgs {
    private SetArgs() {
    }

    /** Parses the overrides in order; a malformed one or a key given twice is a {@link UserInputException}. */
    static Map<String, String> parse(List<String> sets) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new UserInputException("--set '" + s + "': expected KEY=VALUE, e.g. --set paw=48");
            }
            String key = s.substring(0, eq).trim();
            if (settings.put(key, s.substring(eq + 1).trim()) != null) {
                throw new UserInputException("--set: parameter '" + key + "' given twice");
            }
        }
        return settings;
    }
}
