package dev.verdict.sandbox.fuel;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.AnnotatedInstruction;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.OpCode;
import dev.verdict.sandbox.binary.ByteReader;
import dev.verdict.sandbox.binary.Leb;
import dev.verdict.sandbox.binary.Sections;
import dev.verdict.sandbox.binary.Sections.Section;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a module so that it counts its own fuel in a new global, identically whichever engine
 * runs it. Every straight-line segment (function entry, and after each block, loop, if, else, end,
 * branch or call) first charges its instruction count, plus {@link FuelCosts#HOST_CALL} when it
 * ends in a call to an import; {@code memory.grow} charges {@link FuelCosts#MEMORY_PAGE} per page
 * requested. A charge the fuel cannot cover sets it to -1 and traps. Injected code is stack-neutral
 * and adds no labels around original code, so branch depths stay valid. Tables get a maximum of
 * at most {@code maxTableElements}; the start section becomes an export, run after the fuel is set.
 */
public final class FuelInstrumenter {

  private final long maxTableElements;

  public FuelInstrumenter(long maxTableElements) {
    this.maxTableElements = maxTableElements;
  }

  public Instrumented instrument(byte[] original, WasmModule module) {
    int importedFunctions = module.importSection().count(ExternalType.FUNCTION);
    int fuelGlobal = module.importSection().count(ExternalType.GLOBAL) + module.globalSection().globalCount();
    int growFailedGlobal = fuelGlobal + 1;
    List<Section> out = new ArrayList<>();
    Section globals = null;
    Section exports = null;
    Long start = null;
    for (Section s : Sections.split(original)) {
      switch (s.id()) {
        case Sections.GLOBAL -> globals = s;
        case Sections.EXPORT -> exports = s;
        case Sections.START -> start = new ByteReader(s.payload()).u32();
        case Sections.TABLE -> out.add(new Section(s.id(), clampTables(s.payload()), s.offset()));
        case Sections.CODE -> out.add(new Section(s.id(),
            new CodeRewriter(module, importedFunctions, fuelGlobal, growFailedGlobal).rewrite(s), s.offset()));
        default -> out.add(s);
      }
    }
    out.add(new Section(Sections.GLOBAL, Sections.append(payload(globals), 2, newGlobals()), -1));
    String startExport = null;
    if (start != null) {
      startExport = Instrumented.START_EXPORT;
      out.add(new Section(Sections.EXPORT, Sections.append(payload(exports), 1, functionExport(startExport, start)), -1));
    } else if (exports != null) {
      out.add(exports);
    }
    return new Instrumented(Sections.join(out), fuelGlobal, growFailedGlobal, startExport);
  }

  private static byte[] payload(Section s) {
    return s == null ? new byte[0] : s.payload();
  }

  /** {@code (global (mut i64) (i64.const 0))} for fuel, {@code (global (mut i32) (i32.const 0))} for grow failures. */
  private static byte[] newGlobals() {
    return new byte[] {0x7E, 0x01, 0x42, 0x00, 0x0B, 0x7F, 0x01, 0x41, 0x00, 0x0B};
  }

  private static byte[] functionExport(String name, long index) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    Leb.u32(out, utf8.length);
    out.writeBytes(utf8);
    out.write(0x00);
    Leb.u32(out, index);
    return out.toByteArray();
  }

  /** Gives every table a maximum no larger than the server's; the validator refused larger minimums. */
  private byte[] clampTables(byte[] payload) {
    ByteReader r = new ByteReader(payload);
    long count = r.u32();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Leb.u32(out, count);
    for (long i = 0; i < count; i++) {
      out.write(r.u8()); // reference type; the validator admits only funcref and externref tables
      int flags = r.u8();
      long min = r.u32();
      long max = flags == 0x01 ? r.u32() : maxTableElements;
      out.write(0x01);
      Leb.u32(out, min);
      Leb.u32(out, Math.min(max, maxTableElements));
    }
    return out.toByteArray();
  }

  /** Rewrites the bodies of the code section; {@code fuel} and {@code growFailed} are global indices. */
  private record CodeRewriter(WasmModule module, int importedFunctions, int fuel, int growFailed) {

    byte[] rewrite(Section code) {
      byte[] p = code.payload();
      ByteReader r = new ByteReader(p);
      long count = r.u32();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Leb.u32(out, count);
      for (int f = 0; f < count; f++) {
        long size = r.u32();
        int from = r.position();
        r.skip(size);
        byte[] body = body(f, p, from, r.position(), code.offset());
        Leb.u32(out, body.length);
        out.writeBytes(body);
      }
      return out.toByteArray();
    }

    /** Function {@code f}, whose body is {@code p[from, to)}; instruction addresses are {@code base}-relative to p. */
    private byte[] body(int f, byte[] p, int from, int to, int base) {
      List<AnnotatedInstruction> code = module.codeSection().getFunctionBody(f).instructions();
      int firstInstruction = code.get(0).address() - base;
      boolean grows = code.stream().anyMatch(i -> i.opcode() == OpCode.MEMORY_GROW);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int scratch = -1;
      if (grows) {
        scratch = locals(f, p, from, firstInstruction, out);
      } else {
        out.write(p, from, firstInstruction - from);
      }
      boolean segmentStart = true;
      for (int i = 0; i < code.size(); i++) {
        AnnotatedInstruction ins = code.get(i);
        if (segmentStart) {
          chargeConstant(out, segmentCost(code, i));
        }
        int start = ins.address() - base;
        int end = i + 1 < code.size() ? code.get(i + 1).address() - base : to;
        if (ins.opcode() == OpCode.MEMORY_GROW) {
          growWithCharge(out, scratch, p, start, end);
        } else {
          out.write(p, start, end - start);
        }
        segmentStart = endsSegment(ins.opcode());
      }
      return out.toByteArray();
    }

    /** Copies the local declarations with one extra i32 appended; returns that local's index. */
    private int locals(int f, byte[] p, int from, int to, ByteArrayOutputStream out) {
      ByteReader r = new ByteReader(p, from, to);
      long groups = r.u32();
      long declared = 0;
      int groupsStart = r.position();
      for (long g = 0; g < groups; g++) {
        declared += r.u32();
        r.u8();
      }
      Leb.u32(out, groups + 1);
      out.write(p, groupsStart, to - groupsStart);
      out.write(0x01);
      out.write(0x7F);
      int params = module.functionSection().getFunctionType(f, module.typeSection()).params().size();
      return (int) (params + declared);
    }

    /** Instructions from {@code i} to the end of its segment, plus the host-call charge. */
    private long segmentCost(List<AnnotatedInstruction> code, int i) {
      long cost = 0;
      for (int j = i; j < code.size(); j++) {
        AnnotatedInstruction ins = code.get(j);
        cost++;
        if (ins.opcode() == OpCode.CALL && ins.operand(0) < importedFunctions) {
          cost += FuelCosts.HOST_CALL;
        }
        if (endsSegment(ins.opcode())) {
          break;
        }
      }
      return cost;
    }

    private static boolean endsSegment(OpCode op) {
      return switch (op) {
        case BLOCK, LOOP, IF, ELSE, END, BR, BR_IF, BR_TABLE, RETURN, UNREACHABLE, CALL, CALL_INDIRECT,
            RETURN_CALL, RETURN_CALL_INDIRECT, THROW, THROW_REF, TRY_TABLE -> true;
        default -> false;
      };
    }

    /** {@code if fuel < n {fuel = -1; unreachable}; fuel -= n}. */
    private void chargeConstant(ByteArrayOutputStream out, long n) {
      globalGet(out, fuel);
      i64Const(out, n);
      exhaustIfLess(out);
      globalGet(out, fuel);
      i64Const(out, n);
      out.write(0x7D); // i64.sub
      globalSet(out, fuel);
    }

    /** The page count on the stack is charged, then grown; a failed grow (-1) is recorded. */
    private void growWithCharge(ByteArrayOutputStream out, int scratch, byte[] p, int start, int end) {
      local(out, 0x21, scratch); // local.set
      globalGet(out, fuel);
      pagesCost(out, scratch);
      exhaustIfLess(out);
      globalGet(out, fuel);
      pagesCost(out, scratch);
      out.write(0x7D); // i64.sub
      globalSet(out, fuel);
      local(out, 0x20, scratch);
      out.write(p, start, end - start); // memory.grow
      local(out, 0x22, scratch); // local.tee
      local(out, 0x20, scratch);
      out.write(0x41); // i32.const -1
      out.write(0x7F);
      out.write(0x46); // i32.eq
      out.write(0x04); // if
      out.write(0x40);
      out.write(0x41); // i32.const 1
      out.write(0x01);
      globalSet(out, growFailed);
      out.write(0x0B);
    }

    private static void pagesCost(ByteArrayOutputStream out, int scratch) {
      local(out, 0x20, scratch);
      out.write(0xAD); // i64.extend_i32_u
      i64Const(out, FuelCosts.MEMORY_PAGE);
      out.write(0x7E); // i64.mul
    }

    /** With {@code fuel, n} on the stack: {@code if fuel < n {fuel = -1; unreachable}}. */
    private void exhaustIfLess(ByteArrayOutputStream out) {
      out.write(0x53); // i64.lt_s
      out.write(0x04); // if
      out.write(0x40);
      i64Const(out, -1);
      globalSet(out, fuel);
      out.write(0x00); // unreachable
      out.write(0x0B);
    }

    private static void local(ByteArrayOutputStream out, int opcode, int index) {
      out.write(opcode);
      Leb.u32(out, index);
    }

    private static void globalGet(ByteArrayOutputStream out, int index) {
      out.write(0x23);
      Leb.u32(out, index);
    }

    private static void globalSet(ByteArrayOutputStream out, int index) {
      out.write(0x24);
      Leb.u32(out, index);
    }

    private static void i64Const(ByteArrayOutputStream out, long v) {
      out.write(0x42);
      Leb.s64(out, v);
    }
  }
}
