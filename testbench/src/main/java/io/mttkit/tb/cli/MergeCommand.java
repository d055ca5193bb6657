package io.mttkit.tb.cli;

import io.mttkit.tb.coverage.CoverageDb;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mtt merge}: combine the coverage databases of several runs. */
@Command(name = "merge",
        header = "Merge the coverage databases of several regression runs.",
        description = {
            "Add up the bin counts of coverage.json files written by mtt regress (for example one per seed or per",
            "machine) and print the merged summary with the holes named. Files whose bin definitions differ are",
            "refused, naming the file."
        },
        footer = {"", "Examples:", "  ./mtt merge run1/coverage.json run2/coverage.json --out merged.json"},
        mixinStandardHelpOptions = true)
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "COVERAGE.json", description = "Coverage files to merge.")
    List<Path> files;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the merged database here.")
    Path out;

    @Option(names = "--holes", paramLabel = "N", defaultValue = "20", description = "Holes listed per group (default ${DEFAULT-VALUE}).")
    int holes;

    @Override
    public Integer call() throws IOException {
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new UserInputException("file not found: " + f);
            }
        }
        if (holes < 0) {
            throw new UserInputException("--holes: must not be negative, got " + holes);
        }
        CoverageDb merged;
        try {
            merged = CoverageDb.mergeFiles(files);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf("merged %d coverage files%n", files.size());
        o.println(merged.summary(holes));
        if (out != null) {
            merged.write(out);
            o.println("wrote " + out);
        }
        o.flush();
        return ExitCodes.OK;
    }
}
