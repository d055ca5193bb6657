package io.mttkit.golden.cove;

import io.mttkit.golden.iompt.CheckerMode;
import io.mttkit.golden.iompt.DmaTransaction;
import io.mttkit.golden.iompt.DmaVerdict;
import io.mttkit.golden.iompt.IoMptChecker;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The DMA agent of the CoVE scenario ({@code docs/cove.md} "The device side"): on behalf of each device it issues
 * 8-byte DMA reads and writes to pages of the pool while the harts run the flows, each checked by the I/O MPT
 * checker. It is stepped once per instruction retired by any hart (so it is interleaved with the harts exactly as
 * deterministically as they are with each other) and issues a transaction with probability 1/{@code period},
 * drawn from its own generator seeded from the run's seed. Devices are quiet until the monitor has turned the
 * checker On (before that there is nothing configured for them to be checked against). The transactions are
 * checks: no data moves (the harts' probes must not see DMA data).
 */
public final class DmaAgent {
    /** A DMA-capable device: its ID on the bus (the SDCL's {@code SRC_ID}) and the domain it is assigned to. */
    public record Device(String name, int deviceId, int sdid) {
    }

    /** Told about every DMA check. */
    @FunctionalInterface
    public interface Sink {
        void dmaChecked(int device, Device d, DmaTransaction tx, DmaVerdict verdict);
    }

    private final IoMptChecker checker;
    private final List<Device> devices;
    private final long poolBase;
    private final int poolPages;
    private final int period;
    private final SplittableRandom random;
    private final Sink sink;
    private long issued;

    /**
     * @param seed   the run's seed (the agent's generator is derived from it)
     * @param period one transaction per {@code period} retired instructions on average (≥ 1)
     */
    public DmaAgent(IoMptChecker checker, List<Device> devices, long poolBase, int poolPages, long seed, int period,
                    Sink sink) {
        if (period < 1) {
            throw new IllegalArgumentException("the DMA period must be at least 1, got " + period);
        }
        this.checker = checker;
        this.devices = List.copyOf(devices);
        this.poolBase = poolBase;
        this.poolPages = poolPages;
        this.period = period;
        // a stream of its own: the harts' scheduler uses the seed as it is
        this.random = new SplittableRandom(seed ^ 0x444D_4121_C0DE_0D3AL);
        this.sink = sink;
    }

    /** The devices, by index. */
    public List<Device> devices() {
        return devices;
    }

    /** Transactions issued so far. */
    public long issued() {
        return issued;
    }

    /** One instruction retired somewhere: maybe one DMA transaction. */
    public void step() {
        if (random.nextInt(period) != 0 || checker.mode() != CheckerMode.ON) {
            return;
        }
        int d = random.nextInt(devices.size());
        long pa = poolBase + (long) random.nextInt(poolPages) * 4096 + 8L * random.nextInt(512);
        boolean write = random.nextBoolean();
        Device dev = devices.get(d);
        DmaTransaction tx = write ? DmaTransaction.write(dev.deviceId(), pa, 8)
                : DmaTransaction.read(dev.deviceId(), pa, 8);
        tx = tx.withId(issued++);
        sink.dmaChecked(d, dev, tx, checker.check(tx));
    }
}
