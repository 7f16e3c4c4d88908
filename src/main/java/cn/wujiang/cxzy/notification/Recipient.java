package cn.wujiang.cxzy.notification;

/** A person to tell something: a member, with a login and an e-mail address where they have them. */
public record Recipient(String memberNo, String username, String name, String email) {
}
