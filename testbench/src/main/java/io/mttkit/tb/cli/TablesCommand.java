package io.mttkit.tb.cli;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.tables.BuildOptions;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.TableBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtt tables}: build MTT/MPT tables for a domain from a list of regions. */
@Command(name = "tables",
        header = "Build MTT/MPT tables for a domain from a list of regions.",
        description = {
            "Build valid tables for one supervisor domain from a list of regions {base, size, xwr}, using the",
            "largest leaves that fit, and write them as one raw image placed at --base. Prints the root PPN,",
            "the pages used and the leaf kinds chosen. Memory outside every region is inaccessible.",
            "Overlapping or misaligned regions and permissions the format cannot express are errors;",
            "nothing is written then."
        },
        footer = {
            "",
            "Example (regions.json: [{\"base\": \"0xc0000000\", \"size\": \"0x40000000\", \"xwr\": \"rw\"}]):",
            "  ./mtt tables --regions regions.json --format smmpt-v0.9 --mode smmpt43 --base 0x80400000 --out t.bin"
        },
        mixinStandardHelpOptions = true)
final class TablesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--regions", required = true, paramLabel = "FILE.json", description = "The domain's regions.")
    Path regions;

    @Option(names = "--format", paramLabel = "F", description = "smmtt-v0.1 or smmpt-v0.9 (optional; follows from --mode).")
    String format;

    @Option(names = "--mode", required = true, paramLabel = "M",
            description = "smmtt34, smmtt46, smmtt56, smmpt34, smmpt43, smmpt52 or smmpt64.")
    String mode;

    @Option(names = "--base", required = true, paramLabel = "ADDR",
            description = "Physical address where the image (root table first) will live; 4 KiB aligned.")
    String base;

    @Option(names = "--out", required = true, paramLabel = "IMAGE.bin", description = "Where to write the image.")
    Path out;

    @Option(names = "--big-endian", description = "Write entries big-endian (for mstatus.MBE=1).")
    boolean bigEndian;

    @Option(names = "--no-napot", description = "Do not use Smmpt NAPOT leaves.")
    boolean noNapot;

    @Override
    public Integer call() throws IOException {
        ArgChecks.notAnInput(out, "--out", java.util.List.of(regions), "--regions");
        MttMode m = ModeArgs.parseTableMode(mode, format, "has no tables");
        long imageBase = Numbers.parseU64(base, "--base");
        List<Region> list = RegionsFile.read(regions);
        BuildOptions options = BuildOptions.DEFAULT.withBigEndian(bigEndian).withUseNapot(!noNapot);
        BuiltTables t;
        try {
            t = TableBuilder.build(list, m, imageBase, options);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(regions + ": " + e.getMessage());
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserInputException("--out: folder does not exist: " + parent);
        }
        io.mttkit.tb.report.AtomicFiles.writeBytes(out, t.image());
        PrintWriter o = spec.commandLine().getOut();
        o.printf("wrote %s: %d bytes at %s (%d pages)%n", out, t.image().length, Numbers.hex(t.base()), t.pagesUsed());
        o.printf("mode %s, root PPN %s (root table at %s)%n", m.id(), Numbers.hex(t.rootPpn()), Numbers.hex(t.rootAddress()));
        o.println("leaf kinds:");
        for (Map.Entry<String, Integer> e : t.leafKinds().entrySet()) {
            o.printf("  %-28s %d%n", e.getKey(), e.getValue());
        }
        for (String note : t.notes()) {
            o.println("note: " + note);
        }
        o.printf("check with: ./mtt check --image %s@%s --mode %s --root-ppn %s --pa ADDR --need rw%n",
                out, Numbers.hex(t.base()), m.id(), Numbers.hex(t.rootPpn()));
        o.flush();
        return ExitCodes.OK;
    }
}
