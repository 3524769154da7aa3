package org.polycorpus.ingest;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * Walks a local input tree following symbolic links, as a user expects, and reports what cannot
 * be read instead of skipping it: a dangling link becomes a "missing" entry, a link back into
 * its own ancestors an "unreadable" one, a folder without permission an "unreadable" one.
 */
final class LocalTreeWalker {
  private LocalTreeWalker() {}

  static List<InputFile> walk(Path root, String rootPrefix) throws IOException {
    List<InputFile> files = new ArrayList<>();
    java.nio.file.Path start = Paths.get(root.toUri());
    Files.walkFileTree(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(java.nio.file.Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile()) {
              files.add(InputLister.entry(hadoopPath(file), rootPrefix, attributes.size(), null));
            } else if (attributes.isSymbolicLink()) {
              // Following it failed, so the walker fell back to the link itself.
              files.add(InputLister.entry(hadoopPath(file), rootPrefix, -1, "missing: dangling link"));
            } else if (!attributes.isDirectory()) {
              files.add(InputLister.entry(hadoopPath(file), rootPrefix, -1,
                  "unreadable: not a regular file (device, socket or pipe)"));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(java.nio.file.Path file, IOException failure) {
            String reason = failure instanceof FileSystemLoopException
                ? "unreadable: link loops back into its own folder"
                : failure instanceof NoSuchFileException
                    ? (Files.isSymbolicLink(file) ? "missing: dangling link" : "missing: vanished while listing")
                    : "unreadable: " + failure.getClass().getSimpleName();
            files.add(InputLister.entry(hadoopPath(file), rootPrefix, -1, reason));
            return FileVisitResult.CONTINUE;
          }
        });
    return InputLister.sorted(files, root.toString());
  }

  /** A folder's URI ends in "/", which the listing does not want. */
  private static Path hadoopPath(java.nio.file.Path file) {
    return new Path(java.net.URI.create(file.toUri().toString().replaceAll("/+$", "")));
  }
}
