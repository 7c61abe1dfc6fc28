package com.casedesk.casefile;

/** The kinds of case and the prefix of their case numbers. */
public enum CaseType {
  /** 投诉 */
  COMPLAINT("TS"),
  /** 报修 */
  REPAIR("BX"),
  /** 群诉 */
  MASS_COMPLAINT("QS"),
  /** 交付 */
  HANDOVER("JF"),
  /** 遗留问题整改 */
  DEFECT("ZG");

  private final String prefix;

  CaseType(String prefix) {
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }

  public static CaseType ofPrefix(String prefix) {
    for (CaseType type : values()) {
      if (type.prefix.equals(prefix)) {
        return type;
      }
    }
    throw new IllegalArgumentException("Unknown case number prefix '" + prefix + "'");
  }
}
