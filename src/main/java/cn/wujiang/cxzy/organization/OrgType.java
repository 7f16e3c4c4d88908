package cn.wujiang.cxzy.organization;

/** Kinds of party body; the label is what the import file and every page use. */
public enum OrgType implements Labelled {
  PARTY_COMMITTEE("党委"),
  WORKING_COMMITTEE("党工委"),
  GENERAL_BRANCH("党总支"),
  BRANCH("党支部"),
  OFFICE("办公室");

  private final String label;

  OrgType(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
