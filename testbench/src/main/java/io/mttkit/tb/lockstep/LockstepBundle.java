package io.mttkit.tb.lockstep;

import io.mttkit.tb.cosim.SessionSettings;
import io.mttkit.bridge.PmpRegion;
import io.mttkit.tb.cosim.CheckRequest;
import io.mttkit.tb.cosim.CheckerLibrary;
import io.mttkit.tb.cosim.Stimulus;
import io.mttkit.tb.repro.PhaseStream;
import io.mttkit.tb.repro.ReproBundle;
import io.mttkit.tb.repro.ReproBundleCodec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the failing batch of a lockstep run: a {@link ReproBundle} ({@code mtt replay}: the mirror memory as
 * the batch saw it, the PMP answers, the batch's stream — checks and fences in order —, the failing index and the
 * report) and, next to it, the same stream as text ({@code .stream.txt}) with each check's instruction context and
 * golden verdict.
 */
final class LockstepBundle {
    private LockstepBundle() {
    }

    /**
     * @param images        memory at the start of {@code replay}
     * @param replay        the stream the bundle replays (the session, or the failing batch)
     * @param failingIndex  index of the failing check among {@code replay}'s checks
     * @param batch         the failing batch (for the text file)
     * @param queued        its checks' contexts
     * @param indexInBatch  the failing check's index in the batch
     */
    static Path write(Path dir, String configName, CheckerLibrary lib, SessionSettings settings,
                      List<PmpRegion> pmp, List<ReproBundle.Image> images, PhaseStream replay, int failingIndex,
                      List<Stimulus> batch, List<PendingCheck> queued, int indexInBatch, String report)
            throws IOException {
        Files.createDirectories(dir);
        Path file = freeName(dir, "lockstep-" + configName.replaceAll("[^A-Za-z0-9_.-]", "_"));
        ReproBundle b = new ReproBundle(settings.seed(), lib.description(), settings, pmp,
                lib.library().built().hash(), 0, failingIndex, report, images, replay);
        ReproBundleCodec.write(b, file);
        Files.writeString(streamFile(file), streamText(batch, queued, indexInBatch), StandardCharsets.UTF_8);
        return file;
    }

    /** The text file beside a bundle. */
    static Path streamFile(Path bundle) {
        String n = bundle.getFileName().toString().replaceFirst("\\.tar\\.gz$", "");
        return bundle.resolveSibling(n + ".stream.txt");
    }

    private static String streamText(List<Stimulus> stream, List<PendingCheck> queued, int failingIndex) {
        StringBuilder sb = new StringBuilder("# lockstep batch in stream order; '>>' marks the failing check\n");
        int c = 0;
        for (Stimulus s : stream) {
            if (s instanceof CheckRequest) {
                PendingCheck q = queued.get(c);
                sb.append(c == failingIndex ? ">> " : "   ").append(String.format("check %d pc 0x%x %s-mode: %s -> %s%n",
                        c, q.pc, PendingCheck.privName(q.priv), q.accessText(), q.goldenVerdict()));
                c++;
            } else {
                sb.append("   ").append(s).append('\n');
            }
        }
        return sb.toString();
    }

    private static Path freeName(Path dir, String stem) {
        for (int i = 1; ; i++) {
            Path p = dir.resolve(stem + "-" + i + ".tar.gz");
            if (!Files.exists(p)) {
                return p;
            }
        }
    }
}
