package io.mttkit.golden.hart;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The A extension: AMOs return the old value and store op(old, rs2); LR/SC reservations. */
class AtomicsTest {
    static final long ADDR = TestHarts.RAM + 0x200;

    static int amo(int f5, int f3, int rd, int rs1, int rs2) {
        return (f5 << 27) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | 0x2F;
    }

    // name, f5, f3 (2 = .w, 3 = .d), memory before, rs2, memory after (as loaded with the AMO's width)
    static Stream<Arguments> amos() {
        return Stream.of(
                Arguments.of("amoswap.d", 0b00001, 3, 5L, 9L, 9L),
                Arguments.of("amoadd.d", 0b00000, 3, 5L, -9L, -4L),
                Arguments.of("amoxor.d", 0b00100, 3, 0xF0L, 0xFFL, 0x0FL),
                Arguments.of("amoand.d", 0b01100, 3, 0xF0L, 0x3CL, 0x30L),
                Arguments.of("amoor.d", 0b01000, 3, 0xF0L, 0x0FL, 0xFFL),
                Arguments.of("amomin.d signed", 0b10000, 3, -1L, 1L, -1L),
                Arguments.of("amomax.d signed", 0b10100, 3, -1L, 1L, 1L),
                Arguments.of("amominu.d", 0b11000, 3, -1L, 1L, 1L),
                Arguments.of("amomaxu.d", 0b11100, 3, -1L, 1L, -1L),
                Arguments.of("amoadd.w wraps in 32 bits", 0b00000, 2, 0x7FFF_FFFFL, 1L, 0x8000_0000L),
                Arguments.of("amomin.w signed on 32 bits", 0b10000, 2, 0x8000_0000L, 1L, 0x8000_0000L),
                Arguments.of("amominu.w unsigned on 32 bits", 0b11000, 2, 0x8000_0000L, 1L, 1L),
                Arguments.of("amomaxu.w", 0b11100, 2, 0x8000_0000L, 1L, 0x8000_0000L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("amos")
    void amoReturnsOldValueAndStoresResult(String name, int f5, int f3, long before, long rs2, long after) {
        Hart h = TestHarts.hart(64);
        int size = f3 == 2 ? 4 : 8;
        h.memory().store(ADDR, size, before);
        h.setReg(1, ADDR);
        h.setReg(2, rs2);
        TestHarts.exec(h, amo(f5, f3, 3, 1, 2));
        long oldSext = size == 4 ? (int) before : before;
        assertEquals(oldSext, h.reg(3), name + ": rd gets the old value (sign-extended for .w)");
        assertEquals(after, h.memory().load(ADDR, size), name);
    }

    @Test
    void scSucceedsOnlyAfterLrToTheSameAddress() {
        Hart h = TestHarts.hart(64);
        h.memory().store(ADDR, 8, 42);
        h.setReg(1, ADDR);
        h.setReg(2, 7);
        TestHarts.exec(h, amo(0b00011, 3, 3, 1, 2)); // sc.d without a reservation
        assertEquals(1, h.reg(3));
        assertEquals(42, h.memory().load(ADDR, 8));
        TestHarts.exec(h, amo(0b00010, 3, 4, 1, 0)); // lr.d
        assertEquals(42, h.reg(4));
        TestHarts.exec(h, amo(0b00011, 3, 3, 1, 2)); // sc.d
        assertEquals(0, h.reg(3));
        assertEquals(7, h.memory().load(ADDR, 8));
        TestHarts.exec(h, amo(0b00011, 3, 3, 1, 2)); // the reservation was consumed
        assertEquals(1, h.reg(3));
    }

    @Test
    void aTrapClearsTheReservation() {
        Hart h = TestHarts.hart(64);
        h.setReg(1, ADDR);
        TestHarts.exec(h, amo(0b00010, 3, 4, 1, 0)); // lr.d
        long back = h.pc();
        TestHarts.exec(h, 0x00000073); // ecall → trap (mtvec = 0 is outside RAM, but only the reservation matters)
        h.setPc(back + 4);
        TestHarts.exec(h, amo(0b00011, 3, 3, 1, 2));
        assertEquals(1, h.reg(3));
    }

    @Test
    void amosFollowMbeInMachineMode() {
        Hart h = TestHarts.hart(64);
        h.mstatus |= Hart.MBE;
        h.memory().store(ADDR, 4, 0x0100_0000L); // bytes 00 00 00 01: the big-endian word 1
        h.setReg(1, ADDR);
        h.setReg(2, 1);
        TestHarts.exec(h, amo(0b00000, 2, 3, 1, 2)); // amoadd.w
        assertEquals(1, h.reg(3));
        assertEquals(0x0200_0000L, h.memory().load(ADDR, 4));
    }

    @Test
    void misalignedAmoAndLrWithRs2AreRejected() {
        Hart h = TestHarts.hart(64);
        h.setReg(1, ADDR + 4);
        TestHarts.exec(h, amo(0b00000, 3, 3, 1, 2));
        assertEquals(TrapCause.STORE_MISALIGNED, h.csr(0x342));
        h.setPc(TestHarts.RAM);
        h.setReg(1, ADDR);
        TestHarts.exec(h, amo(0b00010, 3, 3, 1, 2)); // lr with rs2 != 0
        assertEquals(TrapCause.ILLEGAL_INSN, h.csr(0x342));
        h.setPc(TestHarts.RAM);
        Hart h32 = TestHarts.hart(32);
        h32.setReg(1, ADDR);
        TestHarts.exec(h32, amo(0b00000, 3, 3, 1, 2)); // .d on RV32
        assertEquals(TrapCause.ILLEGAL_INSN, h32.csr(0x342));
    }
}
