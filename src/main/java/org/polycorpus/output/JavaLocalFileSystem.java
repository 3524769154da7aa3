package org.polycorpus.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system, with permissions set through java.nio and no checksum files.
 * Without Hadoop's native library (which Maven does not ship), the local file system starts a
 * {@code chmod} process for every file and folder it creates; a run writing a few thousand
 * files (Parquet parts, model folders) spent most of its writing time starting processes.
 * Hadoop's {@code .crc} file beside each one doubled the files a run creates, commits and
 * renames; Parquet writes a CRC with each page, and the readers of the tables ignore the files.
 * Checksums already there are still verified. Registered for {@code file:} URIs in local mode
 * ({@link #CONF_KEY}).
 */
public final class JavaLocalFileSystem extends LocalFileSystem {
  public static final String CONF_KEY = "spark.hadoop.fs.file.impl";

  public JavaLocalFileSystem() {
    super(new Raw());
    setWriteChecksum(false);
  }

  /** The raw file system under the checksums; only setPermission differs from Hadoop's. */
  static final class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path path, FsPermission permission) throws IOException {
      if (permission.getStickyBit()) {
        super.setPermission(path, permission);
        return;
      }
      Files.setPosixFilePermissions(pathToFile(path).toPath(), PosixFilePermissions.fromString(
          permission.getUserAction().SYMBOL + permission.getGroupAction().SYMBOL + permission.getOtherAction().SYMBOL));
    }
  }
}
