package dev.verdict.sandbox.limits;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/** stdout and stderr sharing one byte budget; what goes beyond it is dropped and flagged. */
public final class BoundedOutput {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private long remaining;
  private boolean truncated;

  public BoundedOutput(long budget) {
    this.remaining = budget;
  }

  public OutputStream stdout() {
    return stream(out);
  }

  public OutputStream stderr() {
    return stream(err);
  }

  public synchronized byte[] stdoutBytes() {
    return out.toByteArray();
  }

  public synchronized byte[] stderrBytes() {
    return err.toByteArray();
  }

  public synchronized boolean truncated() {
    return truncated;
  }

  private synchronized void write(ByteArrayOutputStream target, byte[] b, int off, int len) {
    int kept = (int) Math.min(len, remaining);
    target.write(b, off, kept);
    remaining -= kept;
    truncated |= kept < len;
  }

  private OutputStream stream(ByteArrayOutputStream target) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        BoundedOutput.this.write(target, new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        BoundedOutput.this.write(target, b, off, len);
      }
    };
  }
}
