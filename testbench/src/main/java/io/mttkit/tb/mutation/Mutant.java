package io.mttkit.tb.mutation;

import java.util.Objects;

/**
 * One bug-like edit of the generated Verilog: an exact-text substitution, so that a mutant reads like the diff of
 * the bug it models and applies the same way on every run.
 *
 * @param id          short stable name ({@code v09-tuple-index-l1}), unique in the catalogue
 * @param config      the {@link MutationConfig} whose Verilog it edits ({@code rv64-smmpt}, {@code walker-rv64}, ...)
 * @param description the bug it models, in one sentence
 * @param file        the emitted file it edits, by module name ({@code mtt_walker}, {@code mtt_checker},
 *                    {@code mtt_cache}), matched by {@link #moduleFileMatches} so that the spelling of a file name
 *                    ({@code mtt_walker.v}, {@code MttWalker.v}) does not tie the catalogue to one generator version
 * @param original    the exact text replaced; must occur exactly once in that file
 * @param replacement the text put in its place
 */
public record Mutant(String id, String config, String description, String file, String original, String replacement) {

    public Mutant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(replacement, "replacement");
        if (original.isEmpty() || original.equals(replacement)) {
            throw new IllegalArgumentException("mutant " + id + ": the edit must replace a non-empty text by a different one");
        }
    }

    /**
     * The text of {@code file} with this edit applied.
     *
     * @throws MutantNotApplicableException when {@link #original} does not occur exactly once (the generator changed:
     *                                      update the catalogue)
     */
    public String apply(String fileName, String text) {
        int at = text.indexOf(original);
        if (at < 0) {
            throw new MutantNotApplicableException("mutant " + id + ": text not found in " + fileName + ": \"" + original
                    + "\" (the generator's output changed: update MutantCatalogue)");
        }
        if (text.indexOf(original, at + 1) >= 0) {
            throw new MutantNotApplicableException("mutant " + id + ": text occurs more than once in " + fileName + ": \""
                    + original + "\" (make the original text longer so that it is unique)");
        }
        return text.substring(0, at) + replacement + text.substring(at + original.length());
    }

    /**
     * Whether emitted file {@code fileName} holds module {@code module}: the names compared in lower case without
     * underscores, the file's by prefix ({@code mtt_walker} matches {@code mtt_walker.v} and
     * {@code MttWalker.v}).
     */
    public static boolean moduleFileMatches(String module, String fileName) {
        String want = module.toLowerCase(java.util.Locale.ROOT).replace("_", "");
        return fileName.toLowerCase(java.util.Locale.ROOT).replace("_", "").startsWith(want);
    }
}
