package io.mttkit.tb.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs are replaced whole or not at all: a writer failing half-way leaves the old file and no litter. */
class AtomicFilesTest {

    private static List<String> names(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailingWriterLeavesTheOldFileAndNoTemporary(@TempDir Path dir) throws IOException {
        Path report = dir.resolve("report.json");
        AtomicFiles.writeString(report, "{\"old\": true}");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(report, out -> {
            out.write("{\"new\": ".getBytes());
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", e.getMessage());
        assertEquals("{\"old\": true}", Files.readString(report));
        assertEquals(List.of("report.json"), names(dir));
    }

    @Test
    void aSuccessfulWriteReplacesTheFileWhole(@TempDir Path dir) throws IOException {
        Path image = dir.resolve("t.bin");
        AtomicFiles.writeBytes(image, new byte[] {1, 2, 3});
        AtomicFiles.writeBytes(image, new byte[] {9});
        assertEquals(1, Files.size(image));
        assertEquals(List.of("t.bin"), names(dir));
    }

    @Test
    void aDeviceOrAFolderIsNeverReplaced(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("report.json"));
        assertThrows(java.nio.file.FileSystemException.class, () -> AtomicFiles.writeString(folder, "x"));
        assertTrue(Files.isDirectory(folder));
        Path devNull = Path.of("/dev/null");
        if (Files.exists(devNull) && !Files.isRegularFile(devNull)) {
            assertThrows(java.nio.file.FileSystemException.class, () -> AtomicFiles.writeString(devNull, "x"));
            assertTrue(!Files.isRegularFile(devNull), "/dev/null was replaced by a file");
        }
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsFileIsReplaced(@TempDir Path dir) throws IOException {
        Path real = dir.resolve("real.bin");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.bin"), real);
        AtomicFiles.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void aMissingFolderIsAnErrorNotAFileElsewhere(@TempDir Path dir) {
        assertThrows(IOException.class, () -> AtomicFiles.writeString(dir.resolve("no/such/report.json"), "x"));
    }
}
