package com.casedesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** CaseDesk: customer-relations case management for residential property companies. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CaseDeskApplication {

  public static void main(String[] args) {
    SpringApplication.run(CaseDeskApplication.class, args);
  }
}
