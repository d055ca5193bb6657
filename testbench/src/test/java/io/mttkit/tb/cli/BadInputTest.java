package io.mttkit.tb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command with malformed arguments and files: one clear line naming the problem, exit code 2, no
 * stack trace.
 */
class BadInputTest {
    @TempDir
    static Path dir;

    static Path goodRegions;
    static Path image;

    @BeforeAll
    static void files() throws IOException {
        goodRegions = dir.resolve("good.json");
        Files.writeString(goodRegions, "[{\"base\": \"0x80000000\", \"size\": \"0x1000\", \"xwr\": \"rw\"}]");
        image = dir.resolve("img.bin");
        Files.write(image, new byte[4096]);
        write("notjson.json", "{ this is not json");
        write("object.json", "{\"foo\": 1}");
        write("overlap.json", "[{\"base\": \"0x80000000\", \"size\": \"0x2000\", \"xwr\": \"rw\"},"
                + " {\"base\": \"0x80001000\", \"size\": \"0x1000\", \"xwr\": \"r\"}]");
        write("misaligned.json", "[{\"base\": \"0x80000800\", \"size\": \"0x1000\", \"xwr\": \"rw\"}]");
        write("badperm.json", "[{\"base\": \"0x80000000\", \"size\": \"0x1000\", \"xwr\": \"rwz\"}]");
        write("wonly.json", "[{\"base\": \"0x80000000\", \"size\": \"0x1000\", \"xwr\": \"w\"}]");
        write("badfield.json", "[{\"base\": \"0x80000000\", \"size\": \"0x1000\", \"xwr\": \"rw\", \"colour\": 1}]");
        write("badnum.json", "[{\"base\": \"0xZZ\", \"size\": \"0x1000\", \"xwr\": \"rw\"}]");
        write("notelf.elf", "#!/bin/sh\necho this is not an ELF file\n");
        byte[] truncated = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
        Files.write(dir.resolve("truncated.elf"), truncated);
        write("dupkey.json", "[{\"base\": \"0x80000000\", \"size\": \"0x1000\", \"xwr\": \"rw\", \"xwr\": \"rwx\"}]");
        write("trailing.json", "[{\"base\": \"0x80000000\", \"size\": \"0x1000\", \"xwr\": \"rw\"}] []");
        write("dupcoverage.json", "{\"format\": \"x\", \"format\": \"y\"}");
        Files.write(dir.resolve("latin1.json"), new byte[] {'[', '"', (byte) 0xe9, '"', ']'});
        Files.createDirectories(dir.resolve("afolder"));
        write("toowide.json", "[{\"base\": \"0x400000000\", \"size\": \"0x1000\", \"xwr\": \"rw\"}]");
    }

    private static void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    static Stream<Arguments> cases() {
        String img = image + "@0x80000000";
        String out = dir.resolve("out.bin").toString();
        List<Arguments> c = new ArrayList<>();
        // global
        c.add(Arguments.of("unknown command", new String[] {"frobnicate"}, "frobnicate"));
        c.add(Arguments.of("unknown option", new String[] {"check", "--bogus"}, "--bogus"));
        // check
        c.add(Arguments.of("check: nothing to do", new String[] {"check"}, "nothing to check"));
        c.add(Arguments.of("check: image without base", new String[] {"check", "--image", image.toString(), "--pa", "1"}, "FILE@BASE"));
        c.add(Arguments.of("check: image missing", new String[] {"check", "--image", "/no/such@0x0", "--pa", "1"}, "not found"));
        c.add(Arguments.of("check: bad image base", new String[] {"check", "--image", image + "@0xq", "--pa", "1"}, "not a number"));
        c.add(Arguments.of("check: overlapping images", new String[] {"check", "--image", img, "--image", img, "--pa", "1"}, "overlap"));
        c.add(Arguments.of("check: paw too small", new String[] {"check", "--paw", "5", "--pa", "1"}, "--paw"));
        c.add(Arguments.of("check: paw not a number", new String[] {"check", "--paw", "many", "--pa", "1"}, "--paw"));
        c.add(Arguments.of("check: bad scope", new String[] {"check", "--rsvd-tuple-scope", "some", "--pa", "1", "--mode", "bare"}, "rsvd-tuple-scope"));
        c.add(Arguments.of("check: unknown mode", new String[] {"check", "--mode", "smmpt99", "--root-ppn", "1", "--pa", "1"}, "unknown mode"));
        c.add(Arguments.of("check: format/mode clash", new String[] {"check", "--format", "smmtt-v0.1", "--mode", "smmpt43", "--root-ppn", "1", "--pa", "1"}, "belongs to format"));
        c.add(Arguments.of("check: unknown format", new String[] {"check", "--format", "v2", "--mode", "smmpt43", "--root-ppn", "1", "--pa", "1"}, "unknown table format"));
        c.add(Arguments.of("check: missing root", new String[] {"check", "--mode", "smmpt43", "--pa", "1"}, "--root-ppn"));
        c.add(Arguments.of("check: bad pa", new String[] {"check", "--mode", "smmpt43", "--root-ppn", "1", "--pa", "0x"}, "--pa"));
        c.add(Arguments.of("check: negative pa", new String[] {"check", "--mode", "smmpt43", "--root-ppn", "1", "--pa", "-4"}, "negative"));
        c.add(Arguments.of("check: pa over 64 bits", new String[] {"check", "--mode", "smmpt43", "--root-ppn", "1", "--pa", "0x10000000000000000"}, "--pa"));
        c.add(Arguments.of("check: bad need", new String[] {"check", "--mode", "smmpt43", "--root-ppn", "1", "--pa", "1", "--need", "rwq"}, "--need"));
        c.add(Arguments.of("check: need twice", new String[] {"check", "--mode", "smmpt43", "--root-ppn", "1", "--pa", "1", "--need", "rr"}, "twice"));
        c.add(Arguments.of("check: sdid too big", new String[] {"check", "--mode", "smmpt43", "--root-ppn", "1", "--pa", "1", "--sdid", "64"}, "--sdid"));
        c.add(Arguments.of("check: root ppn too wide", new String[] {"check", "--mode", "smmpt34", "--root-ppn", "0x400000", "--pa", "1"}, "22-bit"));
        c.add(Arguments.of("check: rv32 pa too wide", new String[] {"check", "--mode", "smmtt34", "--root-ppn", "1", "--pa", "0x400000000"}, "34-bit"));
        c.add(Arguments.of("check: batch missing", new String[] {"check", "--batch", "/no/such.jsonl"}, "not found"));
        c.add(Arguments.of("check: batch and single", new String[] {"check", "--batch", "x", "--pa", "1"}, "not both"));
        // tables
        c.add(Arguments.of("tables: no options", new String[] {"tables"}, "Missing required"));
        c.add(Arguments.of("tables: regions missing", new String[] {"tables", "--regions", "/no/such.json", "--mode", "smmpt43", "--base", "0x80400000", "--out", out}, "not found"));
        c.add(Arguments.of("tables: invalid JSON", new String[] {"tables", "--regions", dir.resolve("notjson.json").toString(), "--mode", "smmpt43", "--base", "0x0", "--out", out}, "invalid JSON"));
        c.add(Arguments.of("tables: not an array", new String[] {"tables", "--regions", dir.resolve("object.json").toString(), "--mode", "smmpt43", "--base", "0x0", "--out", out}, "expected a JSON array"));
        c.add(Arguments.of("tables: overlap", new String[] {"tables", "--regions", dir.resolve("overlap.json").toString(), "--mode", "smmpt43", "--base", "0x0", "--out", out}, "overlap"));
        c.add(Arguments.of("tables: misaligned", new String[] {"tables", "--regions", dir.resolve("misaligned.json").toString(), "--mode", "smmpt43", "--base", "0x0", "--out", out}, "0x80000800"));
        c.add(Arguments.of("tables: bad permission letters", new String[] {"tables", "--regions", dir.resolve("badperm.json").toString(), "--mode", "smmpt43", "--base", "0x0", "--out", out}, "rwz"));
        c.add(Arguments.of("tables: W without R", new String[] {"tables", "--regions", dir.resolve("wonly.json").toString(), "--mode", "smmpt43", "--base", "0x0", "--out", out}, "region"));
        c.add(Arguments.of("tables: unknown field", new String[] {"tables", "--regions", dir.resolve("badfield.json").toString(), "--mode", "smmpt43", "--base", "0x0", "--out", out}, "colour"));
        c.add(Arguments.of("tables: bad number", new String[] {"tables", "--regions", dir.resolve("badnum.json").toString(), "--mode", "smmpt43", "--base", "0x0", "--out", out}, "base"));
        c.add(Arguments.of("tables: beyond 34 bits", new String[] {"tables", "--regions", dir.resolve("toowide.json").toString(), "--mode", "smmpt34", "--base", "0x80000000", "--out", out}, "region"));
        c.add(Arguments.of("tables: bare mode", new String[] {"tables", "--regions", goodRegions.toString(), "--mode", "bare", "--base", "0x0", "--out", out}, "bare"));
        c.add(Arguments.of("tables: unaligned base", new String[] {"tables", "--regions", goodRegions.toString(), "--mode", "smmpt43", "--base", "0x123", "--out", out}, "0x123"));
        c.add(Arguments.of("tables: out folder missing", new String[] {"tables", "--regions", goodRegions.toString(), "--mode", "smmpt43", "--base", "0x90000000", "--out", "/no/such/dir/t.bin"}, "does not exist"));
        c.add(Arguments.of("tables: format clash", new String[] {"tables", "--regions", goodRegions.toString(), "--format", "smmtt-v0.1", "--mode", "smmpt43", "--base", "0x0", "--out", out}, "belongs to format"));
        // bench golden
        c.add(Arguments.of("bench golden: bad mode", new String[] {"bench", "golden", "--mode", "nope"}, "unknown mode"));
        c.add(Arguments.of("bench golden: bare", new String[] {"bench", "golden", "--mode", "bare"}, "bare"));
        c.add(Arguments.of("bench golden: seconds", new String[] {"bench", "golden", "--seconds", "0"}, "--seconds"));
        // gen
        c.add(Arguments.of("gen: unknown configuration", new String[] {"gen", "--config", "nope", "--out", out}, "nope"));
        c.add(Arguments.of("gen: nothing to do", new String[] {"gen"}, "--config"));
        c.add(Arguments.of("gen: --set without =", new String[] {"gen", "--config", "sample-fifo", "--set", "depth", "--out", out}, "KEY=VALUE"));
        c.add(Arguments.of("gen: unknown parameter", new String[] {"gen", "--config", "sample-fifo", "--set", "colour=3", "--out", out}, "colour"));
        c.add(Arguments.of("gen: out of range", new String[] {"gen", "--config", "sample-fifo", "--set", "depth=0", "--out", out}, "depth"));
        c.add(Arguments.of("gen: not a number", new String[] {"gen", "--config", "sample-fifo", "--set", "width=wide", "--out", out}, "width"));
        c.add(Arguments.of("gen: parameter twice", new String[] {"gen", "--config", "sample-fifo", "--set", "width=8", "--set", "width=9", "--out", out}, "twice"));
        c.add(Arguments.of("gen: out is a file", new String[] {"gen", "--config", "sample-fifo", "--out", image.toString()}, "not a folder"));
        c.add(Arguments.of("gen: describe unknown", new String[] {"gen", "--describe", "nope"}, "nope"));
        // run
        c.add(Arguments.of("run: missing file", new String[] {"run", "/no/such.elf"}, "not found"));
        c.add(Arguments.of("run: not an ELF", new String[] {"run", dir.resolve("notelf.elf").toString()}, "notelf.elf"));
        c.add(Arguments.of("run: truncated ELF", new String[] {"run", dir.resolve("truncated.elf").toString()}, "truncated.elf"));
        c.add(Arguments.of("run: no program", new String[] {"run"}, "PROGRAM.elf"));
        c.add(Arguments.of("run: bad instruction limit", new String[] {"run", image.toString(), "--max-instructions", "0"}, "--max-instructions"));
        c.add(Arguments.of("run: bad timeout", new String[] {"run", image.toString(), "--timeout", "-1"}, "--timeout"));
        // matrix
        c.add(Arguments.of("matrix: stride 0", new String[] {"matrix", "--stride", "0"}, "--stride"));
        c.add(Arguments.of("matrix: stride not a number", new String[] {"matrix", "--stride", "x"}, "--stride"));
        c.add(Arguments.of("matrix: --batch without --rtl", new String[] {"matrix", "--batch", "4"}, "--rtl"));
        c.add(Arguments.of("matrix: --config without --rtl", new String[] {"matrix", "--config", "rv64-smmpt"}, "--rtl"));
        c.add(Arguments.of("matrix: batch 0", new String[] {"matrix", "--rtl", "--batch", "0"}, "--batch"));
        c.add(Arguments.of("matrix: unknown configuration", new String[] {"matrix", "--rtl", "--config", "rv99-smmpt"},
                "rv99-smmpt"));
        c.add(Arguments.of("run: --batch without --rtl", new String[] {"run", image.toString(), "--batch", "8"}, "--rtl"));
        c.add(Arguments.of("run: batch too large", new String[] {"run", image.toString(), "--rtl", "--batch", "70000"},
                "--batch"));
        c.add(Arguments.of("regress: unknown configuration", new String[] {"regress", "--config", "rv99-smmpt"},
                "rv99-smmpt"));
        c.add(Arguments.of("regress: shard not K/N", new String[] {"regress", "--shard", "x"}, "K/N"));
        c.add(Arguments.of("regress: shard out of range", new String[] {"regress", "--shard", "3/3"}, "--shard"));
        c.add(Arguments.of("regress: jobs 0", new String[] {"regress", "--jobs", "0"}, "--jobs"));
        c.add(Arguments.of("regress: unknown --set key", new String[] {"regress", "--config", "checker-rv64", "--set",
                "leafWayz=2"}, "leafWayz"));
        c.add(Arguments.of("regress: cache geometry out of range", new String[] {"regress", "--config", "checker-rv64",
                "--set", "leafWays=3"}, "leafWays"));
        // regress
        c.add(Arguments.of("regress: unknown configuration", new String[] {"regress", "--config", "rv128"}, "rv128"));
        c.add(Arguments.of("regress: zero checks", new String[] {"regress", "--checks", "0"}, "--checks"));
        c.add(Arguments.of("regress: bad seed", new String[] {"regress", "--seed", "abc"}, "--seed"));
        c.add(Arguments.of("regress: parameter out of range", new String[] {"regress", "--set", "paw=99"}, "paw"));
        c.add(Arguments.of("regress: unknown parameter", new String[] {"regress", "--set", "ways=4"}, "ways"));
        c.add(Arguments.of("regress: rtl folder missing", new String[] {"regress", "--rtl", "/no/such/rtl"}, "not found"));
        c.add(Arguments.of("regress: rtl without manifest", new String[] {"regress", "--rtl", dir.toString()}, "checker.json"));
        // replay
        c.add(Arguments.of("replay: missing bundle", new String[] {"replay", "/no/such.tar.gz"}, "not found"));
        c.add(Arguments.of("replay: not a bundle", new String[] {"replay", dir.resolve("notjson.json").toString()}, "notjson.json"));
        c.add(Arguments.of("replay: truncated bundle", new String[] {"replay", dir.resolve("truncated.elf").toString()}, "truncated.elf"));
        c.add(Arguments.of("replay: waves with own RTL", new String[] {"replay", image.toString(), "--rtl", dir.toString(), "--waves"}, "--waves needs the generated checker"));
        c.add(Arguments.of("replay: own RTL folder missing", new String[] {"replay", image.toString(), "--rtl", "/no/such/rtl"}, "not found"));
        // merge
        c.add(Arguments.of("merge: missing file", new String[] {"merge", "/no/such.json"}, "not found"));
        c.add(Arguments.of("merge: invalid JSON", new String[] {"merge", dir.resolve("notjson.json").toString()}, "notjson.json"));
        c.add(Arguments.of("merge: not a coverage file", new String[] {"merge", dir.resolve("object.json").toString()}, "object.json"));
        // mutate
        c.add(Arguments.of("mutate: unknown configuration", new String[] {"mutate", "--config", "x"}, "--config"));
        c.add(Arguments.of("mutate: too few checks", new String[] {"mutate", "--checks", "5"}, "--checks"));
        c.add(Arguments.of("mutate: unknown mutant", new String[] {"mutate", "--only", "no-such-mutant"}, "no-such-mutant"));
        // bench cosim
        c.add(Arguments.of("bench cosim: unknown option", new String[] {"bench", "cosim", "--slow"}, "--slow"));
        // selftest
        c.add(Arguments.of("selftest: unknown option", new String[] {"selftest", "--fast"}, "--fast"));
        // a folder, a device or a non-UTF-8 file where a file belongs: said as such, not "not found" (category 8)
        String folder = dir.resolve("afolder").toString();
        c.add(Arguments.of("tables: regions is a folder", new String[] {"tables", "--regions", folder, "--mode", "smmpt43",
                "--base", "0x90000000", "--out", out}, "is a folder; give a file"));
        c.add(Arguments.of("tables: regions is a device", new String[] {"tables", "--regions", "/dev/null", "--mode", "smmpt43",
                "--base", "0x90000000", "--out", out}, "not a regular file"));
        c.add(Arguments.of("tables: regions not UTF-8", new String[] {"tables", "--regions", dir.resolve("latin1.json").toString(),
                "--mode", "smmpt43", "--base", "0x90000000", "--out", out}, "not UTF-8"));
        c.add(Arguments.of("check: image is a folder", new String[] {"check", "--image", folder + "@0x80000000", "--pa", "1"},
                "is a folder"));
        c.add(Arguments.of("check: batch is a folder", new String[] {"check", "--batch", folder}, "is a folder"));
        c.add(Arguments.of("run: program is a folder", new String[] {"run", folder}, "is a folder"));
        c.add(Arguments.of("replay: bundle is a folder", new String[] {"replay", folder}, "is a folder"));
        c.add(Arguments.of("replay: --rtl is a file", new String[] {"replay", image.toString(), "--rtl", image.toString()},
                "is a file; give a folder"));
        c.add(Arguments.of("regress: --rtl is a file", new String[] {"regress", "--rtl", image.toString()}, "is a file; give a folder"));
        c.add(Arguments.of("merge: a device", new String[] {"merge", "/dev/null"}, "not a regular file"));
        // the machine's errors are the user's to fix: exit 2 with what to do, never "internal error" (category 4)
        c.add(Arguments.of("regress: report folder is a file", new String[] {"regress", "--report", image.toString()},
                "is in the way"));
        c.add(Arguments.of("tables: --out /dev/full", new String[] {"tables", "--regions", goodRegions.toString(), "--mode",
                "smmpt43", "--base", "0x90000000", "--out", "/dev/full"}, "/dev/full"));
        c.add(Arguments.of("gen: --out below a file", new String[] {"gen", "--config", "sample-fifo", "--out",
                image + "/sub"}, "img.bin"));
        // strict JSON (issue #16, category 7): a key twice, content after the value
        c.add(Arguments.of("tables: a key twice", new String[] {"tables", "--regions", dir.resolve("dupkey.json").toString(),
                "--mode", "smmpt43", "--base", "0x90000000", "--out", out}, "Duplicate field 'xwr'"));
        c.add(Arguments.of("tables: content after the array", new String[] {"tables", "--regions",
                dir.resolve("trailing.json").toString(), "--mode", "smmpt43", "--base", "0x90000000", "--out", out}, "line 1"));
        c.add(Arguments.of("merge: a key twice in a coverage file", new String[] {"merge",
                dir.resolve("dupcoverage.json").toString()}, "Duplicate field 'format'"));
        // conflicting flags (issue #16, category 6) and outputs that would destroy an input (category 5)
        c.add(Arguments.of("regress: --long with --checks", new String[] {"regress", "--long", "--checks", "5"}, "contradict"));
        c.add(Arguments.of("regress: --rtl with --config", new String[] {"regress", "--rtl", dir.toString(), "--config",
                "rv64-smmpt"}, "contradict"));
        c.add(Arguments.of("regress: empty report folder", new String[] {"regress", "--report", ""}, "--report: the path is empty"));
        c.add(Arguments.of("gen: --shipped with --config", new String[] {"gen", "--shipped", "--config", "walker-rv64"}, "contradict"));
        c.add(Arguments.of("gen: --shipped with --set", new String[] {"gen", "--shipped", "--set", "paw=48"}, "contradict"));
        c.add(Arguments.of("mutate: an id twice", new String[] {"mutate", "--only", "cache-stale-fill,cache-stale-fill"}, "twice"));
        c.add(Arguments.of("tables: --out is the regions file", new String[] {"tables", "--regions", goodRegions.toString(),
                "--mode", "smmpt43", "--base", "0x90000000", "--out", goodRegions.toString()}, "destroy"));
        c.add(Arguments.of("merge: --out is an input", new String[] {"merge", dir.resolve("object.json").toString(), "--out",
                dir.resolve("object.json").toString()}, "destroy"));
        return c.stream();
    }

    /** An unknown --config is refused before mtt announces that it is generating and building it. */
    @org.junit.jupiter.api.Test
    void anUnknownConfigurationIsNotAnnouncedAsBeingBuilt() {
        CliRunner r = CliRunner.run("regress", "--config", "io-sdcl-rv64");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("io-sdcl-rv64") && r.err().contains("rv64-smmpt"), r.err());
        assertTrue(!r.out().contains("generating"), r.out());
    }

    /** An output naming an input is refused before anything is written: the input keeps its bytes. */
    @org.junit.jupiter.api.Test
    void anOutputThatIsAnInputLeavesTheInputAsItWas() throws IOException {
        String regionsBefore = Files.readString(goodRegions);
        Path shard = dir.resolve("object.json");
        String shardBefore = Files.readString(shard);
        assertEquals(2, CliRunner.run("tables", "--regions", goodRegions.toString(), "--mode", "smmpt43", "--base", "0x90000000",
                "--out", dir.resolve(".").resolve("good.json").toString()).exit()); // the same file, spelled differently
        assertEquals(2, CliRunner.run("merge", shard.toString(), "--out", shard.toString()).exit());
        assertEquals(regionsBefore, Files.readString(goodRegions));
        assertEquals(shardBefore, Files.readString(shard));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersWithOneClearLineAndExitCodeTwo(String name, String[] args, String mustMention) {
        CliRunner r = CliRunner.run(args);
        assertEquals(2, r.exit(), name + ": exit code; stderr=" + r.err());
        assertTrue(r.noStackTrace(), name + ": printed a stack trace:\n" + r.err());
        assertTrue(r.err().contains(mustMention), name + ": message should mention '" + mustMention + "' but was:\n" + r.err());
        String firstLine = r.err().strip().split("\n")[0];
        assertTrue(firstLine.startsWith("mtt"), name + ": first line should name the command: " + firstLine);
    }
}
