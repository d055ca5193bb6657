package io.mttkit.golden.hart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the test programs under {@code programs/} with the Debian {@code riscv64-unknown-elf} toolchain
 * and caches each ELF under a key made of the source hash, the XLEN and the compiler flags: a program is
 * rebuilt only when one of {@code programs/**} changes.
 *
 * <p>A program {@code NAME} is {@code programs/NAME.c} or {@code programs/NAME.S}, linked with
 * {@code programs/runtime/*} and {@code programs/link.ld}, headers from {@code programs/include}.
 */
public final class ProgramBuild {
    /** The compiler used; {@link #toolchainAvailable()} tells whether it is on the PATH. */
    public static final String GCC = "riscv64-unknown-elf-gcc";
    /** Message when the compiler is missing. */
    public static final String MISSING = GCC + " not found: run scripts/setup.sh";

    private ProgramBuild() {
    }

    /** True when {@value #GCC} can be run. */
    public static boolean toolchainAvailable() {
        try {
            Process p = new ProcessBuilder(GCC, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The flags for {@code xlen}: {@code rv32ima}/{@code rv64ima} (+ {@code c}) with Zicsr and Zifencei. */
    public static List<String> flags(int xlen, boolean compressed) {
        if (xlen != 32 && xlen != 64) {
            throw new IllegalArgumentException("xlen must be 32 or 64, got " + xlen);
        }
        return List.of("-march=rv" + xlen + "ima" + (compressed ? "c" : "") + "_zicsr_zifencei", "-mabi=" + (xlen == 32 ? "ilp32" : "lp64"),
                "-mcmodel=medany", "-nostdlib", "-nostartfiles", "-static", "-O2", "-ffreestanding", "-fno-builtin",
                "-Wall", "-Wextra", "-Werror", "-Wl,--no-warn-rwx-segments");
    }

    /**
     * Returns the ELF of program {@code name} for {@code xlen}, building it into {@code cacheDir} if the
     * cached one is missing or stale.
     *
     * @param programsDir the {@code programs/} folder
     * @throws IllegalStateException when the toolchain is missing ({@link #MISSING}) or the build fails
     *                               (the compiler's output is in the message)
     */
    public static Path build(Path programsDir, String name, int xlen, Path cacheDir) {
        return build(programsDir, name, xlen, cacheDir, false);
    }

    /** {@link #build(Path, String, int, Path)}, with the C extension when {@code compressed}. */
    public static Path build(Path programsDir, String name, int xlen, Path cacheDir, boolean compressed) {
        Path src = programsDir.resolve(name + ".c");
        if (!Files.isRegularFile(src)) {
            src = programsDir.resolve(name + ".S");
        }
        if (!Files.isRegularFile(src)) {
            throw new IllegalArgumentException("no program '" + name + "' in " + programsDir + " (expected "
                    + name + ".c or " + name + ".S)");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(GCC);
        cmd.addAll(flags(xlen, compressed));
        cmd.add("-I" + programsDir.resolve("include"));
        cmd.add("-T" + programsDir.resolve("link.ld"));
        String key = hash(programsDir, String.join(" ", cmd) + " " + name);
        Path out = cacheDir.resolve(name + "-rv" + xlen + (compressed ? "c" : "") + "-" + key + ".elf");
        if (Files.isRegularFile(out)) {
            return out;
        }
        if (!toolchainAvailable()) {
            throw new IllegalStateException(MISSING);
        }
        try {
            Files.createDirectories(cacheDir);
            Path tmp = Files.createTempFile(cacheDir, name, ".tmp");
            cmd.add("-o");
            cmd.add(tmp.toString());
            try (Stream<Path> rt = Files.list(programsDir.resolve("runtime"))) {
                rt.filter(p -> p.toString().endsWith(".S") || p.toString().endsWith(".c")).sorted()
                        .forEach(p -> cmd.add(p.toString()));
            }
            cmd.add(src.toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                Files.deleteIfExists(tmp);
                throw new IllegalStateException("building " + name + " for RV" + xlen + " failed:\n"
                        + String.join(" ", cmd) + "\n" + log);
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            removeStale(cacheDir, out, name + "-rv" + xlen + (compressed ? "c" : "") + "-");
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("building " + name + " for RV" + xlen + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + name, e);
        }
    }

    /** Deletes older builds of the same program and flavour (other hashes); best effort. */
    private static void removeStale(Path cacheDir, Path keep, String prefix) {
        try (Stream<Path> files = Files.list(cacheDir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (!f.equals(keep) && n.startsWith(prefix) && n.endsWith(".elf")
                        && n.substring(prefix.length()).matches("[0-9a-f]{16}\\.elf")) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // a stale file left behind only costs disk space
        }
    }

    /** SHA-256 over every file under {@code dir} (path and bytes, sorted) and {@code extra}; 16 hex digits. */
    private static String hash(Path dir, String extra) {
        try (Stream<Path> files = Files.walk(dir)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(dir.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(f));
            }
            md.update(extra.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the program sources in " + dir + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
