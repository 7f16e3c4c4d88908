package cn.wujiang.cxzy.organization;

/** The system an organization belongs to; decides its system guide (系统指导) and activity carriers. */
public enum OrgSystem implements Labelled {
  EDUCATION("教育"),
  HEALTH("卫生"),
  GENERAL("综合");

  private final String label;

  OrgSystem(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
