package io.mttkit.tb.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Checks across options that picocli cannot express: two options that contradict each other, an output that
 * would overwrite an input, a repeated list element. Each failure is a {@link UserInputException} naming the
 * options involved and what to do (issue #16: conflicting flags are refused, inputs are never overwritten).
 */
final class ArgChecks {
    private ArgChecks() {}

    /** Whether the user gave {@code option} on the command line (not just its default). */
    static boolean given(CommandSpec spec, String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** Refuses {@code a} together with {@code b}; {@code why} says what each means. */
    static void notBoth(CommandSpec spec, String a, String b, String why) {
        if (given(spec, a) && given(spec, b)) {
            throw new UserInputException(a + " and " + b + " contradict each other (" + why + "): give one of them");
        }
    }

    /** Refuses an empty path such as {@code --report ""}, which would silently mean the current folder. */
    static void notEmpty(Path p, String option) {
        if (p != null && p.toString().isEmpty()) {
            throw new UserInputException(option + ": the path is empty; name a folder or file");
        }
    }

    /**
     * Refuses an output {@code out} that is one of {@code inputs} (the same file or folder, however spelled), so
     * that writing the output can never destroy what the user gave.
     */
    static void notAnInput(Path out, String outOption, Collection<Path> inputs, String inputOption) {
        if (out == null) {
            return;
        }
        for (Path in : inputs) {
            if (same(out, in)) {
                throw new UserInputException(outOption + " " + out + " is also the input " + inputOption + " " + in
                        + ": writing it would destroy the input; choose another " + outOption);
            }
        }
    }

    /** Refuses a list with one element given twice ({@code --only a,a}). */
    static void noRepeats(Collection<String> values, String option) {
        if (values == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (!seen.add(v)) {
                throw new UserInputException(option + ": '" + v + "' is given twice; name it once");
            }
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall through to the path comparison: an unreadable path is compared by name
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
