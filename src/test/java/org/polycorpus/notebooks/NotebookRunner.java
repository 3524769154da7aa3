package org.polycorpus.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Executes a Jupyter notebook written for the JJava kernel the way the kernel does: each code
 * cell in order through one JShell, in this JVM, with the {@code %jars} and {@code %classpath}
 * line magics and the {@code display} function. Any compile error or exception stops the run
 * with the cell and the message. Returns the notebook with its outputs filled in.
 */
final class NotebookRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path notebook;
  private final ByteArrayOutputStream cellOut = new ByteArrayOutputStream();

  NotebookRunner(Path notebook) {
    this.notebook = notebook;
  }

  ObjectNode run() throws IOException {
    ObjectNode document = (ObjectNode) JSON.readTree(notebook.toFile());
    PrintStream capture = new PrintStream(cellOut, true, StandardCharsets.UTF_8);
    PrintStream console = System.out;
    int count = 0;
    int number = 0;
    try (JShell shell = JShell.builder().executionEngine("local").out(capture).err(capture).build()) {
      shell.addToClasspath(Path.of(Displayed.class.getProtectionDomain().getCodeSource().getLocation().getPath())
          .toString());
      eval(shell, "String display(Object value) { return " + Displayed.class.getName() + ".show(value); }", 0);
      for (JsonNode cell : document.path("cells")) {
        number++;
        if (!cell.path("cell_type").asText().equals("code")) {
          continue;
        }
        count++;
        String source = source(cell);
        cellOut.reset();
        Displayed.drain();
        System.setOut(capture);
        String value;
        try {
          // Spark's show() prints through Scala's Console, which keeps its own stream.
          int cellNumber = number;
          value = scala.Console$.MODULE$.withOut(capture, () -> execute(shell, source, cellNumber));
        } finally {
          System.setOut(console);
        }
        ((ObjectNode) cell).put("execution_count", count);
        ((ObjectNode) cell).set("outputs", outputs(count, value));
      }
    }
    return document;
  }

  /** Runs one cell: its magics, then each snippet; returns the last expression's value, if any. */
  private String execute(JShell shell, String source, int cell) {
    StringBuilder code = new StringBuilder();
    for (String line : source.split("\n", -1)) {
      if (line.startsWith("%")) {
        magic(shell, line.substring(1).trim(), cell);
      } else {
        code.append(line).append('\n');
      }
    }
    String value = null;
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String remaining = code.toString();
    while (!remaining.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
      if (!info.completeness().isComplete()) {
        throw new NotebookFailure(notebook, cell, "incomplete source: " + remaining.strip());
      }
      value = eval(shell, info.source(), cell);
      remaining = info.remaining();
    }
    return value;
  }

  private String eval(JShell shell, String source, int cell) {
    String value = null;
    for (SnippetEvent event : shell.eval(source)) {
      if (event.causeSnippet() != null) {
        continue;
      }
      if (event.exception() != null) {
        Throwable thrown = event.exception();
        String type = thrown instanceof EvalException eval ? eval.getExceptionClassName() : thrown.getClass().getName();
        throw new NotebookFailure(notebook, cell, type + ": " + thrown.getMessage() + "\n  in: " + source.strip());
      }
      if (event.status() != Snippet.Status.VALID) {
        String errors = shell.diagnostics(event.snippet())
            .map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.joining("; "));
        throw new NotebookFailure(notebook, cell, event.status() + ": " + errors + "\n  in: " + source.strip());
      }
      // JShell keeps an expression's value in a temporary variable ($1 ...): that is the cell's result.
      if (event.snippet().kind() == Snippet.Kind.EXPRESSION
          || event.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
        value = event.value();
      }
    }
    return value;
  }

  /** {@code %jars} takes paths or globs in the last path element; {@code %classpath} plain paths. */
  private void magic(JShell shell, String line, int cell) {
    String[] words = line.split("\\s+");
    switch (words[0]) {
      case "jars", "classpath" -> {
        for (int i = 1; i < words.length; i++) {
          List<Path> matches = resolve(words[i]);
          if (matches.isEmpty()) {
            throw new NotebookFailure(notebook, cell, "%" + words[0] + " " + words[i] + " matches no file");
          }
          matches.forEach(path -> shell.addToClasspath(path.toString()));
        }
      }
      default -> throw new NotebookFailure(notebook, cell, "unsupported magic %" + words[0]);
    }
  }

  /** Relative to the notebook's folder, where Jupyter starts the kernel. */
  private List<Path> resolve(String pattern) {
    Path path = notebook.toAbsolutePath().getParent().resolve(pattern).normalize();
    String name = path.getFileName().toString();
    if (!name.contains("*") && !name.contains("?")) {
      return Files.exists(path) ? List.of(path) : List.of();
    }
    List<Path> matches = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(path.getParent(), name)) {
      files.forEach(matches::add);
    } catch (IOException e) {
      return List.of();
    }
    matches.sort(null);
    return matches;
  }

  private ArrayNode outputs(int count, String value) {
    ArrayNode outputs = JSON.createArrayNode();
    String printed = cellOut.toString(StandardCharsets.UTF_8);
    if (!printed.isEmpty()) {
      ObjectNode stream = outputs.addObject().put("output_type", "stream").put("name", "stdout");
      stream.set("text", lines(printed));
    }
    for (Map<String, String> shown : Displayed.drain()) {
      ObjectNode display = outputs.addObject().put("output_type", "display_data");
      display.set("data", JSON.valueToTree(shown));
      display.putObject("metadata");
    }
    if (value != null) {
      ObjectNode result = outputs.addObject().put("output_type", "execute_result").put("execution_count", count);
      result.putObject("data").set("text/plain", lines(value));
      result.putObject("metadata");
    }
    return outputs;
  }

  private static ArrayNode lines(String text) {
    ArrayNode lines = JSON.createArrayNode();
    text.lines().forEach(line -> lines.add(line + "\n"));
    return lines;
  }

  private static String source(JsonNode cell) {
    JsonNode source = cell.path("source");
    if (source.isTextual()) {
      return source.asText();
    }
    StringBuilder text = new StringBuilder();
    source.forEach(line -> text.append(line.asText()));
    return text.toString();
  }

  /** A cell that did not compile or threw. */
  static final class NotebookFailure extends RuntimeException {
    NotebookFailure(Path notebook, int cell, String message) {
      super(notebook.getFileName() + ", cell " + cell + ": " + message);
    }
  }
}
