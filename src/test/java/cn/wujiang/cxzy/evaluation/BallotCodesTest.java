package cn.wujiang.cxzy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Codes derived from the pepper, the evaluation and its salt; codes as people type them. */
class BallotCodesTest {

  private static BallotCodes codes(String pepper) {
    EvaluationProperties properties = new EvaluationProperties();
    properties.setPepper(pepper);
    return new BallotCodes(properties);
  }

  @Test
  void theSheetIsDerivedTheSameEachTimeAndDiffersByEvaluationSaltAndPepper() {
    BallotCodes codes = codes("pepper-1");
    String salt = codes.newSalt();
    List<String> sheet = codes.derive(7, salt, 40);
    assertThat(sheet).hasSize(40).doesNotHaveDuplicates()
        .allSatisfy(c -> assertThat(BallotCodes.normalize(c)).hasValue(c));
    assertThat(codes.derive(7, salt, 40)).isEqualTo(sheet);
    assertThat(codes.derive(7, salt, 20)).isEqualTo(sheet.subList(0, 20));
    assertThat(codes.derive(8, salt, 40)).doesNotContainAnyElementsOf(sheet);
    assertThat(codes.derive(7, codes.newSalt(), 40)).doesNotContainAnyElementsOf(sheet);
    assertThat(codes("pepper-2").derive(7, salt, 40)).doesNotContainAnyElementsOf(sheet);
    assertThat(codes.newSalt()).isNotEqualTo(salt).hasSize(32);
    // Every character of the alphabet turns up: the codes spread over the whole code space.
    String all = String.join("", codes.derive(9, salt, 200));
    assertThat(BallotCodes.ALPHABET.chars()).allMatch(c -> all.indexOf(c) >= 0);
  }

  @Test
  void fullWidthLowerCaseSpacedAndDashedCodesAreRead() {
    assertThat(BallotCodes.normalize("ＡＢＣＤＥ－２３４５６")).hasValue("ABCDE23456");
    assertThat(BallotCodes.normalize("ａｂｃｄｅ　２３４５６")).hasValue("ABCDE23456");
    assertThat(BallotCodes.normalize(" abcde 23456 ")).hasValue("ABCDE23456");
    assertThat(BallotCodes.normalize("ABCDE—23456")).hasValue("ABCDE23456");
    assertThat(BallotCodes.normalize("abcde–2345６")).hasValue("ABCDE23456");
    assertThat(BallotCodes.normalize("ABCDE-2345O")).isEmpty();
    assertThat(BallotCodes.normalize("ABCDE-2345")).isEmpty();
    assertThat(BallotCodes.normalize(null)).isEmpty();
  }
}
