package org.polycorpus.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * The parse process: reads files from stdin, one at a time, parses each with
 * {@link TikaDocumentParser}, and answers on stdout. A parser that hangs, runs out of memory or
 * calls System.exit takes only this process down; the task that started it notices, records the
 * file's status, and starts a new one. Arguments: maxChars maxEmbedded maxEmbeddedDepth
 * maxCompressionRatio.
 */
public final class ParseServer {
  private ParseServer() {}

  public static void main(String[] args) throws Exception {
    // stdout carries the protocol: anything a parser or logger prints goes to stderr instead.
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    ExtractionLimits limits = new ExtractionLimits(Long.MAX_VALUE, Integer.parseInt(args[0]), 0, 0,
        Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
    TikaDocumentParser parser = new TikaDocumentParser(limits);
    DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
    while (true) {
      String fileName;
      try {
        fileName = ParseProtocol.readString(in);
      } catch (EOFException closed) {
        return; // the task is done with this process
      }
      long fileBytes = in.readLong();
      InputStream body = ParseProtocol.requestBody(in);
      Extraction extraction = parser.parse(body, fileName, fileBytes);
      body.close();
      ParseProtocol.writeResponse(out, extraction);
    }
  }
}
