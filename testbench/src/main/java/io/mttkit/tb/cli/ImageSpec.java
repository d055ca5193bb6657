package io.mttkit.tb.cli;

import java.nio.file.Path;

/** A raw memory image to load: {@code FILE@BASE}, e.g. {@code tables.bin@0x80400000}. */
public record ImageSpec(Path file, long base) {

    /** Parses {@code FILE@BASE}; the file must exist and be readable. */
    public static ImageSpec parse(String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new UserInputException("--image '" + text + "': expected FILE@BASE, e.g. tables.bin@0x80400000");
        }
        Path file = Path.of(text.substring(0, at));
        long base = Numbers.parseU64(text.substring(at + 1), "--image '" + text + "' base");
        InputPaths.requireFile(file, "--image");
        return new ImageSpec(file, base);
    }
}
