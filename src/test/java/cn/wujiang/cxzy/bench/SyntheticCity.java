package cn.wujiang.cxzy.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;

import cn.wujiang.cxzy.organization.ImportService;

/**
 * A city of any size, shaped like the demo's: the demo's leading bodies and their people as they are,
 * and N grassroots organizations spread over the same leading bodies as the demo's nineteen (each
 * generated organization copies the type, system and leading body of one of them, in turn), with 10 to
 * 20 members each (a secretary, a liaison, party members), imported through the city office's import.
 */
final class SyntheticCity {

  static final String OFFICE_USER = "office.sec";
  /** The committee whose Tasklist query is timed, and its secretary. */
  static final String QUERY_COMMITTEE = "edu-bureau";
  static final String QUERY_COMMITTEE_USER = "edu-bureau.sec";

  private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
  private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建红燕文斌宇浩凯健俊帆雪琳晨欣怡佳子涵梓轩";

  private SyntheticCity() {
  }

  /** Imports the city; returns the number of members. */
  static int load(ImportService imports, int organizations, Random random) {
    return load(imports, organizations, random, 10, 20);
  }

  /** Imports the city with minMembers to maxMembers members per organization; returns the number of members. */
  static int load(ImportService imports, int organizations, Random random, int minMembers, int maxMembers) {
    List<String[]> orgRows = rows("demo/organizations.csv");
    List<String[]> memberRows = rows("demo/members.csv");
    List<String[]> templates = templates(orgRows);
    Set<String> bodies = new HashSet<>();
    StringBuilder orgs = new StringBuilder("code,name,type,system,leader_code,grassroots,unit\n");
    for (String[] row : orgRows) {
      if ("否".equals(row[5])) {
        bodies.add(row[0]);
        orgs.append(String.join(",", row)).append('\n');
      }
    }
    StringBuilder members = new StringBuilder("member_no,name,org_code,role,position,email,username\n");
    for (String[] row : memberRows) {
      if (bodies.contains(row[2])) {
        members.append(String.join(",", row)).append('\n');
      }
    }
    int memberCount = 0;
    for (int i = 0; i < organizations; i++) {
      String[] t = templates.get(i % templates.size());
      String code = code(i);
      String unit = t[6] + "第" + (i + 1) + "分部";
      orgs.append(String.join(",", code, unit + t[2], t[2], t[3], t[4], "是", unit)).append('\n');
      int size = minMembers + random.nextInt(maxMembers - minMembers + 1);
      for (int j = 1; j <= size; j++) {
        String role = j == 1 ? "书记" : j == 2 ? "联络员" : "党员";
        String position = j == 1 ? "书记" : j == 2 ? "组织委员" : "教职工";
        String username = j == 1 ? code + ".sec" : code + ".m" + j;
        members.append(String.join(",", String.format("B%07d", ++memberCount), name(random), code, role, position,
            "", username)).append('\n');
      }
    }
    imports.importOrganizations(orgs.toString().getBytes(StandardCharsets.UTF_8));
    imports.importMembers(members.toString().getBytes(StandardCharsets.UTF_8));
    return memberCount;
  }

  /** The generated organizations led by a body. */
  static List<String> organizationsOf(String leader, int organizations) {
    List<String[]> templates = templates(rows("demo/organizations.csv"));
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < organizations; i++) {
      if (leader.equals(templates.get(i % templates.size())[4])) {
        codes.add(code(i));
      }
    }
    return codes;
  }

  private static String code(int i) {
    return String.format("g%05d", i + 1);
  }

  private static List<String[]> templates(List<String[]> orgRows) {
    return orgRows.stream().filter(r -> "是".equals(r[5])).toList();
  }

  private static String name(Random random) {
    return "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
        + (random.nextBoolean() ? "" : String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))));
  }

  private static List<String[]> rows(String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
          .filter(l -> !l.isBlank()).toList();
      return lines.stream().map(l -> l.split(",", -1)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
