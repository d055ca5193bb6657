package io.mttkit.tb.repro;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Repro bundles for tests outside this package (the CLI's bad-input suite): a valid one, and edited copies. */
public final class BundleFixtures {
    private BundleFixtures() {
    }

    /** {@link ReproBundleTest#sample()} written to {@code file}. */
    public static Path valid(Path file) throws IOException {
        ReproBundleCodec.write(ReproBundleTest.sample(), file);
        return file;
    }

    /** The valid bundle's entries changed by {@code edit} (entry name → bytes), written to {@code file}. */
    public static Path edited(Path file, Consumer<Map<String, byte[]>> edit) throws IOException {
        Path valid = valid(file.resolveSibling(file.getFileName() + ".valid.tar.gz"));
        Map<String, byte[]> e = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(valid);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry x;
            while ((x = tar.getNextTarEntry()) != null) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                tar.transferTo(b);
                e.put(x.getName(), b.toByteArray());
            }
        }
        Files.delete(valid);
        edit.accept(e);
        try (OutputStream fo = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(fo))) {
            for (Map.Entry<String, byte[]> x : e.entrySet()) {
                TarArchiveEntry te = new TarArchiveEntry(x.getKey());
                te.setSize(x.getValue().length);
                tar.putArchiveEntry(te);
                tar.write(x.getValue());
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    /** Edits the manifest's JSON (in place in {@code entries}). */
    public static void editManifest(Map<String, byte[]> entries, Consumer<ObjectNode> edit) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode m = (ObjectNode) json.readTree(entries.get("manifest.json"));
            edit.accept(m);
            entries.put("manifest.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
