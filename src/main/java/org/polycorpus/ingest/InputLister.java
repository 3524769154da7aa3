package org.polycorpus.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists every file below an input path through Hadoop's FileSystem API, so hdfs:// and s3a://
 * inputs behave alike; local trees are walked with {@link LocalTreeWalker}, which sees the
 * dangling and looping links Hadoop's local listing skips without a word. Unlike Spark's file
 * sources it keeps hidden and underscore files, and a directory that cannot be listed becomes
 * an entry with an error instead of failing.
 */
public final class InputLister {
  private InputLister() {}

  /** All files below {@code root} (or {@code root} itself if it is a file), sorted by path. */
  public static List<InputFile> list(String root, Configuration conf) throws IOException {
    Path rootPath = new Path(root);
    FileSystem fs = rootPath.getFileSystem(conf);
    FileStatus rootStatus;
    try {
      rootStatus = fs.getFileStatus(rootPath);
    } catch (FileNotFoundException e) {
      throw new IllegalArgumentException("--input " + root + " does not exist");
    }
    Path qualifiedRoot = rootStatus.getPath();
    List<InputFile> files = new ArrayList<>();
    if (rootStatus.isFile()) {
      files.add(new InputFile(qualifiedRoot.toString(), qualifiedRoot.getName(), rootStatus.getLen(), null));
      return files;
    }
    String rootPrefix = qualifiedRoot.toUri().getPath();
    if ("file".equals(qualifiedRoot.toUri().getScheme())) {
      return LocalTreeWalker.walk(qualifiedRoot, rootPrefix);
    }
    Deque<Path> directories = new ArrayDeque<>();
    directories.push(qualifiedRoot);
    while (!directories.isEmpty()) {
      Path directory = directories.pop();
      FileStatus[] children;
      try {
        children = fs.listStatus(directory);
      } catch (FileNotFoundException e) {
        files.add(entry(directory, rootPrefix, -1, "missing: directory vanished while listing"));
        continue;
      } catch (IOException e) {
        files.add(entry(directory, rootPrefix, -1, "unreadable: " + e.getClass().getSimpleName()));
        continue;
      }
      for (FileStatus child : children) {
        if (child.isDirectory()) {
          directories.push(child.getPath());
        } else {
          files.add(entry(child.getPath(), rootPrefix, child.getLen(), null));
        }
      }
    }
    return sorted(files, root);
  }

  static List<InputFile> sorted(List<InputFile> files, String root) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("--input " + root + " holds no files");
    }
    files.sort((a, b) -> a.path().compareTo(b.path()));
    return files;
  }

  static InputFile entry(Path path, String rootPrefix, long size, String error) {
    String full = path.toUri().getPath().replaceAll("/+$", "");
    String relative = full.startsWith(rootPrefix) ? full.substring(rootPrefix.length()) : full;
    if (relative.startsWith("/")) {
      relative = relative.substring(1);
    }
    return new InputFile(path.toString(), relative, size, error);
  }
}
