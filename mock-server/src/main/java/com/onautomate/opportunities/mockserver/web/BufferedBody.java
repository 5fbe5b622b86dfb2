package com.onautomate.opportunities.mockserver.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A request body already read into memory, served as the servlet's input stream; blocking reads
 * only (nothing waits on it). {@code brokenOff}: the client stopped sending before the body's end,
 * so reading past these bytes fails as reading the socket did.
 */
final class BufferedBody extends ServletInputStream {

  private final byte[] bytes;
  private final boolean brokenOff;
  private int position;

  BufferedBody(byte[] bytes, boolean brokenOff) {
    this.bytes = bytes;
    this.brokenOff = brokenOff;
  }

  @Override
  public boolean isFinished() {
    return position >= bytes.length;
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public void setReadListener(ReadListener listener) {
    throw new UnsupportedOperationException("blocking only: the body is in memory");
  }

  @Override
  public int read() throws IOException {
    if (position >= bytes.length) {
      return end();
    }
    return bytes[position++] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (position >= bytes.length) {
      return end();
    }
    int count = Math.min(length, bytes.length - position);
    System.arraycopy(bytes, position, buffer, offset, count);
    position += count;
    return count;
  }

  private int end() throws IOException {
    if (brokenOff) {
      throw new IOException("The client stopped sending before the end of the body");
    }
    return -1;
  }
}
