package com.casedesk.directory;

/** A frontline company (一线公司). Its code is also its Camunda tenant id. */
public record Company(String code, String name, String city, String hotline) {}
