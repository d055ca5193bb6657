package io.mttkit.golden.hart;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Zicsr: "If a CSR access instruction writes such a CSR [one incremented as a side effect of execution], the
 * write is done instead of the increment. In particular, a value written to instret by one instruction will be
 * the value read by the following instruction." The same for {@code mcycle}, and on RV32 for the high halves.
 */
class CounterWriteTest {
    static final int MCYCLE = 0xB00;
    static final int MINSTRET = 0xB02;
    static final int MCYCLEH = 0xB80;
    static final int MINSTRETH = 0xB82;

    /** li x5, v; csrw csr, x5; csrr x6, csr — x6 must read v. */
    private static long writeThenRead(int xlen, int csr, int value) {
        Hart h = TestHarts.hart(xlen);
        TestHarts.run(h, new Asm().addi(7, 0, 1).addi(7, 0, 2).li32(5, value).csrw(csr, 5).csrr(6, csr));
        return h.reg(6);
    }

    @Test
    void aValueWrittenToMinstretIsReadByTheNextInstruction() {
        for (int xlen : new int[] {32, 64}) {
            assertEquals(1000, writeThenRead(xlen, MINSTRET, 1000), "RV" + xlen + " minstret");
        }
    }

    @Test
    void instretReadsTheWrittenValueToo() {
        Hart h = TestHarts.hart(64);
        TestHarts.run(h, new Asm().li32(5, 500).csrw(MINSTRET, 5).csrr(6, 0xC02).csrr(7, 0xC02));
        assertEquals(500, h.reg(6), "the instruction after the write reads the written value");
        assertEquals(501, h.reg(7), "and counting goes on from there");
    }

    @Test
    void aValueWrittenToMcycleIsReadByTheNextInstruction() {
        for (int xlen : new int[] {32, 64}) {
            assertEquals(77, writeThenRead(xlen, MCYCLE, 77), "RV" + xlen + " mcycle");
        }
    }

    @Test
    void counterWritesOfOtherCsrsDoNotStopCounting() {
        Hart h = TestHarts.hart(64);
        TestHarts.run(h, new Asm().li32(5, 40).csrw(MINSTRET, 5).csrw(0x340, 5).csrr(6, MINSTRET)
                .csrr(7, MCYCLE));
        assertEquals(41, h.reg(6), "the mscratch write retires and counts");
        assertEquals(5, h.reg(7), "mcycle was never written: 5 steps before the read");
    }

    @Test
    void rv32LowHalfWriteDoesNotCarryIntoTheHighHalf() {
        Hart h = TestHarts.hart(32);
        TestHarts.run(h, new Asm().addi(5, 0, -1).csrw(MINSTRET, 5).csrr(6, MINSTRETH));
        assertEquals(0, h.reg(6), "minstret = 0xFFFF_FFFF written, no increment: the high half stays 0");
    }

    @Test
    void rv32HighHalfWriteReplacesTheIncrementOfTheWholeCounter() {
        Hart h = TestHarts.hart(32);
        TestHarts.run(h, new Asm().addi(5, 0, 5).csrw(MINSTRETH, 5).csrr(6, MINSTRET).csrr(7, MINSTRETH));
        assertEquals(1, h.reg(6), "the low half keeps the addi's count: the minstreth write did not count");
        assertEquals(5, h.reg(7));
    }

    @Test
    void rv32McyclehWriteIsReadBack() {
        Hart h = TestHarts.hart(32);
        TestHarts.run(h, new Asm().addi(5, 0, 9).csrw(MCYCLEH, 5).csrr(6, MCYCLEH));
        assertEquals(9, h.reg(6));
    }
}
