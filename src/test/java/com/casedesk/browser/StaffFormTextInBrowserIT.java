package com.casedesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.casedesk.complaint.ComplaintCases;
import com.casedesk.complaint.ComplaintProcess;
import com.casedesk.notification.NotificationOutbox;
import com.casedesk.support.AsUser;
import com.casedesk.support.CaseDeskIntegrationTest;
import com.casedesk.support.HeadlessChromium;
import com.casedesk.support.ProcessTests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Text staff write in Tasklist forms is stored as written and shown to other staff (and the owner)
 * as text. Hostile texts generated with jqwik (fixed seed, the pool's fingerprint printed), with
 * markup, AngularJS template expressions, quote-breaking attribute payloads, {@code ${...}} and
 * {@code #{...}} expressions, bidi and zero-width characters, Chinese, and long texts at each form's
 * length limit, go into the staff-written fields of complaint-handling: the reply
 * ({@code replyText}, complaint-reply), the supervision note ({@code supervisionNote},
 * complaint-escalation), the handling result ({@code handlingResult}, complaint-handle) and the
 * callback record ({@code satisfactionComment}, complaint-callback).
 *
 * <p>Hundreds go through the engine REST API as the staff member whose task it is: each is refused
 * with a 4xx or stored verbatim (task variable, its history, the case record, the owner's SMS),
 * never a 5xx, and the case goes on. One per field is typed into the real Tasklist form in Chromium
 * (claim, type, complete). Then other staff open the cases: the next task's form in Tasklist (which
 * shows the earlier text) and its history tab, the process instance's variables in Cockpit, and the
 * owner the tracking page: nothing runs. Every payload that would run sets {@code window.casedeskXss};
 * since the webapps' Content-Security-Policy blocks inline handlers, the DOM is also searched for an
 * injected handler, script or {@code javascript:} link carrying one, so that markup which got in is
 * caught even where the policy stopped it from running.
 *
 * <p>Texts are sent up to each form's length limit, and without NUL: longer ones (which Tasklist
 * refuses in the browser) and NUL are refused by the server too, as the second test shows.
 */
@CaseDeskIntegrationTest
class StaffFormTextInBrowserIT extends TasklistBrowserTest {

  private static final long SEED = 20261127L;
  /** complaints filled through the REST API: a reply, handling result and callback record each, every third a supervision note */
  private static final int CASES = 80;
  /** a unit of 东海岸 (2 units): its complaints can never reach the 5 households of a mass-complaint warning */
  private static final String UNIT = "sz-dha-a-2101";
  private static final String OWNER_PHONE = "13800000004";
  private static final String STAFF_PASSWORD = "demo";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Payloads that would run if shown as markup or compiled as a template: each sets window.casedeskXss. */
  static final List<String> RUNNING = List.of(
      "<script>window.casedeskXss=1</script>",
      "<img src=x onerror=\"window.casedeskXss=2\">",
      "<svg onload=window.casedeskXss=3>",
      "<svg><script>window.casedeskXss=4</script></svg>",
      "<details open ontoggle=\"window.casedeskXss=5\">",
      "<input autofocus onfocus=\"window.casedeskXss=6\">",
      "<iframe srcdoc=\"<script>parent.casedeskXss=7</script>\"></iframe>",
      "</textarea><img src=x onerror=window.casedeskXss=8>",
      "\"><img src=x onerror=window.casedeskXss=9>",
      "'><svg onload=window.casedeskXss=10>",
      "\" autofocus onfocus=\"window.casedeskXss=11\" x=\"",
      "' autofocus onfocus='window.casedeskXss=12' x='",
      "{{constructor.constructor('window.casedeskXss=13')()}}",
      "{{$on.constructor('window.casedeskXss=14')()}}",
      "{{[].pop.constructor('window.casedeskXss=15')()}}",
      "{{ 'a'.constructor.fromCharCode.constructor(\"window.casedeskXss=16\")() }}",
      "<div ng-app>{{$eval.constructor('window.casedeskXss=17')()}}</div>",
      "${window.casedeskXss=18}",
      "#{window.casedeskXss=19}",
      "`;window.casedeskXss=20;`",
      "[回访链接](javascript:window.casedeskXss=21)",
      "<a href=\"javascript:window.casedeskXss=22\">点击查看</a>",
      "<math><mtext><table><mglyph><style><img src=x onerror=window.casedeskXss=23>",
      "<noscript><p title=\"</noscript><img src=x onerror=window.casedeskXss=24>\">",
      "<<script>script>window.casedeskXss=25<</script>/script>",
      "<scr<script>ipt>window.casedeskXss=26</scr</script>ipt>",
      "&lt;img src=x onerror=window.casedeskXss=27&gt;",
      "<body onload=window.casedeskXss=28>",
      "<style>@keyframes cdx{}</style><b style=\"animation-name:cdx\" onanimationstart=\"window.casedeskXss=29\">x</b>",
      "javascript:window.casedeskXss=30",
      "*{{constructor.constructor('window.casedeskXss=31')()}}*",
      "<img src=x onerror=window.casedeskXss=32//",
      "</script><script>window.casedeskXss=33</script>",
      "-->\"'><svg/onload=window.casedeskXss=34>");

  /** Server-side and template expressions: harmless only if stored as they are (never evaluated). */
  private static final List<String> EXPRESSIONS = List.of(
      "${7*7}", "#{7*7}", "${execution.setVariable('replyText','篡改')}",
      "#{runtimeService.deleteProcessInstance(execution.processInstanceId,'x')}",
      "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch /tmp/casedesk-pwned')}",
      "${identityService.newUser('x')}", "=string(7*7)", "= 1 + 1", "{{caseNumber}}", "{caseNumber}",
      "{contactPhone}", "{replyText}", "$1 $0 \\1", "%s %n %x", "{{7*7}}", "<%= 7*7 %>", "${{7*7}}", "@{7*7}", "*{7*7}",
      "' OR '1'='1", "'; DROP TABLE complaint_case; --");

  /** Bidi controls, zero-width and other invisible characters. */
  private static final String INVISIBLE =
      "\u202e\u202d\u202a\u202b\u202c\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u200e\u200f\ufeff\u061c\u2028\u2029\u00ad\u2060";

  private static final List<String> PHRASES = List.of(
      "您好，已安排维修师傅今日上门。", "业主反映楼上漏水，已联系物业处理。", "处理结果：已更换水管，业主确认。",
      "督办：请于今日内完成回访。", "尊敬的业主", "（已解决）", "【紧急】", "回访：业主表示满意");

  private static final List<String> BREAKERS = List.of(
      "\"", "'", "`", "\\", "</textarea>", "]]>", "-->", "<!--", "&quot;", "&#39;", "&amp;", "%22", "\\u0022", "\\x3c",
      "\r\n", "\n", "\t", "</div>", "<", ">");

  /** A hostile text: one to six fragments of the kinds above, mixed with Chinese and arbitrary characters. */
  private static Arbitrary<String> hostileText() {
    Arbitrary<String> chinese = Arbitraries.oneOf(Arbitraries.of(PHRASES),
        Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMinLength(1).ofMaxLength(12));
    // every character but NUL (reported: PostgreSQL refuses it with a 500) and unpaired surrogates
    Arbitrary<String> unicode = Arbitraries.strings().withCharRange('\u0001', '\ud7ff').withCharRange('\ue000', '\ufffd')
        .ofMaxLength(40);
    Arbitrary<String> fragment = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of(RUNNING)),
        Tuple.of(2, Arbitraries.of(EXPRESSIONS)),
        Tuple.of(2, Arbitraries.strings().withChars(INVISIBLE).ofMinLength(1).ofMaxLength(3)),
        Tuple.of(4, chinese),
        Tuple.of(2, Arbitraries.of(BREAKERS)),
        Tuple.of(2, unicode),
        Tuple.of(1, Arbitraries.of("😀", "🏠", "𠀀", "👍🏻", "🇨🇳")));
    return fragment.list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join("", parts))
        .filter(text -> text.length() <= 480);
  }

  /** A text of exactly {@code length} characters, with a running payload at its start and at its end. */
  private static Arbitrary<String> longText(int length) {
    Arbitrary<String> filler = Arbitraries.strings().withChars("渗漏投诉处理已安排维修回访满意aA1 <>'\"${}#" + INVISIBLE)
        .ofLength(length);
    return Combinators.combine(filler, Arbitraries.of(RUNNING), Arbitraries.of(RUNNING)).as((middle, head, tail) ->
        head + middle.substring(0, length - head.length() - tail.length()) + tail);
  }

  /** The staff-written fields: variable, the form's maximum length, and the lengths sent at that limit. */
  enum Field {
    REPLY(ComplaintProcess.Var.REPLY_TEXT, 500),
    NOTE(ComplaintProcess.Var.SUPERVISION_NOTE, 1000),
    HANDLING(ComplaintProcess.Var.HANDLING_RESULT, 4000),
    COMMENT(ComplaintProcess.Var.SATISFACTION_COMMENT, 1000);

    final String variable;
    final int maxLength;

    Field(String variable, int maxLength) {
      this.variable = variable;
      this.maxLength = maxLength;
    }

    /**
     * The longest texts the form takes: up to its limit. Longer ones, which Tasklist refuses but the
     * engine REST API takes, break the case today (reported): not sent here.
     */
    List<Integer> lengthsAtLimit() {
      return List.of(maxLength - 4, maxLength - 3, maxLength - 2, maxLength - 1, maxLength);
    }
  }

  /** The pool, generated once per run with jqwik's sampling from a seeded source of randomness. */
  private static final List<String> TEXTS;
  private static final Map<Field, List<String>> AT_LIMIT = new LinkedHashMap<>();

  static {
    // jqwik samples with the thread's source of randomness: seeded, every run tries the same texts
    net.jqwik.engine.SourceOfRandomness.create(Long.toString(SEED));
    TEXTS = hostileText().sampleStream().limit(1000).toList();
    for (Field field : Field.values()) {
      AT_LIMIT.put(field, field.lengthsAtLimit().stream().map(length -> longText(length).sample()).toList());
    }
  }

  static String fingerprint() {
    return Integer.toHexString(TEXTS.hashCode() ^ List.copyOf(AT_LIMIT.values()).hashCode());
  }

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ComplaintCases cases;
  @Autowired NotificationOutbox outbox;
  @Autowired MeterRegistry meters;

  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<Field, int[]> outcomes = new LinkedHashMap<>(); // field -> {stored, refused}
  private int browserViews;

  /** A complaint worked in this test, and what was stored in it. */
  private record Case(ProcessInstance instance, Map<Field, String> texts) {
    String id() {
      return instance.getId();
    }

    String number() {
      return instance.getBusinessKey();
    }
  }

  @Test
  void hostile_text_staff_write_in_tasklist_forms_is_stored_verbatim_and_never_runs_for_other_staff() throws Exception {
    long started = System.nanoTime();
    long serverErrorsBefore = serverErrors();
    Random random = new Random(SEED);

    // ---- hundreds of texts through the engine REST API, as the staff member whose task it is
    List<Case> worked = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      Case complaint = register("REST " + i);
      worked.add(complaint);
      complaint.texts().put(Field.REPLY, submit(complaint, Field.REPLY, next(Field.REPLY, i, random), random));
      if (i % 3 == 0) {
        escalate(complaint);
        complaint.texts().put(Field.NOTE, submit(complaint, Field.NOTE, next(Field.NOTE, i / 3, random), random));
      }
      complaint.texts().put(Field.HANDLING, submit(complaint, Field.HANDLING, next(Field.HANDLING, i, random), random));
    }
    long restSeconds = (System.nanoTime() - started) / 1_000_000_000L;

    // ---- one text per field typed into the real Tasklist forms by the staff member who works the task
    Case typed = register("浏览器");
    String typedReply = typeable(Field.REPLY, List.of());
    String typedNote = typeable(Field.NOTE, List.of(typedReply));
    String typedHandling = typeable(Field.HANDLING, List.of(typedReply, typedNote));
    System.out.println("StaffFormTextInBrowserIT types: reply " + shown(typedReply) + ", note " + shown(typedNote)
        + ", handling result " + shown(typedHandling));

    logInToTasklist("sz-frontdesk");
    resourceTimingBuffer();
    Task reply = task(typed, ComplaintProcess.Element.REPLY);
    openForm(reply, "Field_ReplyText");
    assertNothingRan("Tasklist: the reply form before typing");
    // the case summary's texts come from one JSON variable (labels), which Tasklist hands to form-js parsed
    wait.until(d -> d.findElement(By.cssSelector(".fjs-form")).getText().contains("渠道："));
    assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).as("the reply form's case summary")
        .contains("渠道：热线电话").contains("类别：物业服务").contains("严重程度：一般").contains("责任部门：物业服务")
        .containsPattern("回复期限：\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}").doesNotContain("{{");
    typeInto("Field_ReplyText", typedReply);
    HeadlessChromium.screenshot(browser, "staff-text-1-reply-typed");
    completeInTasklist(reply);
    assertNothingRan("Tasklist: after completing the reply");
    typed.texts().put(Field.REPLY, typedReply);
    assertStoredVerbatim(typed, Field.REPLY, typedReply);
    assertCaseGoesOn(typed);

    escalate(typed);
    switchTasklistUser("sz-supervisor");
    Task supervise = task(typed, ComplaintProcess.Element.SUPERVISE_HANDLING);
    openForm(supervise, "Field_replyTextView");
    assertShows("Field_replyTextView", typedReply);
    assertNothingRan("Tasklist: the supervisor's escalation form showing the typed reply");
    claimInTasklist();
    typeInto("Field_SupervisionNote", typedNote);
    completeInTasklist(supervise);
    typed.texts().put(Field.NOTE, typedNote);
    assertStoredVerbatim(typed, Field.NOTE, typedNote);

    switchTasklistUser("sz-property");
    Task handle = task(typed, ComplaintProcess.Element.HANDLE);
    openForm(handle, "Field_replyTextView");
    assertShows("Field_replyTextView", typedReply);
    assertNothingRan("Tasklist: the department's handling form showing the typed reply");
    claimInTasklist();
    typeInto("Field_HandlingResult", typedHandling);
    HeadlessChromium.screenshot(browser, "staff-text-2-handling-typed");
    completeInTasklist(handle);
    typed.texts().put(Field.HANDLING, typedHandling);
    assertStoredVerbatim(typed, Field.HANDLING, typedHandling);
    assertCaseGoesOn(typed);

    // ---- other staff open the cases: the callback task shows the reply and the handling result
    List<Case> shown = new ArrayList<>();
    shown.add(typed);
    shown.addAll(mostPayloads(worked, 3));
    switchTasklistUser("sz-frontdesk");
    for (Case complaint : shown) {
      Task callback = task(complaint, ComplaintProcess.Element.CALLBACK);
      openForm(callback, "Field_handlingResultView");
      assertShows("Field_replyTextView", complaint.texts().get(Field.REPLY));
      assertShows("Field_handlingResultView", complaint.texts().get(Field.HANDLING));
      assertNothingRan("Tasklist: callback form of " + complaint.number());
      if (complaint == typed) {
        HeadlessChromium.screenshot(browser, "staff-text-3-callback");
        click(By.xpath("//a[normalize-space(.)='历史']"));
        Thread.sleep(1000);
        assertNothingRan("Tasklist: history of the callback task of " + complaint.number());
        click(By.xpath("//a[normalize-space(.)='表单']"));
      }
    }

    // ---- a supervisor reads the process instances' variables in Cockpit
    browser.manage().deleteAllCookies();
    HeadlessChromium.logIn(browser, port, "cockpit", "sz-supervisor", STAFF_PASSWORD);
    new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.not(ExpectedConditions.urlContains("login")));
    resourceTimingBuffer();
    for (Case complaint : shown) {
      browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/" + complaint.id()
          + "/runtime?tab=variables-tab");
      new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> bodyText().contains(ComplaintProcess.Var.HANDLING_RESULT)
          && bodyText().contains(ComplaintProcess.Var.REPLY_TEXT) && bodyText().contains(complaint.number()));
      Thread.sleep(500);
      assertNothingRan("Cockpit: variables of " + complaint.number());
      // the table shortens long values: a supervisor opens the variable to read all of it
      for (Field field : List.of(Field.REPLY, Field.HANDLING)) {
        assertCockpitShowsInFull(field.variable, complaint.texts().get(field));
        assertNothingRan("Cockpit: " + field.variable + " of " + complaint.number() + " opened in full");
      }
      if (complaint == typed) {
        js("arguments[0].scrollIntoView({block: 'center'});",
            browser.findElement(By.xpath("//td[normalize-space(.)='" + ComplaintProcess.Var.REPLY_TEXT + "']")));
        HeadlessChromium.screenshot(browser, "staff-text-4-cockpit-variables");
      }
    }

    // ---- the owner reads the reply and the handling result on the tracking page
    browser.get("http://localhost:" + port + "/owner/");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("nav button[data-tab=track]"))).click();
    WebElement track = browser.findElement(By.id("track-form"));
    track.findElement(By.name("caseNumber")).sendKeys(typed.number());
    track.findElement(By.name("phone")).sendKeys(OWNER_PHONE);
    track.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("track-result"), "已处理"));
    String tracked = (String) js("return document.getElementById('track-result').textContent;");
    assertThat(tracked).as("the owner reads the reply as written").contains(typedReply);
    assertThat(tracked).as("the owner reads the handling result as written").contains(typedHandling);
    assertNothingRan("owner tracking page of " + typed.number());
    HeadlessChromium.screenshot(browser, "staff-text-5-owner-tracking");

    // ---- the front desk closes every case with a callback record (REST), which reads back from history
    worked.add(typed);
    for (int i = 0; i < worked.size(); i++) {
      Case complaint = worked.get(i);
      complaint.texts().put(Field.COMMENT, submit(complaint, Field.COMMENT, next(Field.COMMENT, i, random), random));
    }

    assertThat(serverErrors() - serverErrorsBefore).as("5xx answers the server counted during the test").isZero();
    int samples = outcomes.values().stream().mapToInt(o -> o[0] + o[1]).sum();
    StringBuilder perField = new StringBuilder();
    outcomes.forEach((field, o) -> perField.append(' ').append(field.variable).append(' ').append(o[0]).append(" stored/")
        .append(o[1]).append(" refused;"));
    System.out.println("StaffFormTextInBrowserIT: " + samples + " hostile texts through the engine REST API ("
        + perField.toString().trim() + " never a 5xx), 3 typed in Tasklist, " + browserViews + " browser views, nothing ran (seed "
        + SEED + ", text pool " + fingerprint() + "; REST part " + restSeconds + " s, whole test "
        + (System.nanoTime() - started) / 1_000_000_000L + " s)");
  }

  /**
   * Texts and bodies that Tasklist's forms never send, which the engine REST API used to store (and
   * then fail a job on) or answer with a 500 (this test found them): identity/FormSubmissionGuard
   * checks each submission by the task's form, so each is a 400 naming the field and the task stays
   * open; a task completed already (a second click) is a 404.
   */
  @Test
  void texts_the_forms_refuse_are_refused_by_the_engine_rest_api_too() throws Exception {
    Random random = new Random(SEED);
    List<String> findings = new ArrayList<>();
    Map<String, Object[]> cases = new LinkedHashMap<>();
    // the engine stores at most 4000 characters in a text variable; complaint_case.handling_result is VARCHAR(4000)
    cases.put("handlingResult of 4001 characters", new Object[] {Field.HANDLING, "渗".repeat(4001)});
    cases.put("replyText of 4001 characters", new Object[] {Field.REPLY, "渗".repeat(4001)});
    // the form allows 500; the reply SMS takes at most 2000 characters, complaint_case.reply_text is VARCHAR(2000)
    cases.put("replyText of 1990 characters", new Object[] {Field.REPLY, "渗".repeat(1990)});
    cases.put("replyText of 2001 characters", new Object[] {Field.REPLY, "渗".repeat(2001)});
    // the form allows 1000, complaint_case.satisfaction_comment is VARCHAR(1000)
    cases.put("satisfactionComment of 1001 characters", new Object[] {Field.COMMENT, "渗".repeat(1001)});
    // PostgreSQL cannot store U+0000 (H2 can)
    cases.put("replyText with NUL", new Object[] {Field.REPLY, "您好\u0000已处理"});
    cases.put("handlingResult with NUL", new Object[] {Field.HANDLING, "已处理\u0000完毕"});
    for (Map.Entry<String, Object[]> sample : cases.entrySet()) {
      Case complaint = register(sample.getKey());
      if (sample.getValue()[0] != Field.REPLY) {
        submit(complaint, Field.REPLY, "您好，已收到您的投诉。", random);
      }
      if (sample.getValue()[0] == Field.COMMENT) {
        submit(complaint, Field.HANDLING, "已处理完毕。", random);
      }
      Field field = (Field) sample.getValue()[0];
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put(field.variable, Map.of("value", sample.getValue()[1], "type", "String"));
      if (field == Field.COMMENT) {
        variables.put(ComplaintProcess.Var.SATISFACTION, Map.of("value", 5, "type", "Integer"));
        variables.put(ComplaintProcess.Var.OWNER_SATISFIED, Map.of("value", true, "type", "Boolean"));
      }
      expectRefused(findings, sample.getKey(), complaint, field, JSON.writeValueAsString(Map.of("variables", variables)), 400);
    }
    Case complaint = register("malformed");
    expectRefused(findings, "a variable given as null", complaint, Field.REPLY, "{\"variables\":{\"replyText\":null}}", 400);
    expectRefused(findings, "replyText as a number", complaint, Field.REPLY,
        "{\"variables\":{\"replyText\":{\"value\":12345,\"type\":\"Integer\"}}}", 400);
    expectRefused(findings, "a serialized Java object", complaint, Field.REPLY, """
        {"variables":{"replyText":{"value":"您好，已收到您的投诉。","type":"String"},
         "x":{"value":"rO0ABXQAAA==","type":"Object","valueInfo":{"objectTypeName":"java.lang.Runtime",
              "serializationDataFormat":"application/x-java-serialized-object"}}}}""", 400);
    expectRefused(findings, "a body that is not a JSON object", complaint, Field.REPLY, "[1, 2]", 400);
    String reply = task(complaint, ComplaintProcess.Element.REPLY).getId();
    submit(complaint, Field.REPLY, "您好，已收到您的投诉。", random);
    HttpResponse<String> again = rest("POST", "/engine-rest/task/" + reply + "/complete", "sz-frontdesk",
        "{\"variables\":{\"replyText\":{\"value\":\"再次提交\",\"type\":\"String\"}}}");
    if (again.statusCode() != 404) {
      findings.add("completing a task completed already (a second click, a second tab): " + again.statusCode() + " "
          + abbreviate(again.body()) + ", expected 404");
    }
    assertThat(findings).as("texts and bodies the engine REST API must refuse with a 4xx, the task left open").isEmpty();
  }

  /** The submission is answered {@code status} with Camunda's error JSON, and the task stays open. */
  private void expectRefused(List<String> findings, String what, Case complaint, Field field, String body, int status)
      throws Exception {
    String activity = field == Field.REPLY ? ComplaintProcess.Element.REPLY
        : field == Field.HANDLING ? ComplaintProcess.Element.HANDLE : ComplaintProcess.Element.CALLBACK;
    String user = field == Field.HANDLING ? "sz-property" : "sz-frontdesk";
    Task task = taskService.createTaskQuery().processInstanceId(complaint.id()).taskDefinitionKey(activity).singleResult();
    if (task == null) {
      findings.add(what + ": no open " + activity + " left to try (an earlier submission was taken)");
      return;
    }
    if (task.getAssignee() == null) {
      rest("POST", "/engine-rest/task/" + task.getId() + "/claim", user, JSON.writeValueAsString(Map.of("userId", user)));
    }
    HttpResponse<String> answer = rest("POST", "/engine-rest/task/" + task.getId() + "/complete", user, body);
    if (answer.statusCode() != status || !answer.body().contains("\"message\"")) {
      findings.add(what + ": " + answer.statusCode() + " " + abbreviate(answer.body()) + ", expected " + status);
    } else if (taskService.createTaskQuery().taskId(task.getId()).count() != 1) {
      findings.add(what + ": refused, but the task is gone");
    }
  }

  // ------------------------------------------------------------------ the samples

  /** The field's n-th text: first the ones at its length limit, then drawn from the pool. */
  private static String next(Field field, int n, Random random) {
    List<String> atLimit = AT_LIMIT.get(field);
    return n < atLimit.size() ? atLimit.get(n) : TEXTS.get(random.nextInt(TEXTS.size()));
  }

  /**
   * The pool's text to type into the field: one a keyboard can type (no control characters but
   * line feeds, nothing outside the Basic Multilingual Plane, no private-use characters, which
   * WebDriver reads as keys), within the form's limits, with running payloads, Chinese and
   * invisible characters: the one with most of them.
   */
  private static String typeable(Field field, List<String> taken) {
    String best = null;
    int bestCount = 0;
    for (String text : TEXTS) {
      if (taken.contains(text) || text.length() < 5 || text.length() > Math.min(field.maxLength, 300)) {
        continue;
      }
      if (!text.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0)
          && !Character.isSurrogate((char) c) && !(c >= 0xe000 && c <= 0xf8ff)))) {
        continue;
      }
      int payloads = payloadsIn(text).cardinality();
      boolean chinese = text.chars().anyMatch(c -> c >= 0x4e00 && c <= 0x9fa5);
      boolean invisible = text.chars().anyMatch(c -> INVISIBLE.indexOf(c) >= 0);
      int count = payloads == 0 ? 0 : payloads + (chinese ? 3 : 0) + (invisible ? 3 : 0);
      if (count > bestCount) {
        best = text;
        bestCount = count;
      }
    }
    assertThat(best).as("a typeable text with a running payload in the pool").isNotNull();
    return best;
  }

  private static BitSet payloadsIn(String text) {
    BitSet found = new BitSet();
    for (int i = 0; i < RUNNING.size(); i++) {
      if (text.contains(RUNNING.get(i))) {
        found.set(i);
      }
    }
    return found;
  }

  /** The cases that together carry the most different running payloads in what the callback form shows. */
  private static List<Case> mostPayloads(List<Case> worked, int count) {
    List<Case> chosen = new ArrayList<>();
    BitSet covered = new BitSet();
    for (int round = 0; round < count; round++) {
      Case best = null;
      int bestGain = 0;
      for (Case complaint : worked) {
        BitSet payloads = payloadsIn(complaint.texts().get(Field.REPLY) + complaint.texts().get(Field.HANDLING)
            + complaint.texts().getOrDefault(Field.NOTE, ""));
        payloads.andNot(covered);
        if (!chosen.contains(complaint) && payloads.cardinality() > bestGain) {
          best = complaint;
          bestGain = payloads.cardinality();
        }
      }
      if (best == null) {
        break;
      }
      chosen.add(best);
      covered.or(payloadsIn(best.texts().get(Field.REPLY) + best.texts().get(Field.HANDLING)
          + best.texts().getOrDefault(Field.NOTE, "")));
    }
    return chosen;
  }

  // ------------------------------------------------------------------ the process

  /** A complaint registered at the front desk by sz-frontdesk (its first-contact owner), waiting for reply and handling. */
  private Case register(String label) {
    Map<String, Object> intake = new HashMap<>();
    intake.put("channel", "hotline");
    intake.put("unitCode", UNIT);
    intake.put("contactName", "刘洋");
    intake.put("contactPhone", OWNER_PHONE);
    intake.put("category", "property");
    intake.put("subcategory", null);
    intake.put("description", "员工表单文本检查 " + label + "：小区门禁经常失灵");
    ProcessInstance instance = AsUser.call(identityService, "sz-frontdesk",
        () -> runtimeService.startProcessInstanceByKey(ComplaintProcess.PROCESS_KEY, intake));
    ProcessTests.runDueJobs(managementService, identityService, instance.getId());
    Case complaint = new Case(instance, new LinkedHashMap<>());
    task(complaint, ComplaintProcess.Element.REPLY);
    task(complaint, ComplaintProcess.Element.HANDLE);
    return complaint;
  }

  /** The handling deadline passes: the supervisor's escalation task (its form shows reply and handling result). */
  private void escalate(Case complaint) {
    Job overdue = managementService.createJobQuery().processInstanceId(complaint.id())
        .activityId(ComplaintProcess.Element.HANDLING_OVERDUE).singleResult();
    assertThat(overdue).as("the handling deadline's timer of " + complaint.number()).isNotNull();
    ProcessTests.executeAsJobExecutor(managementService, identityService, overdue);
    ProcessTests.runDueJobs(managementService, identityService, complaint.id());
    task(complaint, ComplaintProcess.Element.SUPERVISE_HANDLING);
  }

  private Task task(Case complaint, String activity) {
    Task task = taskService.createTaskQuery().processInstanceId(complaint.id()).taskDefinitionKey(activity).singleResult();
    assertThat(task).as(activity + " of " + complaint.number()).isNotNull();
    return task;
  }

  /** Every job of the case runs (the reply is sent, the resolution recorded): none failed. */
  private void assertCaseGoesOn(Case complaint) {
    ProcessTests.runDueJobs(managementService, identityService, complaint.id());
    assertThat(managementService.createJobQuery().processInstanceId(complaint.id()).withException().list())
        .as("failed jobs of " + complaint.number()).isEmpty();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(complaint.id()).count())
        .as("incidents of " + complaint.number()).isZero();
  }

  // ------------------------------------------------------------------ the engine REST API

  /**
   * Completes the field's task through the engine REST API as the staff member who works it (texts
   * refused with a 4xx are followed by the next one on the same task); returns the stored text.
   */
  private String submit(Case complaint, Field field, String text, Random random) throws Exception {
    String activity = switch (field) {
      case REPLY -> ComplaintProcess.Element.REPLY;
      case NOTE -> ComplaintProcess.Element.SUPERVISE_HANDLING;
      case HANDLING -> ComplaintProcess.Element.HANDLE;
      case COMMENT -> ComplaintProcess.Element.CALLBACK;
    };
    String user = switch (field) {
      case REPLY, COMMENT -> "sz-frontdesk";
      case NOTE -> "sz-supervisor";
      case HANDLING -> "sz-property";
    };
    Task task = task(complaint, activity);
    if (task.getAssignee() == null) {
      HttpResponse<String> claimed = rest("POST", "/engine-rest/task/" + task.getId() + "/claim", user,
          JSON.writeValueAsString(Map.of("userId", user)));
      assertThat(claimed.statusCode()).as(user + " claims " + activity + ": " + claimed.body()).isEqualTo(204);
    }
    int[] outcome = outcomes.computeIfAbsent(field, f -> new int[2]);
    for (int attempt = 0; ; attempt++) {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put(field.variable, Map.of("value", text, "type", "String"));
      if (field == Field.COMMENT) {
        variables.put(ComplaintProcess.Var.SATISFACTION, Map.of("value", 5, "type", "Integer"));
        variables.put(ComplaintProcess.Var.OWNER_SATISFIED, Map.of("value", true, "type", "Boolean"));
      }
      HttpResponse<String> answer = rest("POST", "/engine-rest/task/" + task.getId() + "/complete", user,
          JSON.writeValueAsString(Map.of("variables", variables)));
      String what = "POST /engine-rest/task/{id}/complete (" + activity + ") as " + user + " with " + field.variable + " = "
          + shown(text) + " -> " + answer.statusCode() + " " + abbreviate(answer.body());
      assertThat(answer.statusCode()).as(what).isNotEqualTo(500).isBetween(200, 499);
      assertThat(answer.body()).as(what).doesNotContain("at com.").doesNotContain("at org.").doesNotContain("Exception:");
      if (answer.statusCode() < 300) {
        outcome[0]++;
        assertStoredVerbatim(complaint, field, text);
        assertCaseGoesOn(complaint);
        return text;
      }
      outcome[1]++;
      assertThat(attempt).as("the task takes none of the texts: " + what).isLessThan(20);
      text = TEXTS.get(random.nextInt(TEXTS.size()));
    }
  }

  /** The text reads back as written: the variable (and its history) through the API as a supervisor, the case record, the SMS. */
  private void assertStoredVerbatim(Case complaint, Field field, String text) throws Exception {
    String what = field.variable + " of " + complaint.number() + " written as " + shown(text);
    boolean running = runtimeService.createProcessInstanceQuery().processInstanceId(complaint.id()).count() == 1;
    if (running) {
      HttpResponse<String> variable = rest("GET", "/engine-rest/process-instance/" + complaint.id() + "/variables/"
          + field.variable + "?deserializeValue=false", "sz-supervisor", null);
      assertThat(variable.statusCode()).as(what + ": " + variable.body()).isEqualTo(200);
      assertThat(JSON.readTree(variable.body()).path("value").asText()).as("variable " + what).isEqualTo(text);
    }
    HttpResponse<String> history = rest("GET", "/engine-rest/history/variable-instance?processInstanceId=" + complaint.id()
        + "&variableName=" + URLEncoder.encode(field.variable, StandardCharsets.UTF_8)
        + "&deserializeValues=false&firstResult=0&maxResults=10",
        "sz-supervisor", null);
    assertThat(history.statusCode()).as(what + ": " + history.body()).isEqualTo(200);
    JsonNode versions = JSON.readTree(history.body());
    assertThat(versions.size()).as("history of " + what).isEqualTo(1);
    assertThat(versions.get(0).path("value").asText()).as("history of " + what).isEqualTo(text);
    if (field == Field.REPLY) {
      ProcessTests.runDueJobs(managementService, identityService, complaint.id());
      assertThat(cases.find(complaint.number()).orElseThrow().replyText()).as("case record: " + what).isEqualTo(text);
      assertThat(outbox.find(complaint.number(), "reply", OWNER_PHONE)).as("the reply SMS of " + complaint.number())
          .get().satisfies(sms -> assertThat(sms.body()).as("SMS: " + what).contains(text));
    } else if (field == Field.HANDLING) {
      assertThat(cases.find(complaint.number()).orElseThrow().handlingResult()).as("case record: " + what).isEqualTo(text);
    }
  }

  private HttpResponse<String> rest(String method, String path, String user, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + STAFF_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** 5xx answers counted by the server (every request, engine REST and webapps included). */
  private long serverErrors() {
    return meters.find("http.server.requests").tag("outcome", "SERVER_ERROR").timers().stream().mapToLong(Timer::count).sum();
  }

  // ------------------------------------------------------------------ the browser

  private void switchTasklistUser(String user) throws Exception {
    browser.manage().deleteAllCookies();
    logInToTasklist(user);
    resourceTimingBuffer();
  }

  /** Opens the task in Tasklist (logged in) and waits for its form. */
  private void openForm(Task task, String fieldId) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
    wait.until(ExpectedConditions.visibilityOfElementLocated(field(fieldId)));
  }

  /** A read-only field of the form shows the stored text as it is (Tasklist renders the view more than once: wait for it). */
  private void assertShows(String fieldId, String text) {
    String expected = text.replace("\r\n", "\n").replace('\r', '\n'); // what a textarea's value is made of
    try {
      wait.until(d -> expected.equals(d.findElement(field(fieldId)).getDomProperty("value")));
    } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.StaleElementReferenceException e) {
      assertThat(browser.findElement(field(fieldId)).getDomProperty("value")).as(fieldId + " shows the text as stored")
          .isEqualTo(expected);
    }
  }

  /**
   * Opens a variable of the Cockpit table for editing (编辑变量), where its whole value stands in an
   * input, and checks it is the stored text (an input's value holds no line breaks). Nothing is saved:
   * the next page leaves the row as it was.
   */
  private void assertCockpitShowsInFull(String variable, String text) {
    By row = By.xpath("//tr[td[normalize-space(.)='" + variable + "']]");
    js("arguments[0].scrollIntoView({block: 'center'});", browser.findElement(row));
    browser.findElement(row).findElement(By.cssSelector("button")).click();
    String expected = text.replace("\r", "").replace("\n", "");
    try {
      wait.until(d -> d.findElement(row).findElements(By.cssSelector("input, textarea")).stream()
          .anyMatch(input -> expected.equals(input.getDomProperty("value"))));
    } catch (org.openqa.selenium.TimeoutException e) {
      assertThat(browser.findElement(row).findElements(By.cssSelector("input, textarea")).stream()
          .map(input -> input.getDomProperty("value")).toList()).as("Cockpit shows " + variable + " in full").contains(expected);
    }
  }

  /** Claims the open task with Tasklist's 认领 button, as staff do, and waits for the form to open for input. */
  private void claimInTasklist() {
    click(By.xpath("//button[normalize-space(.)='认领'] | //a[normalize-space(.)='认领']"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[normalize-space(.)='取消认领']")));
  }

  /** Types the text into a form field as a user would, until the form holds exactly what was typed. */
  private void typeInto(String fieldId, String text) throws Exception {
    Thread.sleep(1000); // Tasklist renders the task view more than once while it loads; let it settle
    for (int attempt = 1; ; attempt++) {
      try {
        WebElement area = wait.until(ExpectedConditions.elementToBeClickable(field(fieldId)));
        area.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        area.sendKeys(text);
        Thread.sleep(500); // form-js takes the typed value after a short debounce
        if (text.equals(browser.findElement(field(fieldId)).getDomProperty("value"))) {
          return;
        }
      } catch (org.openqa.selenium.StaleElementReferenceException rerendered) {
        // the form was rendered again: type again
      }
      if (attempt == 3) {
        assertThat(browser.findElement(field(fieldId)).getDomProperty("value")).as("what " + fieldId + " holds after typing")
            .isEqualTo(text);
      }
    }
  }

  private void completeInTasklist(Task task) throws Exception {
    clickComplete();
    try {
      wait.until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
    } catch (org.openqa.selenium.TimeoutException e) {
      HeadlessChromium.screenshot(browser, "staff-text-not-completed-" + task.getTaskDefinitionKey());
      throw e;
    }
  }

  private Object js(String script, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(script, arguments);
  }

  private String bodyText() {
    return browser.findElement(By.tagName("body")).getText();
  }

  /** Keeps every request of the page in the resource timing buffer (its default is 250 entries). */
  private void resourceTimingBuffer() {
    js("performance.setResourceTimingBufferSize(100000);");
  }

  /**
   * Nothing ran in the page: no payload set window.casedeskXss; no element carries a payload in an
   * event handler, a URL or srcdoc attribute, and no script holds one (markup that got into the
   * page, whether or not the Content-Security-Policy then stopped it); no finished request of the
   * page answered 5xx (the server's own count, checked at the end, also covers any still in flight).
   */
  private void assertNothingRan(String where) {
    browserViews++;
    Object ran = js("return window.casedeskXss === undefined ? null : String(window.casedeskXss);");
    assertThat(ran).as("a payload ran in " + where + " (window.casedeskXss = its number in RUNNING, from 1)").isNull();
    @SuppressWarnings("unchecked")
    List<String> injected = (List<String>) js("""
        const found = [];
        const scan = doc => {
          for (const el of doc.querySelectorAll('*')) {
            for (const a of Array.from(el.attributes)) {
              const n = a.name.toLowerCase();
              if (a.value.includes('casedeskXss') && (n.startsWith('on') || n.startsWith('ng-')
                  || ['href', 'src', 'srcdoc', 'data', 'action', 'formaction', 'xlink:href', 'style', 'background']
                    .includes(n))) {
                found.push(el.outerHTML.slice(0, 200));
              }
            }
            if (el.tagName === 'SCRIPT' && el.textContent.includes('casedeskXss')) {
              found.push(el.outerHTML.slice(0, 200));
            }
            if (el.tagName === 'IFRAME') {
              try { if (el.contentDocument) scan(el.contentDocument); } catch (e) { /* another origin */ }
            }
          }
        };
        scan(document);
        return found;""");
    assertThat(injected).as("markup from stored text got into the page in " + where).isEmpty();
    @SuppressWarnings("unchecked")
    List<String> failed = (List<String>) js("""
        return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
          .filter(e => e.responseStatus >= 500).map(e => e.responseStatus + ' ' + e.name);""");
    assertThat(failed).as("requests answered 5xx in " + where).isEmpty();
  }

  // ------------------------------------------------------------------ messages

  /** The text as Java would write it, invisible and control characters escaped, abbreviated. */
  private static String shown(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints().limit(80).forEach(c -> {
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || INVISIBLE.indexOf(c) >= 0 || (c >= 0xe000 && c <= 0xf8ff)) {
        out.append(String.format("\\u%04x", c));
      } else if (c == '"' || c == '\\') {
        out.append('\\').append((char) c);
      } else {
        out.appendCodePoint(c);
      }
    });
    out.append(text.codePointCount(0, text.length()) > 80 ? "…\" (" + text.length() + " chars)" : "\"");
    return out.toString();
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
