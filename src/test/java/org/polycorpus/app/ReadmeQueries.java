package org.polycorpus.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SQL the README's "Dashboards and SQL" section shows, so tests can run it as written. */
final class ReadmeQueries {
  private static final Pattern SQL_BLOCK = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL);

  private ReadmeQueries() {}

  /** Each sql code block of the section, in order. */
  static List<String> blocks() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("## Dashboards and SQL");
    int end = readme.indexOf("\n## ", start + 1);
    Matcher matcher = SQL_BLOCK.matcher(readme.substring(start, end < 0 ? readme.length() : end));
    List<String> blocks = new ArrayList<>();
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    return blocks;
  }

  /** The statements of a block, comments dropped, in order. */
  static List<String> statements(String block) {
    String code = block.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
    return Arrays.stream(code.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
