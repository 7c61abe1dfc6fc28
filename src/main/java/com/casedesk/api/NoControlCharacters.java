package com.casedesk.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Every JSON string CaseDesk's own APIs read is free of NUL and other C0 control characters
 * (tab, line feed and carriage return excepted): PostgreSQL cannot store a NUL in text and fails
 * the statement, which a request must not be able to cause (found by HostileInputFuzzIT). Such a
 * body is refused as unreadable (400) before any field is looked up. Spring Boot adds this module
 * to its ObjectMapper; Camunda's REST API keeps its own.
 */
@Component
class NoControlCharacters extends SimpleModule {

  NoControlCharacters() {
    super("casedesk-no-control-characters");
    addDeserializer(String.class, new StringDeserializer() {
      @Override
      public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = super.deserialize(parser, context);
        if (value != null) {
          for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
              return (String) context.handleWeirdStringValue(String.class, value,
                  "control character U+%04X is not allowed", (int) c);
            }
          }
        }
        return value;
      }
    });
  }
}
