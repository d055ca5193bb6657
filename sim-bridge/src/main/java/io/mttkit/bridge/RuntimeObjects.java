package io.mttkit.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Verilator's run-time library objects ({@code verilated.o}, {@code verilated_threads.o}, the trace writers), kept
 * once per build cache and per tool and flag combination instead of compiled again for every design.
 *
 * <p>They do not depend on the design: the same compiler, flags, Verilator kit and {@code mttb_vl_config.h} give the
 * same object. On a small design they are most of a build (about 5 of 8 CPU seconds), and a test run builds dozens of
 * designs. The generated makefile rebuilds them whenever {@code Vtop.mk} is newer, so the driver verilates first,
 * places the kept objects in the object folder stamped after the makefile, and then runs make itself
 * (docs/bridge.md, "Build cache").
 *
 * <p>Each kept object has a SHA-256 beside it; an object that no longer matches is deleted and compiled again. A
 * build that fails with provided objects is retried once without them ({@link BuildDriver}), so a kept object can
 * cost a rebuild but never a wrong or failed library.
 */
final class RuntimeObjects {
    private final Path dir;

    private RuntimeObjects(Path dir) {
        this.dir = dir;
    }

    /** The kept objects of one tool and flag combination ({@code key}: everything that reaches their compile). */
    static RuntimeObjects in(Path cacheDir, String key) {
        return new RuntimeObjects(cacheDir.resolve("runtime").resolve(sha256(key).substring(0, 32)));
    }

    Path dir() {
        return dir;
    }

    /**
     * The run-time objects the generated makefile links: the {@code VM_GLOBAL_FAST} and {@code VM_GLOBAL_SLOW}
     * classes of {@code Vtop_classes.mk}, as object file names.
     */
    static List<String> names(Path objDir, String prefix) throws IOException {
        List<String> names = new ArrayList<>();
        Path classes = objDir.resolve(prefix + "_classes.mk");
        if (!Files.isRegularFile(classes)) {
            return names;  // not a Verilator 5 object folder: nothing to provide, make reports what is wrong
        }
        boolean inList = false;
        for (String line : Files.readAllLines(classes, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.startsWith("VM_GLOBAL_FAST +=") || t.startsWith("VM_GLOBAL_SLOW +=")) {
                inList = true;
                continue;
            }
            if (!inList) {
                continue;
            }
            if (t.isEmpty() || t.contains("=")) {
                inList = false;
                continue;
            }
            String name = t.replace("\\", "").strip();
            if (!name.isEmpty()) {
                names.add(name + ".o");
            }
        }
        return names;
    }

    /**
     * Copies every kept object of {@code names} into {@code objDir}, stamped now (after the makefile Verilator just
     * wrote, so make takes them as up to date); returns the names provided.
     */
    List<String> provide(Path objDir, List<String> names) throws IOException {
        List<String> provided = new ArrayList<>();
        FileTime now = FileTime.fromMillis(System.currentTimeMillis() + 1000);
        for (String name : names) {
            Path kept = dir.resolve(name);
            Path sum = dir.resolve(name + ".sha256");
            if (!Files.isRegularFile(kept) || !Files.isRegularFile(sum)) {
                continue;
            }
            if (!LibraryCheck.sha256(kept).equals(Files.readString(sum).strip())) {
                // truncated or altered since it was kept: compile it again in this build
                Files.deleteIfExists(kept);
                Files.deleteIfExists(sum);
                continue;
            }
            Path target = objDir.resolve(name);
            Files.copy(kept, target, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(target, now);
            provided.add(name);
        }
        return provided;
    }

    /** After a successful build: keeps the objects of {@code names} that this build compiled itself. */
    void keep(Path objDir, List<String> names, List<String> provided) throws IOException {
        Files.createDirectories(dir);
        for (String name : names) {
            Path built = objDir.resolve(name);
            if (provided.contains(name) || !Files.isRegularFile(built)) {
                continue;
            }
            // object first, checksum last: a reader sees a checksum only beside a complete object
            writeAtomically(dir.resolve(name), Files.readAllBytes(built));
            writeAtomically(dir.resolve(name + ".sha256"),
                    (LibraryCheck.sha256(built) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Forgets every kept object (after a build that failed with them). */
    void discard() throws IOException {
        BuildCache.deleteTree(dir);
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
