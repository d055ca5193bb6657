package io.mttkit.hdl.check;

import io.mttkit.hdl.HdlError;
import io.mttkit.hdl.ir.Design;
import io.mttkit.hdl.ir.Expr;
import io.mttkit.hdl.ir.Instance;
import io.mttkit.hdl.ir.ModuleDef;
import io.mttkit.hdl.ir.Signal;
import io.mttkit.hdl.ir.SourceLoc;
import io.mttkit.hdl.ir.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Combinational loops, reported as the chain of the user's signal names with the line of each assignment
 * on the loop. Registers and memory contents break paths. A child instance is seen through a summary of
 * which of its outputs depend combinationally on which inputs, so loops through children are found too.
 */
final class LoopCheck implements Check {
    /** Module name -> (output port -> input ports it depends on combinationally). */
    private final Map<String, Map<String, Set<String>>> summaries = new HashMap<>();

    @Override
    public List<HdlError> run(Design design, ModuleDef m) {
        Graph g = graph(design, m);
        List<HdlError> errors = new ArrayList<>();
        int n = m.signals().size();
        int[] color = new int[n];
        Set<Set<Integer>> reported = new HashSet<>();
        for (int start = 0; start < n; start++) {
            if (color[start] == 0) {
                dfs(start, g, color, new ArrayList<>(), m, errors, reported);
            }
        }
        return errors;
    }

    /** Edge lists: {@code deps.get(t)} maps each signal {@code t} reads combinationally to where it reads it. */
    private record Graph(Map<Integer, Map<Integer, SourceLoc>> deps) {}

    private void dfs(int node, Graph g, int[] color, List<Integer> path, ModuleDef m, List<HdlError> errors,
                     Set<Set<Integer>> reported) {
        color[node] = 1;
        path.add(node);
        for (int next : g.deps().getOrDefault(node, Map.of()).keySet()) {
            if (color[next] == 1) {
                List<Integer> cycle = new ArrayList<>(path.subList(path.indexOf(next), path.size()));
                if (reported.add(new HashSet<>(cycle))) {
                    errors.add(describe(cycle, g, m));
                }
            } else if (color[next] == 0) {
                dfs(next, g, color, path, m, errors, reported);
            }
        }
        path.remove(path.size() - 1);
        color[node] = 2;
    }

    /** The loop in data-flow order: each signal is computed from the one before it. */
    private static HdlError describe(List<Integer> cycle, Graph g, ModuleDef m) {
        // cycle[i] reads cycle[i+1]; print in flow order: last -> ... -> first -> last
        List<Integer> flow = new ArrayList<>(cycle);
        java.util.Collections.reverse(flow);
        StringBuilder sb = new StringBuilder();
        SourceLoc first = null;
        for (int i = 0; i <= flow.size(); i++) {
            int id = flow.get(i % flow.size());
            if (i > 0) {
                int prev = flow.get(i - 1);
                SourceLoc at = g.deps().get(id).get(prev);
                sb.append(" -> ").append(m.signal(id).name()).append(" (").append(at).append(")");
                if (first == null) {
                    first = at;
                }
            } else {
                sb.append(m.signal(id).name());
            }
        }
        return new HdlError("loop", "combinational loop: " + sb, first,
                "break the loop with a register, or compute one of these signals without reading the others");
    }

    private Graph graph(Design design, ModuleDef m) {
        Map<Integer, Map<Integer, SourceLoc>> deps = new HashMap<>();
        for (Signal s : m.signals()) {
            if (s.kind().isCombinationalTarget() && s.init() != null) {
                Exprs.refs(s.init(), r -> addEdge(deps, m, s.id(), r, s.loc()));
            }
        }
        Exprs.walk(m.body(), List.of(), (st, conds) -> {
            if (st instanceof Stmt.Assign a && m.signal(a.target()).kind().isCombinationalTarget()) {
                Exprs.refs(a.value(), r -> addEdge(deps, m, a.target(), r, a.loc()));
                for (Expr c : conds) {
                    Exprs.refs(c, r -> addEdge(deps, m, a.target(), r, a.loc()));
                }
            }
        });
        for (Instance inst : m.instances()) {
            Map<String, Set<String>> summary = summary(design, design.module(inst.module()));
            Map<String, Integer> bound = new HashMap<>();
            inst.ports().forEach(p -> bound.put(p.port(), p.signal()));
            summary.forEach((out, ins) -> {
                for (String in : ins) {
                    addEdge(deps, m, bound.get(out), bound.get(in), inst.loc());
                }
            });
        }
        return new Graph(deps);
    }

    private static void addEdge(Map<Integer, Map<Integer, SourceLoc>> deps, ModuleDef m, int target, int source,
                                SourceLoc at) {
        Signal.Kind k = m.signal(source).kind();
        if (k == Signal.Kind.REG || k == Signal.Kind.INPUT) {
            return; // state and module inputs end combinational paths inside this module
        }
        deps.computeIfAbsent(target, x -> new LinkedHashMap<>()).putIfAbsent(source, at);
    }

    /** Which inputs each output of {@code child} depends on combinationally. */
    private Map<String, Set<String>> summary(Design design, ModuleDef child) {
        Map<String, Set<String>> cached = summaries.get(child.name());
        if (cached != null) {
            return cached;
        }
        Map<Integer, Set<Integer>> direct = new HashMap<>();
        for (Signal s : child.signals()) {
            if (s.kind().isCombinationalTarget() && s.init() != null) {
                Exprs.refs(s.init(), r -> direct.computeIfAbsent(s.id(), x -> new HashSet<>()).add(r));
            }
        }
        Exprs.walk(child.body(), List.of(), (st, conds) -> {
            if (st instanceof Stmt.Assign a && child.signal(a.target()).kind().isCombinationalTarget()) {
                Set<Integer> d = direct.computeIfAbsent(a.target(), x -> new HashSet<>());
                Exprs.refs(a.value(), d::add);
                conds.forEach(c -> Exprs.refs(c, d::add));
            }
        });
        for (Instance inst : child.instances()) {
            Map<String, Integer> bound = new HashMap<>();
            inst.ports().forEach(p -> bound.put(p.port(), p.signal()));
            summary(design, design.module(inst.module())).forEach((out, ins) -> {
                for (String in : ins) {
                    direct.computeIfAbsent(bound.get(out), x -> new HashSet<>()).add(bound.get(in));
                }
            });
        }
        Map<String, Set<String>> result = new LinkedHashMap<>();
        for (Signal out : child.signals()) {
            if (out.kind() != Signal.Kind.OUTPUT) {
                continue;
            }
            Set<String> inputs = new LinkedHashSet<>();
            Set<Integer> seen = new HashSet<>();
            List<Integer> work = new ArrayList<>(List.of(out.id()));
            while (!work.isEmpty()) {
                int id = work.remove(work.size() - 1);
                if (!seen.add(id)) {
                    continue;
                }
                Signal s = child.signal(id);
                if (s.kind() == Signal.Kind.INPUT) {
                    inputs.add(s.name());
                } else if (s.kind() != Signal.Kind.REG) {
                    work.addAll(direct.getOrDefault(id, Set.of()));
                }
            }
            result.put(out.name(), inputs);
        }
        summaries.put(child.name(), result);
        return result;
    }
}
