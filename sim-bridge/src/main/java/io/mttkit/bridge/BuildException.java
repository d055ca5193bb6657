package io.mttkit.bridge;

import java.nio.file.Path;

/** A Verilator/compiler build failed. The message carries the last lines of the log; {@link #manifest()}
 *  points at the manifest of the failed build (with the full log next to it). */
public final class BuildException extends FixableException {
    private final transient Path manifest;

    public BuildException(String message, Path manifest) {
        super(manifest == null ? message : message + "\n(manifest: " + manifest + ")");
        this.manifest = manifest;
    }

    /** Manifest of the failed build, or null when the failure happened before one was written. */
    public Path manifest() {
        return manifest;
    }
}
