package io.mttkit.bridge;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A located, version-checked Verilator executable.
 *
 * <p>The executable comes from the system property {@value #PROPERTY}, else the environment variable
 * {@value #ENV}, else the first {@code verilator} on {@code PATH}. Verilator older than 5.0 is refused:
 * the build flags and the context API used by the bridge appeared in 5.0.
 */
public final class VerilatorTool {
    /** System property naming the verilator executable. */
    public static final String PROPERTY = "mttkit.verilator";
    /** Environment variable naming the verilator executable. */
    public static final String ENV = "MTTKIT_VERILATOR";
    /** Oldest supported major version. */
    public static final int MIN_MAJOR = 5;

    private static final Pattern VERSION = Pattern.compile("Verilator (\\d+)\\.(\\d+)");

    private final Path executable;
    private final String versionLine;
    private final int major;
    private final int minor;

    private VerilatorTool(Path executable, String versionLine, int major, int minor) {
        this.executable = executable;
        this.versionLine = versionLine;
        this.major = major;
        this.minor = minor;
    }

    /** Locates the configured Verilator and checks its version.
     *  @throws ToolMissingException when it is absent or does not run
     *  @throws BridgeException when it is older than 5.0 or reports no version */
    public static VerilatorTool locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENV);
        }
        Path exe;
        if (configured != null && !configured.isBlank()) {
            exe = Path.of(configured).toAbsolutePath();
            if (!Files.isExecutable(exe)) {
                throw new ToolMissingException(ToolMissingException.INSTALL_HINT + " (configured " + exe
                        + " is not an executable file)");
            }
        } else {
            exe = searchPath("verilator");
            if (exe == null) {
                throw new ToolMissingException(ToolMissingException.INSTALL_HINT);
            }
        }
        return at(exe);
    }

    /** Checks the Verilator at {@code exe}. */
    public static VerilatorTool at(Path exe) {
        Processes.Result r;
        try {
            r = Processes.run(List.of(exe.toString(), "--version"), null, 60);
        } catch (IOException e) {
            throw new ToolMissingException(ToolMissingException.INSTALL_HINT + " (" + exe + " does not run: "
                    + e.getMessage() + ")");
        }
        String line = r.output().strip();
        Matcher m = VERSION.matcher(line);
        if (r.exitCode() != 0 || !m.find()) {
            throw new FixableException(exe + " --version printed '" + Processes.tail(line, 3)
                    + "' (exit " + r.exitCode() + "); expected 'Verilator 5.x'. Install Verilator 5: "
                    + "scripts/setup.sh (apt-get install verilator)");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < MIN_MAJOR) {
            throw new FixableException("Verilator " + major + "." + String.format("%03d", minor) + " found at " + exe
                    + " is too old: mttkit needs Verilator 5.0 or newer (Debian 12 ships 5.006; "
                    + "run scripts/setup.sh or point -D" + PROPERTY + " at a newer one)");
        }
        return new VerilatorTool(exe, line.lines().findFirst().orElse(line), major, minor);
    }

    static Path searchPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p.toAbsolutePath();
            }
        }
        return null;
    }

    public Path executable() {
        return executable;
    }

    /** First line of {@code verilator --version}, part of the build hash. */
    public String versionLine() {
        return versionLine;
    }

    /** "major.minor" as Verilator prints it, e.g. "5.006". */
    public String version() {
        return major + "." + String.format("%03d", minor);
    }
}
