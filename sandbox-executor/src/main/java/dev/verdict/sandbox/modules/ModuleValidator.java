package dev.verdict.sandbox.modules;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.verdict.sandbox.binary.ByteReader;
import dev.verdict.sandbox.binary.Sections;
import dev.verdict.sandbox.capabilities.HostModule;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an upload before anything runs: size, magic and version, that it parses and validates,
 * one memory whose initial size fits, tables within bounds, imports only functions of
 * {@code wasi_snapshot_preview1} and {@code verdict} with their exact types, bounded locals.
 */
public final class ModuleValidator {

  private static final byte[] MAGIC = {0x00, 0x61, 0x73, 0x6D};
  private static final Map<String, FunctionType> WASI_FUNCTIONS = wasiFunctions();

  private final ModuleLimits limits;

  public ModuleValidator(ModuleLimits limits) {
    this.limits = limits;
  }

  public WasmModule validate(byte[] wasm) {
    if (wasm.length > limits.maxBytes()) {
      throw new InvalidModuleException(413, "module is " + wasm.length + " bytes; the limit is " + limits.maxBytes());
    }
    if (wasm.length < 8 || !Arrays.equals(wasm, 0, 4, MAGIC, 0, 4)) {
      throw InvalidModuleException.bad("not a WebAssembly module: bad magic number");
    }
    if (wasm[4] != 1 || wasm[5] != 0 || wasm[6] != 0 || wasm[7] != 0) {
      throw InvalidModuleException.bad("unsupported WebAssembly binary version " + (wasm[4] & 0xFF));
    }
    WasmModule module;
    try {
      module = Parser.parse(wasm);
    } catch (RuntimeException e) {
      throw InvalidModuleException.bad("malformed module: " + e.getMessage());
    }
    memory(module);
    tables(wasm);
    for (int i = 0; i < module.importSection().importCount(); i++) {
      checkImport(module, module.importSection().getImport(i));
    }
    for (int f = 0; f < module.codeSection().functionBodyCount(); f++) {
      int locals = module.codeSection().getFunctionBody(f).localTypes().size();
      if (locals > limits.maxLocals()) {
        throw InvalidModuleException.bad("function " + f + " declares " + locals + " locals; the limit is " + limits.maxLocals());
      }
    }
    return module;
  }

  private void memory(WasmModule module) {
    if (module.memorySection().isEmpty()) {
      return;
    }
    if (module.memorySection().get().memoryCount() > 1) {
      throw InvalidModuleException.bad("more than one memory");
    }
    MemoryLimits m = module.memorySection().get().getMemory(0).limits();
    if (m.shared()) {
      throw InvalidModuleException.bad("shared memory is not supported");
    }
    if (m.initialPages() > limits.maxMemoryPages()) {
      throw InvalidModuleException.bad("memory declares " + m.initialPages() + " initial pages; the limit is " + limits.maxMemoryPages());
    }
  }

  /** Read from the raw section, since the instrumenter rewrites table limits byte by byte. */
  private void tables(byte[] wasm) {
    Optional<Sections.Section> table = Sections.split(wasm).stream().filter(s -> s.id() == Sections.TABLE).findFirst();
    if (table.isEmpty()) {
      return;
    }
    ByteReader r = new ByteReader(table.get().payload());
    long count = r.u32();
    for (long i = 0; i < count; i++) {
      int type = r.u8();
      int flags = r.u8();
      if ((type != 0x70 && type != 0x6F) || flags > 1) {
        throw InvalidModuleException.bad("table " + i + ": only funcref and externref tables with 32-bit limits are supported");
      }
      long min = r.u32();
      if (flags == 1) {
        r.u32();
      }
      if (min > limits.maxTableElements()) {
        throw InvalidModuleException.bad("table " + i + " declares " + min + " initial elements; the limit is " + limits.maxTableElements());
      }
    }
  }

  private static void checkImport(WasmModule module, Import imp) {
    String what = imp.module() + "." + imp.name();
    if (imp.importType() != ExternalType.FUNCTION) {
      throw InvalidModuleException.bad("import " + what + ": only functions may be imported");
    }
    FunctionType expected = switch (imp.module()) {
      case HostModule.WASI -> WASI_FUNCTIONS.get(imp.name());
      case HostModule.NAME -> HostModule.spec(imp.name()).map(HostModule.Spec::type).orElse(null);
      default -> throw InvalidModuleException.bad(
          "import " + what + ": imports may only come from " + HostModule.WASI + " and " + HostModule.NAME);
    };
    if (expected == null) {
      throw InvalidModuleException.bad("import " + what + ": no such function");
    }
    FunctionType actual = module.typeSection().getType(((FunctionImport) imp).typeIndex());
    if (!actual.typesMatch(expected)) {
      throw InvalidModuleException.bad("import " + what + ": type " + actual + " does not match " + expected);
    }
  }

  private static Map<String, FunctionType> wasiFunctions() {
    Map<String, FunctionType> out = new HashMap<>();
    try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(WasiOptions.builder().build()).build()) {
      for (HostFunction f : wasi.toHostFunctions()) {
        out.put(f.name(), f.functionType());
      }
    }
    return Map.copyOf(out);
  }
}
