package cn.wujiang.cxzy.organization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.wujiang.cxzy.identity.CurrentUser;
import cn.wujiang.cxzy.web.SpreadsheetText;

/**
 * Import of organizations and members (city office and administrators only). The answer is JSON; with
 * {@code Accept: text/csv} or {@code ?format=csv} it is the list of new logins and their initial
 * passwords, to print and hand out. The passwords are not kept anywhere.
 */
@RestController
@RequestMapping("/api/import")
class ImportController {

  private final ImportService importService;
  private final CurrentUser currentUser;

  ImportController(ImportService importService, CurrentUser currentUser) {
    this.importService = importService;
    this.currentUser = currentUser;
  }

  @PostMapping(value = "/organizations", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  ResponseEntity<?> organizations(@RequestParam("file") MultipartFile file,
      @RequestParam(name = "format", required = false) String format,
      @org.springframework.web.bind.annotation.RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
      throws IOException {
    currentUser.requireCityOffice();
    return answer(importService.importOrganizations(content(file)), wantsCsv(format, accept));
  }

  @PostMapping(value = "/members", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  ResponseEntity<?> members(@RequestParam("file") MultipartFile file,
      @RequestParam(name = "format", required = false) String format,
      @org.springframework.web.bind.annotation.RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept)
      throws IOException {
    currentUser.requireCityOffice();
    return answer(importService.importMembers(content(file)), wantsCsv(format, accept));
  }

  /** The file's bytes; one named .xlsx must be an XLSX file, not a CSV or anything else renamed. */
  private static byte[] content(MultipartFile file) throws IOException {
    byte[] content = file.getBytes();
    String name = file.getOriginalFilename();
    if (content.length > 0 && name != null && name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")
        && !TableReader.isZip(content)) {
      throw TableReader.reject("文件名为 .xlsx，但内容不是 Excel（.xlsx）文件，请用 Excel 另存为 .xlsx 后再导入");
    }
    return content;
  }

  private static boolean wantsCsv(String format, String accept) {
    return "csv".equalsIgnoreCase(format) || (accept != null && accept.startsWith("text/csv"));
  }

  private static ResponseEntity<?> answer(ImportResult result, boolean csv) throws IOException {
    if (!csv) {
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .body(new Answer(result.message(), result.created(), result.updated(), result.credentials()));
    }
    StringBuilder out = new StringBuilder("\uFEFF");
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      printer.printRecord("党员编号", "姓名", "组织", "用户名", "初始密码");
      for (MemberAccounts.Credential c : result.credentials()) {
        printer.printRecord(SpreadsheetText.csv(c.memberNo(), c.name(), c.orgName(), c.username(), c.password()));
      }
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"initial-passwords.csv\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  record Answer(String message, int created, int updated, List<MemberAccounts.Credential> credentials) {
  }
}
