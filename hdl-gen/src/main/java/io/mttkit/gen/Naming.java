package io.mttkit.gen;

/**
 * How the modules of a generated configuration are named in the Verilog: by default the generators' fixed names
 * ({@code mtt_checker}, {@code mtt_walker}, {@code mtt_cache}); a prefix for every module and/or another name for
 * the top let two configurations live in one design ({@code mtt gen --module-prefix}, {@code --top-name}).
 *
 * @param modulePrefix put in front of every module name ({@code ""}: none)
 * @param topName      the top's name instead of its own (with the prefix), or {@code null}
 */
public record Naming(String modulePrefix, String topName) {
    /** The generators' own names. */
    public static final Naming DEFAULT = new Naming("", null);

    public Naming {
        if (modulePrefix == null) {
            throw new IllegalArgumentException("module prefix is null; use \"\" for none");
        }
    }

    /** Whether anything is renamed. */
    public boolean isDefault() {
        return modulePrefix.isEmpty() && topName == null;
    }
}
