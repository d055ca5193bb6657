package io.mttkit.bridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The on-disk build cache: {@code <dir>/<hash>/} holds {@code lib<hash>.so}, {@code manifest.json},
 * {@code build.log} and a {@code last-used} stamp. Builds happen in {@code <dir>/.tmp/} under a
 * cross-process file lock and are published by one atomic rename, so a reader never sees a half-written
 * entry. Least-recently-used entries beyond {@link #maxEntries()} are evicted after each publish; entries
 * loaded by this process are never evicted by it.
 */
public final class BuildCache {
    /** System property naming the cache directory. */
    public static final String PROPERTY = "mttkit.build.cache";
    /** Environment variable naming the cache directory. */
    public static final String ENV = "MTTKIT_BUILD_CACHE";
    /** System property: most entries kept (default 16). */
    public static final String MAX_PROPERTY = "mttkit.build.cache.max";

    private static final ReentrantLock IN_PROCESS = new ReentrantLock();
    private static final Set<Path> LOADED = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final int maxEntries;

    public BuildCache(Path dir, int maxEntries) {
        if (maxEntries < 1) {
            throw new BridgeException("build cache must keep at least one entry, got " + maxEntries);
        }
        this.dir = dir.toAbsolutePath().normalize();
        this.maxEntries = maxEntries;
    }

    /** The cache named by {@value #PROPERTY} / {@value #ENV}, else {@code target/cosim-cache} under the
     *  working directory. */
    public static BuildCache fromEnvironment() {
        String d = System.getProperty(PROPERTY);
        if (d == null || d.isBlank()) {
            d = System.getenv(ENV);
        }
        Path dir = d == null || d.isBlank() ? Path.of("target", "cosim-cache") : Path.of(d);
        String max = System.getProperty(MAX_PROPERTY, "16");
        try {
            return new BuildCache(dir, Integer.parseInt(max.trim()));
        } catch (NumberFormatException e) {
            throw new BridgeException("-D" + MAX_PROPERTY + "=" + max + " is not a number");
        }
    }

    public Path dir() {
        return dir;
    }

    public int maxEntries() {
        return maxEntries;
    }

    Path entry(String hash) {
        return dir.resolve(hash);
    }

    /** Runs {@code action} holding both the in-process and the cross-process lock. */
    <T> T locked(IoSupplier<T> action) throws IOException {
        FileChannel opened;
        try {
            Files.createDirectories(dir);
            opened = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            throw new FixableException("the build cache " + dir + " cannot be used: " + describe(e) + "; point -D"
                    + PROPERTY + " or $" + ENV + " at a folder you can write");
        }
        IN_PROCESS.lock();
        try (FileChannel ch = opened) {
            FileLock lock = ch.lock();  // released when the channel closes
            try {
                return action.get();
            } finally {
                lock.release();
            }
        } finally {
            IN_PROCESS.unlock();
        }
    }

    /**
     * Removes what killed builds left: every build folder under {@code .tmp/} and every entry folder without its
     * manifest (a removal cut short). Call only under {@link #locked}: all builds run under the lock, so nothing
     * found here is still being written.
     */
    void cleanHalfBuilt() throws IOException {
        Path tmp = dir.resolve(".tmp");
        if (Files.isDirectory(tmp)) {
            try (Stream<Path> s = Files.list(tmp)) {
                for (Path p : s.toList()) {
                    deleteTree(p);
                }
            }
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                if (p.getFileName().toString().matches("[0-9a-f]{64}") && Files.isDirectory(p)
                        && !Files.isRegularFile(p.resolve("manifest.json"))) {
                    deleteTree(p);
                }
            }
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException || e instanceof java.nio.file.NotDirectoryException) {
            return "a file is in the way where a folder is needed";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException f) {
            return "cannot create " + f.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    /** A fresh private folder for one build. */
    Path newTempDir(String hash) throws IOException {
        Path tmp = dir.resolve(".tmp");
        Files.createDirectories(tmp);
        return Files.createTempDirectory(tmp, hash.substring(0, 16) + "-");
    }

    /** Publishes the prepared folder {@code staged} as the entry for {@code hash} (atomic rename). */
    void publish(Path staged, String hash) throws IOException {
        Path target = entry(hash);
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            throw new BridgeException("cache entry " + target + " appeared during the build; remove it and retry");
        } catch (AtomicMoveNotSupportedException e) {
            throw new BridgeException("the build cache " + dir + " needs a file system with atomic rename", e);
        }
    }

    /** Marks an entry as used now (for least-recently-used eviction) and as loaded by this process. */
    void touch(String hash, Path library) {
        LOADED.add(library.toAbsolutePath().normalize());
        try {
            Path stamp = entry(hash).resolve("last-used");
            if (!Files.exists(stamp)) {
                Files.createFile(stamp);
            }
            Files.setLastModifiedTime(stamp, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (java.nio.file.NoSuchFileException e) {
            // another process evicted the entry after we loaded it: our mapping stays valid, nothing to stamp
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stamp cache entry " + hash, e);
        }
    }

    /** Removes an entry (corrupt library); a library loaded by this process keeps its mapping. */
    void remove(String hash) throws IOException {
        deleteTree(entry(hash));
    }

    /** Evicts least-recently-used entries beyond {@link #maxEntries()}. */
    void evict() throws IOException {
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> Files.isRegularFile(p.resolve("manifest.json"))).forEach(entries::add);
        }
        if (entries.size() <= maxEntries) {
            return;
        }
        entries.sort(Comparator.comparingLong(BuildCache::lastUsed));
        int excess = entries.size() - maxEntries;
        for (Path e : entries) {
            if (excess == 0) {
                break;
            }
            boolean loadedHere;
            try (Stream<Path> files = Files.list(e)) {
                loadedHere = files.anyMatch(f -> LOADED.contains(f.toAbsolutePath().normalize()));
            }
            if (!loadedHere) {
                deleteTree(e);
                excess--;
            }
        }
    }

    private static long lastUsed(Path entry) {
        try {
            Path stamp = entry.resolve("last-used");
            return Files.getLastModifiedTime(Files.exists(stamp) ? stamp : entry.resolve("manifest.json")).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    @FunctionalInterface
    interface IoSupplier<T> {
        T get() throws IOException;
    }
}
