package org.polycorpus.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BoilerplateRulesTest {
  @Test
  void templateLines() {
    assertThat(BoilerplateRules.isTemplateLine("- 09:01Warum verändert die Ankunft des Apache AH-64E?")).isTrue(); // ticker
    assertThat(BoilerplateRules.isTemplateLine("09:38Marokkos Autonomieplan verändert die Dynamik")).isTrue(); // glued time
    assertThat(BoilerplateRules.isTemplateLine("PREV Euro 2024: Schweiz-Italien")).isTrue(); // navigation
    assertThat(BoilerplateRules.isTemplateLine("NEXT Mamardashvili (Georgien) wirft einen Seitenhieb")).isTrue();
    assertThat(BoilerplateRules.isTemplateLine("Folgen Sie uns auf Facebook")).isTrue(); // social prompt
    assertThat(BoilerplateRules.isTemplateLine("Kommentare (0)")).isTrue(); // comment counter
    assertThat(BoilerplateRules.isTemplateLine("-")).isTrue(); // separator
  }

  @Test
  void proseIsNotATemplateLine() {
    assertThat(BoilerplateRules.isTemplateLine("Um 10:30 Uhr begann die Sitzung des Rates.")).isFalse();
    assertThat(BoilerplateRules.isTemplateLine("Nextcloud ist eine Software")).isFalse(); // "next" inside a word
    assertThat(BoilerplateRules.isTemplateLine("Marokko und Pakistan vertiefen Sicherheitsbeziehungen")).isFalse();
    assertThat(BoilerplateRules.isTemplateLine("Die Minister (2) trafen sich")).isFalse();
  }

  @Test
  void removesLearnedRepeatsAndCountsCharacters() {
    String text = String.join("\n",
        "Schlagzeile | Site", "Schlagzeile | Site", "Erster Absatz.", "Newsletter abonnieren", "- 12:45Ticker");
    BoilerplateRules.Cleaned cleaned = BoilerplateRules.remove(text, Set.of("newsletter abonnieren"));
    assertThat(cleaned.body()).isEqualTo("Schlagzeile | Site\nErster Absatz.");
    assertThat(cleaned.removedChars()).isEqualTo("Schlagzeile | Site".length()
        + "Newsletter abonnieren".length() + "- 12:45Ticker".length());
  }

  @Test
  void lineKeysIgnoreCaseAndDigits() {
    assertThat(BoilerplateRules.lineKey("Kommentare (12)")).isEqualTo(BoilerplateRules.lineKey("kommentare (03)"));
    assertThat(BoilerplateRules.distinctLineKeys("a\nA\nb\n" + "x".repeat(50), 10)).containsExactly("a", "b");
  }

  /** The key is the one the regular expression gave: ASCII digits only, after lower-casing (which may change the length). */
  @Test
  void lineKeyEqualsTheRegularExpressionsKey() {
    String pool = "aZ09 5(İßΣ٣３\u0660Ä-";
    Random random = new Random(11);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder line = new StringBuilder();
      for (int length = random.nextInt(12); length > 0; length--) {
        line.append(pool.charAt(random.nextInt(pool.length())));
      }
      String text = line.toString();
      assertThat(BoilerplateRules.lineKey(text)).isEqualTo(text.toLowerCase(Locale.ROOT).replaceAll("\\d", "0"));
    }
  }
}
