package cn.wujiang.cxzy.organization;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A party member; one with a username logs in to Tasklist. */
@Entity
@Table(name = "org_member")
public class Member {

  @Id
  private String memberNo;

  private String name;

  private String orgCode;

  @Enumerated(EnumType.STRING)
  private MemberRole role;

  private String position;

  private String email;

  private String username;

  protected Member() {
  }

  public Member(String memberNo, String name, String orgCode, MemberRole role, String position,
      String email, String username) {
    this.memberNo = memberNo;
    update(name, orgCode, role, position, email, username);
  }

  public final void update(String name, String orgCode, MemberRole role, String position,
      String email, String username) {
    this.name = name;
    this.orgCode = orgCode;
    this.role = role;
    this.position = position;
    this.email = email;
    this.username = username;
  }

  public String getMemberNo() {
    return memberNo;
  }

  public String getName() {
    return name;
  }

  public String getOrgCode() {
    return orgCode;
  }

  public MemberRole getRole() {
    return role;
  }

  public String getPosition() {
    return position;
  }

  public String getEmail() {
    return email;
  }

  public String getUsername() {
    return username;
  }
}
