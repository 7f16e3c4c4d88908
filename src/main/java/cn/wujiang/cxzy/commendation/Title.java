package cn.wujiang.cxzy.commendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.wujiang.cxzy.organization.Labelled;
import cn.wujiang.cxzy.organization.OrgSystem;

/**
 * The titles a leading body commends (the notice names them): 先进基层党组织 for an organization,
 * 优秀共产党员 for any member, and the carrier titles of a member's system.
 */
public enum Title implements Labelled {
  ADVANCED_ORGANIZATION("先进基层党组织", false, null),
  OUTSTANDING_MEMBER("优秀共产党员", true, null),
  TEACHER_ETHICS_MODEL("党员师德标兵", true, OrgSystem.EDUCATION),
  STUDENT_CARE_MODEL("爱生模范", true, OrgSystem.EDUCATION),
  TOUCHING_FIGURE("十佳感动人物", true, OrgSystem.EDUCATION),
  MEDICAL_ETHICS_MODEL("党员医德标兵", true, OrgSystem.HEALTH);

  private final String label;
  private final boolean member;
  private final OrgSystem system;

  Title(String label, boolean member, OrgSystem system) {
    this.label = label;
    this.member = member;
    this.system = system;
  }

  @Override
  public String label() {
    return label;
  }

  /** A member's title (else an organization's). */
  public boolean isMember() {
    return member;
  }

  /** The system whose members may seek it; null where any member may. */
  public OrgSystem system() {
    return system;
  }

  /** Whether a member of an organization of this system may seek the title. */
  public boolean openTo(OrgSystem memberSystem) {
    return member && (system == null || system == memberSystem);
  }

  /** The titles a member of the system may seek: 优秀共产党员 first, then the system's carrier titles. */
  public static List<Title> forMembersOf(OrgSystem memberSystem) {
    List<Title> result = new ArrayList<>();
    for (Title t : values()) {
      if (t.openTo(memberSystem)) {
        result.add(t);
      }
    }
    return result;
  }

  public static Optional<Title> parse(String text) {
    return Labelled.parse(Title.class, text);
  }
}
