package io.mttkit.tb.cli;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.TableFormat;

/** Parsing of the {@code mode} and {@code format} a user names, with messages that say which argument. */
final class ModeArgs {
    private ModeArgs() {
    }

    /**
     * Parses {@code mode} and, when {@code format} is given, checks that the mode belongs to it.
     *
     * @param modeName   how the mode argument is called in messages ({@code --mode}, {@code field 'mode'})
     * @param formatName how the format argument is called
     */
    static MttMode parse(String mode, String format, String modeName, String formatName) {
        if (mode == null) {
            throw new UserInputException(modeName + ": missing (e.g. smmpt43, smmtt46, bare)");
        }
        MttMode m;
        try {
            m = MttMode.fromId(mode);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(modeName + ": " + e.getMessage());
        }
        if (format != null) {
            TableFormat f;
            try {
                f = TableFormat.fromId(format);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(formatName + ": " + e.getMessage());
            }
            if (m != MttMode.BARE && m.format() != f) {
                throw new UserInputException(modeName + ": " + m.id() + " belongs to format " + m.format().id()
                        + ", not " + f.id());
            }
        }
        return m;
    }

    /** As {@link #parse}, and refuses {@code bare}, which has no tables. */
    static MttMode parseTableMode(String mode, String format, String why) {
        MttMode m = parse(mode, format, "--mode", "--format");
        if (m == MttMode.BARE) {
            throw new UserInputException("--mode: bare " + why + "; choose one of smmtt34, smmtt46, smmtt56, "
                    + "smmpt34, smmpt43, smmpt52, smmpt64");
        }
        return m;
    }
}
