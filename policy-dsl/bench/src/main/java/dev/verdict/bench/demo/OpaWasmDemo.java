package dev.verdict.bench.demo;

import com.styra.opa.wasm.OpaPolicy;
import dev.verdict.bench.Answers;
import dev.verdict.bench.Cursor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * opa-java-wasm running the demo policy that ships in its own jar, with Chicory's default
 * (compiled) mode. An {@link OpaPolicy} is one wasm instance and not thread-safe: one per thread.
 * Its API takes the input as JSON text and returns the result set as JSON text; both are part of
 * each invocation.
 */
@State(Scope.Thread)
public class OpaWasmDemo {

  private static final String TRUE = "[{\"result\":true}]";
  private static final String FALSE = "[{\"result\":false}]";

  private final Cursor cursor = new Cursor(DemoFixture.REQUESTS);
  private OpaPolicy policy;
  private String[] inputs;

  @Setup(Level.Trial)
  public void setUp() {
    DemoFixture fixture = DemoFixture.load();
    policy = OpaPolicy.builder().withPolicy(demoWasm()).build();
    if (!policy.entrypoints().containsKey(DemoFixture.ENTRYPOINT)) {
      throw new IllegalStateException(
          "demo-policy.wasm no longer has entrypoint "
              + DemoFixture.ENTRYPOINT
              + ": "
              + policy.entrypoints());
    }
    policy.entrypoint(DemoFixture.ENTRYPOINT);
    policy.data(fixture.dataJson());
    inputs = fixture.inputs().toArray(String[]::new);
    Answers.verify(
        "opa-java-wasm (demo)",
        fixture.expected(),
        fixture::describe,
        i -> allowed(decide(i)));
  }

  /** Decides the next request: the result set as JSON text. */
  public String next() {
    return decide(cursor.next());
  }

  String decide(int i) {
    return policy.evaluate(inputs[i]);
  }

  static boolean allowed(String resultSet) {
    return switch (resultSet) {
      case TRUE -> true;
      case FALSE -> false;
      default -> throw new IllegalStateException("unexpected result set " + resultSet);
    };
  }

  /** The compiled demo policy, a resource of opa-java-wasm's jar. */
  static byte[] demoWasm() {
    try (InputStream in = OpaPolicy.class.getResourceAsStream("/demo-policy.wasm")) {
      if (in == null) {
        throw new IllegalStateException("demo-policy.wasm is not in opa-java-wasm's jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
