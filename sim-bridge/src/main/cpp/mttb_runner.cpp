// mttb_runner.cpp -- the pure C++ baseline (mode M0 of the co-simulation benchmark).
//
// Loads an mttkit co-simulation library exactly as the JVM does (dlopen RTLD_NOW by absolute path,
// ABI/layout/hash checks), reads a stimulus file written by io.mttkit.bridge.StimulusFile, and calls the
// same mttb_run entry with every request in one call (resuming on EVENTS_FULL), then drains. Only the
// run/drain calls are timed. Prints one line per repetition:
//   rep=<i> cycles=<n> checks=<n> events=<n> calls=<n> ns=<n> digest=<hex>
// Usage: mttb_runner <library.so> <expected-hash> <stimulus-file> [repetitions]
#include "mttb_abi.h"

#include <dlfcn.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace {

struct Api {
    int32_t (*abi_version)();
    const char* (*build_info)();
    int32_t (*record_layout)(int32_t);
    int32_t (*max_events_per_cycle)();
    mttb_session* (*create)(const mttb_config*);
    void (*destroy)(mttb_session*);
    const char* (*last_error)(mttb_session*);
    int32_t (*attach_memory)(mttb_session*, void*, uint64_t, uint64_t);
    int32_t (*set_pmp_regions)(mttb_session*, const mttb_pmp_region*, int32_t);
    int32_t (*reset)(mttb_session*, int32_t);
    int32_t (*run)(mttb_session*, const mttb_request*, int64_t, mttb_event*, int64_t, int64_t, mttb_stats*);
};

[[noreturn]] void die(const std::string& msg) {
    std::fprintf(stderr, "mttb_runner: %s\n", msg.c_str());
    std::exit(2);
}

template <typename F>
void bind(void* lib, const char* name, F& f) {
    f = reinterpret_cast<F>(dlsym(lib, name));
    if (!f) die(std::string("library lacks ") + name);
}

struct Reader {
    std::vector<uint8_t> data;
    size_t pos = 0;
    void need(size_t n) {
        if (pos + n > data.size()) die("stimulus file truncated");
    }
    uint64_t u64() {
        need(8);
        uint64_t v;
        std::memcpy(&v, &data[pos], 8);
        pos += 8;
        return v;
    }
    uint32_t u32() {
        need(4);
        uint32_t v;
        std::memcpy(&v, &data[pos], 4);
        pos += 4;
        return v;
    }
    const uint8_t* bytes(size_t n) {
        need(n);
        const uint8_t* p = &data[pos];
        pos += n;
        return p;
    }
};

struct Region {
    uint64_t phys;
    std::vector<uint8_t> bytes;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) die("usage: mttb_runner <library.so> <expected-hash> <stimulus-file> [repetitions]");
    const int reps = argc > 4 ? std::atoi(argv[4]) : 1;
    void* lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!lib) die(std::string("dlopen: ") + dlerror());
    Api a{};
    bind(lib, "mttb_abi_version", a.abi_version);
    bind(lib, "mttb_build_info", a.build_info);
    bind(lib, "mttb_record_layout", a.record_layout);
    bind(lib, "mttb_max_events_per_cycle", a.max_events_per_cycle);
    bind(lib, "mttb_create", a.create);
    bind(lib, "mttb_destroy", a.destroy);
    bind(lib, "mttb_last_error", a.last_error);
    bind(lib, "mttb_attach_memory", a.attach_memory);
    bind(lib, "mttb_set_pmp_regions", a.set_pmp_regions);
    bind(lib, "mttb_reset", a.reset);
    bind(lib, "mttb_run", a.run);
    if (a.abi_version() != MTTB_ABI_VERSION) die("ABI version mismatch");
    if ((a.record_layout(MTTB_LAYOUT_REQUEST) >> 16) != static_cast<int32_t>(sizeof(mttb_request))
        || (a.record_layout(MTTB_LAYOUT_EVENT) >> 16) != static_cast<int32_t>(sizeof(mttb_event)))
        die("record layout mismatch");
    if (!std::strstr(a.build_info(), (std::string("hash=") + argv[2] + " ").c_str()))
        die(std::string("library reports '") + a.build_info() + "', expected hash " + argv[2]);

    Reader r;
    {
        std::ifstream in(argv[3], std::ios::binary);
        if (!in) die(std::string("cannot open ") + argv[3]);
        r.data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (std::memcmp(r.bytes(8), "MTTBSTM1", 8) != 0) die("not a stimulus file (magic)");
    mttb_config cfg;
    std::memcpy(&cfg, r.bytes(sizeof cfg), sizeof cfg);
    const uint32_t reset_cycles = r.u32();
    const uint32_t npmp = r.u32();
    std::vector<mttb_pmp_region> pmp(npmp);
    if (npmp) std::memcpy(pmp.data(), r.bytes(npmp * sizeof(mttb_pmp_region)), npmp * sizeof(mttb_pmp_region));
    const uint32_t nregions = r.u32();
    r.u32();
    std::vector<Region> regions(nregions);
    for (Region& g : regions) {
        g.phys = r.u64();
        const uint64_t size = r.u64();
        const uint8_t* p = r.bytes(size);
        g.bytes.assign(p, p + size);
    }
    const uint64_t nreq = r.u64();
    std::vector<mttb_request> reqs(nreq);
    if (nreq) std::memcpy(reqs.data(), r.bytes(nreq * sizeof(mttb_request)), nreq * sizeof(mttb_request));
    const uint64_t checks_in = r.u64();

    // Far more than one cycle's worth, whatever the design's extension observation ports (ABI 2).
    const int64_t cap = std::max<int64_t>(1 << 16, 64 * static_cast<int64_t>(a.max_events_per_cycle()));
    std::vector<mttb_event> events(cap);
    for (int rep = 0; rep < reps; ++rep) {
        std::vector<Region> mem = regions;  // a fresh copy per repetition, like a fresh session in Java
        mttb_session* h = a.create(&cfg);
        if (!h) die(std::string("create: ") + a.last_error(nullptr));
        for (Region& g : mem)
            if (a.attach_memory(h, g.bytes.data(), g.bytes.size(), g.phys) != 0) die(a.last_error(h));
        if (a.set_pmp_regions(h, pmp.data(), static_cast<int32_t>(pmp.size())) != 0) die(a.last_error(h));
        if (a.reset(h, static_cast<int32_t>(reset_cycles)) != 0) die(a.last_error(h));
        uint64_t digest = 0xcbf29ce484222325ULL, nevents = 0, cycles = 0, calls = 0;
        mttb_stats st{};
        uint64_t from = 0;
        const auto t0 = std::chrono::steady_clock::now();
        for (;;) {
            const bool draining = from >= nreq;
            const int32_t rc = a.run(h, draining ? nullptr : &reqs[from], static_cast<int64_t>(draining ? 0 : nreq - from),
                                     events.data(), cap, 0, &st);
            ++calls;
            if (rc < 0 || rc > MTTB_CYCLE_LIMIT) die(std::string("run stopped (") + std::to_string(rc) + "): " + a.last_error(h));
            const uint64_t* w = reinterpret_cast<const uint64_t*>(events.data());
            for (uint64_t i = 0; i < st.events * 4; ++i) digest = (digest ^ w[i]) * 0x100000001B3ULL;
            nevents += st.events;
            cycles += st.cycles_run;
            from += st.consumed;
            if (draining && rc == MTTB_DONE) break;
        }
        const auto t1 = std::chrono::steady_clock::now();
        const long long ns = std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count();
        std::printf("rep=%d cycles=%" PRIu64 " checks=%" PRIu64 " events=%" PRIu64 " calls=%" PRIu64 " ns=%lld digest=%016" PRIx64 "\n",
                    rep, cycles, checks_in, nevents, calls, ns, digest);
        std::fflush(stdout);
        a.destroy(h);
    }
    return 0;
}
