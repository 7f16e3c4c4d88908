package cn.wujiang.cxzy.organization;

/** A column of an import file: its key (the English header) and its Chinese header. */
record Column(String key, String chinese, boolean required, int maxLength) {

  boolean matchesHeader(String header) {
    String h = header == null ? "" : header.trim();
    return h.equalsIgnoreCase(key) || h.equals(chinese);
  }
}
