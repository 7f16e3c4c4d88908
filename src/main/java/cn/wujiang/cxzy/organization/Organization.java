package cn.wujiang.cxzy.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.Table;

import java.util.concurrent.atomic.AtomicLong;

/** A party body: the city office, a committee, a general branch or a branch. */
@Entity
@Table(name = "org_organization")
public class Organization {

  @Id
  private String code;

  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "org_type")
  private OrgType type;

  @Enumerated(EnumType.STRING)
  @Column(name = "org_system")
  private OrgSystem system;

  /** The code of the body it is affiliated to (隶属关系); null only for the city office. */
  private String leaderCode;

  /** A grassroots organization (基层党组织) runs the four-step cycle itself. */
  private boolean grassroots;

  private String unitName;

  /** Writes of organizations in this process; a change makes {@link OrganizationService} read them again. */
  private static final AtomicLong WRITES = new AtomicLong();

  protected Organization() {
  }

  public Organization(String code, String name, OrgType type, OrgSystem system, String leaderCode,
      boolean grassroots, String unitName) {
    this.code = code;
    update(name, type, system, leaderCode, grassroots, unitName);
  }

  public final void update(String name, OrgType type, OrgSystem system, String leaderCode,
      boolean grassroots, String unitName) {
    this.name = name;
    this.type = type;
    this.system = system;
    this.leaderCode = leaderCode;
    this.grassroots = grassroots;
    this.unitName = unitName;
  }

  /** An unmanaged copy, to keep in memory across transactions. */
  Organization copy() {
    return new Organization(code, name, type, system, leaderCode, grassroots, unitName);
  }

  @PostPersist
  @PostUpdate
  @PostRemove
  void written() {
    WRITES.incrementAndGet();
  }

  static long writes() {
    return WRITES.get();
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public OrgType getType() {
    return type;
  }

  public OrgSystem getSystem() {
    return system;
  }

  public String getLeaderCode() {
    return leaderCode;
  }

  public boolean isGrassroots() {
    return grassroots;
  }

  public String getUnitName() {
    return unitName;
  }

  public boolean isCityOffice() {
    return leaderCode == null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Organization o && code != null && code.equals(o.code);
  }

  @Override
  public int hashCode() {
    return code == null ? 0 : code.hashCode();
  }

  @Override
  public String toString() {
    return code + " " + name;
  }
}
