package io.mttkit.tb.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mtt scenario}: end-to-end scenarios run by real firmware on several harts. */
@Command(name = "scenario",
        header = "End-to-end scenarios run by real firmware on several harts.",
        description = {"Scenarios of the golden system of harts running mttkit's firmware (programs/), every check",
            "judged by a scenario scoreboard. 'cove': the CoVE memory-ownership flows (docs/cove.md)."},
        footer = {"", "Examples:", "  ./mtt scenario cove --harts 4", "  ./mtt scenario cove --harts 2 --rtl"},
        subcommands = {CoveScenarioCommand.class},
        mixinStandardHelpOptions = true)
final class ScenarioCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new UserInputException("name a scenario: mtt scenario cove (see mtt scenario --help)");
    }
}
