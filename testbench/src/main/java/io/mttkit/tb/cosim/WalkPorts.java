package io.mttkit.tb.cosim;

import java.util.Map;

/**
 * Port ids of the observation extension a scoreboard of contract v4 reads (docs/nonblocking.md "Port contract",
 * docs/port-contract.md): contract v2's fill and invalidation ports plus the walk qualifiers. Ids are the bridge's
 * {@code PortContract.ObservationPort#id()}; -1 for a port the checker does not have.
 */
record WalkPorts(int wcHit, int wcIndex, int fillWalk, int fillWalkEvict, int fillWalkWay, int fillLeaf,
                 int fillLeafEvict, int fillLeafArray, int fillLeafSet, int fillLeafWay, int invApply, int invLeaf,
                 int invSuperpage, int invWalk, int walkId, int waitFlag, int waitOn, int replay, int walkEnd,
                 int fillWalkId) {

    /** The observation ports of a loaded checker library (what the harness will pass when the generator lands). */
    static WalkPorts of(io.mttkit.bridge.LoadedLibrary lib) {
        Map<String, Integer> ids = new java.util.HashMap<>();
        lib.observationPorts().forEach(o -> ids.put(o.name(), o.id()));
        return of(ids);
    }

    /** The ids of the ports named in {@code observationPorts} (name to id); the walk qualifiers are required. */
    static WalkPorts of(Map<String, Integer> observationPorts) {
        WalkPorts p = new WalkPorts(id(observationPorts, "obs_wc_hit"), id(observationPorts, "obs_wc_index"),
                id(observationPorts, "obs_fill_walk"), id(observationPorts, "obs_fill_walk_evict"),
                id(observationPorts, "obs_fill_walk_way"), id(observationPorts, "obs_fill_leaf"),
                id(observationPorts, "obs_fill_leaf_evict"), id(observationPorts, "obs_fill_leaf_array"),
                id(observationPorts, "obs_fill_leaf_set"), id(observationPorts, "obs_fill_leaf_way"),
                id(observationPorts, "obs_inv_apply"), id(observationPorts, "obs_inv_leaf"),
                id(observationPorts, "obs_inv_superpage"), id(observationPorts, "obs_inv_walk"),
                id(observationPorts, "obs_walk_id"), id(observationPorts, "obs_wait"),
                id(observationPorts, "obs_wait_on"), id(observationPorts, "obs_replay"),
                id(observationPorts, "obs_walk_end"), id(observationPorts, "obs_fill_walk_id"));
        for (String required : new String[] {"obs_fill_leaf", "obs_inv_apply", "obs_walk_id", "obs_wait",
                "obs_wait_on", "obs_replay", "obs_walk_end", "obs_fill_walk_id"}) {
            if (!observationPorts.containsKey(required)) {
                throw new IllegalArgumentException("a checker with several walks in flight must have the observation "
                        + "port " + required + " (docs/nonblocking.md, port contract v4)");
            }
        }
        return p;
    }

    private static int id(Map<String, Integer> ports, String name) {
        return ports.getOrDefault(name, -1);
    }
}
