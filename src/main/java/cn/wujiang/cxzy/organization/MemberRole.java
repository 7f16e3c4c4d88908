package cn.wujiang.cxzy.organization;

/** A member's role in the organization; secretaries and liaisons act for it in Tasklist. */
public enum MemberRole implements Labelled {
  SECRETARY("书记"),
  LIAISON("联络员"),
  MEMBER("党员");

  private final String label;

  MemberRole(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  public boolean actsForOrganization() {
    return this != MEMBER;
  }
}
