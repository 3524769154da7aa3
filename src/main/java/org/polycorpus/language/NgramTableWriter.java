package org.polycorpus.language;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the n-gram table built from Optimaize's profiles as the resource {@link NgramTable}
 * reads. The build runs it on its classes folder (pom.xml, phase process-classes).
 */
public final class NgramTableWriter {
  private NgramTableWriter() {}

  /** {@code args[0]}: the classes folder. */
  public static void main(String[] args) throws IOException {
    Path target = Path.of(args[0], NgramTable.class.getPackageName().split("\\.")).resolve(NgramTable.RESOURCE);
    Files.createDirectories(target.getParent());
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
      NgramTable.fromProfiles().write(out);
    }
  }
}
