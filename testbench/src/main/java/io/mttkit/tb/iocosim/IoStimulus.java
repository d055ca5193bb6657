package io.mttkit.tb.iocosim;

import io.mttkit.bridge.PmpRegion;
import io.mttkit.golden.MttMode;
import io.mttkit.golden.iompt.CheckerMode;
import io.mttkit.golden.iompt.CommandWord;
import io.mttkit.golden.iompt.DmaTransaction;
import io.mttkit.golden.iompt.IoMptParams;
import io.mttkit.golden.iompt.MptInval;
import io.mttkit.golden.iompt.RegisterInterface;
import io.mttkit.golden.iompt.SdConfig;
import io.mttkit.golden.iompt.SdclRule;
import io.mttkit.golden.iompt.SrcIdMatch;
import io.mttkit.golden.iompt.TeeFilter;
import io.mttkit.golden.mem.PhysicalMemory;
import io.mttkit.golden.tables.BuiltTables;
import io.mttkit.golden.tables.Region;
import io.mttkit.golden.tables.TableBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded constrained-random stimulus for the I/O checker: a world (MPT tables built with the golden
 * {@link TableBuilder} for several supervisor domains, a PMP region list denying part of one table) and rounds of
 * DMA streams interleaved with register programs.
 *
 * <p>Programs: SET_SDCFG_ENTRY (a domain's root and mode changed, Bare, MBE), SET_SDCL_ENTRY in every SRC_IDM mode
 * (Unary, TOR against the rule below, NAPOT, IDE streams, TEE filters, overlapping rules), IOFENCE, MPTINVAL of every
 * scope (all, one SDID, 4 KiB, NAPOT range), GETs, invalid rule ids and SDIDs, invalid operands, commands and writes
 * while BUSY, MODE Off/Bare/On, odd register accesses. DMA: device IDs at the rules' boundaries and random, IDE keys,
 * both TEE values, IOMMU-originated accesses, PAs inside and outside the mapped regions and beyond {@code paw}, sizes up
 * to the rest of the granule, every non-empty need. The bridge adds seeded bus errors and backpressure.
 */
public final class IoStimulus {
    private final SplittableRandom rnd;
    private final IoMptParams params;
    private final int idWidth;
    private final List<BuiltTables> tables = new ArrayList<>();
    private final List<Long> mappedPages = new ArrayList<>();
    /** Bases of the 2 MiB superpage regions (a cached checker's superpage array fills and evicts from them). */
    private final List<Long> superpages = new ArrayList<>();
    private final List<PmpRegion> pmp = new ArrayList<>();
    private final SdclRule[] rules;
    private final List<Integer> devices = new ArrayList<>();
    private final List<Integer> ideKeys = new ArrayList<>();
    private long dmaCounter; // DMA transaction ids, in stream order
    private final PhysicalMemory memory;
    /** Recent (device, page) pairs: DMA reuses them often, so a cached checker hits (locality per SDID). */
    private final long[] hotDevice = new long[8];
    private final long[] hotPage = new long[8];
    private int hotCount;
    /** MPT stores made so far (the cached checker may answer from a stale entry until an MPTINVAL covers it). */
    private long stores;
    private int configured; // SDIDs 1..configured have MPTs; configured + 1 is Bare; higher ones are never configured

    /** The world of {@code seed}: tables loaded into {@code memory}. */
    public IoStimulus(long seed, IoCheckerLibrary.IoCheckerDescription desc, PhysicalMemory memory) {
        this.rnd = new SplittableRandom(seed);
        this.params = desc.golden();
        this.idWidth = desc.idWidth();
        this.rules = new SdclRule[params.ruleCount()];
        this.memory = memory;
        List<MttMode> modes = desc.modes();
        long dataBase = 0x8000_0000L;
        long imageBase = 0x4000_0000L;
        int domains = 4;
        for (int t = 0; t < domains; t++) {
            List<Region> regions = new ArrayList<>();
            long a = dataBase + ((long) t << 22); // each domain's regions in its own 4 MiB window, plus a shared one
            for (int k = 0; k < 6; k++) {
                long size = (1L + rnd.nextInt(16)) << 12;
                String perm = new String[] {"r", "rw", "rx", "rwx", "x", "none"}[rnd.nextInt(6)];
                regions.add(Region.parse(a, size, perm));
                for (long p = a; p < a + size; p += 4096) {
                    mappedPages.add(p);
                }
                a += size + ((long) rnd.nextInt(4) << 12);
            }
            if (t == 0 || t == 1) { // a 2 MiB superpage region (and its uniform-permission answers)
                long big = dataBase + (16L << 22) + ((long) t << 21);
                regions.add(Region.parse(big, 1L << 21, t == 0 ? "rw" : "r"));
                mappedPages.add(big);
                mappedPages.add(big + (1L << 20));
                superpages.add(big);
            }
            // a window every domain maps, each with its own permissions (SDIDs sharing PAs must never see each
            // other's cached permission); regions go in ascending order
            long shared = dataBase + (24L << 22);
            regions.add(Region.parse(shared, 1L << 16, new String[] {"r", "rw", "x", "none"}[(t + rnd.nextInt(4)) % 4]));
            if (t == 0) {
                for (long p = shared; p < shared + (1L << 16); p += 4096) {
                    mappedPages.add(p);
                }
            }
            // a 2 MiB region in another 32 MiB block that every domain maps: with the block above, more superpage
            // entries (SDID x block) than a cached checker's superpage array holds, so it evicts
            for (long big2 : new long[] {dataBase + (32L << 22), dataBase + (40L << 22)}) {
                regions.add(Region.parse(big2, 1L << 21, new String[] {"rw", "r", "rx", "x"}[t]));
                if (t == 0) {
                    mappedPages.add(big2);
                    superpages.add(big2);
                }
            }
            MttMode m = modes.get(t % modes.size());
            BuiltTables b = TableBuilder.build(regions, m, imageBase);
            memory.load(b.base(), b.image());
            tables.add(b);
            imageBase = (b.end() + 0x10_0000L) & ~0xF_FFFFL;
        }
        // PMP: deny one non-root page of table 2's image (WALK_PMP at a lower level); everything else allowed
        BuiltTables t2 = tables.get(2);
        if (t2.image().length > 4096) {
            pmp.add(new PmpRegion(t2.base() + t2.image().length - 4096 & ~0xFFFL, 4096, false));
        }
        configured = Math.min(params.sdidCount() - 2, 6);
    }

    public List<PmpRegion> pmpRegions() {
        return pmp;
    }

    /** The programs that configure every domain and rule, fence, and turn the checker On. */
    public List<IoOp> setUp() {
        List<IoOp> ops = new ArrayList<>();
        for (int sdid = 1; sdid <= configured; sdid++) {
            ops.addAll(IoOp.command(CommandWord.setSdcfgEntry(sdid), randomConfig().toData1(), 0));
        }
        ops.addAll(IoOp.command(CommandWord.setSdcfgEntry(configured + 1), SdConfig.bare(mxl()).toData1(), 0));
        for (int r = 0; r < rules.length; r++) {
            rules[r] = randomRule(r);
            ops.addAll(IoOp.command(CommandWord.setSdclEntry(r), rules[r].toData1(), 0));
        }
        refreshDevices();
        ops.addAll(IoOp.command(CommandWord.iofence(), 0, 0));
        ops.addAll(IoOp.mode(CheckerMode.ON.encoding()));
        return ops;
    }

    /** One round: about {@code dma} DMA transactions with register programs between them. */
    public List<IoOp> round(int dma) {
        List<IoOp> ops = new ArrayList<>();
        if (rnd.nextInt(3) == 0) {
            ops.addAll(mptStore()); // between two runs: every verdict of the last one is in
        }
        int left = dma;
        while (left > 0) {
            int burst = Math.min(left, 1 + rnd.nextInt(48));
            for (int i = 0; i < burst; i++) {
                DmaTransaction tx = tag(randomDma());
                // on no IDE stream, half the time an IDE rule's key on the ignored dma_ide_id
                ops.add(new IoOp.Dma(tx, tx.ide() == null && rnd.nextBoolean() ? ideKeys.get(rnd.nextInt(ideKeys.size())) : 0));
                if (rnd.nextInt(40) == 0) {
                    ops.add(new IoOp.Idle(1 + rnd.nextInt(6)));
                }
            }
            left -= burst;
            ops.addAll(program());
        }
        return ops;
    }

    private int mxl() {
        return params.mptModes().contains(MttMode.SMMPT34) ? 1 : 0;
    }

    private SdConfig randomConfig() {
        BuiltTables t = tables.get(rnd.nextInt(tables.size()));
        return SdConfig.of(t.mode(), t.rootPpn(), false);
    }

    private SdclRule randomRule(int r) {
        int sdid = rnd.nextInt(10) == 0 ? configured + 1 + rnd.nextInt(3) : 1 + rnd.nextInt(configured);
        sdid = Math.min(sdid, params.sdidCount() - 1);
        TeeFilter tee = TeeFilter.values()[rnd.nextInt(params.teeFilter() ? 3 : 1)];
        int iommu = params.iommuCount() == 0 ? 0 : rnd.nextInt(params.iommuCount());
        int idMask = (1 << params.srcIdWidth()) - 1;
        int kind = rnd.nextInt(10);
        if (kind < 2) { // IDE stream rule
            SrcIdMatch m = SrcIdMatch.values()[rnd.nextInt(3)];
            int key = rnd.nextInt(0x400);
            if (m == SrcIdMatch.NAPOT) {
                key |= (1 << rnd.nextInt(5)) - 1;
            }
            return SdclRule.ideStream(m, key >>> 8, key & 0xFF, tee, iommu, sdid);
        }
        SrcIdMatch m = SrcIdMatch.values()[rnd.nextInt(3)];
        int base = rnd.nextInt(0x800) & idMask;
        if (m == SrcIdMatch.NAPOT) {
            base |= (1 << rnd.nextInt(7)) - 1; // trailing ones: range size
        }
        if (m == SrcIdMatch.TOR && r > 0) {
            base = Math.min(idMask, (rules[r - 1] == null ? 0 : rules[r - 1].srcId()) + rnd.nextInt(64)); // a top above
        }
        return kind == 9 ? SdclRule.none(base) : SdclRule.deviceId(m, base, tee, iommu, sdid);
    }

    /** Device IDs and IDE keys at every rule's boundaries (TOR bounds, NAPOT range ends, Unary ± 1). */
    private void refreshDevices() {
        devices.clear();
        ideKeys.clear();
        int idMask = (1 << params.srcIdWidth()) - 1;
        for (int r = 0; r < rules.length; r++) {
            SdclRule x = rules[r];
            int lo = x.srcId();
            List<Integer> into = x.srcIdt() == 2 ? ideKeys : devices;
            int keyMask = x.srcIdt() == 2 ? 0xFFFF : idMask;
            into.add(lo & keyMask);
            into.add((lo + 1) & keyMask);
            into.add((lo - 1) & keyMask);
            if (x.srcIdm() == SrcIdMatch.NAPOT.encoding()) {
                int ones = Integer.numberOfTrailingZeros(~lo);
                int first = lo & ~((1 << ones) - 1) & ~(1 << ones) & keyMask;
                int last = (first + (1 << (ones + 1)) - 1) & keyMask;
                into.add(first);
                into.add(last);
                into.add((last + 1) & keyMask);
            }
            if (x.srcIdm() == SrcIdMatch.TOR.encoding() && r > 0) {
                into.add(rules[r - 1].srcId() & keyMask);
            }
        }
        if (ideKeys.isEmpty()) {
            ideKeys.add(0);
        }
    }

    /**
     * A store to an MPT entry (made now, between two runs): the leaf entry of a mapped page in one table is zeroed
     * (invalid) or replaced by another page's leaf of the same level (other permissions). Then, or not yet, the
     * MPTINVAL that covers it: the 4 KiB page, the SDID (one of those that may use the table), or everything.
     */
    private List<IoOp> mptStore() {
        BuiltTables t = tables.get(rnd.nextInt(tables.size()));
        io.mttkit.golden.MttLookup walk = new io.mttkit.golden.MttLookup(memory,
                io.mttkit.golden.ImplicitReadCheck.ALLOW_ALL, params.lookupConfig());
        // mostly a page DMA used recently: its entry is likely cached, so the store leaves a stale entry
        long page = hotCount > 0 && rnd.nextInt(4) != 0 ? hotPage[rnd.nextInt(hotCount)]
                : mappedPages.get(rnd.nextInt(mappedPages.size()));
        io.mttkit.golden.LookupResult a = walk.lookup(t.mode(), t.rootPpn(), page, 1, false,
                new io.mttkit.golden.LookupResult());
        if (a.readCount() == 0 || !memory.canRead(a.readAddr(a.readCount() - 1), 8)) {
            return List.of();
        }
        long addr = a.readAddr(a.readCount() - 1);
        long value = 0;
        if (rnd.nextBoolean()) {
            long other = mappedPages.get(rnd.nextInt(mappedPages.size()));
            io.mttkit.golden.LookupResult b = walk.lookup(t.mode(), t.rootPpn(), other, 1, false,
                    new io.mttkit.golden.LookupResult());
            if (b.readCount() == a.readCount() && b.cause() == a.cause() && b.level() == a.level()) {
                value = b.readValue(b.readCount() - 1);
            }
        }
        memory.write64(addr, value);
        stores++;
        return switch (rnd.nextInt(4)) {
            case 0 -> List.of(); // not yet: the cached entry (if any) stays a legal answer
            case 1 -> IoOp.command(MptInval.ofRange(page >>> 12, false).toCommand(), MptInval.ofRange(page >>> 12,
                    false).toData1(), 0);
            case 2 -> IoOp.command(CommandWord.mptinvalSdid(1 + rnd.nextInt(configured)), 0, 0);
            default -> IoOp.command(MptInval.all().toCommand(), MptInval.all().toData1(), 0);
        };
    }

    /** MPT stores made so far. */
    public long stores() {
        return stores;
    }

    private DmaTransaction randomDma() {
        if (hotCount > 0 && rnd.nextInt(3) != 0) { // locality: a recent device and page again
            int h = rnd.nextInt(hotCount);
            int offset = rnd.nextInt(4096);
            int size = 1 + rnd.nextInt(Math.min(4096 - offset, 64));
            return new DmaTransaction(0, (int) hotDevice[h], null, rnd.nextInt(8) == 0, false,
                    hotPage[h] + offset, size, 1 + rnd.nextInt(7));
        }
        DmaTransaction tx = freshDma();
        int h = hotCount < hotDevice.length ? hotCount++ : rnd.nextInt(hotDevice.length);
        hotDevice[h] = tx.deviceId();
        hotPage[h] = tx.pa() & ~0xFFFL;
        return tx;
    }

    private DmaTransaction freshDma() {
        int idMask = (1 << params.srcIdWidth()) - 1;
        int dev = rnd.nextInt(5) == 0 ? rnd.nextInt(0x1000) & idMask : devices.get(rnd.nextInt(devices.size()));
        long pa;
        int p = rnd.nextInt(20);
        if (p == 0 && params.paw() > 44) {
            pa = (1L << (44 + rnd.nextInt(params.paw() - 44))) + rnd.nextInt(1 << 20); // beyond Smmpt43's PA width
        } else if (p <= 2 && !superpages.isEmpty()) { // any page of a 2 MiB superpage region
            pa = superpages.get(rnd.nextInt(superpages.size())) + ((long) rnd.nextInt(512) << 12);
        } else if (p < 4) {
            pa = 0x8000_0000L + ((long) rnd.nextInt(1 << 14) << 12); // anywhere nearby, mostly unmapped
        } else {
            pa = mappedPages.get(rnd.nextInt(mappedPages.size()));
        }
        int offset = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(4096);
        pa = (pa & ~0xFFFL) + offset;
        int maxSize = 4096 - offset;
        int size = rnd.nextInt(3) == 0 ? maxSize : 1 + rnd.nextInt(Math.min(maxSize, 256));
        int need = 1 + rnd.nextInt(7);
        DmaTransaction tx = new DmaTransaction(0, dev, null, rnd.nextBoolean(), rnd.nextInt(10) == 0, pa, size, need);
        if (rnd.nextInt(4) == 0) {
            int key = ideKeys.get(rnd.nextInt(ideKeys.size()));
            tx = tx.withIde(key >>> 8, key & 0xFF);
        }
        return tx;
    }

    /** One random register program. */
    private List<IoOp> program() {
        List<IoOp> ops = new ArrayList<>();
        int k = rnd.nextInt(100);
        if (k < 18) { // reconfigure a rule, fenced or not
            int r = rnd.nextInt(rules.length);
            rules[r] = randomRule(r);
            ops.addAll(withTraffic(IoOp.command(CommandWord.setSdclEntry(r), rules[r].toData1(), 0)));
            if (rnd.nextBoolean()) {
                ops.addAll(IoOp.command(CommandWord.iofence(), 0, 0));
            }
            refreshDevices();
        } else if (k < 30) { // change a domain's root or mode; fence and invalidate as the spec requires (mostly)
            int sdid = 1 + rnd.nextInt(configured + 1);
            SdConfig c = rnd.nextInt(6) == 0 ? SdConfig.bare(mxl()) : randomConfig();
            long d1 = c.toData1() | (rnd.nextInt(4) == 0 ? 1L << 60 : 0); // sometimes MBE (bit 60) set
            ops.addAll(withTraffic(IoOp.command(CommandWord.setSdcfgEntry(sdid), rnd.nextInt(8) == 0 ? d1 : c.toData1(),
                    0)));
            if (rnd.nextInt(4) != 0) {
                ops.addAll(IoOp.command(CommandWord.iofence(), 0, 0));
                ops.addAll(IoOp.command(CommandWord.mptinvalSdid(sdid), 0, 0));
            }
        } else if (k < 42) { // MPTINVAL of every scope
            MptInval inv = switch (rnd.nextInt(4)) {
                case 0 -> MptInval.all();
                case 1 -> MptInval.ofSdid(rnd.nextInt(params.sdidCount()));
                default -> {
                    boolean s = rnd.nextBoolean();
                    long ppn = (mappedPages.get(rnd.nextInt(mappedPages.size())) >>> 12) | (s ? (1L << rnd.nextInt(10)) - 1 : 0);
                    yield rnd.nextBoolean() ? MptInval.ofRange(ppn, s)
                            : MptInval.ofRange(ppn, s, rnd.nextInt(params.sdidCount()));
                }
            };
            ops.addAll(IoOp.command(inv.toCommand(), inv.toData1(), 0));
        } else if (k < 50) {
            ops.addAll(IoOp.command(CommandWord.iofence(), 0, 0));
        } else if (k < 62) { // GETs, valid and invalid ids
            if (rnd.nextBoolean()) {
                ops.addAll(IoOp.command(CommandWord.getSdclEntry(rnd.nextInt(Math.min(256, rules.length + 4))), 0, 0));
            } else {
                ops.addAll(IoOp.command(CommandWord.getSdcfgEntry(rnd.nextInt(params.sdidCount())), 0, 0));
            }
        } else if (k < 68) { // invalid rule id / SDID / operands / OP
            int c = switch (rnd.nextInt(4)) {
                case 0 -> CommandWord.setSdclEntry(rules.length + rnd.nextInt(256 - rules.length));
                case 1 -> CommandWord.setSdcfgEntry(params.sdidCount() < 64
                        ? params.sdidCount() + rnd.nextInt(64 - params.sdidCount()) : rnd.nextInt(64));
                case 2 -> CommandWord.setSdclEntry(rnd.nextInt(rules.length));
                default -> rnd.nextInt(256); // any OP, reserved ones included
            };
            long d1 = rnd.nextLong();
            ops.addAll(IoOp.command(c, d1, rnd.nextLong()));
            // a random SET may have changed a rule or an SDID: read them back into the generator's view
            if (new CommandWord(c).op() == 2 && new CommandWord(c).ruleId() < rules.length) {
                ops.addAll(IoOp.command(CommandWord.getSdclEntry(new CommandWord(c).ruleId()), 0, 0));
            }
        } else if (k < 74) { // commands and writes while BUSY
            ops.add(IoOp.Reg.write(RegisterInterface.COMMAND, 4, CommandWord.iofence()));
            ops.add(IoOp.Reg.read(RegisterInterface.STATUS, 4));
            ops.add(IoOp.Reg.write(RegisterInterface.COMMAND, 4, CommandWord.getSdcfgEntry(1)));
            ops.add(IoOp.Reg.write(RegisterInterface.DATA1, 8, rnd.nextLong()));
            ops.add(IoOp.Reg.write(RegisterInterface.CONTROL, 4, CheckerMode.ON.encoding())); // ignored while BUSY
            ops.add(new IoOp.Poll());
            ops.add(IoOp.Reg.read(RegisterInterface.STATUS, 4));
            ops.add(IoOp.Reg.read(RegisterInterface.CONTROL, 4));
            ops.add(IoOp.Reg.read(RegisterInterface.DATA1, 8));
        } else if (k < 82) { // MODE Off / Bare / On (and a WARL value), back to On mostly
            int m = rnd.nextInt(5);
            ops.addAll(IoOp.mode(m == 3 ? 7 : m % 3));
            for (int i = rnd.nextInt(24); i > 0; i--) { // a few transactions in that mode
                ops.add(new IoOp.Dma(tag(randomDma())));
            }
            ops.addAll(IoOp.mode(CheckerMode.ON.encoding()));
        } else if (k < 90) { // odd register accesses (UNSPECIFIED ones read 0, writes ignored)
            int addr = rnd.nextInt(32);
            int size = new int[] {1, 2, 4, 8}[rnd.nextInt(4)];
            ops.add(rnd.nextBoolean() ? IoOp.Reg.read(addr, size) : IoOp.Reg.write(addr, size, rnd.nextLong()));
            ops.add(IoOp.Reg.read(RegisterInterface.CAPABILITIES, 4));
            ops.add(IoOp.Reg.read(RegisterInterface.COMMAND, 4));
            ops.add(new IoOp.Poll());
        } else {
            ops.add(new IoOp.Idle(1 + rnd.nextInt(20)));
        }
        return ops;
    }

    /**
     * Half the time, DMA transactions right after the command write, before software polls: they may be classified
     * with the old or the new configuration (the scoreboard's reconfiguration window).
     */
    private List<IoOp> withTraffic(List<IoOp> program) {
        if (rnd.nextBoolean()) {
            return program;
        }
        List<IoOp> out = new ArrayList<>(program);
        int at = 3; // after data1, data2 and command
        for (int i = 1 + rnd.nextInt(4); i > 0; i--) {
            out.add(at, new IoOp.Dma(tag(randomDma())));
        }
        return out;
    }

    /** Numbers {@code tx} in stream order (the RTL sees the low {@code idWidth} bits as {@code dma_id}). */
    private DmaTransaction tag(DmaTransaction tx) {
        return tx.withId(dmaCounter++);
    }

    /** The DMA id width of the checker (ids wrap at it). */
    public int idWidth() {
        return idWidth;
    }

    /** Brings the checker back to On after a program may have left it Off or Bare. */
    public List<IoOp> on() {
        return IoOp.mode(CheckerMode.ON.encoding());
    }
}
