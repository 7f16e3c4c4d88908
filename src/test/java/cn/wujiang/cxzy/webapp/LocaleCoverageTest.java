package cn.wujiang.cxzy.webapp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the Chinese ({@code zh}) locale files of the Camunda webapps against the English
 * locale files shipped in the Camunda webjar.
 */
class LocaleCoverageTest {

  private static final String APP_ROOT = "META-INF/resources/webjars/camunda/app/";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Labels that may legitimately be empty in Chinese. */
  private static final Set<String> MAY_BE_EMPTY = Set.of("BANNER_CE_EOL_TEXT");

  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");

  /** Labels present in all four webapps. */
  private static final List<String> SHARED_KEYS = List.of(
      "PAGE_LOGIN_SIGN_IN_ACTION",
      "PAGE_LOGIN_USERNAME",
      "PAGE_LOGIN_PASSWORD",
      "SIGN_OUT_ACTION",
      "CANCEL",
      "SAVE",
      "DELETE");

  /** Further labels per webapp. */
  private static final Map<String, List<String>> APP_KEYS = Map.of(
      "tasklist", List.of("CLAIM_TASK", "UNCLAIM_TASK", "ASSIGNEE", "START_PROCESS", "DUE_DATE",
          "FOLLOW_UP_DATE", "CANDIDATE_GROUP"),
      "welcome", List.of("APPLICATIONS", "PROFILE", "CHANGE_PASSWORD", "EDIT_PROFILE"),
      "admin", List.of(),
      "cockpit", List.of());

  @ParameterizedTest(name = "{0}: every label of en.json has a Chinese value")
  @ValueSource(strings = {"tasklist", "welcome", "admin"})
  void everyEnglishLabelHasChineseValue(String app) {
    JsonNode en = labels(app, "en");
    JsonNode zh = labels(app, "zh");

    List<String> missing = new ArrayList<>();
    Iterator<String> keys = en.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      JsonNode value = zh.get(key);
      boolean present = value != null && value.isTextual();
      boolean filled = present && !value.asText().isBlank();
      if (!present || (!filled && !MAY_BE_EMPTY.contains(key))) {
        missing.add(key);
      }
    }

    assertTrue(missing.isEmpty(), () -> app + "/locales/zh.json has no Chinese value for "
        + missing.size() + " of " + en.size() + " labels: " + missing);
  }

  @ParameterizedTest(name = "{0}: zh.json parses and has at least {1} labels")
  @CsvSource({"cockpit, 1000"})
  void chineseLocaleHasEnoughLabels(String app, int minimum) {
    JsonNode zh = labels(app, "zh");
    assertTrue(zh.size() >= minimum, () -> app + "/locales/zh.json has only " + zh.size()
        + " labels, expected at least " + minimum);
  }

  @ParameterizedTest(name = "{0}: {1} is Chinese")
  @MethodSource("knownKeys")
  void knownLabelsAreChinese(String app, String key) {
    JsonNode value = labels(app, "zh").get(key);
    assertNotNull(value, () -> app + "/locales/zh.json lacks label " + key);
    assertTrue(CJK.matcher(value.asText()).find(),
        () -> app + "/locales/zh.json label " + key + " contains no Chinese characters: \""
            + value.asText() + "\"");
  }

  @ParameterizedTest(name = "{0}: dateLocales are Chinese")
  @ValueSource(strings = {"tasklist", "welcome"})
  void dateLocalesAreChinese(String app) {
    JsonNode dateLocales = read(app, "zh").get("dateLocales");
    assertNotNull(dateLocales, () -> app + "/locales/zh.json has no dateLocales");
    for (String field : List.of("months", "weekdays")) {
      JsonNode names = dateLocales.get(field);
      assertNotNull(names, () -> app + "/locales/zh.json dateLocales lacks " + field);
      assertFalse(names.isEmpty(), () -> app + "/locales/zh.json dateLocales." + field + " is empty");
      names.forEach(name -> assertTrue(CJK.matcher(name.asText()).find(),
          () -> app + "/locales/zh.json dateLocales." + field + " has a non-Chinese entry: "
              + name.asText()));
    }
  }

  static Stream<Arguments> knownKeys() {
    return APP_KEYS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .flatMap(entry -> Stream.concat(SHARED_KEYS.stream(), entry.getValue().stream())
            .map(key -> Arguments.of(entry.getKey(), key)));
  }

  private static JsonNode labels(String app, String locale) {
    JsonNode labels = read(app, locale).get("labels");
    if (labels == null || !labels.isObject()) {
      fail(app + "/locales/" + locale + ".json has no \"labels\" object");
    }
    return labels;
  }

  private static JsonNode read(String app, String locale) {
    String path = APP_ROOT + app + "/locales/" + locale + ".json";
    try (InputStream in = LocaleCoverageTest.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        return fail("not found on the classpath: " + path);
      }
      // the shipped en.json files start with a UTF-8 byte order mark; Jackson skips it
      return MAPPER.readTree(in);
    } catch (IOException e) {
      return fail("cannot parse " + path + ": " + e.getMessage(), e);
    }
  }
}
