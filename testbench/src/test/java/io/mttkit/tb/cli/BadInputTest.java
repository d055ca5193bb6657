package io.mttkit.tb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command with malformed arguments and files, and with a machine that is the user's to fix (Verilator missing,
 * too old or not Verilator, own RTL that does not build or disagrees with its manifest, a folder that cannot be
 * written): one clear message naming the problem, exit code 2, no stack trace, never "internal error", and nothing
 * changed outside the intended output (the test folder, the default report folder and the working folder are
 * compared before and after). Issue #16's examples are here; its faults from outside (a killed build, Ctrl-C, a full
 * disk, a damaged cache) are in {@code io.mttkit.tb.faults.FaultInjectionTest}.
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
        moreFiles();
    }

    static Path walker;

    /** The files of the cases added for issue #16 beyond its examples (see {@link #newCases()}). */
    private static void moreFiles() throws IOException {
        write("deep.json", "[".repeat(5000) + "]".repeat(5000));
        write("deepregion.json", "[{\"base\": \"0x80000000\", \"size\": \"0x1000\", \"xwr\": \"rw\", \"n\": "
                + "{\"a\": ".repeat(3000) + "1" + "}".repeat(3000) + "}]");
        write("topfield.json", "{\"regions\": [{\"base\": \"0x80000000\", \"size\": \"0x1000\", \"xwr\": \"rw\"}],\n"
                + "  \"colour\": 1}");
        write("empty.json", "");
        write("regionsobject.json", "{\"regions\": {}}");
        write("deepbatch.jsonl", "{\"pa\": " + "[".repeat(2000) + "]".repeat(2000) + "}\n");
        write("dupbatch.jsonl", "{\"mode\": \"bare\", \"pa\": \"0x1000\", \"pa\": \"0x2000\"}\n");
        // report folders as merge reads them
        report("rep-unknown", "{\"checker\": \"rv64-smmpt\",\n  \"colour\": 1}");
        report("rep-dup", "{\"checker\": \"a\", \"checker\": \"b\"}");
        report("rep-trailing", "{\"checker\": \"a\"} {}");
        report("rep-deep", "{\"checker\": " + "[".repeat(3000) + "]".repeat(3000) + "}");
        Files.createDirectories(dir.resolve("rep-latin1"));
        Files.write(dir.resolve("rep-latin1/report.json"), new byte[] {'{', '"', (byte) 0xe9, '"', ':', '1', '}'});
        write("coverage-unknown.json", "{\"format\": \"mttkit-coverage\", \"version\": 1, \"configuration\": \"x\","
                + " \"groups\": {},\n \"colour\": 1}");
        // repro bundles
        io.mttkit.tb.repro.BundleFixtures.edited(dir.resolve("bundle-unknown.tar.gz"),
                e -> io.mttkit.tb.repro.BundleFixtures.editManifest(e, m -> m.put("colour", 1)));
        io.mttkit.tb.repro.BundleFixtures.edited(dir.resolve("bundle-wrap.tar.gz"), e -> {
            e.put("memory/fffffffffffff000.bin", new byte[8192]); // 0xffff_ffff_ffff_f000 + 8 KiB wraps past 2^64
            io.mttkit.tb.repro.BundleFixtures.editManifest(e, m -> m.withArray("memory").addObject()
                    .put("base", "0xfffffffffffff000").put("size", 8192).put("entry", "memory/fffffffffffff000.bin"));
        });
        io.mttkit.tb.repro.BundleFixtures.valid(dir.resolve("bundle-valid.tar.gz"));
        io.mttkit.tb.repro.BundleFixtures.edited(dir.resolve("bundle-no-manifest.tar.gz"), e -> e.remove("manifest.json"));
        io.mttkit.tb.repro.BundleFixtures.edited(dir.resolve("bundle-unlisted.tar.gz"),
                e -> e.put("memory/0000000070000000.bin", new byte[16]));
        write("coverage-v9.json", "{\"format\": \"mttkit-coverage\", \"version\": 9, \"configuration\": \"x\","
                + " \"groups\": {}}");
        write("bundle-empty.tar.gz", "");
        // a checker folder (the generated cache-less RV64 walker) and broken copies of it
        walker = dir.resolve("rtl-walker");
        io.mttkit.gen.Configurations.generate("walker-rv64", Map.of(), walker);
        rtl("rtl-unknown-field", "checker.json", t -> t.replace("\"top\"", "\"colour\": 1,\n  \"top\""));
        rtl("rtl-dup-field", "checker.json", t -> t.replace("\"top\"", "\"xlen\": 32,\n  \"top\""));
        rtl("rtl-trailing", "checker.json", t -> t + "\n{}\n");
        rtl("rtl-deep", "checker.json", t -> t.replace("\"top\"", "\"x\": " + "[".repeat(3000) + "]".repeat(3000)
                + ",\n  \"top\""));
        rtl("rtl-missing-source", "checker.json", t -> t.replace("\"mtt_walker.v\"", "\"mtt_walkerr.v\""));
        rtl("rtl-no-top", "checker.json", t -> t.replace("\"top\": \"mtt_checker\"", "\"top\": \"mtt_nochecker\""));
        rtl("rtl-paw70", "checker.json", t -> t.replaceFirst("\"paw\": 56", "\"paw\": 70"));
        rtl("rtl-no-idwidth", "checker.json", t -> t.replaceFirst("\\s*\"idWidth\": 8,", ""));
        Path sourceFolder = copyRtl("rtl-source-folder");
        Files.delete(sourceFolder.resolve("mtt_walker.v"));
        Files.createDirectories(sourceFolder.resolve("mtt_walker.v"));
        rtl("rtl-id-width", "checker.json", t -> t.replaceFirst("\"idWidth\": 8", "\"idWidth\": 4"));
        rtl("rtl-syntax", "mtt_walker.v", t -> t.replaceFirst("endmodule\\s*$", "endmodul\n"));
        rtl("rtl-no-ready", "mtt_checker.v", t -> t.replaceAll("\\breq_ready\\b", "req_rdy"));
        rtl("rtl-pa32", "mtt_checker.v", t -> t.replace("input  wire [63:0] req_pa,", "input  wire [31:0] req_pa,"));
        rtl("rtl-cause2", "mtt_checker.v", t -> t.replace("output wire [3:0]  rsp_cause,", "output wire [1:0]  rsp_cause,"));
        Path latin = copyRtl("rtl-latin1");
        Files.write(latin.resolve("checker.json"), new byte[] {'{', '"', (byte) 0xe9, '"', ':', '1', '}'});
        Path folderManifest = copyRtl("rtl-manifest-folder");
        Files.delete(folderManifest.resolve("checker.json"));
        Files.createDirectories(folderManifest.resolve("checker.json"));
        // fake Verilators: too old, and not Verilator at all
        script("verilator-old", "echo 'Verilator 4.038 2020-07-11 rev v4.036-114-g0cd4a57ad'");
        script("verilator-other", "echo 'GNU Make 4.3'");
    }

    private static void report(String name, String json) throws IOException {
        Files.createDirectories(dir.resolve(name));
        Files.writeString(dir.resolve(name).resolve("report.json"), json);
    }

    private static Path copyRtl(String name) throws IOException {
        Path to = Files.createDirectories(dir.resolve(name));
        try (Stream<Path> s = Files.list(walker)) {
            for (Path f : s.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    /** A copy of the walker folder with {@code file} edited; the edit must change it. */
    private static void rtl(String name, String file, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path to = copyRtl(name);
        String before = Files.readString(to.resolve(file));
        String after = edit.apply(before);
        if (after.equals(before)) {
            throw new IllegalStateException(name + ": the edit of " + file + " changed nothing; the generator's output "
                    + "changed, adapt the fixture");
        }
        Files.writeString(to.resolve(file), after);
    }

    private static void script(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
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
        c.add(Arguments.of("regress: require-coverage on a shard", new String[] {"regress", "--require-coverage",
                "--shard", "0/2"}, "--require-coverage"));
        c.add(Arguments.of("regress: require-coverage on the SPMP", new String[] {"regress", "--require-coverage",
                "--config", "spmp-alone-rv64"}, "--require-coverage"));
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

    /**
     * Cases added for issue #16 beyond its examples and the earlier additions: each names the input, the exit code 2
     * and that nothing else changed ({@link #assertBadInput}).
     */
    static Stream<Arguments> newCases() {
        String out = dir.resolve("out.bin").toString();
        List<Arguments> c = new ArrayList<>();
        // category 4: very deeply nested JSON is bad input, not an internal error
        c.add(Arguments.of("tables: very deeply nested regions file", new String[] {"tables", "--regions",
                f("deep.json"), "--mode", "smmpt43", "--base", "0x90000000", "--out", out}, "nested too deeply"));
        c.add(Arguments.of("tables: very deeply nested value inside a region", new String[] {"tables", "--regions",
                f("deepregion.json"), "--mode", "smmpt43", "--base", "0x90000000", "--out", out}, "nested too deeply"));
        c.add(Arguments.of("check: a batch line nested too deeply", new String[] {"check", "--batch", f("deepbatch.jsonl")},
                "malformed"));
        c.add(Arguments.of("merge: a report.json nested too deeply", new String[] {"merge", f("rep-deep"), "--out", f("merged")},
                "nested too deeply"));
        c.add(Arguments.of("regress: a checker.json nested too deeply", new String[] {"regress", "--rtl", f("rtl-deep")},
                "nested too deeply"));
        // category 7: unknown top-level fields refused with the field and its line
        c.add(Arguments.of("tables: unknown top-level field in a regions object", new String[] {"tables", "--regions",
                f("topfield.json"), "--mode", "smmpt43", "--base", "0x90000000", "--out", out},
                "unknown field 'colour' at line 2"));
        c.add(Arguments.of("merge: unknown top-level field in report.json", new String[] {"merge", f("rep-unknown"), "--out", f("merged")},
                "unknown field 'colour' at line 2"));
        c.add(Arguments.of("merge: unknown top-level field in a coverage file", new String[] {"merge",
                f("coverage-unknown.json")}, "unknown field 'colour' at line 2"));
        c.add(Arguments.of("replay: unknown top-level field in a bundle manifest", new String[] {"replay",
                f("bundle-unknown.tar.gz")}, "unknown field 'colour'"));
        c.add(Arguments.of("regress: unknown top-level field in checker.json", new String[] {"regress", "--rtl",
                f("rtl-unknown-field")}, "unknown field 'colour' (line 2)"));
        // category 7: a repro bundle memory range that wraps past 2^64
        c.add(Arguments.of("replay: a memory image wrapping past 2^64", new String[] {"replay", f("bundle-wrap.tar.gz")},
                "runs past the top of the 64-bit address space"));
        // category 7: duplicate keys and trailing content in the remaining inputs
        c.add(Arguments.of("merge: a key twice in report.json", new String[] {"merge", f("rep-dup"), "--out", f("merged")},
                "Duplicate field 'checker'"));
        c.add(Arguments.of("merge: content after report.json's object", new String[] {"merge", f("rep-trailing"), "--out", f("merged")},
                "line 1"));
        c.add(Arguments.of("regress: a key twice in checker.json", new String[] {"regress", "--rtl", f("rtl-dup-field")},
                "duplicate field 'xlen'"));
        c.add(Arguments.of("regress: content after checker.json's object", new String[] {"regress", "--rtl",
                f("rtl-trailing")}, "checker.json"));
        c.add(Arguments.of("check: a key twice in a batch line", new String[] {"check", "--batch", f("dupbatch.jsonl")},
                "malformed"));
        // category 8: what a path is, said precisely
        c.add(Arguments.of("merge: report.json not UTF-8", new String[] {"merge", f("rep-latin1"), "--out", f("merged")}, "not UTF-8"));
        c.add(Arguments.of("regress: checker.json not UTF-8", new String[] {"regress", "--rtl", f("rtl-latin1")},
                "not UTF-8"));
        c.add(Arguments.of("regress: checker.json is a folder", new String[] {"regress", "--rtl", f("rtl-manifest-folder")},
                "checker.json"));
        c.add(Arguments.of("regress: a source named in checker.json is missing", new String[] {"regress", "--rtl",
                f("rtl-missing-source")}, "mtt_walkerr.v"));
        c.add(Arguments.of("replay: an empty bundle file", new String[] {"replay", f("bundle-empty.tar.gz")},
                "bundle-empty.tar.gz"));
        c.add(Arguments.of("tables: an empty regions file", new String[] {"tables", "--regions", f("empty.json"),
                "--mode", "smmpt43", "--base", "0x90000000", "--out", out}, "empty.json"));
        c.add(Arguments.of("tables: regions object without an array", new String[] {"tables", "--regions",
                f("regionsobject.json"), "--mode", "smmpt43", "--base", "0x90000000", "--out", out}, "expected a JSON array"));
        c.add(Arguments.of("check: batch is a device", new String[] {"check", "--batch", "/dev/zero"}, "not a regular file"));
        c.add(Arguments.of("run: program is a device", new String[] {"run", "/dev/zero"}, "/dev/zero"));
        c.add(Arguments.of("replay: bundle is a device", new String[] {"replay", "/dev/zero"}, "/dev/zero"));
        // category 4: report folders the machine refuses
        c.add(Arguments.of("regress: report folder is a device", new String[] {"regress", "--report", "/dev/null"},
                "is in the way"));
        c.add(Arguments.of("regress: report folder cannot be created", new String[] {"regress", "--report",
                "/proc/mtt-no-such-report"}, "cannot create the report folder"));
        c.add(Arguments.of("regress: report folder below a file", new String[] {"regress", "--report",
                image + "/reports"}, "img.bin"));
        c.add(Arguments.of("tables: --out is a device that accepts nothing", new String[] {"tables", "--regions",
                goodRegions.toString(), "--mode", "smmpt43", "--base", "0x90000000", "--out", "/dev/null"}, "/dev/null"));
        // arguments
        c.add(Arguments.of("regress: jobs over the limit", new String[] {"regress", "--jobs", "257"}, "--jobs"));
        c.add(Arguments.of("regress: checks over the limit", new String[] {"regress", "--checks", "1000000001"}, "--checks"));
        c.add(Arguments.of("regress: seed beyond 64 bits", new String[] {"regress", "--seed", "99999999999999999999"},
                "--seed"));
        c.add(Arguments.of("regress: shard of zero", new String[] {"regress", "--shard", "0/0"}, "--shard"));
        c.add(Arguments.of("regress: --set with --rtl", new String[] {"regress", "--rtl", walker.toString(), "--set",
                "paw=48"}, "--set applies to generated RTL"));
        c.add(Arguments.of("tables: base beyond 64 bits", new String[] {"tables", "--regions", goodRegions.toString(),
                "--mode", "smmpt43", "--base", "0x10000000000000000", "--out", out}, "--base"));
        c.add(Arguments.of("merge: nothing to merge", new String[] {"merge"}, "mtt"));
        c.add(Arguments.of("selftest: report folder is a device (said before the run)", new String[] {"selftest",
                "--report", "/dev/null"}, "is in the way"));
        c.add(Arguments.of("selftest: report folder cannot be created", new String[] {"selftest", "--report",
                "/proc/mtt-no-such-report"}, "cannot create the report folder"));
        c.add(Arguments.of("merge: a report folder without report.json", new String[] {"merge", f("afolder"), "--out",
                f("merged")}, "no report.json"));
        c.add(Arguments.of("merge: a coverage file of another version", new String[] {"merge", f("coverage-v9.json")},
                "coverage format version 9"));
        c.add(Arguments.of("check: a batch line that is not JSON", new String[] {"check", "--batch", f("notjson.json")},
                "malformed"));
        c.add(Arguments.of("regress: --rtl is a device", new String[] {"regress", "--rtl", "/dev/null"}, "give a folder"));
        c.add(Arguments.of("regress: checker.json value out of range", new String[] {"regress", "--rtl", f("rtl-paw70")},
                "field 'paw' must be in 32..64"));
        c.add(Arguments.of("regress: checker.json without idWidth", new String[] {"regress", "--rtl", f("rtl-no-idwidth")},
                "missing field 'idWidth'"));
        c.add(Arguments.of("regress: a source in checker.json is a folder", new String[] {"regress", "--rtl",
                f("rtl-source-folder")}, "is a folder, not a Verilog file"));
        c.add(Arguments.of("replay: a bundle without its manifest", new String[] {"replay", f("bundle-no-manifest.tar.gz")},
                "'manifest.json' is missing"));
        c.add(Arguments.of("replay: a memory image the manifest does not list", new String[] {"replay",
                f("bundle-unlisted.tar.gz")}, "is not listed in the manifest"));
        return c.stream();
    }

    /** Cases that need another Verilator or build cache: the system properties are set around the run. */
    static Stream<Arguments> environmentCases() {
        String w = walker.toString();
        Map<String, String> missing = Map.of("mttkit.verilator", "/no/such/verilator");
        List<Arguments> c = new ArrayList<>();
        // category 4: Verilator missing, too old, not Verilator at all (own report folder: see verilatorCases)
        c.add(Arguments.of("regress: Verilator missing", missing, new String[] {"regress", "--rtl", w, "--report", f("rtl-report")},
                "verilator not found"));
        c.add(Arguments.of("regress: Verilator too old", Map.of("mttkit.verilator", f("verilator-old")),
                new String[] {"regress", "--rtl", w, "--report", f("rtl-report")}, "too old"));
        c.add(Arguments.of("regress: not Verilator at all", Map.of("mttkit.verilator", f("verilator-other")),
                new String[] {"regress", "--rtl", w, "--report", f("rtl-report")}, "expected 'Verilator 5.x'"));
        c.add(Arguments.of("replay: Verilator missing", missing, new String[] {"replay", f("bundle-valid.tar.gz")},
                "verilator not found"));
        // category 8: bench cosim with Verilator missing: stderr, exit 2 (CliRunner keeps stdout and stderr apart)
        c.add(Arguments.of("bench cosim: Verilator missing", missing, new String[] {"bench", "cosim", "--quick"},
                "verilator not found"));
        // category 4: a build cache that cannot be used
        c.add(Arguments.of("regress: build cache is a file", Map.of("mttkit.build.cache", image.toString()),
                new String[] {"regress", "--rtl", w, "--report", f("rtl-report")}, "a file is in the way"));
        c.add(Arguments.of("regress: build cache cannot be created", Map.of("mttkit.build.cache", "/proc/mtt-no-such-cache"),
                new String[] {"regress", "--rtl", w, "--report", f("rtl-report")}, "the build cache /proc/mtt-no-such-cache cannot be used"));
        return c.stream();
    }

    /** Own RTL that does not build or does not match its manifest (category 4 and 9): parsed, never compiled. */
    static Stream<Arguments> verilatorCases() {
        // Each names its own report folder: a run whose RTL does not build empties its report folder (issue #16: no
        // previous PASS left behind), so with the default folder these cases would depend on what an earlier run
        // left there. The folder they create is removed again, being empty (assertBadInput sees the test folder).
        List<Arguments> c = new ArrayList<>();
        c.add(Arguments.of("regress: own RTL with a syntax error", new String[] {"regress", "--rtl", f("rtl-syntax"),
                "--report", f("rtl-report")},
                "mtt_walker.v:"));
        c.add(Arguments.of("regress: own RTL without the manifest's top", new String[] {"regress", "--rtl", f("rtl-no-top"),
                "--report", f("rtl-report")},
                "'mtt_nochecker' was not found"));
        c.add(Arguments.of("regress: own RTL with the wrong ports", new String[] {"regress", "--rtl", f("rtl-no-ready"),
                "--report", f("rtl-report")},
                "missing port req_ready"));
        c.add(Arguments.of("regress: manifest idWidth smaller than the port", new String[] {"regress", "--rtl",
                f("rtl-id-width"), "--report", f("rtl-report")}, "port req_id is 8 bits wide, expected 4"));
        c.add(Arguments.of("regress: 32-bit req_pa on an XLEN-64 top", new String[] {"regress", "--rtl", f("rtl-pa32"),
                "--report", f("rtl-report")},
                "port req_pa is 32 bits wide, expected 64"));
        c.add(Arguments.of("regress: 2-bit rsp_cause", new String[] {"regress", "--rtl", f("rtl-cause2"),
                "--report", f("rtl-report")},
                "port rsp_cause is 2 bits wide, expected at least 4"));
        return c.stream();
    }

    private static String f(String name) {
        return dir.resolve(name).toString();
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
    void answersWithOneClearLineAndExitCodeTwo(String name, String[] args, String mustMention) throws IOException {
        assertBadInput(name, args, mustMention, Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newCases")
    void newCasesAnswerWithOneClearLineAndExitCodeTwo(String name, String[] args, String mustMention) throws IOException {
        assertBadInput(name, args, mustMention, Map.of());
    }

    /** Cases with a different Verilator or build cache (system properties set around the run). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("environmentCases")
    void environmentCasesAnswerWithOneClearLineAndExitCodeTwo(String name, Map<String, String> properties, String[] args,
            String mustMention) throws IOException {
        assertBadInput(name, args, mustMention, properties);
    }

    /** Own-RTL cases that need the real Verilator (each only parses the design: no compile). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("verilatorCases")
    void ownRtlCasesAnswerWithOneClearLineAndExitCodeTwo(String name, String[] args, String mustMention) throws IOException {
        boolean haveVerilator;
        try {
            io.mttkit.bridge.VerilatorTool.locate();
            haveVerilator = true;
        } catch (io.mttkit.bridge.ToolMissingException e) {
            haveVerilator = false;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(haveVerilator
                || "1".equals(System.getenv("MTTKIT_REQUIRE_TOOLS")), io.mttkit.bridge.ToolMissingException.INSTALL_HINT);
        assertBadInput(name, args, mustMention, Map.of());
    }

    /**
     * Runs the CLI and checks the answer: exit code 2, no stack trace, the message mentions {@code mustMention}, the
     * first line names the command, and nothing changed outside the intended output: the test's folder (inputs and
     * would-be outputs), the default report folder and the working folder (no stray files, no {@code hs_err_pid*.log})
     * are as they were.
     */
    static void assertBadInput(String name, String[] args, String mustMention, Map<String, String> properties)
            throws IOException {
        Path reports = SelftestCommand.repoRoot().resolve("target/reports/regress");
        Path cwd = Path.of("").toAbsolutePath();
        Map<String, String> before = snapshot(dir);
        Map<String, String> reportsBefore = snapshot(reports);
        Set<String> cwdBefore = names(cwd);
        CliRunner r;
        properties.forEach(System::setProperty);
        try {
            r = CliRunner.run(args);
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
        assertEquals(2, r.exit(), name + ": exit code; stderr=" + r.err());
        assertTrue(r.noStackTrace(), name + ": printed a stack trace:\n" + r.err());
        assertTrue(r.err().contains(mustMention), name + ": message should mention '" + mustMention + "' but was:\n" + r.err());
        String firstLine = r.err().strip().split("\n")[0];
        assertTrue(firstLine.startsWith("mtt"), name + ": first line should name the command: " + firstLine);
        assertTrue(!r.err().contains("internal error"), name + ": " + r.err());
        assertFalse(java.util.regex.Pattern.compile("\\b[A-Z]\\w*\\[\\w+=").matcher(r.err()).find(),
                name + ": a raw Java record reached the message: " + r.err());
        assertEquals(before, snapshot(dir), name + ": files in the test folder changed");
        assertEquals(reportsBefore, snapshot(reports), name + ": the default report folder changed");
        assertEquals(cwdBefore, names(cwd), name + ": files appeared in or vanished from the working folder");
    }

    /** Every file under {@code root} with its size and modification time (empty when {@code root} does not exist). */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return m;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                m.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir"
                        : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return m;
    }

    /** The names in {@code folder} except {@code target} (where builds and reports legitimately go). */
    static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("target"))
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }
}
