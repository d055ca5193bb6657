package io.mttkit.golden.hart;

import io.mttkit.golden.MttMode;
import io.mttkit.golden.tables.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The C extension: expansion checked against the GNU assembler, reserved encodings, page-crossing fetches. */
class CompressedTest {

    /** Assembles {@code programs/rvc_cases.S} and returns "address encoding" per instruction, in order. */
    private static List<String[]> assemble(int xlen, boolean rvc, Path dir) throws Exception {
        Path obj = dir.resolve("rvc" + xlen + (rvc ? "c" : "") + ".o");
        Process gcc = new ProcessBuilder("riscv64-unknown-elf-gcc", "-march=rv" + xlen + "ima" + (rvc ? "c" : "")
                + "_zicsr_zifencei", "-mabi=" + (xlen == 32 ? "ilp32" : "lp64"), "-c",
                Programs.dir().resolve("rvc_cases.S").toString(), "-o", obj.toString()).redirectErrorStream(true).start();
        String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(gcc.waitFor(60, TimeUnit.SECONDS) && gcc.exitValue() == 0, log);
        Process dump = new ProcessBuilder("riscv64-unknown-elf-objdump", "-d", obj.toString())
                .redirectErrorStream(true).start();
        String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(dump.waitFor(60, TimeUnit.SECONDS));
        List<String[]> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2 && f[0].matches("[0-9a-f]+:") && f[1].matches("[0-9a-f]{4}|[0-9a-f]{8}")) {
                out.add(new String[] {f[0], f[1]});
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64})
    void expansionEqualsWhatTheAssemblerEmitsWithoutC(int xlen) throws Exception {
        Programs.requireToolchain();
        Path dir = Files.createTempDirectory("rvc");
        List<String[]> c = assemble(xlen, true, dir);
        List<String[]> full = assemble(xlen, false, dir);
        assertEquals(full.size(), c.size());
        int compressed = 0;
        for (int i = 0; i < c.size(); i++) {
            String enc = c.get(i)[1];
            if (enc.length() == 8) {
                continue; // the assembler kept this one 32-bit
            }
            int parcel = Integer.parseInt(enc, 16);
            int want = (int) Long.parseLong(full.get(i)[1], 16);
            assertEquals(Integer.toHexString(want), Integer.toHexString(Compressed.expand(parcel, xlen)),
                    "RV" + xlen + " " + enc + " (line " + i + ")");
            compressed++;
        }
        assertTrue(compressed >= (xlen == 64 ? 45 : 34), "compressed forms checked: " + compressed);
    }

    @Test
    void reservedAndUnimplementedEncodingsAreIllegal() {
        int[] both = {0x0000, 0x2000 /* C.FLD */, 0x6101 /* C.ADDI16SP 0 */, 0x6081 /* C.LUI 0 */,
            0x8002 /* C.JR x0 */, 0x4002 /* C.LWSP x0 */, 0xA000 /* C.FSD */, 0x2002 /* C.FLDSP */};
        for (int xlen : new int[] {32, 64}) {
            for (int c : both) {
                assertEquals(Compressed.ILLEGAL, Compressed.expand(c, xlen), "RV" + xlen + " " + Integer.toHexString(c));
            }
        }
        assertEquals(Compressed.ILLEGAL, Compressed.expand(0x1082, 32), "C.SLLI shamt[5]=1 on RV32");
        assertEquals(Asm.i(32, 1, 1, 1, 0x13), Compressed.expand(0x1082, 64), "slli ra, ra, 32 on RV64");
        assertEquals(Compressed.ILLEGAL, Compressed.expand(0x2001, 64), "C.ADDIW x0");
        assertEquals(Compressed.ILLEGAL, Compressed.expand(0x9C01, 32), "C.SUBW on RV32");
        assertEquals(Compressed.ILLEGAL, Compressed.expand(0x6000, 32), "C.FLW (no F)");
        // C.JAL (RV32) has C.J's offset with rd = ra: 001 vs 101 in funct3
        int cj = 0xA001 | (0x7FF << 2); // c.j with all offset bits set = -2
        assertEquals(Asm.j(-2, 0), Compressed.expand(cj, 32));
        assertEquals(Asm.j(-2, 1), Compressed.expand(cj & ~0x8000, 32));
    }

    @Test
    void illegalCompressedInstructionReportsItsSixteenBits() {
        Hart h = TestHarts.hart(64);
        TestHarts.exec(h, 0x2000);
        assertEquals(TrapCause.ILLEGAL_INSN, h.csr(0x342));
        assertEquals(0x2000, h.csr(0x343));
    }

    @Test
    void compressedJumpLinksToTheNextHalfword() {
        Hart h = TestHarts.hart(64);
        h.setReg(5, TestHarts.RAM + 0x100);
        h.memory().store(TestHarts.RAM, 2, 0x9282); // c.jalr t0
        h.step();
        assertEquals(TestHarts.RAM + 0x100, h.pc());
        assertEquals(TestHarts.RAM + 2, h.reg(1));
    }

    @Test
    void aFetchCrossingIntoAnMttDeniedPageFaultsAtTheSecondHalf() {
        long page = TestHarts.RAM + 0x40000;
        for (boolean allowed : new boolean[] {true, false}) {
            Hart h = TestHarts.hart(64);
            TestHarts.openPmp(h);
            TestHarts.mtt(h, MttMode.SMMPT43, List.of(new Region(TestHarts.RAM, 0x41000, 7),
                    new Region(page + 0x1000, 0x1000, allowed ? 7 : 0)));
            h.mtvec = TestHarts.RAM + 0x100;
            h.priv = Priv.S;
            long at = page + 0xFFE;
            h.memory().store(at, 2, 0x0513);           // addi a0, a0, 1: low half ...
            h.memory().store(page + 0x1000, 2, 0x0015); // ... and high half on the next page
            List<String> fetches = new ArrayList<>();
            h.addListener(new HartListener() {
                @Override
                public void access(AccessKind kind, long pa, int size, boolean pmpOk, io.mttkit.golden.LookupResult mtt) {
                    fetches.add(Long.toHexString(pa) + "/" + size + (mtt.allow() ? "" : " deny"));
                }
            });
            h.setPc(at);
            h.step();
            if (allowed) {
                assertEquals(1, h.reg(10));
                assertEquals(at + 4, h.pc());
                assertEquals(List.of(Long.toHexString(at) + "/2", Long.toHexString(page + 0x1000) + "/2"), fetches);
            } else {
                assertEquals(TrapCause.INSN_ACCESS_FAULT, h.csr(0x342));
                assertEquals(at, h.csr(0x341), "mepc = the instruction");
                assertEquals(page + 0x1000, h.csr(0x343), "mtval = the half that faulted");
                assertEquals(Priv.M, h.priv());
            }
        }
    }
}
