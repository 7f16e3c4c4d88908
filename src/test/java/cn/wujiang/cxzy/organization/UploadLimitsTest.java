package cn.wujiang.cxzy.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.wujiang.cxzy.DemoCityTest;
import cn.wujiang.cxzy.config.Http;

/**
 * Uploads that once took a node down or hung: the 7 MB workbook of millions of cells is refused by a
 * limit and the node goes on importing; a body over the size limit gets 413 with a Chinese answer.
 */
@DemoCityTest
class UploadLimitsTest {

  static final String MEMBERS = "/api/import/members";
  /** The city office's own line of the demo file: an import that updates nothing. */
  static final byte[] HARMLESS = ("member_no,name,org_code,role,position,email,username\n"
      + "M00001,高思远,city-office,书记,书记,office.sec@example.org,office.sec\n").getBytes(StandardCharsets.UTF_8);

  @LocalServerPort int port;
  @Autowired OrganizationService organizations;
  @Autowired IdentityService identityService;

  @Test
  void theWorkbookOfMillionsOfCellsIsRefusedByALimitAndTheNextImportSucceeds() {
    byte[] workbook = RawXlsx.millionsOfCells(381_500);
    CitySnapshot before = CitySnapshot.take(organizations, identityService);
    Http http = new Http(port);

    long start = System.nanoTime();
    HttpResponse<String> refused = http.upload(MEMBERS, "members.xlsx", workbook, "office.sec", "demo");
    long ms = (System.nanoTime() - start) / 1_000_000;

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(Http.json(refused).path("errors").get(0).path("message").asText())
        .isEqualTo("文件超过 20000 行（行数上限），请分批导入");
    assertThat(ms).as("ms to refuse").isLessThan(30_000);
    assertThat(CitySnapshot.take(organizations, identityService)).isEqualTo(before);
    HttpResponse<String> next = http.upload(MEMBERS, "members.csv", HARMLESS, "office.sec", "demo");
    assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
    assertThat(next.body()).contains("导入成功");
  }

  @Test
  void aCsvOrAnythingElseNamedXlsxIsRefused() {
    HttpResponse<String> response = new Http(port).upload(MEMBERS, "members.xlsx", HARMLESS, "office.sec", "demo");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).path("errors").get(0).path("message").asText())
        .startsWith("文件名为 .xlsx，但内容不是 Excel（.xlsx）文件");
  }

  @ParameterizedTest(name = "{0} MB")
  @ValueSource(ints = {11, 50})
  void anUploadOverTheLimitGets413WithAChineseAnswer(int megabytes) throws Exception {
    HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofByteArray(multipart(megabytes)));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(Http.json(response).path("message").asText()).isEqualTo(
        "文件过大：上传的内容最大 10 MB，请删除多余内容或分批导入");
  }

  @Test
  void aChunkedUploadOverTheLimitGets413WithAChineseAnswerToo() throws Exception {
    byte[] body = multipart(11);
    HttpResponse<String> response = send(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
        Collections.enumeration(List.of(new ByteArrayInputStream(body))))));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(Http.json(response).path("message").asText()).startsWith("文件过大：上传的内容最大 10 MB");
  }

  private HttpResponse<String> send(HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + MEMBERS))
        .timeout(Duration.ofSeconds(120))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("office.sec:demo".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=cxzy-boundary")
        .POST(body).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static byte[] multipart(int megabytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(megabytes * 1024 * 1024 + 512);
    out.writeBytes(("--cxzy-boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    byte[] line = "a,b,c,d,e,f,g\n".repeat(1024).getBytes(StandardCharsets.UTF_8);
    while (out.size() < megabytes * 1024 * 1024) {
      out.writeBytes(line);
    }
    out.writeBytes("\r\n--cxzy-boundary--\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
