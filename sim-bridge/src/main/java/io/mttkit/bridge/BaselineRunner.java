package io.mttkit.bridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone C++ runner (benchmark mode M0): compiled once per (source, compiler) into the build cache,
 * it loads the same library the JVM uses and calls the same {@code mttb_run} on a {@link StimulusFile}.
 */
public final class BaselineRunner {
    /** One timed repetition as the runner reports it. */
    public record Result(long cycles, long checks, long events, long calls, long nanos, long digest) {
    }

    private static final Pattern LINE = Pattern.compile(
            "rep=\\d+ cycles=(\\d+) checks=(\\d+) events=(\\d+) calls=(\\d+) ns=(\\d+) digest=([0-9a-f]+)");

    private final Path executable;

    private BaselineRunner(Path executable) {
        this.executable = executable;
    }

    public Path executable() {
        return executable;
    }

    /** Builds (or finds) the runner in {@code cache}. */
    public static BaselineRunner build(BuildCache cache, String compilerVersion) {
        String source = BuildDriver.resource(BuildDriver.CPP_RESOURCES + "mttb_runner.cpp");
        String abi = BuildDriver.resource(BuildDriver.CPP_RESOURCES + "mttb_abi.h");
        String hash;
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(source.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update(abi.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update(compilerVersion.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            hash = HexFormat.of().formatHex(md.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try {
            Path exe = cache.locked("runner-" + hash, () -> {
                Path dir = cache.dir().resolve("runner-" + hash);
                Path bin = dir.resolve("mttb_runner");
                if (Files.isExecutable(bin)) {
                    return bin;
                }
                Path tmp = cache.newTempDir("runner-" + hash);
                try {
                    Files.writeString(tmp.resolve("mttb_runner.cpp"), source);
                    Files.writeString(tmp.resolve("mttb_abi.h"), abi);
                    Path staged = Files.createDirectories(tmp.resolve("publish"));
                    String cxx = System.getenv().getOrDefault("CXX", "g++");
                    Processes.Result r = Processes.run(List.of(cxx, "-O2", "-std=c++17", "-o",
                            staged.resolve("mttb_runner").toString(), tmp.resolve("mttb_runner.cpp").toString(), "-ldl"),
                            tmp, 600, tmp.resolve("build.log"));
                    if (r.exitCode() != 0) {
                        throw new BuildException("compiling the baseline runner failed:\n" + Processes.tail(r.output(), 25), null);
                    }
                    Files.move(staged, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    BuildCache.deleteTree(tmp);
                }
                return bin;
            });
            return new BaselineRunner(exe);
        } catch (IOException e) {
            throw new UncheckedIOException("building the baseline runner in " + cache.dir(), e);
        }
    }

    /** Runs {@code repetitions} timed repetitions of {@code stimulus} on {@code library}. */
    public List<Result> run(BuiltLibrary library, Path stimulus, int repetitions) {
        try {
            Processes.Result r = Processes.run(List.of(executable.toString(), library.library().toString(), library.hash(),
                    stimulus.toAbsolutePath().toString(), Integer.toString(repetitions)), null, 3600);
            if (r.exitCode() != 0) {
                throw new BridgeException("baseline runner failed (exit " + r.exitCode() + "): "
                        + Processes.tail(r.output().strip(), 10));
            }
            List<Result> out = new ArrayList<>();
            Matcher m = LINE.matcher(r.output());
            while (m.find()) {
                out.add(new Result(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                        Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), Long.parseUnsignedLong(m.group(6), 16)));
            }
            if (out.size() != repetitions) {
                throw new BridgeException("baseline runner printed " + out.size() + " results, expected " + repetitions
                        + ": " + Processes.tail(r.output(), 10));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("running " + executable, e);
        }
    }
}
