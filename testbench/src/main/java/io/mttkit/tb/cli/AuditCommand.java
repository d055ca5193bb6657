package io.mttkit.tb.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mttkit.golden.LookupConfig;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.RsvdTupleScope;
import io.mttkit.golden.audit.Difference;
import io.mttkit.golden.audit.IntendedMap;
import io.mttkit.golden.audit.TableAudit;
import io.mttkit.golden.audit.TableWalk;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.golden.tables.Region;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtt audit}: check a firmware-built table against the regions it was meant to describe. */
@Command(name = "audit",
        header = "Check a firmware-built MTT/MPT table against the regions it was meant to describe.",
        description = {
            "Walk the whole table in a memory dump (every entry of every table reachable from the root, with the",
            "golden model's lookup), compare the permission it grants every page with what the regions intend, and",
            "print the differences as merged ranges: PA range, intended, actual, and the entry responsible (address,",
            "level, raw value; a run of identical consecutive entries, such as a NAPOT group, is one line).",
            "",
            "The regions file is the one `mtt tables` reads, except that regions may overlap: a later region wins",
            "(firmware lists carve holes that way). Memory outside every region is meant to have no access; a walk",
            "fault counts as no access. An entry that cannot be read (outside every --image) is a difference",
            "(unknown). Malformed entries over no-access memory are warnings, not differences.",
            "",
            "Exit 0 when the table grants exactly what the regions intend, 1 on any difference, 2 on bad input."
        },
        footer = {
            "",
            "Examples:",
            "  ./mtt audit --image dump.bin@0x80400000 --mode smmpt43 --root-ppn 0x80400 --regions regions.json",
            "  ./mtt audit --image dump.bin@0x80400000 --mode smmtt46 --root-ppn 0x80400 --regions r.json --json audit.json"
        },
        mixinStandardHelpOptions = true)
final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--image", required = true, paramLabel = "DUMP@BASE",
            description = "Raw memory dump and the physical address of its first byte (repeatable).")
    List<String> images = new ArrayList<>();

    @Option(names = "--mode", required = true, paramLabel = "M",
            description = "smmtt34, smmtt46, smmtt56, smmpt34, smmpt43, smmpt52 or smmpt64 (mttp/mmpt.MODE).")
    String mode;

    @Option(names = "--format", paramLabel = "F", description = "smmtt-v0.1 or smmpt-v0.9 (optional; follows from --mode).")
    String format;

    @Option(names = "--root-ppn", required = true, paramLabel = "PPN", description = "Root table PPN (mttp/mmpt.PPN).")
    String rootPpn;

    @Option(names = "--regions", required = true, paramLabel = "FILE.json",
            description = "What the domain was meant to get: [{\"base\", \"size\", \"xwr\"}, ...]; later regions win.")
    Path regions;

    @Option(names = "--sdid", defaultValue = "0", paramLabel = "S",
            description = "The domain's SDID, printed in the report (the walk itself does not depend on it; default 0).")
    String sdid;

    @Option(names = "--paw", paramLabel = "N", defaultValue = "64",
            description = "Platform physical address width, 12..64 (default ${DEFAULT-VALUE}); the audit covers [0, 2^min(N, mode width)).")
    int paw;

    @Option(names = "--rsvd-tuple-scope", paramLabel = "any|selected", defaultValue = "any",
            description = "Which tuples are checked for reserved encodings (SPEC-DECISIONS #11): any (default) or selected.")
    String rsvdTupleScope;

    @Option(names = "--be", description = "Entries are big-endian (mstatus.MBE=1).")
    boolean be;

    @Option(names = "--max-diffs", paramLabel = "N", defaultValue = "50",
            description = "Print at most N differences and N warnings (default ${DEFAULT-VALUE}); all are counted.")
    int maxDiffs;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Also write the result as JSON (atomically).")
    Path jsonOut;

    @Override
    public Integer call() throws IOException {
        if (maxDiffs < 0) {
            throw new UserInputException("--max-diffs: " + maxDiffs + " is negative; give 0 or more");
        }
        if (paw < 12 || paw > 64) {
            throw new UserInputException("--paw: " + paw + " is out of range (12 .. 64)");
        }
        MttMode m = ModeArgs.parseTableMode(mode, format, "has no table to audit");
        RsvdTupleScope scope;
        try {
            scope = RsvdTupleScope.fromId(rsvdTupleScope);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--rsvd-tuple-scope: " + e.getMessage());
        }
        long root = Numbers.parseU64(rootPpn, "--root-ppn");
        int ppnBits = m.xlen() == 32 ? 22 : 44;
        if ((root >>> ppnBits) != 0) {
            throw new UserInputException("--root-ppn: " + Numbers.hex(root) + " is wider than the " + ppnBits
                    + "-bit PPN of " + m.id() + "; give the PPN (address >> 12), not the address");
        }
        long sdidValue = Numbers.parseU64(sdid, "--sdid");
        List<Path> inputs = new ArrayList<>(List.of(regions));
        for (String s : images) {
            inputs.add(ImageSpec.parse(s).file());
        }
        ArgChecks.notAnInput(jsonOut, "--json", inputs, "--image/--regions");
        List<Region> list = RegionsFile.read(regions);
        List<String> problems = IntendedMap.problems(list, m, paw);
        if (!problems.isEmpty()) {
            throw new UserInputException(regions + ": " + String.join("; ", problems));
        }
        PhysicalMemory memory = CheckCommand.loadImages(images);
        if (!memory.canRead(root << 12, m.entryBytes())) {
            throw new UserInputException("--root-ppn " + Numbers.hex(root) + ": the root table at "
                    + Numbers.hex(root << 12) + " is not inside any --image; check --root-ppn and the dump's base address");
        }
        LookupConfig config = LookupConfig.DEFAULT.withPaw(paw).withRsvdTupleScope(scope);
        TableWalk walk = new TableWalk(memory, config, m, root, be);
        TableAudit.Result r = TableAudit.run(walk, IntendedMap.of(list, walk.top()), maxDiffs);

        PrintWriter o = spec.commandLine().getOut();
        o.printf("audit %s table, root PPN %s, SDID %d, against %d regions of %s%n", m.id(), Numbers.hex(root),
                sdidValue, list.size(), regions);
        o.printf("walked %d entries in %d tables (%d shared tables replayed), PA [0, %s] in %.2f s%n",
                r.stats().entries(), r.stats().tables(), r.stats().replayed(), Numbers.hex(walk.top()), r.nanos() / 1e9);
        if (r.total() > 0) {
            o.printf("%d difference%s, %d pages (4 KiB) differ:%n", r.total(), r.total() == 1 ? "" : "s", r.pagesDiffer());
            print(o, r.differences(), walk.entryBytes(), r.total());
        }
        if (r.totalWarnings() > 0) {
            o.printf("warning: %d range%s denied by malformed entries where no access was intended:%n",
                    r.totalWarnings(), r.totalWarnings() == 1 ? "" : "s");
            print(o, r.warnings(), walk.entryBytes(), r.totalWarnings());
        }
        o.println(r.equal() ? "OK: the table grants exactly what the regions intend"
                : "DIFFERENT: the table does not grant what the regions intend");
        o.flush();
        if (jsonOut != null) {
            writeJson(m, root, sdidValue, walk, r);
        }
        return r.equal() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static void print(PrintWriter o, List<Difference> list, int entryBytes, long total) {
        o.printf("  %-41s %-9s %-26s %s%n", "PA range", "intended", "actual", "entry (address, level, raw)");
        for (Difference d : list) {
            o.printf("  %-41s %-9s %-26s %s%n", "[" + Numbers.hex(d.first()) + ", " + Numbers.hex(d.last()) + "]",
                    d.describeIntended(), d.describeActual(), entry(d, entryBytes));
        }
        if (total > list.size()) {
            o.printf("  ... %d more (raise --max-diffs or write --json)%n", total - list.size());
        }
    }

    private static String entry(Difference d, int entryBytes) {
        long n = d.entryCount(entryBytes);
        String where = n == 1 ? Numbers.hex(d.firstEntry())
                : Numbers.hex(d.firstEntry()) + ".." + Numbers.hex(d.lastEntry()) + " (" + n + " entries)";
        return where + " L" + d.level() + " " + (d.readFailed() ? "unreadable" : Numbers.hex(d.raw()));
    }

    private void writeJson(MttMode m, long root, long sdidValue, TableWalk walk, TableAudit.Result r) throws IOException {
        Path parent = jsonOut.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserInputException("--json: folder does not exist: " + parent);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode top = json.createObjectNode();
        top.put("mode", m.id());
        top.put("root_ppn", Numbers.hex(root));
        top.put("sdid", sdidValue);
        top.put("regions", regions.toString());
        top.put("equal", r.equal());
        top.put("differences_total", r.total());
        top.put("pages_differ", r.pagesDiffer());
        top.put("warnings_total", r.totalWarnings());
        top.put("entries_walked", r.stats().entries());
        top.put("seconds", r.nanos() / 1e9);
        fill(top.putArray("differences"), r.differences(), walk.entryBytes());
        fill(top.putArray("warnings"), r.warnings(), walk.entryBytes());
        io.mttkit.tb.report.AtomicFiles.writeString(jsonOut,
                json.writerWithDefaultPrettyPrinter().writeValueAsString(top) + "\n");
    }

    private static void fill(ArrayNode arr, List<Difference> list, int entryBytes) {
        for (Difference d : list) {
            ObjectNode o = arr.addObject();
            o.put("first", Numbers.hex(d.first()));
            o.put("last", Numbers.hex(d.last()));
            o.put("intended", d.describeIntended());
            o.put("actual", d.describeActual());
            o.put("cause", d.cause().name());
            o.put("level", d.level());
            o.put("entry", Numbers.hex(d.firstEntry()));
            o.put("last_entry", Numbers.hex(d.lastEntry()));
            o.put("entries", d.entryCount(entryBytes));
            if (d.readFailed()) {
                o.putNull("raw");
            } else {
                o.put("raw", Numbers.hex(d.raw()));
            }
        }
    }
}
