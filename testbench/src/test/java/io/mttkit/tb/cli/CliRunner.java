package io.mttkit.tb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures what it prints. */
record CliRunner(int exit, String out, String err) {

    static CliRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Mtt.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRunner(exit, out.toString(), err.toString());
    }

    /** True when nothing that looks like a Java stack trace was printed. */
    boolean noStackTrace() {
        return !(out + err).contains("\tat ") && !(out + err).contains("Exception in thread");
    }
}
