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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The on-disk build cache: {@code <dir>/<hash>/} holds {@code lib<hash>.so}, {@code manifest.json},
 * {@code build.log} and a {@code last-used} stamp. One cache per user by default ({@link #defaultDir}), so that
 * {@code mtt} run from any folder reuses every build. Builds of one hash happen in {@code <dir>/.tmp/} under that
 * hash's cross-process file lock ({@code <dir>/.locks/<hash>.lock}) and are published by one atomic rename, so a
 * reader never sees a half-written entry and builds of different designs run side by side. Removal renames an
 * entry into {@code <dir>/.trash/} (atomic) before deleting it. Least-recently-used entries beyond
 * {@link #maxEntries()} are evicted after each publish, under the cache-wide lock {@code <dir>/.lock}, skipping
 * entries whose lock another build holds; entries loaded by this process are never evicted by it.
 */
public final class BuildCache {
    /** System property naming the cache directory. */
    public static final String PROPERTY = "mttkit.build.cache";
    /** Environment variable naming the cache directory. */
    public static final String ENV = "MTTKIT_BUILD_CACHE";
    /** System property: most entries kept (default 16). */
    public static final String MAX_PROPERTY = "mttkit.build.cache.max";
    /** The XDG base-directory variable for per-user caches. */
    public static final String XDG_ENV = "XDG_CACHE_HOME";

    /** In-process locks, one per lock file (a JVM may not hold two file locks on one file). */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
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

    /**
     * The cache named by {@value #PROPERTY}, else by {@value #ENV}, else the per-user {@link #defaultDir}.
     */
    public static BuildCache fromEnvironment() {
        Path dir = resolveDir(System.getProperty(PROPERTY), System.getenv(), System.getProperty("user.home"));
        String max = System.getProperty(MAX_PROPERTY, "16");
        try {
            return new BuildCache(dir, Integer.parseInt(max.trim()));
        } catch (NumberFormatException e) {
            throw new BridgeException("-D" + MAX_PROPERTY + "=" + max + " is not a number");
        }
    }

    /**
     * Where the cache lives: {@code property} ({@value #PROPERTY}) when set, else {@code env}'s {@value #ENV}, else
     * {@link #defaultDir}.
     */
    static Path resolveDir(String property, Map<String, String> env, String userHome) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String e = env.get(ENV);
        if (e != null && !e.isBlank()) {
            return Path.of(e);
        }
        return defaultDir(env, userHome);
    }

    /**
     * The per-user cache: {@code $XDG_CACHE_HOME/mttkit/verilator} when {@value #XDG_ENV} is an absolute path (the
     * XDG base-directory spec ignores a relative one), else {@code ~/.cache/mttkit/verilator}.
     *
     * @throws FixableException when neither is known
     */
    static Path defaultDir(Map<String, String> env, String userHome) {
        String xdg = env.get(XDG_ENV);
        Path base;
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            base = Path.of(xdg);
        } else if (userHome != null && !userHome.isBlank() && !userHome.equals("?")) {
            base = Path.of(userHome, ".cache");
        } else {
            throw new FixableException("no per-user folder for the Verilator build cache: neither $" + XDG_ENV
                    + " nor a home folder is set; point -D" + PROPERTY + " or $" + ENV + " at a folder you can write");
        }
        return base.resolve("mttkit").resolve("verilator");
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

    /** Runs {@code action} holding the cache-wide lock ({@code <dir>/.lock}), in-process and cross-process. */
    <T> T locked(IoSupplier<T> action) throws IOException {
        return withLock(dir.resolve(".lock"), action);
    }

    /**
     * Runs {@code action} holding the lock of one key (a build hash): builds of other keys go on meanwhile, builds
     * of the same key wait and then find the entry published.
     */
    <T> T locked(String key, IoSupplier<T> action) throws IOException {
        return withLock(dir.resolve(".locks").resolve(key + ".lock"), action);
    }

    private <T> T withLock(Path lockFile, IoSupplier<T> action) throws IOException {
        FileChannel opened;
        try {
            Files.createDirectories(lockFile.getParent());
            opened = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            throw new FixableException("the build cache " + dir + " cannot be used: " + describe(e) + "; point -D"
                    + PROPERTY + " or $" + ENV + " at a folder you can write");
        }
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        inProcess.lock();
        try (FileChannel ch = opened) {
            FileLock lock = ch.lock();  // released when the channel closes
            try {
                return action.get();
            } finally {
                lock.release();
            }
        } finally {
            inProcess.unlock();
        }
    }

    /** True when some build (of this or another process) holds the lock of {@code key} right now. */
    private boolean keyBusy(String key) {
        Path lockFile = dir.resolve(".locks").resolve(key + ".lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        if (!inProcess.tryLock()) {
            return true;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            return true;
        } finally {
            inProcess.unlock();
        }
    }

    /**
     * Removes what killed builds of {@code key} left: its build folders under {@code .tmp/} and its entry folder when
     * it has no manifest (a removal cut short). Call only under {@link #locked(String, IoSupplier)} of {@code key}:
     * every build of the key runs under that lock, so nothing found here is still being written.
     */
    void cleanHalfBuilt(String key) throws IOException {
        Path tmp = dir.resolve(".tmp");
        String prefix = tempPrefix(key);
        if (Files.isDirectory(tmp)) {
            try (Stream<Path> s = Files.list(tmp)) {
                for (Path p : s.toList()) {
                    if (p.getFileName().toString().startsWith(prefix)) {
                        deleteTree(p);
                    }
                }
            }
        }
        Path entry = entry(key);
        if (Files.isDirectory(entry) && !Files.isRegularFile(entry.resolve("manifest.json"))) {
            discard(entry);
        }
    }

    private static String tempPrefix(String key) {
        return key + "-";
    }

    /**
     * Removes what killed builds of any key left (build folders under {@code .tmp/}, entry folders without a
     * manifest), skipping every key whose lock a live build holds. Call under the cache-wide {@link #locked}.
     */
    void cleanAbandoned() throws IOException {
        Path tmp = dir.resolve(".tmp");
        if (Files.isDirectory(tmp)) {
            try (Stream<Path> s = Files.list(tmp)) {
                for (Path p : s.toList()) {
                    String name = p.getFileName().toString();
                    int dash = name.lastIndexOf('-');
                    if (dash > 0 && !keyBusy(name.substring(0, dash))) {
                        deleteQuietly(p);
                    }
                }
            }
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                if (name.matches("[0-9a-f]{64}") && Files.isDirectory(p)
                        && !Files.isRegularFile(p.resolve("manifest.json")) && !keyBusy(name)) {
                    discard(p);
                }
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            deleteTree(p);
        } catch (IOException e) {
            // its owner removes it at the same moment
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

    /** A fresh private folder for one build of {@code key}. */
    Path newTempDir(String key) throws IOException {
        Path tmp = dir.resolve(".tmp");
        Files.createDirectories(tmp);
        return Files.createTempDirectory(tmp, tempPrefix(key));
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
        discard(entry(hash));
    }

    /**
     * Deletes a folder of the cache so that nobody sees it half deleted: renamed into {@code .trash/} first (atomic),
     * then deleted there by this process alone.
     */
    private void discard(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        Path trash = Files.createDirectories(dir.resolve(".trash"));
        Path moved = trash.resolve(p.getFileName() + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.move(p, moved, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.NoSuchFileException gone) {
            return; // someone else removed it first
        }
        deleteTree(moved);
    }

    /**
     * Evicts least-recently-used entries beyond {@link #maxEntries()}, under the cache-wide lock; an entry loaded by
     * this process or whose build lock is held right now (another process checking or rebuilding it) is skipped.
     * Also empties what killed removals left in {@code .trash/} (older than ten minutes).
     */
    void evict() throws IOException {
        locked(() -> {
            evictUnlocked();
            return null;
        });
    }

    private void evictUnlocked() throws IOException {
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> Files.isRegularFile(p.resolve("manifest.json"))).forEach(entries::add);
        }
        Path trash = dir.resolve(".trash");
        if (Files.isDirectory(trash)) {
            long old = System.currentTimeMillis() - 600_000;
            try (Stream<Path> s = Files.list(trash)) {
                for (Path p : s.toList()) {
                    try {
                        if (Files.getLastModifiedTime(p).toMillis() < old) {
                            deleteTree(p);
                        }
                    } catch (IOException e) {
                        // another process is deleting it
                    }
                }
            }
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
            if (!loadedHere && !keyBusy(e.getFileName().toString())) {
                discard(e);
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
