package org.polycorpus.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium driven over the DevTools protocol (JSON over a WebSocket): enough to load
 * a page, record its console, errors and requests, evaluate scripts and take a screenshot.
 */
final class DevToolsBrowser implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger nextId = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  /** Every event the page sent, in order. */
  final List<JsonNode> events = new CopyOnWriteArrayList<>();

  private DevToolsBrowser(Process process, WebSocket.Builder builder, URI page) throws Exception {
    this.process = process;
    this.socket = builder.buildAsync(page, new Listener()).get(30, TimeUnit.SECONDS);
  }

  /** Starts the browser on a blank page and attaches to that page. */
  static DevToolsBrowser start(String chromium, Path profile) throws Exception {
    Process process = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
        "--user-data-dir=" + profile, "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String browserUrl = listeningUrl(process);
    URI browser = URI.create(browserUrl);
    HttpClient http = HttpClient.newHttpClient();
    String targets = http.send(HttpRequest.newBuilder(URI.create("http://" + browser.getHost() + ":" + browser.getPort()
        + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body();
    for (JsonNode target : JSON.readTree(targets)) {
      if (target.path("type").asText().equals("page")) {
        return new DevToolsBrowser(process, http.newWebSocketBuilder(),
            URI.create(target.path("webSocketDebuggerUrl").asText()));
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("Chromium opened no page: " + targets);
  }

  private static String listeningUrl(Process process) throws IOException {
    BufferedReader stderr = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = stderr.readLine(); line != null; line = stderr.readLine()) {
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        // Keep draining stderr so the browser never blocks on a full pipe.
        Thread drain = new Thread(() -> stderr.lines().forEach(unused -> { }), "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        return matcher.group(1);
      }
      seen.append(line).append('\n');
    }
    throw new IllegalStateException("Chromium exited before listening:\n" + seen);
  }

  /** Sends a command and waits for its result; a protocol error throws. */
  JsonNode call(String method, Map<String, Object> params) throws Exception {
    int id = nextId.incrementAndGet();
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    pending.put(id, result);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
    JsonNode reply = result.get(60, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + " failed: " + reply.get("error"));
    }
    return reply.path("result");
  }

  /** Evaluates a script in the page and returns its JSON value. */
  JsonNode evaluate(String expression) throws Exception {
    JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
        "awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("script failed: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Waits until an event of this method has arrived. */
  void await(String method, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (events.stream().noneMatch(e -> e.path("method").asText().equals(method))) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("no " + method + " within " + timeoutMillis + " ms");
      }
      Thread.sleep(50);
    }
  }

  List<JsonNode> events(String method) {
    return events.stream().filter(e -> e.path("method").asText().equals(method)).toList();
  }

  @Override
  public void close() throws InterruptedException {
    socket.abort();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(partial.toString());
          if (message.has("id")) {
            CompletableFuture<JsonNode> waiting = pending.remove(message.get("id").asInt());
            if (waiting != null) {
              waiting.complete(message);
            }
          } else {
            events.add(message);
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }
}
