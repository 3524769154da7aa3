package org.polycorpus.notebooks;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The {@code display(Object)} function JJava gives notebook cells, as the runner provides it:
 * images become image/png outputs, anything else its text. Cells run one at a time.
 */
public final class Displayed {
  private static final List<Map<String, String>> OUTPUTS = new ArrayList<>();

  private Displayed() {}

  /** Called from notebook cells; returns a display id like the kernel's. */
  public static synchronized String show(Object value) {
    Map<String, String> data = new LinkedHashMap<>();
    if (value instanceof RenderedImage image) {
      data.put("image/png", png(image));
      data.put("text/plain", "<image " + image.getWidth() + "x" + image.getHeight() + ">");
    } else {
      data.put("text/plain", String.valueOf(value));
    }
    OUTPUTS.add(data);
    return "display-" + OUTPUTS.size();
  }

  /** What the cell displayed since the last call, in order. */
  static synchronized List<Map<String, String>> drain() {
    List<Map<String, String>> shown = new ArrayList<>(OUTPUTS);
    OUTPUTS.clear();
    return shown;
  }

  private static String png(RenderedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }
}
