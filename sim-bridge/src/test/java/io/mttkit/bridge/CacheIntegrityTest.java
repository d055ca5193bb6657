package io.mttkit.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cached library is checked (size and SHA-256 recorded at build time) before it is loaded, and rebuilt with a
 * one-line notice when the check fails; killed builds leave nothing behind (issue #16, category 1). Uses a fake
 * Verilator that "builds" a small file, so no compiler runs.
 */
class CacheIntegrityTest {

    /** A fake Verilator 5.006: parses anything into a one-port design, each build appends a line to {@code builds}. */
    static Path fakeVerilator(Path dir) throws IOException {
        Path p = dir.resolve("verilator");
        Files.writeString(p, """
                #!/bin/bash
                for a in "$@"; do [ "$a" = --version ] && { echo "Verilator 5.006 2023-01-22 rev fake"; exit 0; }; done
                xml=""; mdir=""; out=""; prev=""
                for a in "$@"; do
                  case "$prev" in --xml-output) xml="$a";; -Mdir) mdir="$a";; -o) out="$a";; esac
                  prev="$a"
                done
                if [ -n "$xml" ]; then
                  echo '<verilator_xml><netlist><module name="t"><var name="clk" dtype_id="1" dir="input"/></module><typetable><basicdtype id="1" name="logic"/></typetable></netlist></verilator_xml>' > "$xml"; exit 0
                fi
                echo build >> "%s"
                mkdir -p "$mdir"; printf 'default:\\n\\t@true\\n' > "$mdir/Vtop.mk"; : > "$mdir/Vtop_classes.mk"; head -c 5000 /dev/zero | tr '\\0' 'L' > "$mdir/$out"
                """.formatted(dir.resolve("builds")));
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private record Fixture(BuildDriver driver, BuildSpec spec, List<String> notices, Path builds) {
        int buildCount() throws IOException {
            return Files.exists(builds) ? Files.readAllLines(builds).size() : 0;
        }
    }

    private static Fixture fixture(Path tmp) throws IOException {
        Path v = tmp.resolve("t.v");
        Files.writeString(v, "module t(input wire clk); endmodule\n");
        List<String> notices = new ArrayList<>();
        BuildDriver d = new BuildDriver(new BuildCache(tmp.resolve("cache"), 4), VerilatorTool.at(fakeVerilator(tmp)))
                .onNotice(notices::add);
        return new Fixture(d, BuildSpec.generic(List.of(v), "t", Variant.FAST), notices, tmp.resolve("builds"));
    }

    @Test
    void theManifestRecordsTheLibrarysSizeAndHash(@TempDir Path tmp) throws IOException {
        Fixture f = fixture(tmp);
        BuiltLibrary b = f.driver().build(f.spec());
        String m = Files.readString(b.manifest());
        assertTrue(m.contains("\"librarySize\": \"5000\""), m);
        assertTrue(m.contains("\"librarySha256\": \"" + LibraryCheck.sha256(b.library()) + "\""), m);
        assertNull(LibraryCheck.verify(b.library(), b.manifest()));
        BuiltLibrary again = f.driver().build(f.spec());
        assertFalse(again.cold());
        assertEquals(1, f.buildCount());
        assertEquals(List.of(), f.notices());
    }

    @Test
    void aTruncatedLibraryIsRebuiltWithANotice(@TempDir Path tmp) throws IOException {
        Fixture f = fixture(tmp);
        BuiltLibrary b = f.driver().build(f.spec());
        Files.write(b.library(), new byte[100]);
        BuiltLibrary again = f.driver().build(f.spec());
        assertTrue(again.cold());
        assertEquals(2, f.buildCount());
        assertEquals(1, f.notices().size(), f.notices().toString());
        assertTrue(f.notices().get(0).contains("is truncated: 100 bytes, 5000 when it was built")
                && f.notices().get(0).contains("rebuilding"), f.notices().get(0));
        assertNotEquals(b.library(), again.library(), "a rebuilt library gets a new file name");
        assertFalse(Files.exists(b.library()));
        assertNull(LibraryCheck.verify(again.library(), again.manifest()));
    }

    @Test
    void aCorruptedLibraryOfTheSameSizeIsRebuilt(@TempDir Path tmp) throws IOException {
        Fixture f = fixture(tmp);
        BuiltLibrary b = f.driver().build(f.spec());
        byte[] bytes = Files.readAllBytes(b.library());
        bytes[2500] ^= 0x01;  // one bit flipped
        Files.write(b.library(), bytes);
        assertTrue(f.driver().build(f.spec()).cold());
        assertTrue(f.notices().get(0).contains("was changed after it was built"), f.notices().toString());
    }

    @Test
    void aReplacedOrEmptyLibraryIsRebuilt(@TempDir Path tmp) throws IOException {
        Fixture f = fixture(tmp);
        BuiltLibrary b = f.driver().build(f.spec());
        Files.copy(Path.of("/bin/true"), b.library(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        BuiltLibrary second = f.driver().build(f.spec());
        assertTrue(second.cold());
        Files.write(second.library(), new byte[0]);
        assertTrue(f.driver().build(f.spec()).cold());
        assertEquals(3, f.buildCount());
        assertEquals(2, f.notices().size(), f.notices().toString());
        assertTrue(f.notices().get(1).contains("is truncated: 0 bytes"), f.notices().toString());
    }

    @Test
    void aManifestWithoutTheRecordIsNotTrusted(@TempDir Path tmp) throws IOException {
        Fixture f = fixture(tmp);
        BuiltLibrary b = f.driver().build(f.spec());
        String m = Files.readString(b.manifest());
        Files.writeString(b.manifest(), m.replaceAll("\\s*\"librarySha256\": \"[0-9a-f]+\",", ""));
        assertTrue(f.driver().build(f.spec()).cold());
        assertTrue(f.notices().get(0).contains("has no recorded size and SHA-256"), f.notices().toString());
    }

    @Test
    void aMissingLibraryIsRebuilt(@TempDir Path tmp) throws IOException {
        Fixture f = fixture(tmp);
        BuiltLibrary b = f.driver().build(f.spec());
        Files.delete(b.library());
        assertTrue(f.driver().build(f.spec()).cold());
        assertTrue(f.notices().get(0).contains("is missing"), f.notices().toString());
    }

    @Test
    void halfBuiltFoldersAreCleanedUpByTheNextRun(@TempDir Path tmp) throws IOException {
        Fixture f = fixture(tmp);
        Path cache = f.driver().cache().dir();
        // what a build killed midway leaves: its private folder, and an entry whose removal was cut short
        Path killed = Files.createDirectories(cache.resolve(".tmp").resolve("0123456789abcdef-42").resolve("obj"));
        Files.writeString(killed.resolve("Vtop.o"), "half");
        Path cutShort = Files.createDirectories(cache.resolve("ab".repeat(32)));
        Files.writeString(cutShort.resolve("libx.so"), "x");
        Path keep = Files.createDirectories(cache.resolve("rtl"));  // not the cache's to remove
        f.driver().build(f.spec());
        try (var s = Files.list(cache.resolve(".tmp"))) {
            assertEquals(List.of(), s.toList());
        }
        assertFalse(Files.exists(cutShort));
        assertTrue(Files.isDirectory(keep));
    }

    @Test
    void aToolThatOverrunsItsTimeLimitIsKilledWithItsChildren(@TempDir Path tmp) throws Exception {
        Path pids = tmp.resolve("pids");
        Path tool = tmp.resolve("slow-tool");
        // a "compiler driver" that starts a child and a grandchild, records their pids, and waits
        Files.writeString(tool, "#!/bin/bash\n(sleep 300 & echo $! >> " + pids + "; wait) &\necho $! >> " + pids
                + "\nsleep 300\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        BridgeException e = assertThrows(BridgeException.class,
                () -> Processes.run(List.of(tool.toString()), tmp, 2, tmp.resolve("log")));
        assertTrue(e.getMessage().contains("did not finish within 2 s"), e.getMessage());
        List<Long> started = Files.readAllLines(pids, StandardCharsets.UTF_8).stream().map(Long::parseLong).toList();
        assertEquals(2, started.size());
        for (long pid : started) {
            waitGone(pid);
        }
    }

    /** Waits (bounded) until {@code pid} has exited; SIGKILL is asynchronous. */
    static void waitGone(long pid) throws InterruptedException {
        for (int i = 0; i < 100 && alive(pid); i++) {
            Thread.sleep(100);
        }
        assertFalse(alive(pid), "process " + pid + " still running");
    }

    static boolean alive(long pid) {
        // a zombie has exited: only its parent's wait is missing
        return ProcessHandle.of(pid).isPresent() && !isZombie(pid);
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }
}
