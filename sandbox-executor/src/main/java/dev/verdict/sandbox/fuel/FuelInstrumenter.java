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
 * runs it. Every segment — a run of instructions entered only at its first and left only after its
 * last: it ends at a branch, if, else, call or return, and before a loop's body or a join (see
 * {@code segmentEnds}) — first charges its instruction count, plus {@link FuelCosts#HOST_CALL} when
 * it ends in a call to an import; {@code memory.grow} charges {@link FuelCosts#MEMORY_PAGE} per
 * page requested. {@code block}, {@code loop} and {@code end} do nothing and cost nothing. So the
 * fuel used is exactly the instructions executed plus those charges.
 *
 * <p>Every segment subtracts, but only those where a run could otherwise go on without end, or
 * reach the host, test whether the fuel went below zero: a function's first segment, a loop body's
 * first, segments that call an import, and {@code memory.grow}. A failed test sets the fuel to -1
 * and traps. Between two tests a run executes at most one function's straight-line code, so the
 * fuel overshoots by that at most, and no host call or growth happens on fuel already spent; a run
 * that ends with the fuel below zero ran out of it ({@code GuestRunner} says so). A test is a
 * compare and a branch: testing every segment cost the sieve 13 % over no fuel, testing only these
 * 8 % ({@code PairedBench}).
 *
 * <p>Functions count on a local copy of the global, synchronised at calls and exits (see
 * {@link CodeRewriter}): the global is exact whenever a run ends normally, by
 * {@code proc_exit} or by running out of fuel; after a trap or at a deadline it leaves out what the
 * innermost function used since its last call. Injected code is stack-neutral and adds no labels
 * around original code, so branch depths stay valid. Tables get a maximum of at most
 * {@code maxTableElements}; the start section becomes an export, run after the fuel is set.
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

  /**
   * Rewrites the bodies of the code section; {@code fuel} and {@code growFailed} are global indices.
   *
   * <p>A function works on a copy of the fuel in a local of its own: loaded from the global on entry
   * and after each call, stored back before each call and on every way out (return, the final end,
   * a branch to the function's label, tail calls, throw). The JIT keeps that local in a register;
   * a global is a field of a heap object that compiled code reads and writes through the instance.
   * Functions with {@code try_table} charge the global directly, so that a caught exception never
   * resumes with a stale copy (see {@code globalOnly}).
   */
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
      boolean inLocal = code.stream().noneMatch(i -> globalOnly(i.opcode()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int firstNew = locals(f, p, from, firstInstruction, out, inLocal, grows);
      Fuel fuelHere = new Fuel(out, fuel, inLocal ? firstNew : -1);
      int scratch = inLocal ? firstNew + 1 : firstNew;
      boolean[] ends = segmentEnds(code, p, base);
      boolean segmentStart = true;
      boolean reload = true; // the local copy must be (re)loaded from the global before the next charge
      int depth = 0; // enclosing blocks, loops, ifs and try_tables: a branch to label `depth` leaves the function
      for (int i = 0; i < code.size(); i++) {
        AnnotatedInstruction ins = code.get(i);
        OpCode op = ins.opcode();
        int start = ins.address() - base;
        int end = i + 1 < code.size() ? code.get(i + 1).address() - base : to;
        if (segmentStart) {
          boolean check = i == 0 || code.get(i - 1).opcode() == OpCode.LOOP || callsHost(code, ends, i);
          fuelHere.charge(segmentCost(code, ends, i), reload, check);
          reload = false;
        }
        if (fuelHere.inLocal() && leaves(op, p, start, end, depth)) {
          fuelHere.store();
        }
        if (op == OpCode.MEMORY_GROW) {
          growWithCharge(out, fuelHere, scratch, p, start, end);
        } else {
          out.write(p, start, end - start);
        }
        if (op == OpCode.CALL_INDIRECT || op == OpCode.CALL_REF || (op == OpCode.CALL && ins.operand(0) >= importedFunctions)) {
          reload = true; // the callee charged the global; host functions never touch it
        }
        switch (op) {
          case BLOCK, LOOP, IF, TRY_TABLE -> depth++;
          case END -> depth--;
          default -> { }
        }
        segmentStart = ends[i];
      }
      return out.toByteArray();
    }

    /**
     * Whether {@code op} (bytes {@code p[start, end)}) hands control to code that reads the fuel
     * global: a call, or a way out of the function.
     */
    private static boolean leaves(OpCode op, byte[] p, int start, int end, int depth) {
      return switch (op) {
        case CALL, CALL_INDIRECT, CALL_REF, RETURN, RETURN_CALL, RETURN_CALL_INDIRECT, RETURN_CALL_REF, THROW,
            THROW_REF -> true;
        case END -> depth == 0;
        case BR, BR_IF -> new ByteReader(p, start + 1, end).u32() == depth;
        case BR_TABLE -> {
          ByteReader r = new ByteReader(p, start + 1, end);
          long n = r.u32();
          boolean out = false;
          for (long k = 0; k <= n; k++) {
            out |= r.u32() == depth;
          }
          yield out;
        }
        default -> false;
      };
    }

    /**
     * Copies the local declarations, appending an i64 for the fuel copy (when {@code inLocal}) and
     * an i32 scratch (when {@code grows}); returns the index of the first appended local.
     */
    private int locals(int f, byte[] p, int from, int to, ByteArrayOutputStream out, boolean inLocal, boolean grows) {
      ByteReader r = new ByteReader(p, from, to);
      long groups = r.u32();
      long declared = 0;
      int groupsStart = r.position();
      for (long g = 0; g < groups; g++) {
        declared += r.u32();
        r.u8();
      }
      Leb.u32(out, groups + (inLocal ? 1 : 0) + (grows ? 1 : 0));
      out.write(p, groupsStart, to - groupsStart);
      if (inLocal) {
        out.write(0x01);
        out.write(0x7E);
      }
      if (grows) {
        out.write(0x01);
        out.write(0x7F);
      }
      int params = module.functionSection().getFunctionType(f, module.typeSection()).params().size();
      return (int) (params + declared);
    }

    /** Instructions from {@code i} to the end of its segment, plus the host-call charge. */
    private long segmentCost(List<AnnotatedInstruction> code, boolean[] ends, int i) {
      long cost = 0;
      for (int j = i; j < code.size(); j++) {
        AnnotatedInstruction ins = code.get(j);
        cost += free(ins.opcode()) ? 0 : 1;
        if (ins.opcode() == OpCode.CALL && ins.operand(0) < importedFunctions) {
          cost += FuelCosts.HOST_CALL;
        }
        if (ends[j]) {
          break;
        }
      }
      return cost;
    }

    /** Whether the segment from {@code i} calls an import. */
    private boolean callsHost(List<AnnotatedInstruction> code, boolean[] ends, int i) {
      for (int j = i; j < code.size(); j++) {
        if (code.get(j).opcode() == OpCode.CALL && code.get(j).operand(0) < importedFunctions) {
          return true;
        }
        if (ends[j]) {
          return false;
        }
      }
      return false;
    }

    /** block, loop and end mark structure and do nothing when run: they cost no fuel. */
    private static boolean free(OpCode op) {
      return op == OpCode.BLOCK || op == OpCode.LOOP || op == OpCode.END;
    }

    /**
     * Which instructions end a segment: those after which control may go elsewhere than to the next
     * instruction (branches, if, else, calls, traps, returns, throws), and those followed by an
     * instruction that some other path reaches: a loop's first instruction, and the instruction
     * after the end of an if or of a block that a branch targets. Entering a block, and leaving a
     * loop or an untargeted block, continue the segment. In the functions {@link #globalOnly} names,
     * every block and end ends one.
     */
    private static boolean[] segmentEnds(List<AnnotatedInstruction> code, byte[] p, int base) {
      boolean conservative = code.stream().anyMatch(i -> globalOnly(i.opcode()));
      boolean[] ends = new boolean[code.size()];
      // per open block, loop or if: its opcode and whether a branch targets its end
      List<OpCode> kinds = new ArrayList<>();
      List<Boolean> targeted = new ArrayList<>();
      for (int i = 0; i < code.size(); i++) {
        AnnotatedInstruction ins = code.get(i);
        OpCode op = ins.opcode();
        switch (op) {
          case BLOCK, LOOP, IF, TRY_TABLE -> {
            kinds.add(op);
            targeted.add(false);
          }
          case BR, BR_IF -> target(kinds, targeted, new ByteReader(p, ins.address() - base + 1, p.length).u32());
          case BR_TABLE -> {
            ByteReader r = new ByteReader(p, ins.address() - base + 1, p.length);
            long n = r.u32();
            for (long k = 0; k <= n; k++) {
              target(kinds, targeted, r.u32());
            }
          }
          default -> { }
        }
        ends[i] = switch (op) {
          case BLOCK -> conservative;
          case END -> {
            if (kinds.isEmpty()) {
              yield true; // the function's own end
            }
            OpCode kind = kinds.remove(kinds.size() - 1);
            boolean joined = targeted.remove(targeted.size() - 1);
            yield conservative || kind == OpCode.IF || (kind == OpCode.BLOCK && joined);
          }
          case LOOP, IF, ELSE, BR, BR_IF, BR_TABLE, BR_ON_NULL, BR_ON_NON_NULL, BR_ON_CAST, BR_ON_CAST_FAIL, RETURN,
              UNREACHABLE, CALL, CALL_INDIRECT, CALL_REF, RETURN_CALL, RETURN_CALL_INDIRECT, RETURN_CALL_REF, THROW,
              THROW_REF, TRY_TABLE -> true;
          default -> false;
        };
      }
      return ends;
    }

    /**
     * Functions that charge the global directly, every block, loop, if and end ending a segment:
     * those with {@code try_table}, whose catches land at labels with a stale copy, and those with
     * the GC proposal's conditional branches, whose targets {@link #segmentEnds} does not trace.
     */
    private static boolean globalOnly(OpCode op) {
      return switch (op) {
        case TRY_TABLE, BR_ON_NULL, BR_ON_NON_NULL, BR_ON_CAST, BR_ON_CAST_FAIL -> true;
        default -> false;
      };
    }

    /** Marks the block {@code label} levels out as a branch target; labels past the innermost open block are the function's. */
    private static void target(List<OpCode> kinds, List<Boolean> targeted, long label) {
      int at = kinds.size() - 1 - (int) Math.min(label, Integer.MAX_VALUE);
      if (at >= 0) {
        targeted.set(at, true);
      }
    }

    /** The page count on the stack is charged, then grown; a failed grow (-1) is recorded. */
    private void growWithCharge(ByteArrayOutputStream out, Fuel fuelHere, int scratch, byte[] p, int start, int end) {
      local(out, 0x21, scratch); // local.set
      fuelHere.chargePages(scratch);
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
  }

  /**
   * Emits the charges of one function: on the i64 local {@code local} (its copy of the global
   * {@code global}), or on the global itself when {@code local} is -1. Every sequence is
   * stack-neutral.
   */
  private record Fuel(ByteArrayOutputStream out, int global, int copy) {

    boolean inLocal() {
      return copy >= 0;
    }

    /**
     * {@code fuel -= n}, then, if asked to {@code check} (always on the global),
     * {@code if fuel < 0 {global = -1; unreachable}}, first loading the copy from the global if
     * asked; nothing for nothing (only the load, if asked).
     */
    void charge(long n, boolean reload, boolean check) {
      if (n == 0) {
        if (inLocal() && reload) {
          globalGet(out, global);
          local(out, 0x21, copy); // local.set
        }
        return;
      }
      if (inLocal() && !reload) {
        local(out, 0x20, copy); // local.get
      } else {
        globalGet(out, global);
      }
      i64Const(out, n);
      if (check || !inLocal()) {
        subtractAndCheck();
      } else {
        out.write(0x7D); // i64.sub
        local(out, 0x21, copy); // local.set
      }
    }

    /** The same for {@code pages * MEMORY_PAGE}, the page count in the i32 local {@code pages}. */
    void chargePages(int pages) {
      if (inLocal()) {
        local(out, 0x20, copy);
      } else {
        globalGet(out, global);
      }
      local(out, 0x20, pages);
      out.write(0xAD); // i64.extend_i32_u
      i64Const(out, FuelCosts.MEMORY_PAGE);
      out.write(0x7E); // i64.mul
      subtractAndCheck();
    }

    /** Writes the local copy back to the global. */
    void store() {
      local(out, 0x20, copy);
      globalSet(out, global);
    }

    /** With {@code fuel, n} on the stack. */
    private void subtractAndCheck() {
      out.write(0x7D); // i64.sub
      if (inLocal()) {
        local(out, 0x22, copy); // local.tee
      } else {
        globalSet(out, global);
        globalGet(out, global);
      }
      i64Const(out, 0);
      out.write(0x53); // i64.lt_s
      out.write(0x04); // if
      out.write(0x40);
      i64Const(out, -1);
      globalSet(out, global);
      out.write(0x00); // unreachable
      out.write(0x0B);
    }
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
