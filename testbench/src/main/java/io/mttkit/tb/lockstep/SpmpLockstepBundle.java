package io.mttkit.tb.lockstep;

import io.mttkit.tb.report.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * The repro bundle of an SPMP lockstep mismatch: {@code lockstep-<config>-N.tar.gz} holding {@code report.txt} (the
 * report as printed), {@code parameters.txt} (the RTL's and the hart's parameters and the seed of the stalls) and
 * {@code operations.txt} (every operation made on the RTL since reset, in order: CSR writes with their read-backs,
 * accesses with both answers; the failing one last), and beside it the operations as {@code <name>.stream.txt}. The
 * hart's run is deterministic, so the same program and command reproduce the mismatch; the operations say what the
 * RTL saw without a rerun.
 */
final class SpmpLockstepBundle {
    private SpmpLockstepBundle() {
    }

    static Path write(Path dir, String configName, String parameters, String report, List<String> operations,
                      long dropped) throws IOException {
        Files.createDirectories(dir);
        Path file = freeName(dir, "lockstep-" + configName.replaceAll("[^A-Za-z0-9_.-]", "_"));
        StringBuilder ops = new StringBuilder("# operations on mtt_spmp_checker since reset, in order");
        ops.append(dropped > 0 ? " (the first " + dropped + " dropped)" : "").append('\n');
        for (String o : operations) {
            ops.append(o).append('\n');
        }
        byte[] opsBytes = ops.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, fo -> {
            try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(fo);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
                put(tar, "report.txt", report.getBytes(StandardCharsets.UTF_8));
                put(tar, "parameters.txt", parameters.getBytes(StandardCharsets.UTF_8));
                put(tar, "operations.txt", opsBytes);
                tar.finish();
            }
        });
        AtomicFiles.writeBytes(streamFile(file), opsBytes);
        return file;
    }

    /** The text file beside a bundle. */
    static Path streamFile(Path bundle) {
        return LockstepBundle.streamFile(bundle);
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
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
