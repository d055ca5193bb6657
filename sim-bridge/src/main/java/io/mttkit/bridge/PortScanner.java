package io.mttkit.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads the ports of a top module from {@code verilator --xml-only} output (fast: no C++ compile). */
final class PortScanner {
    private static final Pattern CPP_IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> RESERVED = Set.of("int", "char", "class", "new", "delete", "this", "do",
            "for", "if", "else", "while", "switch", "case", "default", "return", "void", "auto", "bool",
            "float", "double", "long", "short", "signed", "unsigned", "struct", "union", "enum", "const",
            "static", "public", "private", "protected", "template", "typename", "namespace", "operator");

    private PortScanner() {
    }

    static List<PortInfo> scan(VerilatorTool tool, List<Path> sources, String top, List<String> extraArgs, Path workDir)
            throws IOException {
        Path xml = workDir.resolve("ports.xml");
        // -Wno-fatal: warnings (widths, latches, style) never stop a build; VerilatorLint is the style gate
        List<String> cmd = new ArrayList<>(List.of(tool.executable().toString(), "--xml-only", "-Wno-fatal",
                "--xml-output", xml.toString(), "--top-module", top));
        cmd.addAll(extraArgs);
        for (Path s : sources) {
            cmd.add(s.toString());
        }
        Processes.Result r = Processes.run(cmd, workDir, 300, workDir.resolve("ports.log"));
        if (r.exitCode() != 0 || !Files.exists(xml)) {
            String first = Processes.firstError(r.output());
            throw new BuildException("Verilator could not read the design (top '" + top + "')"
                    + (first != null ? ": " + first : "") + "; fix the Verilog (or the top's name) and run again."
                    + " Verilator said:\n" + Processes.tail(r.output().stripTrailing(), 30), null);
        }
        return parse(xml, top);
    }

    static List<PortInfo> parse(Path xml, String top) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(xml.toFile());
        } catch (Exception e) {
            throw new BridgeException("cannot read Verilator's XML output " + xml + ": " + e.getMessage(), e);
        }
        Map<String, Integer> widths = new HashMap<>();
        NodeList basics = doc.getElementsByTagName("basicdtype");
        for (int i = 0; i < basics.getLength(); i++) {
            Element e = (Element) basics.item(i);
            int width = 1;
            if (e.hasAttribute("left") && e.hasAttribute("right")) {
                width = Math.abs(Integer.parseInt(e.getAttribute("left")) - Integer.parseInt(e.getAttribute("right"))) + 1;
            }
            widths.put(e.getAttribute("id"), width);
        }
        NodeList modules = doc.getElementsByTagName("module");
        Element topModule = null;
        for (int i = 0; i < modules.getLength(); i++) {
            Element m = (Element) modules.item(i);
            if (top.equals(m.getAttribute("name")) || top.equals(m.getAttribute("origName"))) {
                topModule = m;
                break;
            }
        }
        if (topModule == null) {
            throw new FixableException("top module '" + top + "' not found in the design");
        }
        List<PortInfo> ports = new ArrayList<>();
        NodeList vars = topModule.getElementsByTagName("var");
        for (int i = 0; i < vars.getLength(); i++) {
            Element v = (Element) vars.item(i);
            if (v.getParentNode() != topModule || !v.hasAttribute("dir")) {
                continue;
            }
            String name = v.getAttribute("name");
            Integer width = widths.get(v.getAttribute("dtype_id"));
            if (width == null) {
                throw new FixableException("port '" + name + "' of '" + top + "' has a type the generic layer does not "
                        + "support (only plain packed vectors); wrap the top in a module with plain ports");
            }
            if (!CPP_IDENT.matcher(name).matches() || RESERVED.contains(name)) {
                throw new FixableException("port name '" + name + "' of '" + top + "' is not usable as a C++ member "
                        + "name; rename the port or wrap the top");
            }
            PortInfo.Direction dir = switch (v.getAttribute("dir")) {
                case "input" -> PortInfo.Direction.INPUT;
                case "output" -> PortInfo.Direction.OUTPUT;
                default -> PortInfo.Direction.INOUT;
            };
            ports.add(new PortInfo(name, width, dir));
        }
        if (ports.isEmpty()) {
            throw new FixableException("top module '" + top + "' has no ports");
        }
        return ports;
    }
}
