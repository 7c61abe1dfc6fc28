package com.casedesk.directory;

/** A contractor (施工单位). Its staff work in the Camunda group {@link #groupId()}. */
public record Contractor(String code, String name, String trade) {

  public static final String GROUP_PREFIX = "contractor-";

  /** The candidate group of tasks addressed to this contractor only. */
  public String groupId() {
    return GROUP_PREFIX + code;
  }
}
