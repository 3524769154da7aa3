package org.polycorpus.ingest;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The messages between an executor task and its parse process ({@link ParseServer}), over the
 * process's stdin and stdout. Request: the file name and listed size, then the file's bytes in chunks (an int
 * length before each, 0 after the last), so a file that changes size while it is read cannot
 * desynchronise the two sides. Response: an {@link Extraction} without the checksum, which the
 * task computes as it sends the bytes.
 */
final class ParseProtocol {
  private static final int CHUNK = 64 * 1024;

  private ParseProtocol() {}

  /** Sends one request; returns the number of bytes sent. */
  static long writeRequest(DataOutputStream out, String fileName, long fileBytes, InputStream file)
      throws IOException {
    writeString(out, fileName);
    out.writeLong(fileBytes);
    byte[] buffer = new byte[CHUNK];
    long total = 0;
    int read;
    while ((read = readFile(file, buffer)) > 0) {
      out.writeInt(read);
      out.write(buffer, 0, read);
      total += read;
    }
    out.writeInt(0);
    out.flush();
    return total;
  }

  /** Reading the file (not the pipe) failed: the file's fault, not the parse process's. */
  static final class FileReadException extends IOException {
    FileReadException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private static int readFile(InputStream file, byte[] buffer) throws FileReadException {
    try {
      return file.read(buffer);
    } catch (IOException e) {
      throw new FileReadException(e);
    }
  }

  /** The body of one request, as the parse process reads it. */
  static InputStream requestBody(DataInputStream in) {
    return new InputStream() {
      private int remaining;
      private boolean finished;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (finished) {
          return -1;
        }
        if (remaining == 0) {
          remaining = in.readInt();
          if (remaining == 0) {
            finished = true;
            return -1;
          }
        }
        int read = in.read(buffer, offset, Math.min(length, remaining));
        if (read < 0) {
          throw new java.io.EOFException("request ended early");
        }
        remaining -= read;
        return read;
      }

      @Override
      public void close() throws IOException {
        transferTo(java.io.OutputStream.nullOutputStream()); // a parser may stop early
      }
    };
  }

  static void writeResponse(DataOutputStream out, Extraction extraction) throws IOException {
    writeString(out, extraction.status());
    writeString(out, extraction.error());
    writeString(out, extraction.contentType());
    writeString(out, extraction.title());
    writeString(out, extraction.charset());
    out.writeBoolean(extraction.truncated());
    writeString(out, extraction.text());
    out.flush();
  }

  static Extraction readResponse(DataInputStream in, String sha256) throws IOException {
    String status = readString(in);
    String error = readString(in);
    String contentType = readString(in);
    String title = readString(in);
    String charset = readString(in);
    boolean truncated = in.readBoolean();
    String text = readString(in);
    return new Extraction(status, error, contentType, title, charset, sha256, truncated, text == null ? "" : text);
  }

  /** Length-prefixed UTF-8 (DataOutput's writeUTF stops at 64 KiB); -1 for null. */
  static void writeString(DataOutputStream out, String value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
