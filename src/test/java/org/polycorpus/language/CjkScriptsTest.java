package org.polycorpus.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CjkScriptsTest {
  @Test
  void kanaMarksJapaneseHangulKoreanHanAloneChinese() {
    assertThat(CjkScripts.classify("RAID-1 は「RAID ミラーリング」としても知られ、最も簡単で最も広く使われています。").language())
        .isEqualTo("ja");
    assertThat(CjkScripts.classify("4.1.3. 네트워크 부팅을 통한 설치 방법(Installing through Network Booting)").language())
        .isEqualTo("ko");
    assertThat(CjkScripts.classify("本章以不同的视角回到之前已经讲过的几个方面 RAID LVM").language()).isEqualTo("zh");
  }

  @Test
  void latinTextWithAFewHanCharactersIsLeftToTheDetector() {
    assertThat(CjkScripts.classify("The company Huawei (华为) opened an office in Berlin this week to sell phones.")).isNull();
    assertThat(CjkScripts.classify("مراکش و پاکستان روابط امنیتی")).isNull();
  }
}
