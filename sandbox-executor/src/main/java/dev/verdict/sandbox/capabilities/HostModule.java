package dev.verdict.sandbox.capabilities;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Host module {@code verdict}: each function exists for a run only when its capability was granted.
 * Strings and buffers are (pointer, length) pairs in the guest's memory 0.
 */
public final class HostModule {

  public static final String NAME = "verdict";
  public static final String WASI = "wasi_snapshot_preview1";
  public static final String WASI_ENV = "wasi.env";

  private static final ValType I32 = ValType.I32;

  /** A function of the module: its name, capability and type. */
  public record Spec(String name, String capability, FunctionType type) {}

  /** {@code log(ptr, len)}: a line on the run's stderr. */
  public static final Spec LOG = new Spec("log", "host.log", FunctionType.of(List.of(I32, I32), List.of()));

  /** {@code kv.read(key_ptr, key_len, buf_ptr, buf_cap) -> len | -1}: copies at most buf_cap bytes. */
  public static final Spec KV_READ =
      new Spec("kv.read", "host.kv.read", FunctionType.of(List.of(I32, I32, I32, I32), List.of(I32)));

  /** {@code kv.write(key_ptr, key_len, val_ptr, val_len) -> 0 | -1}: -1 when over quota. */
  public static final Spec KV_WRITE =
      new Spec("kv.write", "host.kv.write", FunctionType.of(List.of(I32, I32, I32, I32), List.of(I32)));

  private static final Map<String, Spec> SPECS = Map.of(LOG.name(), LOG, KV_READ.name(), KV_READ, KV_WRITE.name(), KV_WRITE);

  private static final int MAX_KEY_BYTES = 256;

  private final KvStore kv;

  public HostModule(KvStore kv) {
    this.kv = kv;
  }

  public static Optional<Spec> spec(String function) {
    return Optional.ofNullable(SPECS.get(function));
  }

  /** The granted functions the module imports, or {@link MissingCapabilityException} for the first one not granted. */
  public List<HostFunction> link(List<String> imported, Set<String> granted, String tenant, OutputStream stderr) {
    List<HostFunction> out = new ArrayList<>();
    for (String name : imported) {
      Spec s = SPECS.get(name);
      if (!granted.contains(s.capability())) {
        throw new MissingCapabilityException(NAME, name, s.capability());
      }
      out.add(new HostFunction(NAME, name, s.type(), handle(s, tenant, stderr)));
    }
    return out;
  }

  private WasmFunctionHandle handle(Spec s, String tenant, OutputStream stderr) {
    if (s == LOG) {
      return (inst, args) -> {
        write(stderr, bytes(inst, args[0], args[1]));
        write(stderr, new byte[] {'\n'});
        return null;
      };
    }
    if (s == KV_READ) {
      return (inst, args) -> {
        byte[] v = kv.read(tenant, key(inst, args[0], args[1]));
        if (v == null) {
          return new long[] {-1};
        }
        inst.memory().write((int) args[2], v, 0, (int) Math.min(v.length, args[3]));
        return new long[] {v.length};
      };
    }
    return (inst, args) -> {
      boolean ok = kv.write(tenant, key(inst, args[0], args[1]), bytes(inst, args[2], args[3]));
      return new long[] {ok ? 0 : -1};
    };
  }

  private static String key(Instance inst, long ptr, long len) {
    if (len > MAX_KEY_BYTES) {
      throw new TrapException("kv key longer than " + MAX_KEY_BYTES + " bytes");
    }
    return new String(bytes(inst, ptr, len), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(Instance inst, long ptr, long len) {
    return inst.memory().readBytes((int) ptr, (int) len);
  }

  private static void write(OutputStream out, byte[] b) {
    try {
      out.write(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
