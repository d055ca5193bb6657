package io.mttkit.bridge;

import java.nio.file.Path;

/**
 * A library in the build cache.
 *
 * @param library absolute path of {@code lib<hash>.so}
 * @param hash content hash (SHA-256 hex) the library must report
 * @param manifest its manifest
 * @param cold true when this call built it, false when it came from the cache
 * @param buildSeconds wall time of the build (0 when cached)
 * @param spec what was built
 */
public record BuiltLibrary(Path library, String hash, Path manifest, boolean cold, double buildSeconds, BuildSpec spec) {
}
