package cn.wujiang.cxzy.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A text too long for a string variable is cut at a line break, with a note, instead of failing the task. */
class TaskFormsTest {

  @Test
  void aTextLongerThanAStringVariableIsCutAtALineBreakWithANote() {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      lines.add("吴江市第" + i + "测试学校党支部：整改未完成");
    }
    String text = String.join("\n", lines);
    assertThat(text.length()).isGreaterThan(TaskForms.MAX_TEXT);

    String fitted = (String) TaskForms.fit(text);

    assertThat(fitted.length()).isLessThanOrEqualTo(TaskForms.MAX_TEXT);
    assertThat(fitted).startsWith("吴江市第1测试学校党支部：整改未完成\n").endsWith(TaskForms.CUT_NOTE);
    String kept = fitted.substring(0, fitted.length() - TaskForms.CUT_NOTE.length());
    assertThat(lines).contains(kept.substring(kept.lastIndexOf('\n') + 1));
  }

  @Test
  void shortTextsAndOtherValuesStayAsTheyAre() {
    assertThat(TaskForms.fit("无")).isEqualTo("无");
    assertThat(TaskForms.fit("x".repeat(TaskForms.MAX_TEXT))).isEqualTo("x".repeat(TaskForms.MAX_TEXT));
    assertThat(TaskForms.fit(List.of("a"))).isEqualTo(List.of("a"));
    assertThat(TaskForms.fit(null)).isNull();
  }
}
