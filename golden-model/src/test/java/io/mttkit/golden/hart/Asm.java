package io.mttkit.golden.hart;

import java.util.ArrayList;
import java.util.List;

/** A minimal RISC-V encoder for unit tests: builds a list of 32-bit instruction words (ISA base formats). */
final class Asm {
    final List<Integer> words = new ArrayList<>();

    static int r(int f7, int rs2, int rs1, int f3, int rd, int op) {
        return (f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;
    }

    static int i(int imm, int rs1, int f3, int rd, int op) {
        return ((imm & 0xFFF) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op;
    }

    static int s(int imm, int rs2, int rs1, int f3, int op) {
        return (((imm >> 5) & 0x7F) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((imm & 31) << 7) | op;
    }

    static int b(int imm, int rs2, int rs1, int f3) {
        return (((imm >> 12) & 1) << 31) | (((imm >> 5) & 0x3F) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12)
                | (((imm >> 1) & 0xF) << 8) | (((imm >> 11) & 1) << 7) | 0x63;
    }

    static int j(int imm, int rd) {
        return (((imm >> 20) & 1) << 31) | (((imm >> 1) & 0x3FF) << 21) | (((imm >> 11) & 1) << 20)
                | (((imm >> 12) & 0xFF) << 12) | (rd << 7) | 0x6F;
    }

    Asm emit(int w) {
        words.add(w);
        return this;
    }

    /** Loads a 32-bit signed constant with LUI + ADDI (two words always). */
    Asm li32(int rd, int v) {
        int hi = (v + 0x800) >>> 12;
        emit((hi << 12) | (rd << 7) | 0x37);
        return emit(i(v & 0xFFF, rd, 0, rd, 0x13));
    }

    Asm addi(int rd, int rs1, int imm) {
        return emit(i(imm, rs1, 0, rd, 0x13));
    }

    Asm csrw(int csr, int rs1) {
        return emit(i(csr, rs1, 1, 0, 0x73));
    }

    Asm csrr(int rd, int csr) {
        return emit(i(csr, 0, 2, rd, 0x73));
    }

    Asm ecall() {
        return emit(0x73);
    }

    Asm mret() {
        return emit(0x30200073);
    }

    Asm sret() {
        return emit(0x10200073);
    }

    Asm lw(int rd, int rs1, int imm) {
        return emit(i(imm, rs1, 2, rd, 0x03));
    }

    Asm ld(int rd, int rs1, int imm) {
        return emit(i(imm, rs1, 3, rd, 0x03));
    }

    Asm sw(int rs2, int rs1, int imm) {
        return emit(s(imm, rs2, rs1, 2, 0x23));
    }

    Asm sd(int rs2, int rs1, int imm) {
        return emit(s(imm, rs2, rs1, 3, 0x23));
    }

    Asm jalr(int rd, int rs1, int imm) {
        return emit(i(imm, rs1, 0, rd, 0x67));
    }

    int size() {
        return words.size();
    }
}
