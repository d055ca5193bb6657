package io.mttkit.golden.hart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.mttkit.golden.hart.Asm.i;
import static io.mttkit.golden.hart.Asm.r;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Instruction semantics from the Unprivileged ISA, one table of cases per class. Expected values are
 * worked out from the ISA text (comments give the arithmetic), not taken from the model.
 */
class InstructionSemanticsTest {
    private static final long MIN64 = Long.MIN_VALUE;

    // R-type: name, xlen, funct7, funct3, opcode, a (x1), b (x2), expected x3
    static Stream<Arguments> registerOps() {
        int op = 0x33;
        int w = 0x3B;
        return Stream.of(
                Arguments.of("add", 64, 0, 0, op, 5L, -7L, -2L),
                Arguments.of("sub 0-1", 64, 0x20, 0, op, 0L, 1L, -1L),
                Arguments.of("sll by 63", 64, 0, 1, op, 1L, 63L, MIN64),
                Arguments.of("sll uses rs2[5:0]", 64, 0, 1, op, 1L, 65L, 2L),
                Arguments.of("slt -1<1", 64, 0, 2, op, -1L, 1L, 1L),
                Arguments.of("sltu max<1", 64, 0, 3, op, -1L, 1L, 0L),
                Arguments.of("xor", 64, 0, 4, op, 0xF0L, 0xFFL, 0x0FL),
                Arguments.of("srl logical", 64, 0, 5, op, MIN64, 63L, 1L),
                Arguments.of("sra arithmetic", 64, 0x20, 5, op, MIN64, 63L, -1L),
                Arguments.of("or", 64, 0, 6, op, 0xF0L, 0x0FL, 0xFFL),
                Arguments.of("and", 64, 0, 7, op, 0xF0L, 0x3CL, 0x30L),
                // RV64 W-ops: 32-bit result sign-extended
                Arguments.of("addw overflow", 64, 0, 0, w, 0x7FFF_FFFFL, 1L, 0xFFFF_FFFF_8000_0000L),
                Arguments.of("addw ignores upper bits", 64, 0, 0, w, 0x1234_5678_0000_0001L, 1L, 2L),
                Arguments.of("subw", 64, 0x20, 0, w, 0L, 0x8000_0000L, 0xFFFF_FFFF_8000_0000L),
                Arguments.of("sllw", 64, 0, 1, w, 1L, 31L, 0xFFFF_FFFF_8000_0000L),
                Arguments.of("sllw uses rs2[4:0]", 64, 0, 1, w, 1L, 33L, 2L),
                Arguments.of("srlw", 64, 0, 5, w, 0x1234_5678_8000_0000L, 4L, 0x0800_0000L),
                Arguments.of("sraw", 64, 0x20, 5, w, 0x8000_0000L, 4L, 0xFFFF_FFFF_F800_0000L),
                // M extension, RV64
                Arguments.of("mul", 64, 1, 0, op, 3L, -4L, -12L),
                Arguments.of("mulh -1*-1", 64, 1, 1, op, -1L, -1L, 0L),
                Arguments.of("mulh MIN*MIN = 2^126", 64, 1, 1, op, MIN64, MIN64, 0x4000_0000_0000_0000L),
                Arguments.of("mulhsu -1*(2^64-1)", 64, 1, 2, op, -1L, -1L, -1L),
                Arguments.of("mulhsu 2*(2^64-1)", 64, 1, 2, op, 2L, -1L, 1L),
                Arguments.of("mulhu (2^64-1)^2", 64, 1, 3, op, -1L, -1L, -2L),
                Arguments.of("div truncates", 64, 1, 4, op, 7L, -2L, -3L),
                Arguments.of("div by zero = -1", 64, 1, 4, op, 7L, 0L, -1L),
                Arguments.of("div overflow = MIN", 64, 1, 4, op, MIN64, -1L, MIN64),
                Arguments.of("divu by zero = 2^64-1", 64, 1, 5, op, 7L, 0L, -1L),
                Arguments.of("divu", 64, 1, 5, op, -1L, 2L, 0x7FFF_FFFF_FFFF_FFFFL),
                Arguments.of("rem sign of dividend", 64, 1, 6, op, 7L, -2L, 1L),
                Arguments.of("rem -7 % 2", 64, 1, 6, op, -7L, 2L, -1L),
                Arguments.of("rem by zero = dividend", 64, 1, 6, op, -7L, 0L, -7L),
                Arguments.of("rem overflow = 0", 64, 1, 6, op, MIN64, -1L, 0L),
                Arguments.of("remu by zero = dividend", 64, 1, 7, op, -7L, 0L, -7L),
                Arguments.of("mulw", 64, 1, 0, w, 0x7FFF_FFFFL, 2L, -2L),
                Arguments.of("divw overflow", 64, 1, 4, w, 0x8000_0000L, -1L, 0xFFFF_FFFF_8000_0000L),
                Arguments.of("divw by zero", 64, 1, 4, w, 5L, 0L, -1L),
                Arguments.of("divuw", 64, 1, 5, w, 0xFFFF_FFFFL, 2L, 0x7FFF_FFFFL),
                Arguments.of("divuw by zero", 64, 1, 5, w, 5L, 0L, -1L),
                Arguments.of("remw by zero sign-extends", 64, 1, 6, w, 0x8000_0001L, 0L, 0xFFFF_FFFF_8000_0001L),
                Arguments.of("remuw", 64, 1, 7, w, 0xFFFF_FFFFL, 10L, 5L),
                // RV32: registers are 32 bits (shown sign-extended)
                Arguments.of("rv32 add wraps", 32, 0, 0, op, 0x7FFF_FFFFL, 1L, (long) Integer.MIN_VALUE),
                Arguments.of("rv32 sll uses rs2[4:0]", 32, 0, 1, op, 1L, 33L, 2L),
                Arguments.of("rv32 sltu", 32, 0, 3, op, -1L, 1L, 0L),
                Arguments.of("rv32 srl", 32, 0, 5, op, (long) Integer.MIN_VALUE, 31L, 1L),
                Arguments.of("rv32 sra", 32, 0x20, 5, op, (long) Integer.MIN_VALUE, 31L, -1L),
                Arguments.of("rv32 mulh", 32, 1, 1, op, -1L, -1L, 0L),
                Arguments.of("rv32 mulhu", 32, 1, 3, op, -1L, -1L, (long) 0xFFFF_FFFE),
                Arguments.of("rv32 mulhsu", 32, 1, 2, op, -1L, -1L, -1L),
                Arguments.of("rv32 div overflow", 32, 1, 4, op, (long) Integer.MIN_VALUE, -1L, (long) Integer.MIN_VALUE),
                Arguments.of("rv32 rem overflow", 32, 1, 6, op, (long) Integer.MIN_VALUE, -1L, 0L),
                Arguments.of("rv32 divu by zero", 32, 1, 5, op, 9L, 0L, -1L),
                Arguments.of("rv32 remu", 32, 1, 7, op, -1L, 10L, 5L)); // 4294967295 % 10 = 5
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registerOps")
    void registerRegister(String name, int xlen, int f7, int f3, int opcode, long a, long b, long expect) {
        Hart h = TestHarts.hart(xlen);
        h.setReg(1, a);
        h.setReg(2, b);
        TestHarts.exec(h, r(f7, 2, 1, f3, 3, opcode));
        assertEquals(expect, h.reg(3), name);
        assertEquals(1, h.instret());
    }

    // I-type ALU: name, xlen, insn (rd=3, rs1=1), a, expected
    static Stream<Arguments> immediateOps() {
        return Stream.of(
                Arguments.of("addi -2048", 64, i(-2048, 1, 0, 3, 0x13), 0L, -2048L),
                Arguments.of("slti", 64, i(-1, 1, 2, 3, 0x13), -2L, 1L),
                Arguments.of("sltiu -1 = max", 64, i(-1, 1, 3, 3, 0x13), 5L, 1L),
                Arguments.of("sltiu max < max is false", 64, i(-1, 1, 3, 3, 0x13), -1L, 0L),
                Arguments.of("xori -1 = not", 64, i(-1, 1, 4, 3, 0x13), 0x0FL, ~0x0FL),
                Arguments.of("slli 63", 64, i(63, 1, 1, 3, 0x13), 1L, MIN64),
                Arguments.of("srli 63", 64, i(63, 1, 5, 3, 0x13), -1L, 1L),
                Arguments.of("srai 63", 64, i(0x400 | 63, 1, 5, 3, 0x13), MIN64, -1L),
                Arguments.of("addiw wraps", 64, i(1, 1, 0, 3, 0x1B), 0x7FFF_FFFFL, 0xFFFF_FFFF_8000_0000L),
                Arguments.of("slliw", 64, i(31, 1, 1, 3, 0x1B), 1L, 0xFFFF_FFFF_8000_0000L),
                Arguments.of("srliw", 64, i(31, 1, 5, 3, 0x1B), 0xFFFF_FFFF_8000_0000L, 1L),
                Arguments.of("sraiw", 64, i(0x400 | 31, 1, 5, 3, 0x1B), 0x8000_0000L, -1L),
                Arguments.of("rv32 srai 31", 32, i(0x400 | 31, 1, 5, 3, 0x13), (long) Integer.MIN_VALUE, -1L),
                Arguments.of("rv32 sltiu", 32, i(-1, 1, 3, 3, 0x13), 0x7FFF_FFFFL, 1L),
                Arguments.of("lui sign-extends on RV64", 64, (0x80000 << 12) | (3 << 7) | 0x37, 0L,
                        0xFFFF_FFFF_8000_0000L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("immediateOps")
    void registerImmediate(String name, int xlen, int insn, long a, long expect) {
        Hart h = TestHarts.hart(xlen);
        h.setReg(1, a);
        TestHarts.exec(h, insn);
        assertEquals(expect, h.reg(3), name);
    }

    @Test
    void auipcAddsToItsOwnPc() {
        Hart h = TestHarts.hart(64);
        TestHarts.exec(h, (0x1 << 12) | (3 << 7) | 0x17);
        assertEquals(TestHarts.RAM + 0x1000, h.reg(3));
    }

    // Loads: name, xlen, funct3, stored 64-bit little-endian value at RAM+0x100, expected
    static Stream<Arguments> loads() {
        long v = 0x8899_AABB_CCDD_EEF0L;
        return Stream.of(
                Arguments.of("lb sign-extends", 64, 0, v, (long) (byte) 0xF0),
                Arguments.of("lbu zero-extends", 64, 4, v, 0xF0L),
                Arguments.of("lh", 64, 1, v, (long) (short) 0xEEF0),
                Arguments.of("lhu", 64, 5, v, 0xEEF0L),
                Arguments.of("lw", 64, 2, v, (long) 0xCCDD_EEF0),
                Arguments.of("lwu", 64, 6, v, 0xCCDD_EEF0L),
                Arguments.of("ld", 64, 3, v, v),
                Arguments.of("rv32 lw", 32, 2, v, (long) 0xCCDD_EEF0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loads")
    void loadsExtendAsTheIsaSays(String name, int xlen, int f3, long stored, long expect) {
        Hart h = TestHarts.hart(xlen);
        h.memory().store(TestHarts.RAM + 0x100, 8, stored);
        h.setReg(1, TestHarts.RAM + 0x100);
        TestHarts.exec(h, i(0, 1, f3, 3, 0x03));
        assertEquals(expect, h.reg(3), name);
    }

    @Test
    void storesWriteOnlyTheirWidth() {
        Hart h = TestHarts.hart(64);
        h.memory().store(TestHarts.RAM + 0x100, 8, -1L);
        h.setReg(1, TestHarts.RAM + 0x100);
        h.setReg(2, 0x1122_3344_5566_7788L);
        TestHarts.exec(h, Asm.s(0, 2, 1, 1, 0x23)); // sh
        assertEquals(0xFFFF_FFFF_FFFF_7788L, h.memory().load(TestHarts.RAM + 0x100, 8));
        TestHarts.exec(h, Asm.s(4, 2, 1, 0, 0x23)); // sb at +4
        assertEquals(0xFFFF_FF88_FFFF_7788L, h.memory().load(TestHarts.RAM + 0x100, 8));
    }

    @Test
    void rv64OnlyInstructionsAreIllegalOnRv32() {
        for (int insn : new int[] {i(0, 1, 3, 3, 0x03), i(0, 1, 6, 3, 0x03), Asm.s(0, 2, 1, 3, 0x23),
            i(1, 1, 0, 3, 0x1B), r(0, 2, 1, 0, 3, 0x3B), i(32, 1, 1, 3, 0x13)}) {
            Hart h = TestHarts.hart(32);
            h.setReg(1, TestHarts.RAM + 0x100);
            TestHarts.exec(h, insn);
            assertEquals(TrapCause.ILLEGAL_INSN, h.csr(0x342), Integer.toHexString(insn));
            assertEquals(insn & 0xFFFF_FFFFL, h.csr(0x343), "mtval holds the instruction bits");
            assertEquals(0, h.instret());
        }
    }

    @Test
    void branchesAndJumps() {
        Hart h = TestHarts.hart(64);
        h.setReg(1, -1);
        h.setReg(2, 1);
        TestHarts.exec(h, Asm.b(16, 2, 1, 4)); // blt -1 < 1: taken
        assertEquals(TestHarts.RAM + 16, h.pc());
        TestHarts.exec(h, Asm.b(16, 2, 1, 6)); // bltu max < 1: not taken
        assertEquals(TestHarts.RAM + 20, h.pc());
        TestHarts.exec(h, Asm.j(-20, 5)); // jal t0, -20
        assertEquals(TestHarts.RAM, h.pc());
        assertEquals(TestHarts.RAM + 24, h.reg(5));
        h.setReg(6, TestHarts.RAM + 0x41);
        TestHarts.exec(h, i(0, 6, 0, 7, 0x67)); // jalr t2, 0(t1): bit 0 cleared
        assertEquals(TestHarts.RAM + 0x40, h.pc());
        assertEquals(TestHarts.RAM + 4, h.reg(7));
    }

    @Test
    void misalignedJumpTargetTrapsWithoutWritingTheLinkRegister() {
        // Without C, IALIGN = 32: a 2-byte aligned target is misaligned
        Hart h = TestHarts.hart(HartConfig.defaults(64, io.mttkit.golden.TableFormat.SMMPT_V0_9).withCompressed(false));
        h.setReg(6, TestHarts.RAM + 0x42);
        h.setReg(7, 1234);
        TestHarts.exec(h, i(0, 6, 0, 7, 0x67));
        assertEquals(TrapCause.INSN_MISALIGNED, h.csr(0x342));
        assertEquals(TestHarts.RAM + 0x42, h.csr(0x343));
        assertEquals(TestHarts.RAM, h.csr(0x341));
        assertEquals(1234, h.reg(7));
    }

    @Test
    void withCompressedTwoByteAlignedTargetsAreFine() {
        Hart h = TestHarts.hart(64);
        h.setReg(6, TestHarts.RAM + 0x42);
        TestHarts.exec(h, i(0, 6, 0, 7, 0x67));
        assertEquals(TestHarts.RAM + 0x42, h.pc());
        assertEquals(TestHarts.RAM + 4, h.reg(7));
    }

    @Test
    void misalignedLoadsAndStoresTrapWithTheAddress() {
        Hart h = TestHarts.hart(64);
        h.setReg(1, TestHarts.RAM + 0x102);
        TestHarts.exec(h, i(0, 1, 2, 3, 0x03)); // lw
        assertEquals(TrapCause.LOAD_MISALIGNED, h.csr(0x342));
        assertEquals(TestHarts.RAM + 0x102, h.csr(0x343));
        h.setPc(TestHarts.RAM);
        TestHarts.exec(h, Asm.s(0, 2, 1, 3, 0x23)); // sd
        assertEquals(TrapCause.STORE_MISALIGNED, h.csr(0x342));
    }

    @Test
    void writesToX0AreDiscarded() {
        Hart h = TestHarts.hart(64);
        TestHarts.exec(h, i(5, 0, 0, 0, 0x13));
        assertEquals(0, h.reg(0));
    }
}
