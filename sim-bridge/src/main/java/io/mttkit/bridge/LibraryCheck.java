package io.mttkit.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size and SHA-256 of a built library, recorded in its cache entry's manifest when it is published and
 * compared before every {@code dlopen}. A truncated library crashes the JVM inside the dynamic loader (SIGBUS)
 * before any check of ours could run, so the check must come first (issue #16, category 1).
 */
final class LibraryCheck {
    static final String SIZE_FIELD = "librarySize";
    static final String SHA_FIELD = "librarySha256";
    private static final Pattern SIZE = Pattern.compile("\"" + SIZE_FIELD + "\"\\s*:\\s*\"(\\d{1,19})\"");
    private static final Pattern SHA = Pattern.compile("\"" + SHA_FIELD + "\"\\s*:\\s*\"([0-9a-f]{64})\"");

    private LibraryCheck() {
    }

    /** What a manifest records about its library. */
    record Recorded(long size, String sha256) {
    }

    /** Measures {@code lib} as it is now. */
    static Recorded record(Path lib) throws IOException {
        return new Recorded(Files.size(lib), sha256(lib));
    }

    /**
     * Null when {@code lib} has the size and hash its manifest recorded, else what is wrong with it, phrased to
     * follow "the cached library X ..." ("is truncated: ...", "was changed after it was built ...").
     */
    static String verify(Path lib, Path manifest) throws IOException {
        String m;
        try {
            m = Files.readString(manifest, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            return "has an unreadable manifest " + manifest;
        }
        Matcher size = SIZE.matcher(m);
        Matcher sha = SHA.matcher(m);
        if (!size.find() || !sha.find()) {
            return "has no recorded size and SHA-256 in " + manifest + " (built by an older mttkit, or the manifest "
                    + "was edited)";
        }
        long expected = Long.parseLong(size.group(1));
        long actual = Files.size(lib);
        if (actual != expected) {
            return (actual < expected ? "is truncated" : "has grown") + ": " + actual + " bytes, " + expected
                    + " when it was built";
        }
        String hash = sha256(lib);
        if (!hash.equals(sha.group(1))) {
            return "was changed after it was built (SHA-256 " + hash.substring(0, 12) + "…, recorded "
                    + sha.group(1).substring(0, 12) + "…)";
        }
        return null;
    }

    static String sha256(Path f) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
        try (InputStream in = Files.newInputStream(f)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
